import type { Finding } from '../model.js';

/**
 * `file:line:col: severity: message [kind]` — the form editors and terminals turn into links.
 * A message of several lines (a block to paste) continues below, indented, after the kind.
 */
export function formatFindingLine(f: Finding): string {
  const [first, ...rest] = f.message.split('\n');
  const head = `${f.file}:${f.line}:${f.column}: ${f.severity}: ${first} [${f.kind}]`;
  return rest.length === 0 ? head : [head, ...rest.map((l) => (l ? `    ${l}` : ''))].join('\n');
}
