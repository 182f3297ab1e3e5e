// init: read the README → read the module READMEs its table names → plan → write unless a dry run.
import path from 'node:path';
import type { Config } from '../core/config.js';
import { Exit, UsageError } from '../core/exit.js';
import { planInit, prepareInit, type InitPlan } from '../core/init/index.js';
import type { Finding } from '../core/model.js';
import { NEW_TOPIC_TEMPLATE } from '../core/topics/new-topic-form.js';
import { readRepoText, writeRepoFile } from '../io/files.js';
import { RepoReader } from '../io/reader.js';

export interface InitOptions {
  root: string;
  config: Config;
  /** Absolute path of the configuration file that was read, or null when there is none. */
  configFile: string | null;
  dryRun: boolean;
  /** Also add the chart zone after the progress zone. */
  charts?: boolean;
}

export type InitResult =
  | { ok: true; plan: InitPlan; written: string[]; exitCode: number }
  /** No progress table (or broken markers): nothing planned, exit 2. */
  | { ok: false; problem: Finding; exitCode: number };

const toPosix = (p: string): string => p.split(path.sep).join('/');

export async function runInit(opts: InitOptions): Promise<InitResult> {
  const { root, config } = opts;
  const reader = new RepoReader(root);
  const readmePath = reader.relative(config.readme);
  if (readmePath === null) throw new UsageError(`\`readme:\` in .odyssey.yml names a file outside the repository: odyssey reads and writes only inside it`);
  const readmeText = readRepoText(reader, readmePath);
  if (readmeText === null) {
    throw new UsageError(`${readmePath} does not exist: init reads the progress table from it (set \`readme:\` in .odyssey.yml if it has another name)`);
  }
  const prepared = prepareInit({ path: readmePath, text: readmeText }, toPosix(path.normalize(config.modules)));
  if (prepared.kind === 'problem') return { ok: false, problem: prepared.finding, exitCode: Exit.usage };

  const existing: Record<string, string | null> = {};
  for (const d of prepared.drafts) existing[d.file] = readRepoText(reader, d.file);
  const configPath = opts.configFile === null ? null : toPosix(path.relative(root, opts.configFile)) || opts.configFile;
  const plan = planInit({ prepared, existing, configColumns: config.table.columns, configPath, charts: opts.charts === true, issueForm: { existing: readRepoText(reader, NEW_TOPIC_TEMPLATE) } });

  const written: string[] = [];
  if (!opts.dryRun) {
    for (const c of plan.changes) {
      writeRepoFile(reader, c.path, c.after);
      written.push(c.path);
    }
  }
  return { ok: true, plan, written, exitCode: Exit.ok };
}
