// The built action on a pull_request event (SPEC §8), against the fake GitHub API: findings judged
// against the base commit, and certain fixes posted as one review of suggestion blocks, once.
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { FakeGitHub } from '../support/fake-github.js';
import { FakeGitRepo, installGitRoutes } from '../support/fake-github-git.js';
import { installPullRoutes, pullFilesFromGit } from '../support/fake-github-pulls.js';
import { moduleReadme, ZONE } from '../support/tmp-repo.js';
import { buildActionBundle } from './support/build-bundle.js';
import { commitFiles, git, journeyRepo } from './support/journey-repo.js';
import { runAction } from './support/run-action.js';

const TOKEN = 'ghs_faketoken0123456789';
let bundle: Awaited<ReturnType<typeof buildActionBundle>>;
beforeAll(async () => {
  bundle = await buildActionBundle();
});
afterAll(() => bundle.dispose());

const baseFiles = {
  'README.md': `# My journey\n\nStart with [the notes](modules/01-basics/notes.md) and [the old plan](plan.md).\n\n${ZONE}`,
  'modules/01-basics/README.md': moduleReadme({ title: 'Basics', status: 'done', started: '2020-01-02', completed: '2020-01-05' }, '# Basics\n\nSee [setup](notes.md#setup).\n'),
  'modules/01-basics/notes.md': '# Notes\n\n## Setup\n\nText.\n',
  'modules/02-attention/README.md': moduleReadme({ title: 'Attention', status: 'todo' }, '# Attention\n\nBroken since forever: [paper](paper.md).\n'),
};

/** A base commit, then a pull request that renames the notes (breaking two untouched files) and adds a link in the wrong letter case. */
async function pullRequest(ctx: TestContext) {
  const gh = await FakeGitHub.start();
  gh.token = TOKEN;
  ctx.onTestFinished(() => gh.close());
  const fake = new FakeGitRepo('learner', 'journey');
  installGitRoutes(gh, fake);
  const pulls = installPullRoutes(gh, 'learner', 'journey');
  const { dir, sha: base } = await journeyRepo(baseFiles);
  await git(dir, ['checkout', '-q', '-b', 'rename-notes']);
  await git(dir, ['mv', 'modules/01-basics/notes.md', 'modules/01-basics/guide.md']);
  const head = await commitFiles(dir, {
    'modules/02-attention/README.md': moduleReadme({ title: 'Attention', status: 'in-progress', started: '2020-01-10' }, '# Attention\n\nBroken since forever: [paper](paper.md).\n\nBuilds on [basics](../01-Basics/README.md).\n'),
  });
  pulls.files.set(5, await pullFilesFromGit(dir, base, head));
  const payload = {
    number: 5,
    pull_request: { number: 5, base: { sha: base, repo: { full_name: 'learner/journey' } }, head: { sha: head, repo: { full_name: 'learner/journey' } } },
    repository: { default_branch: 'main', full_name: 'learner/journey' },
  };
  const act = (extra: { readOnly?: boolean; payload?: Record<string, unknown>; inputs?: Record<string, string> } = {}) => {
    gh.readOnly = extra.readOnly ?? false;
    return runAction({ bundle: bundle.file, workspace: dir, apiUrl: gh.url, event: 'pull_request', sha: head, ref: 'refs/pull/5/merge', payload: extra.payload ?? payload, inputs: { 'fail-on': 'error', ...extra.inputs } });
  };
  return { gh, pulls, dir, base, head, act, payload };
}

