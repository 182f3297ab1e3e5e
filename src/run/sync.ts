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
import { weeklySeries, type JourneyHistory, type WeekPoint } from '../core/history/index.js';
import { readJourneyHistory } from '../io/git-history.js';
import { fileHistoryCache } from '../io/history-cache.js';
import { cacheFolder } from './history.js';
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
  /** Why the burn-up chart was left as it was (a shallow clone, no git), when it was. */
  notes: string[];
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
  const notes: string[] = [];
  const burnup = await burnupSeries(root, config, readmeText, modules, notes);
  const plan = planSync({
    readme: { path: readmePath, text: readmeText },
    modules,
    config,
    today: opts.today ?? (await chartDay(root, config, readmeText)),
    badgeBefore,
    ...(burnup ? { burnup } : {}),
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
    notes,
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

/**
 * The burn-up's weeks: the committed history, plus the working tree where it differs from the
 * last commit (counted today: committing it today gives the same weeks, so `sync` then `commit`
 * then `sync --check` agree). No history to read (a shallow clone, no git): keep the chart as is.
 */
async function burnupSeries(root: string, config: Config, readme: string, modules: readonly Module[], notes: string[]): Promise<WeekPoint[] | 'keep' | undefined> {
  if (!config.chart.burnup || !readme.includes('odyssey:chart:start')) return undefined;
  const read = await readJourneyHistory(root, config.modules, fileHistoryCache(root, cacheFolder(config)));
  if (!read.available || read.shallow) {
    // Outside git there is no history to ask for; a shallow clone can have it, so it says how.
    if (read.shallow) notes.push('the burn-up chart was left as it was: this is a shallow clone (fetch the whole history with `fetch-depth: 0` to redraw it)');
    return 'keep';
  }
  return weeklySeries(withWorkingTree(read.history, modules, new Date().toISOString().slice(0, 10)));
}

export function withWorkingTree(h: JourneyHistory, modules: readonly Module[], today: string): JourneyHistory {
  const past = new Map(h.topics.map((t) => [t.id, t]));
  const topics = modules.map((m) => {
    const t = past.get(m.id);
    const events = t ? [...t.events] : [];
    if (m.status !== null) {
      const done = m.tasks.filter((x) => x.done).length;
      const last = events[events.length - 1];
      if (!last || last.status !== m.status || last.tasksDone !== done || last.tasksTotal !== m.tasks.length) {
        events.push({ date: today, status: m.status, tasksDone: done, tasksTotal: m.tasks.length, commit: '' });
      }
    }
    return { id: m.id, title: m.title, events };
  });
  return { topics, skipped: h.skipped };
}
