import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { branchRuleRefusal, commitOnBranch, commitToPullRequest, gitBlobSha, type CommitTarget } from '../../src/io/commit.js';
import { makeOctokit, type GitHubClient } from '../../src/io/github.js';
import { isPermissionError } from '../../src/io/permissions.js';
import { FakeGitHub } from '../support/fake-github.js';
import { FakeGitRepo, installGitRoutes } from '../support/fake-github-git.js';

const PUSHED = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);
const OLD = '# Journey\n<!-- odyssey:progress:start -->\n<!-- odyssey:progress:end -->\n';
const NEW = '# Journey\n<!-- odyssey:progress:start -->\n| Module |\n<!-- odyssey:progress:end -->\n';

let gh: FakeGitHub;
let repo: FakeGitRepo;
let octokit: GitHubClient;

beforeEach(async () => {
  gh = await FakeGitHub.start();
  repo = new FakeGitRepo('learner', 'journey');
  installGitRoutes(gh, repo);
  repo.seed(PUSHED, { 'README.md': OLD, 'modules/01-a/README.md': 'x\n' });
  repo.setBranch('main', PUSHED);
  octokit = makeOctokit({ token: 't0k3n', baseUrl: gh.url, timeScale: 1 });
});
afterEach(() => gh.close());

const target = (over: Partial<CommitTarget> = {}): CommitTarget => ({
  owner: 'learner',
  repo: 'journey',
  branch: 'main',
  expectedHeadOid: PUSHED,
  message: 'docs: update learning progress [skip ci]',
  files: [{ path: 'README.md', after: NEW }],
  ...over,
});

describe('commitOnBranch', () => {
  it('makes one signed commit on top of the pushed SHA holding only the README change', async () => {
    const out = await commitOnBranch(octokit, target());
    expect(out.kind).toBe('committed');
    const head = repo.head('main')!;
    expect(out.kind === 'committed' && out.sha).toBe(head);
    expect(repo.made).toEqual([head]);
    const c = repo.commit(head)!;
    expect(c.parents).toEqual([PUSHED]);
    expect(c.signed).toBe(true);
    expect(c.message).toBe('docs: update learning progress [skip ci]');
    expect(repo.files(head)).toEqual({ 'README.md': NEW, 'modules/01-a/README.md': 'x\n' });
    const mutation = gh.requests.find((r) => r.path === '/graphql')!;
    expect((mutation.body as { variables: { input: { expectedHeadOid: string } } }).variables.input.expectedHeadOid).toBe(PUSHED);
  });

  it('writes nothing on a rerun of the same push and names the commit already there', async () => {
    const first = await commitOnBranch(octokit, target());
    const writesBefore = gh.writes().length;
    const again = await commitOnBranch(octokit, target());
    expect(again).toEqual({ kind: 'already', sha: first.kind === 'committed' ? first.sha : '' });
    expect(gh.writes().length).toBe(writesBefore);
  });

  it('makes no commit when the branch moved on, and says the newer run will do it', async () => {
    repo.seed(OTHER, { 'README.md': OLD }, [PUSHED]);
    repo.setBranch('main', OTHER);
    const out = await commitOnBranch(octokit, target());
    expect(out).toEqual({ kind: 'moved', head: OTHER, message: 'main moved on from aaaaaaa; the run for the newer push will update the table' });
    expect(repo.made).toEqual([]);
    expect(gh.writes()).toEqual([]);
  });

  it('turns STALE_DATA (the branch moved between the read and the mutation) into the moved outcome', async () => {
    repo.seed(OTHER, { 'README.md': OLD }, [PUSHED]);
    repo.setBranch('main', OTHER);
    // The read still sees the pushed SHA: the push lands just after it.
    gh.route('GET', '/repos/:owner/:repo/git/ref/:ref', () => ({ status: 200, body: { ref: 'refs/heads/main', object: { sha: PUSHED, type: 'commit' } } }));
    const out = await commitOnBranch(octokit, target());
    expect(out.kind).toBe('moved');
    expect(repo.head('main')).toBe(OTHER);
    expect(repo.made).toEqual([]);
  });

  it('retries a 502 from the GraphQL endpoint and commits once', async () => {
    gh.failNext(1, { method: 'POST', path: /^\/graphql$/ });
    const out = await commitOnBranch(octokit, target());
    expect(out.kind).toBe('committed');
    expect(gh.count({ method: 'POST', path: /^\/graphql$/ })).toBe(2);
    expect(repo.made.length).toBe(1);
  });

  it('recognises its own commit when a retried mutation had landed the first time', async () => {
    let calls = 0;
    gh.route('POST', '/graphql', (req) => {
      const reply = repo.handle(req)!;
      return ++calls === 1 ? { status: 502, body: { message: 'Server Error' } } : reply;
    });
    const out = await commitOnBranch(octokit, target());
    expect(out.kind).toBe('already');
    expect(repo.made.length).toBe(1);
    expect(out.kind === 'already' && out.sha).toBe(repo.head('main'));
  });

  it('sends the mutation to the GraphQL URL it is given (GitHub Enterprise)', async () => {
    gh.route('POST', '/enterprise/graphql', (req) => repo.handle({ ...req, path: '/graphql' })!);
    const out = await commitOnBranch(octokit, target({ graphqlUrl: `${gh.url}/enterprise/graphql` }));
    expect(out.kind).toBe('committed');
    expect(gh.count({ path: /^\/graphql$/ })).toBe(0);
    expect(gh.count({ method: 'POST', path: /^\/enterprise\/graphql$/ })).toBe(1);
  });

  it('lets a read-only token fail with a permission error, not a rate limit', async () => {
    gh.readOnly = true;
    const err = await commitOnBranch(octokit, target()).catch((e: unknown) => e);
    expect(isPermissionError(err)).toBe(true);
    expect(repo.made).toEqual([]);
  });
});

