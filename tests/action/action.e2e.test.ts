// The built action, run as GitHub runs it, against the loopback fake GitHub API.
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { FakeGitHub } from '../support/fake-github.js';
import { FakeGitRepo, installGitRoutes } from '../support/fake-github-git.js';
import { moduleReadme, ZONE } from '../support/tmp-repo.js';
import { buildActionBundle } from './support/build-bundle.js';
import { journeyRepo } from './support/journey-repo.js';
import { runAction, type ActionRun } from './support/run-action.js';

const TOKEN = 'ghs_faketoken0123456789';
let bundle: Awaited<ReturnType<typeof buildActionBundle>>;

beforeAll(async () => {
  bundle = await buildActionBundle();
});
afterAll(() => bundle.dispose());

interface World {
  gh: FakeGitHub;
  repo: FakeGitRepo;
}

/** Each case its own fake GitHub, so cases run side by side (most of their time is GitHub's pacing). */
async function world(ctx: TestContext): Promise<World> {
  const gh = await FakeGitHub.start();
  gh.token = TOKEN;
  const repo = new FakeGitRepo('learner', 'journey');
  installGitRoutes(gh, repo);
  // The test's own hook: with concurrent tests the global one may attach to another test.
  ctx.onTestFinished(() => gh.close());
  return { gh, repo };
}

const README = `# My journey\n\nSee [the paper](link_to_paper).\n\n${ZONE}\nThe end.\n`;

function journeyFiles(attention: Record<string, string> = { status: 'in-progress', started: '2020-01-10' }): Record<string, string> {
  return {
    'README.md': README,
    'modules/01-basics/README.md': moduleReadme({ title: 'Basics', status: 'done', started: '2020-01-02', completed: '2020-01-05' }, '# Basics\n'),
    'modules/02-attention/README.md': moduleReadme({ title: 'Attention', ...attention }, '# Attention\n\n- [x] read\n- [ ] code\n'),
  };
}

/** A journey committed in 2020 (its in-progress topic long idle), known to the fake at the same SHA. */
async function pushed({ repo }: World, files = journeyFiles()): Promise<{ dir: string; sha: string }> {
  const r = await journeyRepo(files, '2020-01-15T12:00:00Z');
  repo.seed(r.sha, files);
  repo.setBranch('main', r.sha);
  return r;
}

const act = ({ gh }: World, r: { dir: string; sha: string }, event: string, extra: Partial<Parameters<typeof runAction>[0]> = {}) =>
  runAction({ bundle: bundle.file, workspace: r.dir, apiUrl: gh.url, event, sha: r.sha, ...extra });

function expectTokenMasked(run: ActionRun): void {
  expect(run.commands.some((c) => c.name === 'add-mask' && c.message === TOKEN)).toBe(true);
  expect(run.stdout.split('\n').filter((l) => l.includes(TOKEN) && !l.startsWith('::add-mask::'))).toEqual([]);
}

