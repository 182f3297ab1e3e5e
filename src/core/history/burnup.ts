// Events → one point per week: topics and tasks done, and the totals (the scope line of a burn-up).
import type { JourneyHistory } from './types.js';
import { addDays, weekStart } from './weeks.js';

export interface WeekPoint {
  /** Monday of the week, `YYYY-MM-DD`. */
  week: string;
  topicsDone: number;
  topicsTotal: number;
  tasksDone: number;
  tasksTotal: number;
}

/**
 * The state at the end of each week from the first event's week to the last's. Each week counts
 * every topic's last event up to that week's end. A commit dated before the one read before it
 * (dates going backwards) counts from the later date, so the line never goes back in time.
 */
export function weeklySeries(history: JourneyHistory): WeekPoint[] {
  const timelines = history.topics.map((t) => {
    let floor = '';
    return t.events.map((e) => {
      floor = e.date > floor ? e.date : floor;
      return { ...e, week: weekStart(floor) };
    });
  });
  const weeks = timelines.flat().map((e) => e.week);
  if (weeks.length === 0) return [];
  let first = weeks[0]!;
  let last = first;
  for (const w of weeks) {
    if (w < first) first = w;
    if (w > last) last = w;
  }
  const cursor = timelines.map(() => -1);
  const points: WeekPoint[] = [];
  for (let week = first; week <= last; week = addDays(week, 7)) {
    const p: WeekPoint = { week, topicsDone: 0, topicsTotal: 0, tasksDone: 0, tasksTotal: 0 };
    timelines.forEach((events, i) => {
      let at = cursor[i]!;
      while (at + 1 < events.length && events[at + 1]!.week <= week) at++;
      cursor[i] = at;
      const e = events[at];
      if (!e) return;
      p.topicsTotal++;
      if (e.status === 'done') p.topicsDone++;
      p.tasksDone += e.tasksDone;
      p.tasksTotal += e.tasksTotal;
    });
    points.push(p);
  }
  return points;
}
