// The job summary: progress bar, the table change in words, what was written, findings and stale
// topics. Pure: returns markdown under GitHub's 1 MiB limit a step, cutting the findings list
// (never the head of the page) and saying where the rest is.
import type { Finding, Module } from '../core/model.js';
import { progressLine } from '../core/table/index.js';
import { renderCharts } from '../core/render/chart.js';

/** GitHub refuses a step summary over 1 MiB; keep well under it. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024;

export interface SummaryStaleTopic {
  id: string;
  title: string;
  daysIdle: number;
  lastActivity: string;
}

export interface SummaryInput {
  /** Null when sync did not run. */
  modules: Module[] | null;
  /** "03-transformers: todo → in-progress", one per changed row. */
  tableChanges: string[];
  /** What changed and what was done with it, one line each. */
  written: string[];
  findings: Finding[];
  /** Null when stale topics were not looked at this run. */
  stale: SummaryStaleTopic[] | null;
  /** Issue operations done or planned, one line each. */
  issues: string[];
  notes: string[];
  reportPath?: string;
  /** The journey over time (burn-up, streaks, durations, forecasts), markdown lines; absent: not shown. */
  journey?: string[];
  /** Where findings link to: `GITHUB_SERVER_URL`/owner/repo, the commit the run checked, and the root's path in the repository. */
  links?: SummaryLinks;
}

export interface SummaryLinks {
  /** e.g. `https://github.example.com/learner/journey` (from GITHUB_SERVER_URL, never the API URL). */
  repoUrl: string;
  /** The commit the findings were made on: line links never move. */
  sha: string;
  /** '' or `sub/dir/`. */
  prefix: string;
}

/** A permalink to a line of a file: `…/blob/SHA/path#L3`, each path segment percent-encoded. */
export function lineLink(l: SummaryLinks, file: string, line: number): string {
  const p = `${l.prefix}${file}`.split('/').map(encodeURIComponent).join('/');
  return `${l.repoUrl}/blob/${encodeURIComponent(l.sha)}/${p}#L${line}`;
}

/**
 * Text safe inside a markdown table cell. Inside `code spans` entities would show literally, so
 * there only the pipe is escaped (GFM reads `\|` as a pipe even in code within a table).
 */
export function cell(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) =>
      (i % 2 === 1
        ? part.replace(/\r?\n/g, ' ')
        : part.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, '<br>')
      ).replace(/\|/g, '\\|'),
    )
    .join('');
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export function renderSummary(input: SummaryInput, limit = SUMMARY_LIMIT_BYTES): string {
  const head: string[] = ['## odyssey', ''];
  // The same line as above the README's table, so the two never disagree.
  if (input.modules) {
    head.push(progressLine(input.modules), '');
    // The pie the README's chart zone shows; GitHub draws Mermaid in job summaries too.
    if (input.modules.length > 0) head.push(renderCharts(input.modules, { now: '1970-01-01', pie: true, gantt: false }).trimEnd(), '');
  }

  head.push('### Progress table', '');
  if (input.tableChanges.length === 0) head.push(input.modules ? 'No change: the table is up to date.' : 'Not rebuilt on this run.');
  else head.push(...input.tableChanges.slice(0, 200).map((l) => `- ${l}`), ...(input.tableChanges.length > 200 ? [`- … and ${input.tableChanges.length - 200} more`] : []));
  head.push('');
  if (input.written.length > 0) head.push('### Written', '', ...input.written.map((l) => `- ${l}`), '');
  if (input.journey) head.push(...input.journey);

  if (input.stale) {
    head.push('### Stale topics', '');
    if (input.stale.length === 0) head.push('None.');
    else {
      head.push('| Topic | Idle | Last activity |', '| --- | ---: | --- |');
      for (const t of input.stale.slice(0, 500)) head.push(`| ${cell(t.title)} (\`${t.id}\`) | ${t.daysIdle} days | ${t.lastActivity} |`);
    }
    head.push('');
    if (input.issues.length > 0) head.push(...input.issues.map((l) => `- ${l}`), '');
  }
  if (input.notes.length > 0) head.push('### Notes', '', ...input.notes.map((n) => `- ${n}`), '');

  const errors = input.findings.filter((f) => f.severity === 'error').length;
  const warnings = input.findings.length - errors;
  head.push('### Findings', '');
  if (input.findings.length === 0) {
    head.push('None.', '');
    return head.join('\n');
  }
  head.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`, '', '| | Where | Kind | Message |', '| --- | --- | --- | --- |');

  let text = head.join('\n') + '\n';
  // Counted as it grows: measuring the whole text per row would be quadratic in the findings.
  let size = bytes(text);
  const reserve = 512;
  const rows: string[] = [];
  for (const f of input.findings) {
    const where = `\`${cell(f.file)}:${f.line}:${f.column}\``;
    const linked = input.links && input.links.sha ? `[${where}](${lineLink(input.links, f.file, f.line)})` : where;
    const row = `| ${f.severity === 'error' ? '❌' : '⚠️'} | ${linked} | ${f.kind} | ${cell(f.message)} |\n`;
    const n = bytes(row);
    if (size + n + reserve > limit) break;
    rows.push(row);
    size += n;
  }
  const shown = rows.length;
  text += rows.join('');
  if (shown < input.findings.length) {
    const where = input.reportPath ? `the JSON report (\`report\` output, ${input.reportPath})` : 'the JSON report (`report` output)';
    text += `\n… and ${input.findings.length - shown} more findings, left out to keep this summary under GitHub's 1 MiB limit: see ${where}.\n`;
  }
  return text;
}
