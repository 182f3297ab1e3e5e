// sync: load modules → plan the README (and badge) → write unless checking.
import path from 'node:path';
import type { Config } from '../core/config.js';
import { UsageError } from '../core/exit.js';
import { Exit } from '../core/exit.js';
import type { Finding, Module } from '../core/model.js';
import { planSync, type FileChange } from '../core/sync/plan.js';
import { readTextFile, writeTextFileAtomic } from '../io/files.js';
import { loadModules } from '../io/modules.js';

export interface SyncOptions {
  root: string;
  config: Config;
  /** true: write nothing (CLI --check, action dry run or pull request). */
  check: boolean;
  /** YYYY-MM-DD; default today (UTC). */
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
  const readmePath = config.readme.split(path.sep).join('/');
  const readmeText = await readTextFile(path.join(root, config.readme));
  if (readmeText === null) {
    throw new UsageError(`${readmePath} does not exist: create it, or set \`readme:\` in .odyssey.yml to the file that holds the progress table`);
  }
  const { modules, findings } = await loadModules(root, config);
  const badgeBefore = config.badge ? await readTextFile(path.join(root, config.badge)) : undefined;
  const plan = planSync({
    readme: { path: readmePath, text: readmeText },
    modules,
    config,
    today: opts.today ?? new Date().toISOString().slice(0, 10),
    badgeBefore,
  });
  if (!plan.ok) {
    const p = plan.problem;
    throw new UsageError(`${p.file}:${p.line}:${p.column}: ${p.message}`);
  }
  if (!opts.check) {
    for (const c of plan.changes) await writeTextFileAtomic(path.join(root, c.path), c.after);
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
