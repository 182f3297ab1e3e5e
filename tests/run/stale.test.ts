import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../src/core/config.js';
import { makeOctokit } from '../../src/io/github.js';
import { runStale } from '../../src/run/stale.js';
import { loadModules } from '../../src/io/modules.js';
import { FakeGitHub } from '../support/fake-github.js';
import { commitAll, git, initRepo, tempDir, writeModule } from '../support/stale-repo.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});
let gh: FakeGitHub;
beforeEach(async () => {
  gh = await FakeGitHub.start();
  gh.repo('me', 'journey');
});
afterEach(async () => gh.close());

const now = new Date('2026-03-31T00:00:00Z');
const config: Config = defaultConfig();

async function journey(): Promise<string> {
  const root = await initRepo();
  dirs.push(root);
  await writeModule(root, '01-alpha', { title: 'Alpha', started: '2026-01-01', tasks: ['[x] read', '[ ] build'] });
  await writeModule(root, '02-beta', { title: 'Beta', started: '2026-01-01' });
  await writeModule(root, '03-gamma', { title: 'Gamma', status: 'done', started: '2025-01-01', completed: '2025-02-01' });
  await writeModule(root, '04-delta', { title: 'Delta', status: 'paused', started: '2025-01-01' });
  commitAll(root, '2026-01-02T09:00:00Z');
  await writeModule(root, '02-beta', { title: 'Beta', started: '2026-01-01', tasks: ['[ ] more'] });
  commitAll(root, '2026-03-20T09:00:00Z');
  return root;
}

const issuesOpt = (dryRun = false) => ({ octokit: makeOctokit({ token: 't', baseUrl: gh.url, timeScale: 1 }), owner: 'me', repo: 'journey', dryRun });

