// The chart zone's body: a Mermaid pie of statuses and a gantt of each topic's time, as fenced
// ```mermaid blocks that GitHub draws as pictures. Pure and deterministic: `now` is handed in.
import { STATUSES, type Module, type Status } from '../model.js';
import { STATUS_LABELS } from '../status/status-labels.js';
import { UNKNOWN_LABEL } from '../table/labels.js';

export interface ChartOptions {
  /** Today, `YYYY-MM-DD`: where the bars of unfinished topics end. */
  now: string;
  pie: boolean;
  gantt: boolean;
  /** The burn-up blocks (see burnup-chart.ts), drawn after the others; absent: none. */
  burnup?: string[][];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// Gantt task names are lexed before their `:`; a name that begins like a keyword would be read as
// one (a topic called "Section 5" would open a section), so such names get a neutral first mark.
const GANTT_KEYWORD =
  /^(?:gantt\b|title\s|section\s|dateformat\s|axisformat\s|tickinterval\s|includes\s|excludes\s|todaymarker\s|weekday\s|weekend\s|inclusiveenddates\b|topaxis\b|acc|click\s|href\s|call\s|\d{4}-\d{2}-\d{2}\b|%|")/i;

/** A gantt task name: `:` would end it, `#` and `;` end the task data, a line break the line. */
export function ganttTaskName(title: string): string {
  const name = title
    .replace(/[\r\n]+/g, ' ')
    .replace(/:/g, ' -')
    .replace(/[#;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (name === '') return '(untitled)';
  return GANTT_KEYWORD.test(name) ? `▪ ${name}` : name;
}

function pieLabel(status: Status | null): string {
  const { emoji, label } = status === null ? UNKNOWN_LABEL : STATUS_LABELS[status];
  return `${emoji} ${label}`;
}

// Mermaid colours slices by position; naming each present slice's colour keeps done green
// whichever statuses happen to be missing.
const PIE_COLOR: Record<Status | 'unknown', string> = {
  todo: '#afb8c1',
  'in-progress': '#54aeff',
  paused: '#d4a72c',
  done: '#2da44e',
  unknown: '#cf222e',
};

function pie(modules: readonly Module[]): string[] {
  const counts = new Map<Status | null, number>();
  for (const m of modules) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
  const slices: string[] = [];
  const colors: Record<string, string> = {};
  // A fixed order (not the order of first appearance) so the picture is the same run to run.
  for (const s of [...STATUSES, null] as const) {
    const n = counts.get(s) ?? 0;
    if (n === 0) continue;
    slices.push(`  "${pieLabel(s)}" : ${n}`);
    colors[`pie${slices.length}`] = PIE_COLOR[s ?? 'unknown'];
  }
  const init = JSON.stringify({ themeVariables: colors });
  return ['```mermaid', `%%{init: ${init}}%%`, 'pie showData', '  title Topics by status', ...slices, '```'];
}

const GANTT_TAG: Record<Status, string> = { todo: '', 'in-progress': 'active, ', paused: '', done: 'done, ' };

function gantt(modules: readonly Module[], now: string): string[] {
  const rows: string[] = [];
  let notStarted = 0;
  let badDates = 0;
  for (const m of modules) {
    if (m.started === undefined || m.started === '') {
      notStarted++;
      continue;
    }
    if (!DATE.test(m.started) || (m.completed !== undefined && m.completed !== '' && !DATE.test(m.completed))) {
      badDates++;
      continue;
    }
    let end: string;
    if (m.completed) end = m.completed;
    // A done topic without its date has no known end: its bar is its first day, not a bar that grows daily.
    else if (m.status === 'done') end = m.started;
    else end = now;
    if (end < m.started) end = m.started;
    const tag = m.status === null ? 'crit, ' : GANTT_TAG[m.status];
    rows.push(`    ${ganttTaskName(m.title)} :${tag}${m.started}, ${end}`);
  }
  const lines = ['```mermaid', 'gantt', '  title Topics over time', '  dateFormat YYYY-MM-DD', '  axisFormat %Y-%m-%d'];
  // End dates are the completion days themselves, so a topic done in one day still shows a bar.
  lines.push('  inclusiveEndDates');
  if (notStarted > 0) lines.push(`  %% ${notStarted} topic(s) without a start date are not drawn`);
  if (badDates > 0) lines.push(`  %% ${badDates} topic(s) with a date that is not YYYY-MM-DD are not drawn`);
  if (rows.length > 0) {
    lines.push('  section Topics');
    lines.push(...rows);
  }
  lines.push('```');
  return lines;
}

/** The chart zone's body (ends with a newline). Topics are drawn in the order given. */
export function renderCharts(modules: readonly Module[], opts: ChartOptions): string {
  if (!DATE.test(opts.now)) throw new Error(`renderCharts: now must be YYYY-MM-DD, got '${opts.now}'`);
  const blocks: string[][] = [];
  if (modules.length === 0) {
    if (opts.pie || opts.gantt) blocks.push(['_No topics yet: nothing to chart._']);
  } else {
    if (opts.pie) blocks.push(pie(modules));
    if (opts.gantt) {
      const started = modules.some((m) => m.started);
      blocks.push(started ? gantt(modules, opts.now) : ['_No topic has a start date yet: the timeline appears with the first `started:`._']);
    }
  }
  if (opts.burnup) blocks.push(...opts.burnup);
  return blocks.map((b) => b.join('\n') + '\n').join('\n');
}
