import { describe, expect, it } from 'vitest';
import { staleJson, staleText } from '../../../src/core/stale/format.js';
import { planIssues } from '../../../src/core/stale/plan.js';
import { ctx, staleTopic, verdict } from './fixtures.js';

describe('stale report', () => {
  const stale = [staleTopic('a', { source: 'status-block', openTasks: [{ text: 't', line: 3 }] }), staleTopic('b')];
  const topics = [...stale, verdict('c', 'active')];
  const plan = planIssues({ topics, stale, issues: [], renamedTo: new Map(), label: 'stale-topic', budget: 2, text: ctx });

  it('lists each stale topic with idle days, the source of its date, and the issue plan', () => {
    const text = staleText({ stale, topics, plan, notes: ['something to know'] }, { today: '2026-03-31', days: 30, repo: 'me/journey', dryRun: true });
    expect(text).toBe(
      [
        '2 stale topics of 3 in progress (stale after 30 days unless `stale-after` says otherwise; as of 2026-03-31):',
        '  a  Topic a: 80 days idle, last activity 2026-01-10 (from its status block); 1 open task',
        '  b  Topic b: 80 days idle, last activity 2026-01-10',
        '',
        'Issues in me/journey (label stale-topic), dry run: nothing written: 1 to create, 0 to update, 0 to close, 0 to reopen; 0 up to date, 0 left alone, 1 left for the next run',
        '  create  "Stale topic: Topic a (a)"',
        '  later: create  "Stale topic: Topic b (b)"',
        'note: something to know',
        '',
      ].join('\n'),
    );
  });

  it('says plainly when nothing is stale', () => {
    expect(staleText({ stale: [], topics: [verdict('c', 'active')], notes: [] }, { today: '2026-03-31', days: 30 })).toBe(
      'No stale topics (1 in progress; stale after 30 days; as of 2026-03-31).\n',
    );
  });

  it('gives the SPEC keys in JSON, and the plan and its outcome under `issues`', () => {
    const json = JSON.parse(
      staleJson({
        stale,
        topics,
        plan,
        applied: { outcomes: [{ action: plan.actions[0]!, ok: false, error: 'GitHub answered 422' }], skipped: [], labelCreated: true, writes: 2, readOnly: false, notes: [] },
        notes: [],
      }),
    );
    expect(Object.keys(json.stale[0])).toEqual(['id', 'title', 'status', 'lastActivity', 'daysIdle', 'threshold', 'source', 'file', 'openTasks']);
    expect(json.issues).toMatchObject({
      label: 'stale-topic',
      actions: [{ kind: 'create', id: 'a' }],
      deferred: [{ kind: 'create', id: 'b' }],
      applied: { writes: 2, outcomes: [{ kind: 'create', id: 'a', ok: false, error: 'GitHub answered 422' }] },
    });
  });
});
