// SPEC §5: `check --format json` prints one object `{"findings": [...], "counts": {...}}`.
import type { Finding } from '../model.js';

export function renderFindingsJson(findings: readonly Finding[], counts: Record<string, number>): string {
  const list = findings.map((f) => ({
    file: f.file,
    line: f.line,
    column: f.column,
    url: f.url ?? null,
    kind: f.kind,
    severity: f.severity,
    message: f.message,
    ...(f.endLine !== undefined ? { endLine: f.endLine, endColumn: f.endColumn } : {}),
  }));
  return `${JSON.stringify({ findings: list, counts }, null, 2)}\n`;
}
