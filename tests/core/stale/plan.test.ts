import { describe, expect, it } from 'vitest';
import { issueBody, issueTitle } from '../../../src/core/stale/issue-text.js';
import { planIssues, type PlanInput } from '../../../src/core/stale/plan.js';
import type { ExistingIssue, StaleTopic } from '../../../src/core/stale/types.js';
import { ctx, staleTopic, verdict } from './fixtures.js';

function input(over: Partial<PlanInput>): PlanInput {
  const stale = over.stale ?? [];
  return { topics: stale, stale, issues: [], renamedTo: new Map(), label: 'stale-topic', budget: 30, text: ctx, ...over };
}

function filed(number: number, t: StaleTopic, over: Partial<ExistingIssue> = {}): ExistingIssue {
  return { number, title: issueTitle(t), body: issueBody(t, ctx), state: 'open', ...over };
}

const kinds = (p: ReturnType<typeof planIssues>): string[] => p.actions.map((a) => `${a.kind} ${'number' in a ? `#${a.number} ` : ''}${a.id}`);

describe('planIssues', () => {
  it('creates one issue per new stale topic and checks the label when no labelled issue exists', () => {
    const p = planIssues(input({ stale: [staleTopic('a'), staleTopic('b')] }));
    expect(kinds(p)).toEqual(['create a', 'create b']);
    expect(p.ensureLabel).toBe(true);
    expect(p.writes).toBe(3);
  });

  it('writes nothing when every open issue already says what it should, even a day later', () => {
    const t = staleTopic('a');
    const p = planIssues(input({ stale: [{ ...t, daysIdle: 81 }], issues: [filed(4, t)], text: { ...ctx, today: '2026-04-01' } }));
    expect(p.actions).toEqual([]);
    expect(p.unchanged).toEqual([{ id: 'a', number: 4 }]);
    expect(p.writes).toBe(0);
    expect(p.ensureLabel).toBe(false);
  });

  it('updates an issue only when its title or body would change', () => {
    const before = staleTopic('a');
    const after = staleTopic('a', { title: 'Renamed title', openTasks: [{ text: 'new', line: 5 }] });
    const p = planIssues(input({ stale: [after], issues: [filed(4, before)] }));
    expect(p.actions).toMatchObject([{ kind: 'update', number: 4, changed: ['title', 'body'] }]);
  });

  it('closes the open issue of a topic that is active, done, paused, todo or gone, saying why', () => {
    const issues = ['act', 'don', 'pau', 'tod', 'gone'].map((id, i) => filed(i + 1, staleTopic(id)));
    const p = planIssues(
      input({
        topics: [verdict('act', 'active', { lastActivity: '2026-03-30', daysIdle: 1 }), verdict('don', 'done'), verdict('pau', 'paused'), verdict('tod', 'todo')],
        issues,
      }),
    );
    expect(p.actions.map((a) => a.kind === 'close' && [a.number, a.reason])).toEqual([
      [1, 'active'],
      [2, 'done'],
      [5, 'removed'],
      [3, 'paused'],
      [4, 'todo'],
    ]);
    expect(p.writes).toBe(10);
  });

  it('leaves open the issue of a topic whose status block is broken, and says so', () => {
    const p = planIssues(input({ topics: [verdict('b', 'broken')], issues: [filed(2, staleTopic('b'))] }));
    expect(p.actions).toEqual([]);
    expect(p.left).toEqual([{ id: 'b', number: 2, reason: 'its status block has an error: left open until it is fixed' }]);
  });

  it('reopens the closed issue (not a new one) when the topic goes stale again after new activity', () => {
    const earlier = staleTopic('a', { lastActivity: '2025-10-01', lastActivityAt: '2025-10-01T09:00:00.000Z' });
    const now = staleTopic('a');
    const p = planIssues(input({ stale: [now], issues: [filed(9, earlier, { state: 'closed', stateReason: 'completed' })] }));
    expect(p.actions).toMatchObject([{ kind: 'reopen', number: 9, title: issueTitle(now) }]);
    expect(p.ensureLabel).toBe(false);
  });

  it('leaves closed an issue a person closed during the same idle period', () => {
    const t = staleTopic('a');
    const p = planIssues(input({ stale: [t], issues: [filed(9, t, { state: 'closed', stateReason: 'not_planned' })] }));
    expect(p.actions).toEqual([]);
    expect(p.left[0]).toMatchObject({ id: 'a', number: 9 });
    expect(p.left[0]!.reason).toContain('left closed');
  });

  it('matches issues by marker only: a look-alike issue without one is left alone', () => {
    const t = staleTopic('a');
    const lookAlike: ExistingIssue = { number: 3, title: issueTitle(t), body: 'I wrote this myself', state: 'open' };
    const p = planIssues(input({ stale: [t], issues: [lookAlike] }));
    expect(kinds(p)).toEqual(['create a']);
    expect(p.ensureLabel).toBe(false);
    expect(p.left).toEqual([{ number: 3, reason: 'carries the label but no odyssey marker: left alone' }]);
  });

  it('keeps the oldest open issue when two carry the same marker, and leaves the other alone', () => {
    const t = staleTopic('a');
    const p = planIssues(input({ stale: [t], issues: [filed(12, t), filed(5, t)] }));
    expect(p.unchanged).toEqual([{ id: 'a', number: 5 }]);
    expect(p.left).toEqual([{ id: 'a', number: 12, reason: 'duplicate marker: #5 tracks a; left alone' }]);
  });

  it('files two topics with the same title as two issues', () => {
    const p = planIssues(input({ stale: [staleTopic('01-x', { title: 'Same' }), staleTopic('02-x', { title: 'Same' })] }));
    const titles = p.actions.map((a) => (a.kind === 'create' ? a.title : ''));
    expect(new Set(titles).size).toBe(2);
  });

  it('on a folder rename closes the old issue and opens a new one whose body says why', () => {
    const old = staleTopic('old-name');
    const renamed = staleTopic('new-name');
    const p = planIssues(input({ stale: [renamed], issues: [filed(7, old)], renamedTo: new Map([['old-name', 'new-name']]) }));
    expect(kinds(p)).toEqual(['close #7 old-name', 'create new-name']);
    const [close, create] = p.actions;
    expect(close).toMatchObject({ reason: 'renamed' });
    expect(close!.kind === 'close' && close!.comment).toContain('renamed to `modules/new-name/`');
    expect(create).toMatchObject({ renamedFrom: { id: 'old-name', number: 7 } });
    expect(create!.kind === 'create' && create!.body).toContain('renamed from `modules/old-name/`');
  });

  it('keeps within max-issue-operations, in order, and leaves the rest for the next run', () => {
    const stale = ['a', 'b', 'c', 'd'].map((id) => staleTopic(id));
    const p = planIssues(input({ stale, topics: [...stale, verdict('z', 'done')], issues: [filed(1, staleTopic('z'))], budget: 4 }));
    // Closing z takes two writes (comment + close), then two creates fit; no label check: a labelled issue exists.
    expect(kinds(p)).toEqual(['close #1 z', 'create a', 'create b']);
    expect(p.deferred.map((a) => a.id)).toEqual(['c', 'd']);
    expect(p.writes).toBe(4);
  });

  it('makes no writes with a budget of zero', () => {
    const p = planIssues(input({ stale: [staleTopic('a')], budget: 0 }));
    expect(p.actions).toEqual([]);
    expect(p.deferred).toHaveLength(1);
    expect(p.ensureLabel).toBe(false);
    expect(p.writes).toBe(0);
  });
});
