import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { issueBody, issueTitle } from '../../src/core/stale/issue-text.js';
import { planIssues } from '../../src/core/stale/plan.js';
import type { IssuePlan, StaleTopic } from '../../src/core/stale/types.js';
import { makeOctokit } from '../../src/io/github.js';
import { applyIssuePlan, listLabelledIssues } from '../../src/io/stale-issues.js';
import { ctx, staleTopic, verdict } from '../core/stale/fixtures.js';
import { FakeGitHub, INTEGRATION_403 } from '../support/fake-github.js';

let gh: FakeGitHub;
const ref = { owner: 'me', repo: 'journey' };
beforeEach(async () => {
  gh = await FakeGitHub.start();
  gh.repo('me', 'journey');
});
afterEach(async () => gh.close());

const octokit = () => makeOctokit({ token: 't', baseUrl: gh.url, timeScale: 1, retries: 2 });

function seedFiled(t: StaleTopic, label = 'stale-topic', state: 'open' | 'closed' = 'open') {
  return gh.addIssue('me', 'journey', { title: issueTitle(t), body: issueBody(t, ctx), labels: [label], state });
}

async function plan(stale: StaleTopic[], over: Partial<Parameters<typeof planIssues>[0]> = {}): Promise<IssuePlan> {
  const label = over.label ?? 'stale-topic';
  const issues = await listLabelledIssues(octokit(), ref, label);
  return planIssues({ topics: stale, stale, issues, renamedTo: new Map(), label, budget: 30, text: ctx, ...over });
}

describe('listLabelledIssues', () => {
  it('lists open and closed labelled issues 100 a page, following Link headers, without pull requests', async () => {
    for (let i = 0; i < 2400; i++) gh.addIssue('me', 'journey', { title: `other ${i}`, labels: ['question'] });
    for (let i = 0; i < 250; i++) gh.addIssue('me', 'journey', { title: `s ${i}`, labels: ['stale-topic'], state: i % 2 ? 'closed' : 'open' });
    gh.addIssue('me', 'journey', { title: 'a PR', labels: ['stale-topic'], pullRequest: true });
    gh.reset();
    const issues = await listLabelledIssues(octokit(), ref, 'stale-topic');
    expect(issues).toHaveLength(250);
    expect(issues.filter((i) => i.state === 'closed')).toHaveLength(125);
    expect(gh.requests.map((r) => [r.method, r.query.page ?? '1', r.query.per_page, r.query.state, r.query.labels])).toEqual([
      ['GET', '1', '100', 'all', 'stale-topic'],
      ['GET', '2', '100', 'all', 'stale-topic'],
      ['GET', '3', '100', 'all', 'stale-topic'],
    ]);
  });
});

