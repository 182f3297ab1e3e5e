// SPEC §5: `check --format json` prints one object `{"findings": [...], "counts": {...}}`.
import type { Finding } from '../model.js';

const row = (f: Finding) => ({
  file: f.file,
  line: f.line,
  column: f.column,
  url: f.url ?? null,
  kind: f.kind,
  severity: f.severity,
  message: f.message,
  ...(f.endLine !== undefined ? { endLine: f.endLine, endColumn: f.endColumn } : {}),
  ...(f.change ? { change: f.change } : {}),
  ...(f.fix ? { fix: { url: f.fix.url } } : {}),
});

/** `fixed`: with a base commit (SPEC §8), the findings at the base that are gone now. */
export function renderFindingsJson(findings: readonly Finding[], counts: Record<string, number>, fixed?: readonly Finding[]): string {
  const out = { findings: findings.map(row), counts, ...(fixed ? { fixed: fixed.map(row) } : {}) };
  return `${JSON.stringify(out, null, 2)}\n`;
}
