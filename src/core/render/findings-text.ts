// Findings for people: grouped by file, `line:col`, severity, message, kind; one summary line.
import type { Finding } from '../model.js';

export interface TextOptions {
  /** ANSI colour; only when printing to a terminal. */
  color: boolean;
}

const paint = (on: boolean, code: number, s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function renderFindingsText(findings: readonly Finding[], counts: Record<string, number>, opts: TextOptions): string {
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  for (const [file, list] of byFile) {
    out.push(paint(opts.color, 4, file));
    const pos = list.map((f) => `${f.line}:${f.column}`);
    const width = Math.max(...pos.map((p) => p.length));
    list.forEach((f, i) => {
      const sev = f.severity === 'error' ? paint(opts.color, 31, 'error  ') : paint(opts.color, 33, 'warning');
      // With a base commit (SPEC §8): which findings the change brought, and certain fixes.
      const change = f.change ? `  ${paint(opts.color, f.change === 'new' ? 1 : 2, `(${f.change})`)}` : '';
      const fix = f.fix ? `  fix: write \`${f.fix.url}\`` : '';
      out.push(`  ${paint(opts.color, 2, pos[i]!.padEnd(width))}  ${sev}  ${f.message}  ${paint(opts.color, 2, f.kind)}${change}${fix}`);
    });
    out.push('');
  }
  const errors = counts.errors ?? 0;
  const warnings = counts.warnings ?? 0;
  const head =
    findings.length === 0
      ? paint(opts.color, 32, '✓ no link problems')
      : `${paint(opts.color, errors ? 31 : 33, `✖ ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`)} in ${plural(byFile.size, 'file')}`;
  const facts = [`${plural(counts.links ?? 0, 'link')} in ${plural(counts.files ?? 0, 'file')}`];
  if (counts.suppressed) facts.push(`${counts.suppressed} silenced by odyssey-disable comments`);
  if (counts.ignored) facts.push(`${counts.ignored} ignored by links.ignore`);
  if (counts['unchecked-anchor']) facts.push(`${counts['unchecked-anchor']} anchors in non-markdown targets not checked`);
  if (counts.external && counts['external-checked'] === undefined) facts.push(`${counts.external} web links not fetched (use --external)`);
  out.push(`${head} (${facts.join('; ')})`);
  if (counts.new !== undefined) out.push(`${counts.new} new, ${counts.existing ?? 0} existing (not failing), ${counts.fixed ?? 0} fixed by this change`);
  return `${out.join('\n')}\n`;
}