describe('runStale', () => {
  it('judges the modules it is handed instead of reading them again', async () => {
    const root = await journey();
    const { modules, findings } = await loadModules(root, config);
    // A status the disk does not have: only the handed-in modules can make alpha paused.
    const loaded = { modules: modules.map((m) => (m.id === '01-alpha' ? { ...m, status: 'paused' as const } : m)), findings };
    const r = await runStale({ root, config, now, loaded });
    expect(r.stale).toEqual([]);
    expect(r.topics.find((t) => t.id === '01-alpha')?.verdict).toBe('paused');
  });

  it('finds stale topics from git history without touching GitHub', async () => {
    const root = await journey();
    const r = await runStale({ root, config, now });
    expect(r.stale.map((t) => [t.id, t.lastActivity, t.daysIdle, t.source])).toEqual([['01-alpha', '2026-01-02', 88, 'git']]);
    expect(r.topics.map((t) => [t.id, t.verdict])).toEqual([
      ['01-alpha', 'stale'],
      ['02-beta', 'active'],
      ['03-gamma', 'done'],
      ['04-delta', 'paused'],
    ]);
    expect(r.plan).toBeUndefined();
    expect(r.notes).toEqual([]);
  });

  it('files the issue once: a second run with nothing to change makes one list read and no write', async () => {
    const root = await journey();
    const first = await runStale({ root, config, now, issues: issuesOpt() });
    expect(first.applied).toMatchObject({ writes: 2, labelCreated: true });
    const [issue] = gh.repo('me', 'journey').issues;
    expect(issue).toMatchObject({ number: 1, title: 'Stale topic: Alpha (01-alpha)', state: 'open', labels: ['stale-topic'] });
    // Pinned to the commit the body was written from, never `blob/HEAD`.
    expect(issue!.body).toMatch(new RegExp(`\\(${gh.url.replace(/\./g, '\\.')}/me/journey/blob/[0-9a-f]{40}/modules/01-alpha/README\\.md\\)`));
    expect(issue!.body).toContain('- build ([line 9]');

    gh.reset();
    const second = await runStale({ root, config, now: new Date('2026-04-02T00:00:00Z'), issues: issuesOpt() });
    expect(second.plan?.unchanged).toEqual([{ id: '01-alpha', number: 1 }]);
    expect(second.applied?.writes).toBe(0);
    // Who the token is (a GraphQL read), then one list read.
    expect(gh.requests.map((q) => `${q.method} ${q.path}`)).toEqual(['POST /graphql', 'GET /repos/me/journey/issues']);
  });

  it('closes the issue with a comment once the topic is active again, and reopens it when it goes stale again', async () => {
    const root = await journey();
    await runStale({ root, config, now, issues: issuesOpt() });
    await writeModule(root, '01-alpha', { title: 'Alpha', started: '2026-01-01', tasks: ['[x] read', '[x] build'] });
    commitAll(root, '2026-03-30T18:00:00Z');
    const r = await runStale({ root, config, now, issues: issuesOpt() });
    expect(r.applied?.outcomes.map((o) => o.action.kind)).toEqual(['close']);
    const issue = gh.repo('me', 'journey').issues[0]!;
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(issue.comments[0]!.body).toBe('Active again: `modules/01-alpha/` changed on 2026-03-30 (1 day ago; stale after 30). Closing.');

    const later = await runStale({ root, config, now: new Date('2026-05-15T00:00:00Z'), issues: issuesOpt() });
    // Beta has gone stale by then too: it gets its own issue; Alpha's old one comes back.
    expect(later.applied?.outcomes.map((o) => o.ok && [o.action.kind, o.action.id, o.number])).toEqual([
      ['reopen', '01-alpha', 1],
      ['create', '02-beta', 2],
    ]);
    expect(issue.state).toBe('open');
  });

  it('prints the plan in a dry run and writes nothing', async () => {
    const root = await journey();
    const r = await runStale({ root, config, now, issues: issuesOpt(true) });
    expect(r.plan?.actions.map((a) => a.kind)).toEqual(['create']);
    expect(r.plan?.ensureLabel).toBe(true);
    expect(r.applied).toBeUndefined();
    expect(gh.writes()).toEqual([]);
  });

  it('on a renamed module folder closes the old issue and opens a new one that says why', async () => {
    const root = await journey();
    await runStale({ root, config, now, issues: issuesOpt() });
    git(root, ['mv', 'modules/01-alpha', 'modules/01-alpha-basics']);
    commitAll(root, '2026-04-01T10:00:00Z', 'rename');
    const r = await runStale({ root, config, now: new Date('2026-04-02T00:00:00Z'), issues: issuesOpt() });
    expect(r.stale.map((t) => [t.id, t.lastActivity])).toEqual([['01-alpha-basics', '2026-01-02']]);
    const [old, fresh] = gh.repo('me', 'journey').issues;
    expect(old).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(old!.comments[0]!.body).toContain('was renamed to `modules/01-alpha-basics/`');
    expect(fresh!.body).toContain('<!-- odyssey:stale 01-alpha-basics -->');
    expect(fresh!.body).toContain('renamed from `modules/01-alpha/`, so this topic has a new issue: #1 tracked it under its old name');
  });

  it('in a shallow clone dates topics from their status block and says so', async () => {
    const origin = await journey();
    const dir = await tempDir();
    dirs.push(dir);
    git(dir, ['clone', '-q', '--depth', '1', `file://${origin}`, 'c']);
    const r = await runStale({ root: path.join(dir, 'c'), config, now });
    expect(r.stale.map((t) => [t.id, t.lastActivity, t.source])).toEqual([
      ['01-alpha', '2026-01-01', 'status-block'],
      ['02-beta', '2026-01-01', 'status-block'],
    ]);
    expect(r.notes).toEqual([
      'shallow clone: 2 topic(s) dated from their status block\'s newest date, not from history; fetch the full history (actions/checkout with `fetch-depth: 0`) for exact dates',
    ]);
  });

  it('with a read-only token still returns the stale topics and a clear note', async () => {
    const root = await journey();
    gh.readOnly = true;
    const r = await runStale({ root, config, now, issues: issuesOpt() });
    expect(r.stale).toHaveLength(1);
    expect(r.applied?.readOnly).toBe(true);
    expect(r.notes.some((n) => n.startsWith('read-only token: skipped writes (issues)'))).toBe(true);
  });

  it('says so when the issues cannot be listed, and goes on', async () => {
    const root = await journey();
    const r = await runStale({ root, config, now, issues: { ...issuesOpt(), repo: 'missing' } });
    expect(r.stale).toHaveLength(1);
    expect(r.plan).toBeUndefined();
    expect(r.notes[0]).toMatch(/^could not list the issues of me\/missing \(GitHub answered 404\)/);
  });
});
