// Small builders for stale-topic test data (not a test file itself).
import type { IssueTextContext } from '../../../src/core/stale/issue-text.js';
import type { StaleTopic, TopicVerdict } from '../../../src/core/stale/types.js';

export const ctx: IssueTextContext = { blobBase: 'https://github.com/me/journey/blob/HEAD/', defaultDays: 30, today: '2026-03-31' };

export function staleTopic(id: string, over: Partial<StaleTopic> = {}): StaleTopic {
  return {
    id,
    title: `Topic ${id}`,
    file: `modules/${id}/README.md`,
    status: 'in-progress',
    verdict: 'stale',
    threshold: 30,
    lastActivity: '2026-01-10',
    lastActivityAt: '2026-01-10T12:00:00.000Z',
    source: 'git',
    daysIdle: 80,
    openTasks: [],
    tasks: { done: 0, total: 0 },
    ...over,
  };
}

export function verdict(id: string, v: TopicVerdict['verdict'], over: Partial<TopicVerdict> = {}): TopicVerdict {
  return { id, title: `Topic ${id}`, file: `modules/${id}/README.md`, status: v === 'broken' || v === 'unknown' || v === 'active' ? 'in-progress' : (v as 'done'), verdict: v, threshold: 30, ...over };
}