describe('commitToPullRequest', () => {
  const prTarget = (over: Partial<CommitTarget> = {}) => ({
    ...target(over),
    headBranch: 'odyssey/progress',
    title: 'Update the learning progress table',
    body: 'Rebuilt from the status blocks at aaaaaaa.',
  });

  it('pushes one commit to odyssey/progress and opens one pull request into main', async () => {
    const out = await commitToPullRequest(octokit, prTarget());
    expect(out.kind).toBe('pull-request');
    if (out.kind !== 'pull-request') return;
    expect(out.created).toBe(true);
    expect(repo.head('main')).toBe(PUSHED);
    const head = repo.head('odyssey/progress')!;
    expect(out.sha).toBe(head);
    expect(repo.commit(head)!.parents).toEqual([PUSHED]);
    expect(repo.files(head)['README.md']).toBe(NEW);
    expect(repo.pulls).toMatchObject([{ head: 'odyssey/progress', base: 'main', state: 'open', number: out.number }]);
  });

  it('writes nothing when the branch and the pull request are already as they should be', async () => {
    await commitToPullRequest(octokit, prTarget());
    const writes = gh.writes().length;
    const again = await commitToPullRequest(octokit, prTarget());
    expect(again).toMatchObject({ kind: 'pull-request', created: false, branchUpdated: false, prUpdated: false });
    expect(gh.writes().length).toBe(writes);
  });

  it('moves the branch and updates the same pull request after a newer push', async () => {
    const first = await commitToPullRequest(octokit, prTarget());
    repo.seed(OTHER, { 'README.md': OLD, 'modules/02-b/README.md': 'y\n' }, [PUSHED]);
    repo.setBranch('main', OTHER);
    const NEWER = NEW.replace('| Module |', '| Module | Status |');
    const out = await commitToPullRequest(octokit, { ...prTarget({ expectedHeadOid: OTHER, files: [{ path: 'README.md', after: NEWER }] }), body: 'Rebuilt at bbbbbbb.' });
    expect(out).toMatchObject({ kind: 'pull-request', created: false, branchUpdated: true, prUpdated: true });
    expect(first.kind === 'pull-request' && out.kind === 'pull-request' && out.number === first.number).toBe(true);
    expect(repo.pulls.length).toBe(1);
    const head = repo.head('odyssey/progress')!;
    expect(repo.commit(head)!.parents).toEqual([OTHER]);
    expect(repo.files(head)).toEqual({ 'README.md': NEWER, 'modules/02-b/README.md': 'y\n' });
  });
});

describe('a branch rule refusing the commit', () => {
  it.each(['classic', 'ruleset'] as const)('is the protected outcome with GitHub\'s words (%s protection), and nothing is written', async (rule) => {
    repo.protectedBranches.set('main', rule);
    const out = await commitOnBranch(octokit, target());
    expect(out.kind).toBe('protected');
    expect(out.kind === 'protected' && out.message).toMatch(/Changes must be made through a pull request/);
    expect(repo.head('main')).toBe(PUSHED);
    expect(repo.made).toEqual([]);
  });

  it('is told apart from a permission refusal and from a moved branch', () => {
    expect(branchRuleRefusal({ errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] })).toBeNull();
    expect(branchRuleRefusal({ errors: [{ type: 'STALE_DATA', message: 'Expected branch to point to "abc"' }] })).toBeNull();
    expect(branchRuleRefusal({ status: 422, message: 'Protected branch update failed for refs/heads/main.' })).toBe('Protected branch update failed for refs/heads/main.');
  });
});

describe('gitBlobSha', () => {
  it('is the SHA git gives the content (so a rerun can compare without downloading)', () => {
    // `printf 'hello\n' | git hash-object --stdin`
    expect(gitBlobSha('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });
});
