import { describe, expect, it } from 'vitest';
import { durations, forecasts, streaks, weeklySeries, type HistoryEvent, type JourneyHistory, type TopicHistory } from '../../../src/core/history/index.js';

const ev = (date: string, status: HistoryEvent['status'], tasksDone: number, tasksTotal: number): HistoryEvent => ({ date, status, tasksDone, tasksTotal, commit: date });
const topic = (id: string, events: HistoryEvent[]): TopicHistory => ({ id, title: id.toUpperCase(), events });

const h: JourneyHistory = {
  topics: [
    topic('a', [ev('2026-01-05', 'todo', 0, 2), ev('2026-01-07', 'in-progress', 1, 2), ev('2026-01-21', 'done', 2, 2)]),
    topic('b', [ev('2026-01-14', 'in-progress', 0, 4), ev('2026-01-15', 'in-progress', 1, 4), ev('2026-01-22', 'in-progress', 2, 4)]),
  ],
  skipped: [],
};

describe('weekly burn-up series', () => {
  it('counts each topic\'s last event up to every Monday-started week, totals included', () => {
    expect(weeklySeries(h)).toEqual([
      { week: '2026-01-05', topicsDone: 0, topicsTotal: 1, tasksDone: 1, tasksTotal: 2 },
      { week: '2026-01-12', topicsDone: 0, topicsTotal: 2, tasksDone: 2, tasksTotal: 6 },
      { week: '2026-01-19', topicsDone: 1, topicsTotal: 2, tasksDone: 4, tasksTotal: 6 },
    ]);
  });

  it('counts a commit dated before the one before it from the later date', () => {
    const back: JourneyHistory = { topics: [topic('a', [ev('2026-03-10', 'in-progress', 0, 2), ev('2026-02-01', 'in-progress', 1, 2)])], skipped: [] };
    expect(weeklySeries(back)).toEqual([{ week: '2026-03-09', topicsDone: 0, topicsTotal: 1, tasksDone: 1, tasksTotal: 2 }]);
  });

  it('is empty without events', () => expect(weeklySeries({ topics: [topic('a', [])], skipped: [] })).toEqual([]));
});

describe('streaks', () => {
  it('counts consecutive active weeks; this week still under way does not break the streak', () => {
    expect(streaks(h, '2026-01-28')).toEqual({ current: 3, longest: 3, lastActiveWeek: '2026-01-19', activeWeeks: 3 });
    expect(streaks(h, '2026-01-22')).toMatchObject({ current: 3 });
    expect(streaks(h, '2026-02-04')).toMatchObject({ current: 0, longest: 3 });
  });
});

describe('durations and forecasts', () => {
  it('takes started → completed from history when the block has no dates, and from the block when it has', () => {
    expect(durations(h.topics)).toEqual([
      { id: 'a', title: 'A', started: '2026-01-07', completed: '2026-01-21', days: 14, source: 'history' },
      { id: 'b', title: 'B', started: '2026-01-14', days: 8, source: 'history' },
    ]);
    const blocks = new Map([['a', { started: '2026-01-01', completed: '2026-01-31' }]]);
    expect(durations(h.topics, blocks)[0]).toEqual({ id: 'a', title: 'A', started: '2026-01-01', completed: '2026-01-31', days: 30, source: 'status block' });
  });

  it('forecasts from the topic\'s own pace, and never under three points', () => {
    const [b] = forecasts(h.topics);
    // Points (day 0, 0), (1, 1), (8, 2): least squares gives 8/38 = 0.21 a day; 2 left → 10 days after 2026-01-22.
    expect(b).toEqual({ id: 'b', title: 'B', tasksDone: 2, tasksTotal: 4, points: 3, kind: 'date', date: '2026-02-01', tasksPerWeek: 1.5 });
    const two = topic('c', [ev('2026-01-01', 'in-progress', 0, 3), ev('2026-01-02', 'in-progress', 1, 3)]);
    expect(forecasts([two])[0]).toMatchObject({ kind: 'none', reason: 'not enough data (2 points; a forecast needs 3)' });
    const flat = topic('d', [ev('2026-01-01', 'in-progress', 1, 3), ev('2026-01-02', 'in-progress', 1, 4), ev('2026-01-09', 'in-progress', 1, 5)]);
    expect(forecasts([flat])[0]).toMatchObject({ kind: 'none', reason: 'no progress in its history to measure a pace by' });
    const none = topic('e', [ev('2026-01-01', 'in-progress', 0, 0)]);
    expect(forecasts([none])[0]).toMatchObject({ kind: 'none', reason: 'no tasks to measure a pace by' });
  });
});
