import { describe, expect, it } from 'vitest';
import { readChecklist, topicBody } from '../../../src/core/topics/issue-text.js';
import { planTopicIssues, type TopicPlanInput } from '../../../src/core/topics/plan.js';
import { applyTicks, ticksBetween } from '../../../src/core/topics/tick.js';
import { topicTasks } from '../../../src/core/topics/from-module.js';
import type { TopicIssue, TopicModule } from '../../../src/core/topics/types.js';

const ctx = { repoUrl: 'https://github.com/me/j', sha: 'a'.repeat(40), prefix: '' };
const README = '---\ntitle: A\nstatus: in-progress\n---\n# A\n\n- [x] one\n- [ ] two\n  - [ ] two.1\n- [ ] three\n';
const mod = (over: Partial<TopicModule> = {}): TopicModule => ({ id: '01-a', file: 'modules/01-a/README.md', title: 'A', status: 'in-progress', resources: [], tasks: topicTasks(README), ...over });
const issue = (over: Partial<TopicIssue> = {}): TopicIssue => ({ number: 1, title: 'A', body: topicBody(mod(), ctx), state: 'open', stateReason: null, author: 'bot', labels: ['topic'], ...over });
const input = (over: Partial<TopicPlanInput> = {}): TopicPlanInput => ({ mode: 'active', modules: [mod()], issues: [], self: 'bot', label: 'topic', staleLabel: 'stale-topic', stale: new Map(), budget: 30, text: ctx, ...over });

describe('the topic issue body', () => {
  it('mirrors the task list in order with nesting, each item linked to its line at the commit', () => {
    const items = readChecklist(topicBody(mod(), ctx));
    expect(items.map((i) => [i.depth, i.done, i.text, i.line])).toEqual([
      [0, true, 'one', 7],
      [0, false, 'two', 8],
      [1, false, 'two.1', 9],
      [0, false, 'three', 10],
    ]);
    expect(topicBody(mod(), ctx)).toContain(`- [x] one · [line 7](https://github.com/me/j/blob/${'a'.repeat(40)}/modules/01-a/README.md#L7)`);
  });
});

describe('planTopicIssues', () => {
  it('opens one issue per active topic (todo only with all), none for done', () => {
    const modules = [mod(), mod({ id: '02-b', status: 'paused' }), mod({ id: '03-c', status: 'todo' }), mod({ id: '04-d', status: 'done' })];
    expect(planTopicIssues(input({ modules })).actions.map((a) => `${a.kind} ${a.id}`)).toEqual(['create 01-a', 'create 02-b']);
    expect(planTopicIssues(input({ modules, mode: 'all' })).actions.map((a) => `${a.kind} ${a.id}`)).toEqual(['create 01-a', 'create 02-b', 'create 03-c']);
  });
  it('writes nothing when the issue already says it, even at another commit', () => {
    const p = planTopicIssues(input({ issues: [issue()], text: { ...ctx, sha: 'b'.repeat(40) } }));
    expect(p.actions).toEqual([]);
    expect(p.unchanged).toEqual([{ id: '01-a', number: 1 }]);
  });
  it('closes as completed when done, reopens when back, closes as not planned when the module is gone', () => {
    expect(planTopicIssues(input({ modules: [mod({ status: 'done' })], issues: [issue()] })).actions).toMatchObject([{ kind: 'close', reason: 'completed' }]);
    expect(planTopicIssues(input({ issues: [issue({ state: 'closed', stateReason: 'completed' })] })).actions).toMatchObject([{ kind: 'reopen', number: 1 }]);
    expect(planTopicIssues(input({ modules: [], issues: [issue()] })).actions).toMatchObject([{ kind: 'close', reason: 'not_planned' }]);
  });
  it('ignores a copied marker in an issue someone else opened, unless the README names that issue', () => {
    const forged = issue({ author: 'mallory', number: 7 });
    expect(planTopicIssues(input({ issues: [forged] })).actions.map((a) => a.kind)).toEqual(['create']);
    const adopted = planTopicIssues(input({ modules: [mod({ issue: 7 })], issues: [forged] }));
    expect(adopted.actions).toEqual([]);
    expect(adopted.unchanged).toEqual([{ id: '01-a', number: 7 }]);
  });
  it('moves a stale notice into the topic issue: label and one comment, once', () => {
    const stale = new Map([['01-a', { lastActivity: '2026-01-02', lastActivityAt: '2026-01-02T09:00:00Z', threshold: 30 }]]);
    const p = planTopicIssues(input({ issues: [issue()], stale }));
    expect(p.actions.map((a) => a.kind)).toEqual(['update', 'stale']);
    const labelled = issue({ labels: ['topic', 'stale-topic'], body: topicBody(mod(), ctx, stale.get('01-a')) });
    expect(planTopicIssues(input({ issues: [labelled], stale })).actions).toEqual([]);
    expect(planTopicIssues(input({ issues: [labelled] })).actions.map((a) => a.kind)).toEqual(['update', 'unstale']);
  });
  it('keeps to the write budget, in order', () => {
    const modules = ['01', '02', '03'].map((id) => mod({ id }));
    const p = planTopicIssues(input({ modules, budget: 2 }));
    expect(p.actions.map((a) => a.id)).toEqual(['01', '02']);
    expect(p.deferred.map((a) => a.id)).toEqual(['03']);
  });
});

describe('ticks', () => {
  const body = topicBody(mod(), ctx);
  it('only the boxes this edit changed count', () => {
    const after = body.replace('- [ ] two ·', '- [x] two ·');
    expect(ticksBetween(body, after).map((t) => [t.item.text, t.done])).toEqual([['two', true]]);
    expect(ticksBetween(after, after)).toEqual([]);
  });
  it('changes exactly one character of the README', () => {
    const ticks = ticksBetween(body, body.replace('  - [ ] two.1', '  - [x] two.1'));
    const r = applyTicks(README, topicTasks(README), ticks);
    expect(r.text).toBe(README.replace('  - [ ] two.1', '  - [x] two.1'));
    expect(r.applied.map((a) => a.line)).toEqual([9]);
  });
  it('finds a task that moved by its text, and refuses one whose text changed', () => {
    const moved = README.replace('- [x] one\n', '- [x] one\n- [ ] zero\n');
    const ticks = ticksBetween(body, body.replace('- [ ] three', '- [x] three'));
    expect(applyTicks(moved, topicTasks(moved), ticks).text).toContain('- [x] three');
    const renamed = README.replace('- [ ] three', '- [ ] three, renamed');
    const r = applyTicks(renamed, topicTasks(renamed), ticks);
    expect(r.text).toBe(renamed);
    expect(r.mismatched).toHaveLength(1);
  });
  it('a tick already in the README is not applied twice', () => {
    const ticks = ticksBetween(body.replace('- [x] one', '- [ ] one'), body);
    const r = applyTicks(README, topicTasks(README), ticks);
    expect(r.applied).toEqual([]);
    expect(r.already).toHaveLength(1);
  });
});
