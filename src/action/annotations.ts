// GitHub shows at most 10 error and 10 warning annotations a step: choose the most useful ones
// (files the pull request touches first, sure problems before network ones, spread over files),
// and say how many more are in the job summary.
import type { Finding, Severity } from '../core/model.js';

export const ANNOTATION_LIMIT = 10;

export interface ChosenAnnotations {
  errors: Finding[];
  warnings: Finding[];
  moreErrors: number;
  moreWarnings: number;
}

// Network verdicts can be a bad moment for the far server; the rest is certain.
const UNCERTAIN = new Set(['http-error', 'http-timeout', 'http-unreachable', 'http-rate-limited', 'blocked-address']);

function rank(f: Finding, changed: ReadonlySet<string> | undefined): number {
  return (changed && !changed.has(f.file) ? 2 : 0) + (UNCERTAIN.has(f.kind) ? 1 : 0);
}

/** The first `limit` of one severity: best rank first, then one per file in turn so no file hogs them. */
function pick(findings: Finding[], severity: Severity, limit: number, changed: ReadonlySet<string> | undefined): Finding[] {
  const seen = new Set<string>();
  const pool = findings.filter((f) => {
    const key = `${f.file}\0${f.line}\0${f.column}\0${f.kind}\0${f.message}`;
    if (f.severity !== severity || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const chosen: Finding[] = [];
  const byRank = new Map<number, Finding[]>();
  for (const f of pool) {
    const r = rank(f, changed);
    byRank.set(r, [...(byRank.get(r) ?? []), f]);
  }
  for (const r of [...byRank.keys()].sort((a, b) => a - b)) {
    const perFile = new Map<string, Finding[]>();
    for (const f of byRank.get(r)!) perFile.set(f.file, [...(perFile.get(f.file) ?? []), f]);
    const queues = [...perFile.values()];
    for (let i = 0; chosen.length < limit && queues.some((q) => i < q.length); i++) {
      for (const q of queues) {
        if (chosen.length >= limit) break;
        if (i < q.length) chosen.push(q[i]!);
      }
    }
    if (chosen.length >= limit) break;
  }
  return chosen;
}

export function chooseAnnotations(findings: Finding[], opts: { limit?: number; changedFiles?: ReadonlySet<string> } = {}): ChosenAnnotations {
  const limit = opts.limit ?? ANNOTATION_LIMIT;
  const errors = pick(findings, 'error', limit, opts.changedFiles);
  const warnings = pick(findings, 'warning', limit, opts.changedFiles);
  const total = (s: Severity) => new Set(findings.filter((f) => f.severity === s).map((f) => `${f.file}\0${f.line}\0${f.column}\0${f.kind}\0${f.message}`)).size;
  return { errors, warnings, moreErrors: total('error') - errors.length, moreWarnings: total('warning') - warnings.length };
}

/** "3 more errors and 1 more warning are in the job summary", or null when all were shown. */
export function moreInSummary(c: Pick<ChosenAnnotations, 'moreErrors' | 'moreWarnings'>): string | null {
  const parts: string[] = [];
  if (c.moreErrors > 0) parts.push(`${c.moreErrors} more error${c.moreErrors === 1 ? '' : 's'}`);
  if (c.moreWarnings > 0) parts.push(`${c.moreWarnings} more warning${c.moreWarnings === 1 ? '' : 's'}`);
  if (parts.length === 0) return null;
  const many = c.moreErrors + c.moreWarnings > 1;
  return `${parts.join(' and ')} ${many ? 'are' : 'is'} in the job summary (GitHub shows ${ANNOTATION_LIMIT} errors and ${ANNOTATION_LIMIT} warnings a step)`;
}

export interface AnnotationProperties {
  title: string;
  file: string;
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

/** Where GitHub should pin a finding: `prefix` is the root's path inside the workspace ('' or `sub/`). */
export function annotationProperties(f: Finding, prefix: string): AnnotationProperties {
  const props: AnnotationProperties = { title: `odyssey: ${f.kind}`, file: `${prefix}${f.file}`, startLine: f.line };
  // GitHub ignores columns on annotations spanning lines; keep them only on one-line spans.
  if (f.endLine === undefined || f.endLine === f.line) {
    props.startColumn = f.column;
    if (f.endColumn !== undefined) props.endColumn = f.endColumn;
  }
  if (f.endLine !== undefined) props.endLine = f.endLine;
  return props;
}
