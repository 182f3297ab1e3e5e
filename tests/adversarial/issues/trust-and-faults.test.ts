// Forged markers, people without write access, lost replies and a stalled API: odyssey touches
// only its own issues, never files a duplicate, and ends a stalled run with a clear message.
import { describe, expect, it } from 'vitest';
import { topicBody } from '../../../src/core/topics/issue-text.js';
import { createIssueOnce } from '../../../src/io/create-issue.js';
import { runStale } from '../../../src/run/stale.js';
import { runTick } from '../../../src/run/tick.js';
import { runTopicIssues } from '../../../src/run/topics.js';
import { FakeGitRepo, installGitRoutes } from '../../support/fake-github-git.js';
import { identity } from '../../support/fake-github-identity.js';
import { moduleReadme } from '../../support/tmp-repo.js';
import { client, config, journey, modulesOf, REF, SERVER, useFake } from './support.js';

const { gh } = useFake();
const now = new Date('2026-03-31T00:00:00Z');
const staleOpts = (dir: string, timeoutMs?: number) => ({
  root: dir,
  config: config({ topics: 'off' }),
  now,
  issues: { octokit: client(gh(), timeoutMs), ...REF, dryRun: false, webUrl: SERVER },
});

/** A route that keeps the connection open and never answers. */
function stall(method: string, path: string): void {
  gh().route(method, path, () => new Promise(() => {}));
}

describe('trust: only issues odyssey opened', () => {
  it("a stranger's issue with the stale label and a copied marker is never edited or closed", async () => {
    const { dir } = await journey({ '01-a': { title: 'A' } });
    const forged = gh().addIssue('me', 'journey', { title: 'pwned', body: '<!-- odyssey:stale 01-a -->\nmine now', labels: ['stale-topic'], author: 'mallory' });
    const r = await runStale(staleOpts(dir));
    expect(forged).toMatchObject({ title: 'pwned', body: '<!-- odyssey:stale 01-a -->\nmine now', state: 'open', comments: [] });
    expect(r.notes.join('\n')).toContain('#1: opened by mallory, not by odyssey (odyssey-bot): its marker is ignored');
    expect(gh().repo('me', 'journey').issues.filter((i) => i.author === 'odyssey-bot')).toHaveLength(1);
  });

  it("a stranger's issue with the topic label and a copied marker is ignored; odyssey files its own", async () => {
    const { dir, sha } = await journey({ '01-a': { title: 'A', status: 'done' } });
    const mods = await modulesOf(dir);
    const forged = gh().addIssue('me', 'journey', { title: 'A', body: '<!-- odyssey:topic 01-a -->\nclose me', labels: ['topic'], author: 'mallory' });
    const r = await runTopicIssues({ root: dir, config: config(), modules: mods, stale: [], octokit: client(gh()), ...REF, serverUrl: SERVER, sha, prefix: '', dryRun: false });
    expect(forged.state).toBe('open');
    expect(forged.comments).toEqual([]);
    expect(r.plan?.actions).toEqual([]);
    expect(gh().writes()).toEqual([]);
  });

  it('does not touch any issue when the token cannot say who it is', async () => {
    const { dir } = await journey({ '01-a': { title: 'A' } });
    identity(gh()).appToken = true; // GET /user refused…
    gh().route('POST', '/graphql', () => ({ status: 200, body: { errors: [{ message: 'viewer unavailable' }] } })); // …and no viewer
    const r = await runStale(staleOpts(dir));
    expect(gh().writes()).toEqual([]);
    expect(r.notes.join('\n')).toContain('could not learn which account the token belongs to');
  });
});

