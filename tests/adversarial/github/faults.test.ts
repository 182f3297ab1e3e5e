// GitHub faults against the built action: 5xx that do not heal, secondary rate limits, a branch
// that moves under the commit, a slow API. Every run ends with a clear message, no stack trace,
// no token or secret printed, no commit on a moved branch, and the workspace's bytes as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleReadme, ZONE } from '../../support/tmp-repo.js';
import { buildActionBundle } from '../../action/support/build-bundle.js';
import { actOn, actionWorld, expectSafeAction } from '../support/action.js';

let bundle: Awaited<ReturnType<typeof buildActionBundle>>;
beforeAll(async () => {
  bundle = await buildActionBundle();
});
afterAll(() => bundle.dispose());

const files = () => ({
  'README.md': `# Journey\n\n${ZONE}\nThe end.\n`,
  'modules/01-a/README.md': moduleReadme({ title: 'A', status: 'in-progress', started: '2020-01-02' }, '# A\n\n- [ ] x\n'),
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.concurrent('GitHub faults', () => {
  it('createCommitOnBranch answers 502 every time: the run fails with a clear message, no commit', { timeout: 120_000 }, async (ctx) => {
    const w = await actionWorld(ctx, files());
    w.gh.failNext(50, { method: 'POST', path: /^\/graphql$/ });
    const run = await actOn(bundle.file, w, 'push');
    expect(run.code).toBe(1);
    expect(w.repo.made).toEqual([]);
    const errors = run.annotations('error').map((c) => c.message);
    expect(errors.join('\n')).toMatch(/502|Server Error/);
    await expectSafeAction(w, run);
  });

  it('createCommitOnBranch answers 503 twice then works: one commit', { timeout: 90_000 }, async (ctx) => {
    const w = await actionWorld(ctx, files());
    w.gh.failNext(2, { method: 'POST', path: /^\/graphql$/ }, 503);
    const run = await actOn(bundle.file, w, 'push');
    expect(run.code, run.stdout).toBe(0);
    expect(w.repo.made).toHaveLength(1);
    await expectSafeAction(w, run);
  });

  it('the branch moves between the read and the commit (STALE_DATA): nothing written, a notice', async (ctx) => {
    const w = await actionWorld(ctx, files());
    const newer = 'd'.repeat(40);
    w.repo.seed(newer, files(), [w.h.sha]);
    w.gh.route('POST', '/graphql', (req) => {
      w.repo.setBranch('main', newer);
      return w.repo.handle(req)!;
    });
    const run = await actOn(bundle.file, w, 'push');
    expect(run.code, run.stdout).toBe(0);
    expect(w.repo.made).toEqual([]);
    expect(w.repo.head('main')).toBe(newer);
    expect(run.annotations('notice').map((c) => c.message).join('\n')).toContain('moved on from');
    await expectSafeAction(w, run);
  });

  it('the commit lands but its reply is lost (502 after the write): settled, not committed twice', async (ctx) => {
    const w = await actionWorld(ctx, files());
    let first = true;
    w.gh.route('POST', '/graphql', (req) => {
      const out = w.repo.handle(req)!;
      if (first) {
        first = false;
        return { status: 502, body: { message: 'Server Error' } };
      }
      return out;
    });
    const run = await actOn(bundle.file, w, 'push');
    expect(w.repo.made).toHaveLength(1);
    expect(run.code, run.stdout).toBe(0);
    await expectSafeAction(w, run);
  });

  it('a secondary rate limit on the commit: waited out, one commit', async (ctx) => {
    const w = await actionWorld(ctx, files());
    w.gh.secondaryLimitNext(1, 1, { method: 'POST', path: /^\/graphql$/ });
    const run = await actOn(bundle.file, w, 'push');
    expect(run.code, run.stdout).toBe(0);
    expect(w.repo.made).toHaveLength(1);
    await expectSafeAction(w, run);
  });

  it('secondary rate limits that never end: the run ends with a clear message', async (ctx) => {
    const w = await actionWorld(ctx, files());
    w.gh.secondaryLimitNext(50, 1, { method: 'POST', path: /^\/graphql$/ });
    const run = await actOn(bundle.file, w, 'push');
    expect(run.code).toBe(1);
    expect(w.repo.made).toEqual([]);
    expect(run.annotations('error').map((c) => c.message).join('\n')).toMatch(/rate limit/i);
    await expectSafeAction(w, run);
  });

  it('a slow API (every answer after 700 ms) still finishes, once', { timeout: 60_000 }, async (ctx) => {
    const w = await actionWorld(ctx, files());
    w.gh.route('GET', '/repos/:owner/:repo/git/ref/:ref', async (req) => {
      await sleep(700);
      return w.repo.handle(req)!;
    });
    w.gh.route('POST', '/graphql', async (req) => {
      await sleep(700);
      return w.repo.handle(req)!;
    });
    const run = await actOn(bundle.file, w, 'push');
    expect(run.code, run.stdout).toBe(0);
    expect(w.repo.made).toHaveLength(1);
    await expectSafeAction(w, run);
  });

  it('the repository lookup answers 500: the run goes on without writing and says why', { timeout: 120_000 }, async (ctx) => {
    const w = await actionWorld(ctx, files());
    w.gh.failNext(50, { method: 'GET', path: /^\/repos\/learner\/journey$/ }, 500);
    const run = await actOn(bundle.file, w, 'push', { payload: {} });
    expect([0, 1]).toContain(run.code);
    expect(run.stdout).toContain('could not read the default branch');
    await expectSafeAction(w, run);
  });

  it('an error body holding a workflow command and the token is printed safely', async (ctx) => {
    const w = await actionWorld(ctx, files());
    w.gh.route('POST', '/graphql', () => ({ status: 422, body: { message: 'bad\n::error::INJECTED-from-api\n::add-mask::x ghs_faketoken0123456789' } }));
    const run = await actOn(bundle.file, w, 'push');
    expect(w.repo.made).toEqual([]);
    await expectSafeAction(w, run);
  });
});
