// The JSON report: everything a later step needs, in a file under RUNNER_TEMP (its path is the
// `report` output), so outputs stay small whatever the number of findings.
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Finding } from '../core/model.js';

export interface ActionReport {
  version: string;
  event: string;
  sha: string;
  changed: boolean;
  commitSha: string;
  /** "03-transformers: todo → in-progress", one per changed row. */
  tableChanges: string[];
  written: string[];
  modules: Array<{ id: string; status: string | null }>;
  findings: Finding[];
  /** On a pull request judged against its base: the findings there that it fixes. */
  fixed?: Finding[];
  counts: { errors: number; warnings: number; brokenLinks: number; placeholderLinks: number };
  staleTopics: Array<{ id: string; title: string; daysIdle: number; lastActivity: string }>;
  issues: string[];
  notes: string[];
}

/** Where the report goes: RUNNER_TEMP on a runner, the system temp folder elsewhere; one file a step. */
export function reportPath(env: NodeJS.ProcessEnv): string {
  const dir = env.RUNNER_TEMP || os.tmpdir();
  const step = (env.GITHUB_ACTION || 'odyssey').replace(/[^A-Za-z0-9_.-]+/g, '_');
  return path.join(dir, `odyssey-report-${step}.json`);
}

export async function writeReport(file: string, report: ActionReport): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(report, null, 2) + '\n');
}
