// Findings as a Markdown table (a pull-request comment, a job summary, an issue): one row a
// finding, every cell made safe so a message cannot break the table or inject HTML.
import type { Finding } from '../model.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Text for a table cell: no line breaks, no `|`, no HTML, markdown punctuation shown as typed. */
export function markdownCellText(s: string): string {
  return s
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(/[\\`*_[\]<>|&#!~]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** A location shown as code: backticks inside a path get a longer fence. */
function codeSpan(s: string): string {
  const clean = s.replace(/\r\n|\r|\n/g, ' ').replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = clean.startsWith('`') || clean.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

export function renderFindingsMarkdown(findings: readonly Finding[], title = 'odyssey'): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const lines = [`### ${markdownCellText(title)}: ${findings.length === 0 ? 'no problems' : `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`}`, ''];
  if (findings.length === 0) return `${lines.join('\n')}`;
  lines.push('| Where | Severity | Kind | What to do |', '| --- | --- | --- | --- |');
  for (const f of findings) {
    lines.push(`| ${codeSpan(`${f.file}:${f.line}:${f.column}`)} | ${f.severity === 'error' ? '❌ error' : '⚠️ warning'} | ${codeSpan(f.kind)} | ${markdownCellText(f.message)} |`);
  }
  return `${lines.join('\n')}\n`;
}
