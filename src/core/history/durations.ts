// Time from started to completed per topic: the status block's dates when it has both, else the
// days history saw the topic start (first in-progress or done) and become done for the last time.
import type { TopicHistory } from './types.js';
import { daysBetween } from './weeks.js';

export interface TopicDuration {
  id: string;
  title: string;
  started: string;
  /** Absent while the topic is not done. */
  completed?: string;
  /** Whole days from started to completed (to the last event for a topic not done yet). */
  days: number;
  source: 'status block' | 'history';
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function durations(topics: readonly TopicHistory[], blocks: ReadonlyMap<string, { started?: string; completed?: string }> = new Map()): TopicDuration[] {
  const out: TopicDuration[] = [];
  for (const t of topics) {
    const last = t.events[t.events.length - 1];
    // A topic not started yet has no time spent, whatever dates its block already holds.
    if (!last || last.status === 'todo') continue;
    const done = last.status === 'done';
    const block = blocks.get(t.id);
    if (block?.started && DAY.test(block.started) && (!done || (block.completed && DAY.test(block.completed) && block.completed >= block.started))) {
      const d: TopicDuration = { id: t.id, title: t.title, started: block.started, days: 0, source: 'status block' };
      if (done) d.completed = block.completed!;
      d.days = Math.max(0, daysBetween(block.started, d.completed ?? last.date));
      out.push(d);
      continue;
    }
    const start = t.events.find((e) => e.status === 'in-progress' || e.status === 'done');
    if (!start) continue;
    let completed: string | undefined;
    if (done) {
      let i = t.events.length - 1;
      while (i > 0 && t.events[i - 1]!.status === 'done') i--;
      completed = t.events[i]!.date;
    }
    const d: TopicDuration = { id: t.id, title: t.title, started: start.date, days: Math.max(0, daysBetween(start.date, completed ?? last.date)), source: 'history' };
    if (completed) d.completed = completed;
    out.push(d);
  }
  return out;
}
