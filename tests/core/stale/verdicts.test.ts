import { describe, expect, it } from 'vitest';
import type { Module } from '../../../src/core/model.js';
import { judgeTopics } from '../../../src/core/stale/verdicts.js';

function mod(id: string, over: Partial<Module> = {}): Module {
  return {
    id,
    file: `modules/${id}/README.md`,
    title: id.toUpperCase(),
    status: 'in-progress',
    resources: [],
    order: 0,
    extra: {},
    tasks: [],
    broken: false,
    ...over,
  };
}

const now = new Date('2026-03-31T08:00:00Z');
const at = (iso: string): number => Date.parse(iso);

describe('judgeTopics', () => {
  it('is stale from the threshold day on, counted in UTC calendar days', () => {
    const r = judgeTopics(
      [mod('thirty'), mod('twentynine')],
      { lastChange: new Map([['thirty', at('2026-03-01T23:59:00Z')], ['twentynine', at('2026-03-02T00:01:00Z')]]) },
      { days: 30, now },
    );
    expect(r.stale.map((t) => [t.id, t.daysIdle, t.lastActivity])).toEqual([['thirty', 30, '2026-03-01']]);
    expect(r.topics.find((t) => t.id === 'twentynine')).toMatchObject({ verdict: 'active', daysIdle: 29 });
  });

  it("uses a topic's stale-after over the repository threshold", () => {
    const r = judgeTopics(
      [mod('patient', { staleAfter: 90 }), mod('eager', { staleAfter: 5 })],
      { lastChange: new Map([['patient', at('2026-01-15T00:00:00Z')], ['eager', at('2026-03-25T00:00:00Z')]]) },
      { days: 30, now },
    );
    expect(r.stale.map((t) => [t.id, t.threshold])).toEqual([['eager', 5]]);
    expect(r.topics.find((t) => t.id === 'patient')).toMatchObject({ verdict: 'active', threshold: 90, daysIdle: 75 });
  });

  it('still judges a topic whose block has an unrelated error, since its status is known', () => {
    const r = judgeTopics([mod('odd', { broken: true })], { lastChange: new Map([['odd', at('2026-01-01T00:00:00Z')]]) }, { days: 30, now });
    expect(r.stale.map((t) => t.id)).toEqual(['odd']);
  });

  it('judges only in-progress topics and says why the others are not stale', () => {
    const old = at('2020-01-01T00:00:00Z');
    const r = judgeTopics(
      [mod('d', { status: 'done' }), mod('p', { status: 'paused' }), mod('t', { status: 'todo' }), mod('b', { status: null, broken: true })],
      { lastChange: new Map([['d', old], ['p', old], ['t', old], ['b', old]]) },
      { days: 30, now },
    );
    expect(r.stale).toEqual([]);
    expect(r.topics.map((t) => [t.id, t.verdict])).toEqual([['d', 'done'], ['p', 'paused'], ['t', 'todo'], ['b', 'broken']]);
  });

  it("falls back to the newest date in the status block when history has nothing, and says which topics", () => {
    const r = judgeTopics(
      [mod('block', { started: '2026-01-10' }), mod('nodate'), mod('git', { started: '2020-01-01' })],
      { lastChange: new Map([['git', at('2026-03-30T10:00:00Z')]]) },
      { days: 30, now },
    );
    expect(r.stale).toHaveLength(1);
    expect(r.stale[0]).toMatchObject({ id: 'block', source: 'status-block', lastActivity: '2026-01-10', daysIdle: 80 });
    expect(r.fromStatusBlock).toEqual(['block']);
    expect(r.topics.find((t) => t.id === 'nodate')?.verdict).toBe('unknown');
    expect(r.topics.find((t) => t.id === 'git')).toMatchObject({ verdict: 'active', source: 'git' });
  });

  it('carries the open tasks and task progress, longest idle first', () => {
    const tasks = [
      { text: 'Read the paper', done: true, line: 8 },
      { text: 'Implement attention', done: false, line: 9 },
    ];
    const r = judgeTopics(
      [mod('a', { tasks }), mod('b')],
      { lastChange: new Map([['a', at('2026-02-01T00:00:00Z')], ['b', at('2025-12-01T00:00:00Z')]]) },
      { days: 30, now },
    );
    expect(r.stale.map((t) => t.id)).toEqual(['b', 'a']);
    expect(r.stale[1]).toMatchObject({ openTasks: [{ text: 'Implement attention', line: 9 }], tasks: { done: 1, total: 2 } });
  });
});