describe.concurrent('the action on a pull request with its base', () => {
  it('annotates only what the pull request broke, fails on it, and posts one review of suggestions; the same event again posts nothing', async (ctx) => {
    const { gh, pulls, head, act } = await pullRequest(ctx);
    const run = await act();
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const errors = run.annotations('error').filter((a) => a.props.file);
    expect(errors.map((a) => `${a.props.file}:${a.props.line}`).sort()).toEqual(['README.md:3', 'modules/01-basics/README.md:9', 'modules/02-attention/README.md:10']);
    expect(run.annotations('error').map((a) => a.message)).toContain('3 findings at or above fail-on: error (see the annotations and the job summary)');

    const reviews = pulls.reviews.get(5)!;
    expect(reviews).toHaveLength(1);
    const review = reviews[0]!;
    expect(review.commit_id).toBe(head);
    expect(review.body).toContain('<!-- odyssey:review -->');
    // The letter-case fix sits on a line of the diff: a comment with a suggestion block.
    expect(review.comments).toEqual([
      {
        path: 'modules/02-attention/README.md',
        line: 10,
        side: 'RIGHT',
        body: expect.stringContaining('```suggestion\nBuilds on [basics](../01-basics/README.md).\n```'),
      },
    ]);
    // The renamed file's links live in files the pull request never touched: listed in the body.
    expect(review.body).toContain('`README.md:3`: `modules/01-basics/notes.md` → `modules/01-basics/guide.md` (the file was renamed in this pull request)');
    expect(review.body).toContain('`modules/01-basics/README.md:9`: `notes.md#setup` → `guide.md#setup`');

    expect(run.summary).toContain('**New** (3)');
    expect(run.summary).toMatch(/<summary><b>Existing<\/b> \(2\)/);
    expect(run.summary).toContain('**Fixed by this pull request** (0)');
    expect(run.report).toMatchObject({ fixed: [] });

    const writes = gh.writes().length;
    const again = await act();
    expect(again.code).toBe(1);
    expect(gh.writes().length).toBe(writes);
    expect(pulls.reviews.get(5)).toHaveLength(1);
    expect(again.stdout).toContain('is already posted');
  });

  it('a fork (read-only token): no review, the suggestions in the job summary', async (ctx) => {
    const { gh, pulls, act, payload } = await pullRequest(ctx);
    const fork = { ...payload, pull_request: { ...payload.pull_request, head: { ...payload.pull_request.head, repo: { full_name: 'someone/journey' } } } };
    const run = await act({ readOnly: true, payload: fork });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(pulls.reviews.get(5) ?? []).toEqual([]);
    expect(gh.writes()).toEqual([]);
    expect(run.summary).toContain('#### Suggested fixes');
    expect(run.summary).toContain('  - Builds on [basics](../01-Basics/README.md).\n  + Builds on [basics](../01-basics/README.md).');
  });

  it('a pull request that breaks nothing: passes, no annotation for the old broken links, no review', async (ctx) => {
    const gh = await FakeGitHub.start();
    gh.token = TOKEN;
    ctx.onTestFinished(() => gh.close());
    installGitRoutes(gh, new FakeGitRepo('learner', 'journey'));
    const pulls = installPullRoutes(gh, 'learner', 'journey');
    const { dir, sha: base } = await journeyRepo(baseFiles);
    await git(dir, ['checkout', '-q', '-b', 'typo']);
    const head = await commitFiles(dir, { 'modules/01-basics/notes.md': '# Notes\n\n## Setup\n\nText, fixed.\n' });
    pulls.files.set(6, await pullFilesFromGit(dir, base, head));
    const run = await runAction({
      bundle: bundle.file,
      workspace: dir,
      apiUrl: gh.url,
      event: 'pull_request',
      sha: head,
      ref: 'refs/pull/6/merge',
      payload: { number: 6, pull_request: { number: 6, base: { sha: base, repo: { full_name: 'learner/journey' } }, head: { sha: head, repo: { full_name: 'learner/journey' } } }, repository: { default_branch: 'main', full_name: 'learner/journey' } },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.annotations('error')).toEqual([]);
    expect(gh.writes()).toEqual([]);
    expect(pulls.reviews.get(6) ?? []).toEqual([]);
    expect(run.summary).toContain('**New** (0): broken by this pull request — none');
    expect(run.summary).toMatch(/<summary><b>Existing<\/b> \(2\)/);
  });

  it('with pr-fail-on: all, the findings already on the base fail it too', async (ctx) => {
    const { act } = await pullRequest(ctx);
    const run = await act({ inputs: { 'pr-fail-on': 'all' } });
    expect(run.code).toBe(1);
    expect(run.annotations('error').map((a) => a.message)).toContain('5 findings at or above fail-on: error (see the annotations and the job summary)');
  });
});
