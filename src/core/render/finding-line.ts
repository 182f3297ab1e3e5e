import type { Finding } from '../model.js';

/** `file:line:col: severity: message [kind]` — the form editors and terminals turn into links. */
export function formatFindingLine(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.kind}]`;
}
