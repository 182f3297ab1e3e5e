// Active weeks: a week with at least one change of status or tasks. The current streak counts back
// from this week, or from last week while this one is still under way.
import type { JourneyHistory } from './types.js';
import { addDays, weekStart } from './weeks.js';

export interface Streaks {
  /** Consecutive active weeks up to now (0 when the last two weeks had no change). */
  current: number;
  longest: number;
  /** Monday of the last active week, when there is one. */
  lastActiveWeek?: string;
  activeWeeks: number;
}

export function streaks(history: JourneyHistory, today: string): Streaks {
  const active = new Set<string>();
  for (const t of history.topics) for (const e of t.events) active.add(weekStart(e.date));
  const sorted = [...active].sort();
  let longest = 0;
  let run = 0;
  let prev = '';
  for (const w of sorted) {
    run = prev !== '' && addDays(prev, 7) === w ? run + 1 : 1;
    longest = Math.max(longest, run);
    prev = w;
  }
  const thisWeek = weekStart(today);
  let from = active.has(thisWeek) ? thisWeek : addDays(thisWeek, -7);
  let current = 0;
  while (active.has(from)) {
    current++;
    from = addDays(from, -7);
  }
  const out: Streaks = { current, longest, activeWeeks: active.size };
  if (prev !== '') out.lastActiveWeek = prev;
  return out;
}
