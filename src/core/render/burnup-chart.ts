// The burn-up as Mermaid `xychart-beta` line charts: per week, topics done against all topics, and
// tasks done against all tasks. The series ends on the last change's week, never on "today", so
// the chart zone changes with the journey, not with the calendar.
import type { WeekPoint } from '../history/burnup.js';

/** Past this many weeks, every k-th week is drawn (the last one always). */
export const MAX_WEEKS = 52;

// Mermaid colours the lines in the order they are written: the total first (grey, underneath),
// then what is done (green, on top).
const INIT = '%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "#8c959f, #2da44e"}}}}%%';

/** The marker line every burn-up block carries, so a run without history can find and keep them. */
export const BURNUP_MARK = '%% odyssey burn-up';

export function sampleWeeks(series: readonly WeekPoint[], max = MAX_WEEKS): WeekPoint[] {
  if (series.length <= max) return [...series];
  const step = Math.ceil(series.length / max);
  return series.filter((_, i) => (series.length - 1 - i) % step === 0);
}

function block(title: string, axis: string, labels: string[], total: number[], done: number[]): string[] {
  const top = Math.max(1, ...total, ...done);
  return [
    '```mermaid',
    INIT,
    'xychart-beta',
    BURNUP_MARK,
    `  title "${title}"`,
    `  x-axis [${labels.map((l) => `"${l}"`).join(', ')}]`,
    `  y-axis "${axis}" 0 --> ${top}`,
    `  line [${total.join(', ')}]`,
    `  line [${done.join(', ')}]`,
    '```',
  ];
}

/** One or two fenced blocks (tasks only when some topic has tasks); a sentence when there is no history. */
export function renderBurnup(series: readonly WeekPoint[]): string[][] {
  if (series.length === 0) return [['_No history yet: the burn-up chart appears once a module README with a status block is committed._']];
  const points = sampleWeeks(series);
  const first = points[0]!.week;
  const last = points[points.length - 1]!.week;
  const oneYear = first.slice(0, 4) === last.slice(0, 4);
  const labels = points.map((p) => (oneYear ? p.week.slice(5) : p.week));
  const span = oneYear ? first.slice(0, 4) : `${first.slice(0, 4)}–${last.slice(0, 4)}`;
  const every = points.length < series.length ? `every ${Math.ceil(series.length / MAX_WEEKS)} weeks` : 'by week';
  const blocks = [
    block(`Topics done (green) of all topics (grey), ${every}, ${span}`, 'Topics', labels, points.map((p) => p.topicsTotal), points.map((p) => p.topicsDone)),
  ];
  if (points.some((p) => p.tasksTotal > 0)) {
    blocks.push(block(`Tasks done (green) of all tasks (grey), ${every}, ${span}`, 'Tasks', labels, points.map((p) => p.tasksTotal), points.map((p) => p.tasksDone)));
  }
  return blocks;
}

/** The burn-up blocks (and the no-history sentence) already in a chart zone's text, as written. */
export function existingBurnup(zoneText: string): string[][] {
  const found: string[][] = [];
  for (const m of zoneText.matchAll(/```mermaid\r?\n[\s\S]*?\r?\n```/g)) {
    if (m[0].includes(BURNUP_MARK)) found.push(m[0].split(/\r?\n/));
  }
  return found;
}
