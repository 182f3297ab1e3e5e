// Findings for people: one `path:line:col: severity kind message` line each, a blank line between
// files (the grouping is the formatter's, never the command's), then the summary lines.
import type { Finding } from '../model.js';
import { formatFindingLine } from './finding-line.js';

export interface TextOptions {
  /** ANSI colour (decided at the edge: NO_COLOR, FORCE_COLOR, a terminal). */
  color: boolean;
}

const paint = (on: boolean, code: number, s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The finding lines alone; files in the order they first appear, a blank line between them. */
export function findingLines(findings: readonly Finding[], opts: TextOptions): string {
  const out: string[] = [];
  let file: string | null = null;
  for (const f of findings) {
    if (file !== null && f.file !== file) out.push('');
    file = f.file;
    out.push(formatFindingLine(f, opts));
  }
  return out.length ? `${out.join('\n')}\n` : '';
}

/** `check`'s text report: the finding lines and one summary line of counts. */
export function renderFindingsText(findings: readonly Finding[], counts: Record<string, number>, opts: TextOptions): string {
  const files = new Set(findings.map((f) => f.file)).size;
  const errors = counts.errors ?? 0;
  const warnings = counts.warnings ?? 0;
  const head =
    findings.length === 0
      ? paint(opts.color, 32, '✓ no link problems')
      : `${paint(opts.color, errors ? 31 : 33, `✖ ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`)} in ${plural(files, 'file')}`;
  const facts = [`${plural(counts.links ?? 0, 'link')} in ${plural(counts.files ?? 0, 'file')}`];
  if (counts.suppressed) facts.push(`${counts.suppressed} silenced by odyssey-disable comments`);
  if (counts.ignored) facts.push(`${counts.ignored} ignored by links.ignore`);
  if (counts['unchecked-anchor']) facts.push(`${counts['unchecked-anchor']} anchors in non-markdown targets not checked`);
  if (counts.external && counts['external-checked'] === undefined) facts.push(`${counts.external} web links not fetched (use --external)`);
  const lines = findingLines(findings, opts);
  const change = counts.new !== undefined ? `\n${counts.new} new, ${counts.existing ?? 0} existing (not failing), ${counts.fixed ?? 0} fixed by this change` : '';
  return `${lines}${lines ? '\n' : ''}${head} (${facts.join('; ')})${change}\n`;
}