describe('applyIssuePlan', () => {
  it('creates the missing label, then one issue per stale topic, carrying the label', async () => {
    const p = await plan([staleTopic('a'), staleTopic('b')], { label: 'stale topic ⏳' });
    gh.reset();
    const r = await applyIssuePlan(octokit(), ref, p);
    expect(r).toMatchObject({ labelCreated: true, writes: 3, readOnly: false, skipped: [] });
    expect(r.outcomes.map((o) => o.ok && o.number)).toEqual([1, 2]);
    expect(gh.requests.map((q) => `${q.method} ${decodeURIComponent(q.path)} ${q.status}`)).toEqual([
      'GET /repos/me/journey/labels/stale topic ⏳ 404',
      'POST /repos/me/journey/labels 201',
      'POST /repos/me/journey/issues 201',
      'POST /repos/me/journey/issues 201',
    ]);
    const issues = gh.repo('me', 'journey').issues;
    expect(issues.map((i) => [i.title, i.labels])).toEqual([
      ['Stale topic: Topic a (a)', ['stale topic ⏳']],
      ['Stale topic: Topic b (b)', ['stale topic ⏳']],
    ]);
    expect(issues[0]!.body).toContain('<!-- odyssey:stale a -->');
  });

  it('does not create a label that already exists', async () => {
    gh.addIssue('me', 'journey', { title: 'unrelated', labels: ['stale-topic'], state: 'closed' });
    gh.repo('me', 'journey').issues[0]!.labels = [];
    const p = await plan([staleTopic('a')]);
    gh.reset();
    const r = await applyIssuePlan(octokit(), ref, p);
    expect(r.labelCreated).toBe(false);
    expect(gh.requests.map((q) => `${q.method} ${q.status}`)).toEqual(['GET 200', 'POST 201']);
  });

  it('closes with a comment and state_reason completed, updates changed text, and reopens', async () => {
    const done = seedFiled(staleTopic('done-one'));
    const changed = seedFiled(staleTopic('changed'));
    const again = seedFiled(staleTopic('again', { lastActivityAt: '2025-01-01T00:00:00.000Z' }), 'stale-topic', 'closed');
    const stale = [staleTopic('changed', { title: 'New title' }), staleTopic('again')];
    const p = await plan(stale, { topics: [...stale, verdict('done-one', 'done')] });
    gh.reset();
    const r = await applyIssuePlan(octokit(), ref, p);
    expect(r.outcomes.every((o) => o.ok)).toBe(true);
    expect(r.writes).toBe(4);
    expect(done).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(done.comments.map((c) => c.body)).toEqual(['Marked `done`: well done! Closing.']);
    expect(changed.title).toBe('Stale topic: New title (changed)');
    expect(again).toMatchObject({ state: 'open', title: 'Stale topic: Topic again (again)' });
    expect(gh.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
      'POST /repos/me/journey/issues/1/comments',
      'PATCH /repos/me/journey/issues/1',
      'PATCH /repos/me/journey/issues/3',
      'PATCH /repos/me/journey/issues/2',
    ]);
    expect(gh.requests[1]!.body).toEqual({ state: 'closed', state_reason: 'completed' });
  });

  it('with a read-only token says so clearly, skips the writes, and returns instead of throwing', async () => {
    const p = await plan([staleTopic('a'), staleTopic('b')]);
    gh.reset();
    gh.readOnly = true;
    const r = await applyIssuePlan(octokit(), ref, p);
    expect(r.readOnly).toBe(true);
    expect(r.outcomes).toEqual([]);
    expect(r.skipped.map((a) => a.id)).toEqual(['a', 'b']);
    expect(r.notes[0]).toBe(
      `read-only token: skipped writes (issues): GitHub answered 403 "${INTEGRATION_403}"; 2 operation(s) not done. Give the workflow \`permissions: issues: write\`.`,
    );
    // One refused write is enough to know: the others are not attempted.
    expect(gh.writes()).toHaveLength(1);
  });

  it('never retries a create blindly: after a 502 it looks the issue up by its marker, then creates once; a secondary limit is waited out', async () => {
    const p = await plan([staleTopic('a'), staleTopic('b')]);
    gh.reset();
    gh.failNext(1, { method: 'POST', path: /\/issues$/ });
    gh.secondaryLimitNext(1, 1, { method: 'POST', path: /\/issues$/ });
    const r = await applyIssuePlan(octokit(), ref, p);
    expect(r.outcomes.every((o) => o.ok)).toBe(true);
    expect(gh.repo('me', 'journey').issues).toHaveLength(2);
    expect(gh.requests.filter((q) => !q.path.includes('/labels')).map((q) => `${q.method} ${q.path.split('/').pop()} ${q.status}`)).toEqual([
      'POST issues 502',
      'GET issues 200',
      'POST issues 403',
      'POST issues 201',
      'POST issues 201',
    ]);
  });

  it('stops writing when the rate limit outlasts the retries, leaving the rest for the next run', async () => {
    const p = await plan([staleTopic('a'), staleTopic('b')]);
    gh.reset();
    gh.secondaryLimitNext(100, 1, { method: 'POST', path: /\/issues$/ });
    const r = await applyIssuePlan(octokit(), ref, p);
    expect(r.readOnly).toBe(false);
    expect(r.skipped.map((a) => a.id)).toEqual(['a', 'b']);
    expect(r.notes.join('\n')).toContain('GitHub rate limit still in force after retries: 2 operation(s) left for the next run');
  });

  it('reports a 422 validation error for one issue and goes on with the others', async () => {
    const p = await plan([staleTopic('a'), staleTopic('b')]);
    p.actions[0] = { ...p.actions[0]!, title: '' } as never;
    gh.reset();
    const r = await applyIssuePlan(octokit(), ref, p);
    expect(r.outcomes.map((o) => o.ok)).toEqual([false, true]);
    const failed = r.outcomes[0]!;
    expect(!failed.ok && failed.error).toBe('GitHub answered 422 "Validation Failed" (title: missing_field)');
  });

  it('never writes more than max-issue-operations, even when handed a larger plan', async () => {
    const p = await plan(['a', 'b', 'c'].map((id) => staleTopic(id)));
    gh.reset();
    const r = await applyIssuePlan(octokit(), ref, { ...p, budget: 2 });
    expect(r.writes).toBe(2);
    expect(r.skipped.map((a) => a.id)).toEqual(['b', 'c']);
  });
});
