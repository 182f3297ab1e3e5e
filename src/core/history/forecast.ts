// When an in-progress topic will be done, from its own pace: a least-squares line through its
// (day, tasks done) points. Fewer than three points, no tasks, or no progress: no forecast, said so.
import type { TopicHistory } from './types.js';
import { addDays, daysBetween } from './weeks.js';

export type Forecast =
  | { id: string; title: string; tasksDone: number; tasksTotal: number; kind: 'date'; date: string; tasksPerWeek: number; points: number }
  | { id: string; title: string; tasksDone: number; tasksTotal: number; kind: 'none'; reason: string; points: number };

const HORIZON_DAYS = 3650;

export function forecasts(topics: readonly TopicHistory[]): Forecast[] {
  const out: Forecast[] = [];
  for (const t of topics) {
    const last = t.events[t.events.length - 1];
    if (!last || last.status !== 'in-progress') continue;
    // Its pace since it was first started: months as a to-do are not part of it.
    const events = t.events.slice(Math.max(0, t.events.findIndex((e) => e.status === 'in-progress')));
    const base = { id: t.id, title: t.title, tasksDone: last.tasksDone, tasksTotal: last.tasksTotal, points: events.length };
    const none = (reason: string): void => void out.push({ ...base, kind: 'none', reason });
    if (last.tasksTotal === 0) {
      none('no tasks to measure a pace by');
      continue;
    }
    if (last.tasksDone >= last.tasksTotal) {
      none('every task is ticked: mark it done');
      continue;
    }
    if (events.length < 3) {
      none(`not enough data (${events.length} point${events.length === 1 ? '' : 's'}; a forecast needs 3)`);
      continue;
    }
    const first = events[0]!.date;
    const xs = events.map((e) => daysBetween(first, e.date));
    const ys = events.map((e) => e.tasksDone);
    const n = xs.length;
    const mx = xs.reduce((a, b) => a + b, 0) / n;
    const my = ys.reduce((a, b) => a + b, 0) / n;
    let sxx = 0;
    let sxy = 0;
    for (let i = 0; i < n; i++) {
      sxx += (xs[i]! - mx) ** 2;
      sxy += (xs[i]! - mx) * (ys[i]! - my);
    }
    if (sxx === 0) {
      none('not enough data (every point is on the same day)');
      continue;
    }
    const perDay = sxy / sxx;
    if (perDay <= 0) {
      none('no progress in its history to measure a pace by');
      continue;
    }
    const days = Math.ceil((last.tasksTotal - last.tasksDone) / perDay);
    if (days > HORIZON_DAYS) {
      none('more than ten years at its pace so far');
      continue;
    }
    out.push({ ...base, kind: 'date', date: addDays(last.date, days), tasksPerWeek: Math.round(perDay * 7 * 10) / 10 });
  }
  return out;
}
