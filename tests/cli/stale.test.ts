import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FakeGitHub } from '../support/fake-github.js';
import { commitAll, initRepo, tempDir, writeFileIn, writeModule } from '../support/stale-repo.js';

let root: string;
const dirs: string[] = [];
beforeAll(async () => {
  root = await initRepo();
  dirs.push(root);
  await writeModule(root, '01-alpha', { title: 'Alpha | one', started: '2026-01-01', tasks: ['[ ] build'] });
  await writeModule(root, '02-beta', { title: 'Beta', started: '2026-01-01', staleAfter: 90 });
  await writeModule(root, '03-gamma', { title: 'Gamma', status: 'todo' });
  commitAll(root, '2026-01-02T09:00:00Z');
});
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['stale', '--root', root, ...args], {
    cwd: root,
    env,
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    isTTY: false,
  });
  return { code, out, err };
}

describe('odyssey stale', () => {
  it('prints the stale topics as JSON with the SPEC keys, reproducibly with --now', async () => {
    const { code, out } = await run(['--now', '2026-03-31', '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { stale: Array<Record<string, unknown>>; notes: string[] };
    expect(json.stale.map(({ id, title, status, lastActivity, daysIdle }) => ({ id, title, status, lastActivity, daysIdle }))).toEqual([
      { id: '01-alpha', title: 'Alpha | one', status: 'in-progress', lastActivity: '2026-01-02', daysIdle: 88 },
    ]);
    expect(json.stale[0]).toMatchObject({ threshold: 30, source: 'git', openTasks: 1 });
    expect(json.notes).toEqual([]);
  });

  it('prints a readable list as text', async () => {
    const { code, out } = await run(['--now', '2026-04-01']);
    expect(code).toBe(0);
    expect(out).toBe(
      [
        '1 stale topic of 2 in progress (stale after 30 days unless `stale-after` says otherwise; as of 2026-04-01):',
        '  01-alpha  Alpha | one: 89 days idle, last activity 2026-01-02; 1 open task',
        '',
      ].join('\n'),
    );
    const later = await run(['--now', '2026-04-02']);
    expect(later.out).toContain('  02-beta   Beta: 90 days idle (its stale-after: 90), last activity 2026-01-02\n');
  });

  it('honours stale.days from .odyssey.yml', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    await writeFileIn(dir, 'cfg.yml', 'stale:\n  days: 100\n');
    const { out } = await run(['--now', '2026-03-31', '--format', 'json', '--config', `${dir}/cfg.yml`]);
    expect(JSON.parse(out).stale).toEqual([]);
  });

  it.each([
    [['--now', '2026-02-30'], "--now takes a calendar date like 2026-03-31; got '2026-02-30'"],
    [['--dry-run'], '--dry-run goes with --issues'],
    [['--issues'], '--issues needs --repo OWNER/NAME (or GITHUB_REPOSITORY)'],
    [['--issues', '--repo', 'not a repo'], "--repo takes OWNER/NAME, like octo/learning; got 'not a repo'"],
    [['--issues', '--repo', 'me/journey'], '--issues needs a token in GITHUB_TOKEN'],
    [['--format', 'xml'], '--format takes text, json, github, markdown, sarif'],
  ])('exits 2 with a message for %j', async (args, message) => {
    const { code, err, out } = await run(args);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(message);
  });

  describe('with --issues against a GitHub API (GITHUB_API_URL)', () => {
    let gh: FakeGitHub;
    beforeAll(async () => {
      gh = await FakeGitHub.start();
      gh.repo('me', 'journey');
      gh.token = 'secret';
    });
    afterAll(async () => gh.close());
    const env = () => ({ GITHUB_TOKEN: 'secret', GITHUB_API_URL: gh.url });

    it('prints the plan and writes nothing with --dry-run', async () => {
      const { code, out } = await run(['--now', '2026-03-31', '--issues', '--repo', 'me/journey', '--dry-run'], env());
      expect(code).toBe(0);
      expect(out).toContain('Issues in me/journey (label stale-topic), dry run: nothing written: 1 to create, 0 to update, 0 to close, 0 to reopen;');
      expect(out).toContain('  create  "Stale topic: Alpha | one (01-alpha)"');
      expect(gh.writes()).toEqual([]);
    });

    it('files the issue with the token from the environment, and reports it as JSON', async () => {
      const { code, out } = await run(['--now', '2026-03-31', '--issues', '--repo', 'me/journey', '--format', 'json'], env());
      expect(code).toBe(0);
      const json = JSON.parse(out);
      expect(json.issues.applied).toMatchObject({ writes: 2, labelCreated: true, outcomes: [{ kind: 'create', id: '01-alpha', ok: true, number: 1 }] });
      expect(gh.repo('me', 'journey').issues[0]!.body).toMatch(/\/me\/journey\/blob\/[0-9a-f]{40}\/modules\/01-alpha\/README\.md/);
    });

    it('exits 0 and says why when the token cannot write issues', async () => {
      gh.readOnly = true;
      const { code, out } = await run(['--now', '2026-05-31', '--issues', '--repo', 'me/journey'], env());
      gh.readOnly = false;
      expect(code).toBe(0);
      expect(out).toContain('note: read-only token: skipped writes (issues): GitHub answered 403 "Resource not accessible by integration"');
    });
  });
});
