// `odyssey fix`: every certain fix (SPEC §8) written into its file. A plan first (data: each file
// before and after); only `applyFixPlan` writes. Only link targets change, every other byte stays.
import { applyTextFixes, type TextFix } from '../core/change/apply-fixes.js';
import { withCertainFixes } from '../core/change/certain-fix.js';
import type { Config } from '../core/config.js';
import type { Finding } from '../core/model.js';
import { readRepoText, writeRepoFile } from '../io/files.js';
import { RepoReader } from '../io/reader.js';
import { runCheck } from './check.js';
import { runCheckWithBase } from './check-base.js';

export interface FixOptions {
  root: string;
  config: Config;
  /** With a base commit, fixes that need it too: renamed files, retitled headings. */
  base?: string;
  cache?: boolean;
}

export interface FileFix {
  file: string;
  before: string;
  after: string;
  applied: TextFix[];
  /** Fixes whose link was not found where the finding said (the file changed meanwhile). */
  skipped: TextFix[];
}

export interface FixPlan {
  files: FileFix[];
  /** Findings with no certain fix, left for a person. */
  left: number;
}

/** Findings with a certain fix → the files' new texts. Reads, never writes. */
export async function planFixes(opts: FixOptions): Promise<FixPlan> {
  const io = opts.cache === false ? { cacheFile: null } : {};
  const check = { root: opts.root, config: opts.config, failOn: 'never' as const, external: false };
  let findings: Finding[];
  if (opts.base !== undefined) findings = (await runCheckWithBase({ ...check, base: opts.base }, io)).findings;
  else {
    const r = await runCheck(check, io);
    findings = withCertainFixes(r.findings, { view: r.repo.view, renamed: new Map() }).findings;
  }
  const byFile = new Map<string, TextFix[]>();
  let left = 0;
  for (const f of findings) {
    if (!f.fix || f.url === undefined) {
      if (f.kind === 'missing-file' || f.kind === 'missing-anchor') left++;
      continue;
    }
    const list = byFile.get(f.file) ?? [];
    list.push({ line: f.line, column: f.column, url: f.url, to: f.fix.url });
    byFile.set(f.file, list);
  }
  const files: FileFix[] = [];
  const reader = new RepoReader(opts.root);
  for (const [file, fixes] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const before = readRepoText(reader, file);
    if (before === null) continue;
    const r = applyTextFixes(before, fixes);
    files.push({ file, before, after: r.text, applied: r.applied, skipped: r.skipped });
  }
  return { files, left };
}

/** The one step that writes. */
export async function applyFixPlan(root: string, plan: FixPlan): Promise<void> {
  const reader = new RepoReader(root);
  for (const f of plan.files) if (f.after !== f.before) writeRepoFile(reader, f.file, f.after);
}
