// Findings as GitHub workflow commands (`::error file=…,line=…,col=…,title=…::message`): a
// `--format github` run inside any workflow step annotates the files. Escaped as the runner
// parses them (actions/toolkit `toCommandValue` / `escapeProperty`), so a message cannot end the
// command early or start another.
import type { Finding } from '../model.js';

/** The message part: `%`, CR and LF escaped. */
export function escapeCommandData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which end a property. */
export function escapeCommandProperty(s: string): string {
  return escapeCommandData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithubCommand(f: Finding): string {
  const props: Array<[string, string | number]> = [
    ['file', f.file],
    ['line', Math.max(1, f.line)],
    ['col', Math.max(1, f.column)],
  ];
  if (f.endLine !== undefined) props.push(['endLine', f.endLine]);
  if (f.endColumn !== undefined) props.push(['endColumn', f.endColumn]);
  props.push(['title', `odyssey ${f.kind}`]);
  const p = props.map(([k, v]) => `${k}=${escapeCommandProperty(String(v))}`).join(',');
  return `::${f.severity === 'error' ? 'error' : 'warning'} ${p}::${escapeCommandData(f.message)}`;
}

export function renderFindingsGithub(findings: readonly Finding[]): string {
  return findings.map((f) => `${formatGithubCommand(f)}\n`).join('');
}
