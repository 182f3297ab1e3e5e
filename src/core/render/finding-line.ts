import type { Finding } from '../model.js';

/** ANSI styles for a finding line; every style a no-op without colour. */
export interface LineStyle {
  color: boolean;
}

const paint = (on: boolean, code: number, s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/**
 * `path:line:col: severity kind message` (SPEC §5) — one line, the form editors and terminals
 * turn into links. A message of several lines (a block to paste) continues below, indented.
 */
export function formatFindingLine(f: Finding, style: LineStyle = { color: false }): string {
  const c = style.color;
  const [first, ...rest] = f.message.split('\n');
  const sev = paint(c, f.severity === 'error' ? 31 : 33, f.severity);
  // With a base commit (SPEC §8): whether the change brought it, and a certain fix.
  const change = f.change ? ` ${paint(c, f.change === 'new' ? 1 : 2, `(${f.change})`)}` : '';
  const fix = f.fix ? ` (fix: write \`${f.fix.url}\`)` : '';
  const head = `${paint(c, 1, `${f.file}:${f.line}:${f.column}`)}: ${sev} ${paint(c, 2, f.kind)} ${first}${change}${fix}`;
  return rest.length === 0 ? head : [head, ...rest.map((l) => (l ? `    ${l}` : ''))].join('\n');
}
