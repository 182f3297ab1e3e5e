import { describe, expect, it } from 'vitest';
import { closeComment, issueBody, issueTitle, marker, markerId, recordedActivity, sameText } from '../../../src/core/stale/issue-text.js';
import { ctx, staleTopic, verdict } from './fixtures.js';

describe('issue text', () => {
  it('puts the topic, a link to its notes, idle days, last activity, open tasks and how to silence it in the body', () => {
    const t = staleTopic('03-transformers', {
      title: 'Transformer Architecture',
      openTasks: [{ text: 'Implement attention in `numpy`', line: 12 }],
      tasks: { done: 1, total: 2 },
    });
    const body = issueBody(t, ctx);
    expect(body.split('\n')[0]).toBe('<!-- odyssey:stale 03-transformers -->');
    expect(body).toContain('**[Transformer Architecture](https://github.com/me/journey/blob/HEAD/modules/03-transformers/README.md)**');
    expect(body).toContain('- Last activity: 2026-01-10 (the last commit that changed `modules/03-transformers/`)');
    expect(body).toContain('- Days idle: 80 as of 2026-03-31');
    expect(body).toContain('- Tasks: 1 of 2 done');
    expect(body).toContain('- Implement attention in `numpy` ([line 12](https://github.com/me/journey/blob/HEAD/modules/03-transformers/README.md#L12))');
    expect(body).toContain('Set `status: paused`');
    expect(body).toContain('Add `stale-after: 60`');
    expect(markerId(body)).toBe('03-transformers');
    expect(recordedActivity(body)).toBe('2026-01-10T12:00:00.000Z');
  });

  it('says when the date comes from the status block, and why a renamed topic has a new issue', () => {
    const body = issueBody(staleTopic('new-name', { source: 'status-block' }), ctx, { id: 'old-name', number: 7 });
    expect(body).toContain('the newest date in its status block: this clone has no history for the folder');
    expect(body).toContain('The folder was renamed from `modules/old-name/`, so this topic has a new issue: #7 tracked it under its old name and is closed.');
  });

  it('cannot be given a second marker or broken link text by what the learner wrote', () => {
    const body = issueBody(
      staleTopic('real', { title: 'A [tricky] <b>title</b>', openTasks: [{ text: 'sneaky <!-- odyssey:stale other -->', line: 3 }] }),
      ctx,
    );
    expect(body.match(/<!--\s*odyssey:stale/g)).toHaveLength(1);
    expect(markerId(body)).toBe('real');
    expect(body).toContain('**[A \\[tricky\\] &lt;b>title&lt;/b>]');
  });

  it('keeps the id in the title (two topics may share a title) and stays within 256 characters', () => {
    expect(issueTitle({ id: '03-x', title: 'Transformers' })).toBe('Stale topic: Transformers (03-x)');
    const long = issueTitle({ id: 'id', title: 'word '.repeat(100) });
    expect(long.length).toBe(256);
    expect(long.endsWith('… (id)')).toBe(true);
  });

  it('treats a body that differs only in the day count as the same text', () => {
    const a = issueBody(staleTopic('x', { daysIdle: 80 }), ctx);
    const b = issueBody(staleTopic('x', { daysIdle: 81 }), { ...ctx, today: '2026-04-01' });
    const c = issueBody(staleTopic('x', { daysIdle: 81, openTasks: [{ text: 'new task', line: 9 }] }), { ...ctx, today: '2026-04-01' });
    expect(a).not.toBe(b);
    expect(sameText(a, b)).toBe(true);
    expect(sameText(a.replace(/\n/g, '\r\n'), b)).toBe(true);
    expect(sameText(a, c)).toBe(false);
  });

  it('finds no marker in a body a person edited it out of', () => {
    expect(markerId('Stale topic, but the marker is gone')).toBeNull();
    expect(markerId(null)).toBeNull();
    expect(markerId(`text\n${marker('a-b')}\n`)).toBe('a-b');
  });

  it('says why an issue closes', () => {
    expect(closeComment('active', verdict('x', 'active', { lastActivity: '2026-03-20', daysIdle: 11 }), 'x')).toBe(
      'Active again: `modules/x/` changed on 2026-03-20 (11 days ago; stale after 30). Closing.',
    );
    expect(closeComment('renamed', undefined, 'old', 'modules/new/')).toContain('renamed to `modules/new/`');
    expect(closeComment('removed', undefined, 'gone')).toContain('`gone` no longer exists');
    expect(closeComment('paused', verdict('x', 'paused'), 'x')).toContain('paused topics are never stale');
  });
});
