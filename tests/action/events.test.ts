import { describe, expect, it } from 'vitest';
import { planRun, type EventContext } from '../../src/action/events.js';
import { readInputs } from '../../src/action/inputs.js';

const push = (branch: string): EventContext => ({ name: 'push', ref: `refs/heads/${branch}`, defaultBranch: 'main' });
const plan = (event: EventContext, inputs: Record<string, string> = {}) => planRun(event, readInputs(inputs), 'local');

describe('planRun', () => {
  it('syncs and commits on a push to the default branch, without stale topics', () => {
    expect(plan(push('main'))).toEqual({ sync: 'commit', commitVia: 'push', branch: 'main', links: 'local', stale: false, pullRequest: false, notes: [] });
  });

  it('only checks the table on a push to another branch', () => {
    expect(plan(push('topic'))).toMatchObject({ sync: 'check', commitVia: null, branch: null });
  });

  it('never writes on a pull request, even when asked to commit, and says why', () => {
    const p = plan({ name: 'pull_request', ref: 'refs/pull/7/merge', defaultBranch: 'main' }, { INPUT_COMMIT: 'push' });
    expect(p).toMatchObject({ sync: 'check', commitVia: null, pullRequest: true, stale: false });
    expect(p.notes).toEqual(['commit: push is ignored on pull_request: a pull request run never writes to the repository']);
  });

  it.each(['schedule', 'workflow_dispatch'])('handles stale topics on %s and does not commit by default', (name) => {
    expect(plan({ name, ref: 'refs/heads/main', defaultBranch: 'main' })).toMatchObject({ stale: true, sync: 'check', commitVia: null });
  });

  it('lets the inputs win: stale on any event, commit off never commits, sync false skips the table', () => {
    expect(plan(push('main'), { INPUT_STALE: 'on' }).stale).toBe(true);
    expect(plan({ name: 'schedule', ref: 'refs/heads/main' }, { INPUT_STALE: 'off' }).stale).toBe(false);
    expect(plan(push('main'), { INPUT_COMMIT: 'off' })).toMatchObject({ sync: 'check', commitVia: null });
    expect(plan(push('main'), { INPUT_SYNC: 'false' })).toMatchObject({ sync: 'off', commitVia: null });
  });

  it('commits where told: push on any branch, pull-request through odyssey/progress', () => {
    expect(plan(push('topic'), { INPUT_COMMIT: 'push' })).toMatchObject({ sync: 'commit', commitVia: 'push', branch: 'topic' });
    expect(plan(push('main'), { INPUT_COMMIT: 'pull-request' })).toMatchObject({ sync: 'commit', commitVia: 'pull-request', branch: 'main' });
    expect(plan({ name: 'workflow_dispatch', ref: 'refs/heads/main' }, { INPUT_COMMIT: 'push' })).toMatchObject({ commitVia: 'push', branch: 'main' });
  });

  it('does not commit on a tag push, and says why when a commit was asked for', () => {
    const p = plan({ name: 'push', ref: 'refs/tags/v1', defaultBranch: 'main' }, { INPUT_COMMIT: 'push' });
    expect(p).toMatchObject({ sync: 'check', commitVia: null });
    expect(p.notes).toEqual(['commit: push needs a branch, and refs/tags/v1 is not one']);
  });

  it('does not commit when the default branch is unknown (auto only commits to it)', () => {
    expect(plan({ name: 'push', ref: 'refs/heads/main' })).toMatchObject({ sync: 'check', commitVia: null });
  });
});