describe.concurrent('the action on push', () => {
  it('first push: one signed commit with only the README change, and the stale topic gets its issue', async (ctx) => {
    const w = await world(ctx);
    const { gh, repo } = w;
    const r = await pushed(w);
    const run = await act(w, r, 'push', { inputs: { stale: 'on' } });
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(repo.made).toHaveLength(1);
    const head = repo.head('main')!;
    const commit = repo.commit(head)!;
    expect(commit.parents).toEqual([r.sha]);
    expect(commit.signed).toBe(true);
    expect(commit.message).toBe('docs: update learning progress [skip ci]');
    const after = repo.files(head);
    const before = journeyFiles();
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const p of Object.keys(before)) if (p !== 'README.md') expect(after[p]).toBe(before[p]);
    expect(after['README.md']).toContain('modules/02-attention/README.md');
    expect(after['README.md']!.endsWith('<!-- odyssey:progress:end -->\n\nThe end.\n')).toBe(true);

    const issues = gh.repo('learner', 'journey').issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ state: 'open', labels: ['stale-topic'] });
    expect(issues[0]!.body).toContain('<!-- odyssey:stale 02-attention -->');

    expect(run.outputs).toMatchObject({ changed: 'true', 'commit-sha': head, 'stale-topics': '["02-attention"]', 'placeholder-links': '1', 'broken-links': '0' });
    expect(run.report).toMatchObject({ changed: true, commitSha: head, counts: { placeholderLinks: 1 } });
    expect(run.summary).toContain('02-attention: added (in-progress, 1/2 tasks)');
    expect(run.summary).toMatch(/committed [0-9a-f]{7} to main: README\.md/);
    expect(run.summary).toContain('Attention (`02-attention`)');
    expect(run.annotations('warning')).toEqual([
      expect.objectContaining({ props: expect.objectContaining({ file: 'README.md', line: '3', title: 'odyssey: placeholder' }) }),
    ]);
    expectTokenMasked(run);
    if (process.env.PEEK) console.log(run.stdout + '\n=====SUMMARY\n' + run.summary);
  });

  it('the same push again writes nothing', async (ctx) => {
    const w = await world(ctx);
    const { gh, repo } = w;
    const r = await pushed(w);
    const first = await act(w, r, 'push', { inputs: { stale: 'on' } });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const writes = gh.writes().length;
    const again = await act(w, r, 'push', { inputs: { stale: 'on' } });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(gh.writes().length).toBe(writes);
    expect(repo.made).toHaveLength(1);
    expect(again.outputs['commit-sha']).toBe(repo.head('main'));
    expect(again.summary).toMatch(/main already holds this table/);
  });

  it('a push whose branch moved on meanwhile: no commit, and says the newer run will do it', async (ctx) => {
    const w = await world(ctx);
    const { gh, repo } = w;
    const r = await pushed(w);
    const newer = 'c'.repeat(40);
    repo.seed(newer, journeyFiles(), [r.sha]);
    repo.setBranch('main', newer);
    const run = await act(w, r, 'push');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(repo.made).toEqual([]);
    expect(repo.head('main')).toBe(newer);
    expect(run.annotations('notice').map((c) => c.message)).toContain(`main moved on from ${r.sha.slice(0, 7)}; the run for the newer push will update the table`);
    expect(run.outputs['commit-sha']).toBe('');
  });

  it('rides out transient 502s on the commit and on the issue list', async (ctx) => {
    const w = await world(ctx);
    const { gh, repo } = w;
    const r = await pushed(w);
    gh.failNext(1, { method: 'POST', path: /^\/graphql$/ });
    gh.failNext(1, { method: 'GET', path: /\/issues$/ });
    const run = await act(w, r, 'push', { inputs: { stale: 'on' } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(repo.made).toHaveLength(1);
    expect(gh.repo('learner', 'journey').issues).toHaveLength(1);
    expect(gh.count({ method: 'POST', path: /^\/graphql$/ })).toBe(2);
  });

  it('waits out a secondary rate limit and still opens the issue', async (ctx) => {
    const w = await world(ctx);
    const { gh, repo } = w;
    const r = await pushed(w);
    gh.secondaryLimitNext(1, 1, { method: 'POST', path: /\/issues$/ });
    const run = await act(w, r, 'push', { inputs: { stale: 'on' } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(gh.count({ method: 'POST', path: /\/issues$/ })).toBe(2);
    expect(gh.repo('learner', 'journey').issues).toHaveLength(1);
  });
});

describe.concurrent('the action on a pull request', () => {
  it('with a read-only token: annotates, says what merging changes, skips writes with one notice, does not fail', async (ctx) => {
    const files = { ...journeyFiles(), 'modules/01-basics/notes.md': 'See [the lab](lab.md).\n' };
    const w = await world(ctx);
    const { gh, repo } = w;
    const r = await pushed(w, files);
    gh.readOnly = true;
    const run = await act(w, r, 'pull_request', {
      ref: 'refs/pull/7/merge',
      payload: { number: 7, pull_request: { number: 7 }, repository: { default_branch: 'main' } },
      inputs: { stale: 'on', 'fail-on': 'never' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(repo.made).toEqual([]);
    expect(gh.repo('learner', 'journey').issues).toEqual([]);
    expect(gh.writes().every((req) => req.status === 403)).toBe(true);
    expect(gh.count({ path: /^\/graphql$/ })).toBe(0);
    const notices = run.annotations('notice').map((c) => c.message);
    expect(notices.filter((n) => n.startsWith('read-only token'))).toEqual([
      'read-only token: skipped writes (issues). To let odyssey write, give the workflow `permissions: issues: write` (a pull request from a fork never gets them).',
    ]);
    expect(notices.some((n) => n.startsWith('merging this pull request will update the progress table: 01-basics: added (done)'))).toBe(true);
    expect(run.annotations('error')).toEqual([
      expect.objectContaining({ props: expect.objectContaining({ file: 'modules/01-basics/notes.md', line: '1', title: 'odyssey: missing-file' }) }),
    ]);
    expect(run.outputs['broken-links']).toBe('1');
    expectTokenMasked(run);
    if (process.env.PEEK) console.log(run.stdout + '\n=====SUMMARY\n' + run.summary);
  });

  it('fails the step on a broken link with the default fail-on, and still writes nothing', async (ctx) => {
    const w = await world(ctx);
    const { gh, repo } = w;
    const r = await pushed(w, { ...journeyFiles(), 'modules/01-basics/notes.md': 'See [the lab](lab.md).\n' });
    const run = await act(w, r, 'pull_request', { ref: 'refs/pull/7/merge', payload: { pull_request: { number: 7 }, repository: { default_branch: 'main' } } });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.annotations('error').map((c) => c.message)).toContain('1 finding at or above fail-on: error (see the annotations and the job summary)');
    expect(gh.writes()).toEqual([]);
  });
});

describe.concurrent('the action choosing annotations', () => {
  it('shows 10 errors, those in the files the pull request changes first, and says how many more', async (ctx) => {
    const broken = (n: number, name: string) => Array.from({ length: n }, (_, i) => `[x](${name}-${i}.md)`).join('\n\n') + '\n';
    const w = await world(ctx);
    const { repo } = w;
    const r = await pushed(w, { ...journeyFiles(), 'modules/01-basics/old.md': broken(14, 'gone'), 'modules/02-attention/new.md': broken(2, 'lost') });
    repo.pullFiles.set(9, ['modules/02-attention/new.md']);
    const run = await act(w, r, 'pull_request', {
      ref: 'refs/pull/9/merge',
      payload: { pull_request: { number: 9 }, repository: { default_branch: 'main' } },
      inputs: { 'fail-on': 'never' },
    });
    const errors = run.annotations('error');
    expect(errors).toHaveLength(10);
    expect(errors.slice(0, 2).map((e) => e.props.file)).toEqual(['modules/02-attention/new.md', 'modules/02-attention/new.md']);
    expect(run.stdout).toContain('6 more errors are in the job summary (GitHub shows 10 errors and 10 warnings a step)');
    expect(run.summary).toContain('16 errors, 1 warning.');
  });
});

describe.concurrent('the action with commit: pull-request', () => {
  it('pushes the table to odyssey/progress and opens one pull request; a rerun writes nothing', async (ctx) => {
    const w = await world(ctx);
    const { gh, repo } = w;
    const r = await pushed(w);
    const run = await act(w, r, 'push', { inputs: { commit: 'pull-request' } });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(repo.head('main')).toBe(r.sha);
    const head = repo.head('odyssey/progress')!;
    expect(repo.commit(head)!.parents).toEqual([r.sha]);
    expect(repo.pulls).toMatchObject([{ head: 'odyssey/progress', base: 'main', state: 'open' }]);
    expect(run.outputs['commit-sha']).toBe(head);
    expect(run.summary).toMatch(/opened pull request #100/);
    const writes = gh.writes().length;
    const again = await act(w, r, 'push', { inputs: { commit: 'pull-request' } });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(gh.writes().length).toBe(writes);
    expect(repo.pulls).toHaveLength(1);
  });
});

describe.concurrent('the action on a schedule', () => {
  it('closes the issue of a topic that is done now', async (ctx) => {
    const w = await world(ctx);
    const { gh, repo } = w;
    const r = await pushed(w, journeyFiles({ status: 'done', started: '2020-01-10', completed: '2020-01-14' }));
    const issue = gh.addIssue('learner', 'journey', {
      title: 'Stale topic: Attention',
      body: '<!-- odyssey:stale 02-attention -->\nAttention has had no change for 40 days.',
      labels: ['stale-topic'],
    });
    const run = await act(w, r, 'schedule');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(issue.state).toBe('closed');
    expect(issue.comments).toHaveLength(1);
    expect(repo.made).toEqual([]);
    expect(run.outputs['stale-topics']).toBe('[]');
    expect(run.summary).toContain(`closed #${issue.number} for 02-attention (done)`);
  });
});

describe.concurrent('the action with bad inputs', () => {
  it('fails with a message naming the input and the values it takes, before any request', async (ctx) => {
    const w = await world(ctx);
    const { gh, repo } = w;
    const r = await pushed(w);
    const run = await act(w, r, 'push', { inputs: { 'stale-days': 'soon' } });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.annotations('error').map((c) => c.message)).toEqual(['input `stale-days` is "soon": use a whole number from 1 to 3650']);
    expect(gh.requests).toEqual([]);
  });
});
