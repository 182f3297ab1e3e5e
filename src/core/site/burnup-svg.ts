// The burn-up as inline SVG for the page: the total as a grey line, what is done as a green one,
// coloured by the page's CSS (so both themes apply), labelled for screen readers.
import type { WeekPoint } from '../history/burnup.js';
import { esc } from './html.js';

const W = 480;
const H = 240;
const PAD = { left: 40, right: 12, top: 14, bottom: 34 };

export function burnupSvg(series: readonly WeekPoint[], measure: 'topics' | 'tasks', id: string): string {
  const done = series.map((p) => (measure === 'topics' ? p.topicsDone : p.tasksDone));
  const total = series.map((p) => (measure === 'topics' ? p.topicsTotal : p.tasksTotal));
  const top = Math.max(1, ...total, ...done);
  const n = series.length;
  const x = (i: number): number => PAD.left + (n === 1 ? (W - PAD.left - PAD.right) / 2 : (i * (W - PAD.left - PAD.right)) / (n - 1));
  const y = (v: number): number => H - PAD.bottom - (v * (H - PAD.top - PAD.bottom)) / top;
  const pts = (vals: number[]): string => vals.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const first = series[0]!.week;
  const last = series[n - 1]!.week;
  const label = `${measure === 'topics' ? 'Topics' : 'Tasks'} done per week from ${first} to ${last}: ${done[n - 1]} of ${total[n - 1]} done at the end.`;
  const grid = [0, Math.round(top / 2), top]
    .filter((v, i, a) => a.indexOf(v) === i)
    .map((v) => `<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}"/><text class="axis" x="${PAD.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v}</text>`)
    .join('');
  const ticks = [...new Set([0, Math.floor((n - 1) / 2), n - 1])]
    .map((i, k, a) => `<text class="axis" x="${x(i).toFixed(1)}" y="${H - PAD.bottom + 20}" text-anchor="${a.length > 1 && k === 0 ? 'start' : k === a.length - 1 && a.length > 1 ? 'end' : 'middle'}">${esc(series[i]!.week)}</text>`)
    .join('');
  const dots = (vals: number[], cls: string): string => (n <= 60 ? vals.map((v, i) => `<circle class="${cls}" cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3"/>`).join('') : '');
  return (
    `<svg class="burnup" viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="${id}-t ${id}-d" preserveAspectRatio="xMidYMid meet">` +
    `<title id="${id}-t">Burn-up: ${measure} done (green) against all ${measure} (grey)</title><desc id="${id}-d">${esc(label)}</desc>` +
    grid +
    ticks +
    `<polyline class="total" points="${pts(total)}"/>${dots(total, 'total-dot')}` +
    `<polyline class="done" points="${pts(done)}"/>${dots(done, 'done-dot')}` +
    `</svg>`
  );
}