describe('creates are never retried blindly', () => {
  it('a create whose reply is lost (the issue exists, GitHub answered 502) is looked up, not sent again', async () => {
    const { dir } = await journey({ '01-a': { title: 'A' } });
    let posts = 0;
    gh().route('POST', '/repos/:owner/:repo/issues', (req) => {
      posts++;
      const b = req.body as { title: string; body: string; labels: string[] };
      gh().addIssue('me', 'journey', { title: b.title, body: b.body, labels: b.labels, author: gh().login });
      return { status: 502, body: { message: 'Server Error' } };
    });
    const r = await runStale(staleOpts(dir));
    expect(posts).toBe(1);
    expect(gh().repo('me', 'journey').issues).toHaveLength(1);
    expect(r.applied?.outcomes).toMatchObject([{ ok: true, number: 1 }]);
  });

  it('a create that stalls is abandoned after the timeout, looked up, and not sent again this run', async () => {
    stall('POST', '/repos/:owner/:repo/issues');
    const octokit = client(gh(), 300);
    let lookups = 0;
    const started = Date.now();
    const err = await createIssueOnce(octokit, REF, { title: 't', body: 'b', labels: [] }, async () => {
      lookups++;
      return null;
    }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/^GitHub did not answer POST \/repos\/me\/journey\/issues within 0\.3s/);
    expect(lookups).toBe(1);
    expect(gh().count({ method: 'POST' })).toBe(0); // the fake records a request when it answers; this one never was
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a stalled API ends the stale run with a clear note instead of hanging', async () => {
    const { dir } = await journey({ '01-a': { title: 'A' } });
    stall('GET', '/repos/:owner/:repo/issues');
    const started = Date.now();
    const r = await runStale(staleOpts(dir, 1500));
    expect(r.notes.join("\n"), r.notes.join("\n")).toMatch(/GitHub did not answer GET \/repos\/me\/journey\/issues.* within 1\.5s/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('ticks from an issue', () => {
  async function tickWorld(permission: string, readme: string) {
    const repo = new FakeGitRepo('me', 'journey');
    installGitRoutes(gh(), repo);
    identity(gh()).permissions.set('visitor', permission);
    const file = 'modules/01-a/README.md';
    repo.seed('a'.repeat(40), { 'README.md': '# J\n', [file]: readme });
    repo.setBranch('main', 'a'.repeat(40));
    const ctx = { repoUrl: `${SERVER}/me/journey`, sha: 'a'.repeat(40), prefix: '' };
    const tasks = [{ text: 'first task', done: false, line: 6, depth: 0 }];
    const before = topicBody({ id: '01-a', file, title: 'A', status: 'in-progress', resources: [], tasks }, ctx);
    const after = before.replace('- [ ] first task', '- [x] first task');
    const issue = gh().addIssue('me', 'journey', { title: 'A', body: after, labels: ['topic'], author: 'odyssey-bot' });
    return { repo, file, before, after, issue };
  }
  const base = { root: '/nonexistent', config: config(), ...REF, branch: 'main', checkoutSha: 'b'.repeat(40), prefix: '', self: 'odyssey-bot', dryRun: false };

  it('a box ticked by someone without write access changes nothing', async () => {
    const w = await tickWorld('read', moduleReadme({ title: 'A', status: 'in-progress' }, '# A\n\n- [ ] first task\n'));
    const r = await runTick({ ...base, octokit: client(gh()), event: { number: w.issue.number, body: w.after, bodyBefore: w.before, author: 'odyssey-bot', sender: 'visitor' } });
    expect(w.repo.made).toEqual([]);
    expect(gh().writes()).toEqual([]);
    expect(r.lines.join('\n')).toContain('edited by visitor, who cannot write to me/journey: nothing changed');
  });

  it('a box whose task text no longer matches the notes changes nothing and says so in one comment', async () => {
    const w = await tickWorld('write', moduleReadme({ title: 'A', status: 'in-progress' }, '# A\n\n- [ ] a different task\n'));
    const r = await runTick({ ...base, octokit: client(gh()), event: { number: w.issue.number, body: w.after, bodyBefore: w.before, author: 'odyssey-bot', sender: 'visitor' } });
    expect(w.repo.made).toEqual([]);
    expect(w.issue.comments).toHaveLength(1);
    expect(w.issue.comments[0]!.body).toContain('no longer matches a task in the notes, so nothing was changed');
    expect(r.writes).toBe(1);
  });

  it('a tick by a collaborator commits exactly that box', async () => {
    const readme = moduleReadme({ title: 'A', status: 'in-progress' }, '# A\n\n- [ ] first task\n');
    const w = await tickWorld('write', readme);
    await runTick({ ...base, octokit: client(gh()), event: { number: w.issue.number, body: w.after, bodyBefore: w.before, author: 'odyssey-bot', sender: 'visitor' } });
    expect(w.repo.made).toHaveLength(1);
    expect(w.repo.files(w.repo.head('main')!)[w.file]).toBe(readme.replace('- [ ] first task', '- [x] first task'));
  });
});
