// sync: load modules → plan the README (and badge) → write unless checking.
import path from 'node:path';
import { BUILTIN_COLUMNS, type Config } from '../core/config.js';
import { UsageError } from '../core/exit.js';
import { Exit } from '../core/exit.js';
import { finding, type Finding, type Module } from '../core/model.js';
import { planSync, type FileChange } from '../core/sync/plan.js';
import { readRepoText, writeRepoFile } from '../io/files.js';
import { loadModules } from '../io/modules.js';
import { headCommitDay } from '../io/git.js';
import { RepoReader } from '../io/reader.js';

export interface SyncOptions {
  root: string;
  config: Config;
  /** true: write nothing (CLI --check, action dry run or pull request). */
  check: boolean;
  /**
   * YYYY-MM-DD where open gantt bars end. Default: the day of the last commit (so `sync --check`
   * gives the same answer on any later day), else today (UTC) outside git.
   */
  today?: string;
}

export interface SyncResult {
  modules: Module[];
  findings: Finding[];
  /** What differs from the files on disk; written unless `check`. */
  changes: FileChange[];
  written: boolean;
  exitCode: number;
}

export async function runSync(opts: SyncOptions): Promise<SyncResult> {
  const { root, config } = opts;
  const reader = new RepoReader(root);
  const readmePath = reader.relative(config.readme);
  if (readmePath === null) throw new UsageError(`\`readme:\` in .odyssey.yml names a file outside the repository: odyssey reads and writes only inside it`);
  const readmeText = readRepoText(reader, readmePath);
  if (readmeText === null) {
    throw new UsageError(`${readmePath} does not exist: create it, or set \`readme:\` in .odyssey.yml to the file that holds the progress table`);
  }
  const { modules, findings } = await loadModules(root, config, reader);
  findings.push(...unknownColumns(config, modules));
  const badgePath = config.badge ? reader.relative(config.badge) : undefined;
  if (badgePath === null) throw new UsageError(`\`badge:\` in .odyssey.yml names a file outside the repository: odyssey writes only inside it`);
  const badgeBefore = badgePath ? readRepoText(reader, badgePath) : undefined;
  const plan = planSync({
    readme: { path: readmePath, text: readmeText },
    modules,
    config,
    today: opts.today ?? (await chartDay(root, config, readmeText)),
    badgeBefore,
  });
  if (!plan.ok) {
    throw new UsageError(plan.problem.message);
  }
  if (!opts.check) {
    for (const c of plan.changes) writeRepoFile(reader, c.path, c.after);
  }
  const broken = findings.some((f) => f.severity === 'error');
  const stale = opts.check && plan.changes.length > 0;
  return {
    modules,
    findings,
    changes: plan.changes,
    written: !opts.check && plan.changes.length > 0,
    exitCode: broken || stale ? Exit.findings : Exit.ok,
  };
}

async function chartDay(root: string, config: Config, readme: string): Promise<string> {
  const fallback = new Date().toISOString().slice(0, 10);
  // Only the gantt reads the day; skip the git call when there is nothing to draw with it.
  if (!config.chart.gantt || !readme.includes('odyssey:chart:start')) return fallback;
  return (await headCommitDay(root)) ?? fallback;
}

/** A configured column that is neither built in nor any module's field is most likely a typo. */
function unknownColumns(config: Config, modules: readonly Module[]): Finding[] {
  const builtin: readonly string[] = BUILTIN_COLUMNS;
  return config.table.columns
    .filter((c) => !builtin.includes(c.key) && !modules.some((m) => Object.hasOwn(m.extra, c.key)))
    .map((c) =>
      finding(
        '.odyssey.yml',
        1,
        1,
        'config',
        'warning',
        `\`table.columns\` has \`${c.key}\`, which is neither a built-in column (${builtin.join(', ')}) nor a field of any status block: check its spelling`,
      ),
    );
}
