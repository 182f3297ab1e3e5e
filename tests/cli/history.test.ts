import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import { fileHistoryCache, noHistoryCache } from '../../src/io/history-cache.js';
import { runHistory } from '../../src/run/history.js';
import { runCli } from '../support/run-cli.js';
import { commitAll, git, initRepo, tempDir, writeFileIn } from '../support/stale-repo.js';

const block = (fields: Record<string, string>, tasks: string[] = [], heading = 'Notes'): string =>
  ['---', ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`), '---', `# ${heading}`, '', ...tasks.map((t) => `- ${t}`), ''].join('\n');

const shas = (root: string): string[] => git(root, ['rev-list', '--reverse', 'HEAD']).trim().split('\n');

/** A journey built commit by commit, each commit dated (author and committer) at noon UTC. */
async function journey(): Promise<string> {
  const root = await initRepo();
  await writeFileIn(root, 'README.md', '# My journey\n');
  await writeFileIn(root, 'modules/01-basics/README.md', block({ title: 'Basics', status: 'todo' }, ['[ ] read', '[ ] write', '[ ] test']));
  await writeFileIn(root, 'modules/02-advanced/README.md', block({ title: 'Advanced', status: 'todo' }, [], 'Advanced things to learn later, with a long first line so renames stay similar'));
  commitAll(root, '2026-01-05T12:00:00Z', 'start'); // 0
  await writeFileIn(root, 'modules/04-later/README.md', '# Later\n\nNo status block yet.\n');
  commitAll(root, '2026-01-06T12:00:00Z', 'a module without a block'); // 1
  await writeFileIn(root, 'modules/01-basics/README.md', block({ title: 'Basics', status: 'in-progress', started: '2026-01-07' }, ['[x] read', '[ ] write', '[ ] test']));
  commitAll(root, '2026-01-07T12:00:00Z', 'start basics'); // 2
  await writeFileIn(root, 'README.md', '# My journey\n\nNothing about modules.\n');
  commitAll(root, '2026-01-08T12:00:00Z', 'root readme only'); // 3: not a module commit
  await writeFileIn(root, 'modules/01-basics/README.md', block({ title: 'Basics', status: 'in-progress', started: '2026-01-07' }, ['[x] read', '[x] write', '[ ] test']));
  await writeFileIn(root, 'modules/02-advanced/README.md', block({ title: 'Advanced topics', status: 'todo' }, [], 'Advanced things to learn later, with a long first line so renames stay similar'));
  commitAll(root, '2026-01-14T12:00:00Z', 'tick; retitle advanced'); // 4
  await writeFileIn(root, 'modules/01-basics/README.md', '---\ntitle: Basics\nstatus: in-progress\n# forgot to close the block\n- [x] read\n');
  commitAll(root, '2026-01-15T12:00:00Z', 'broken block'); // 5
  git(root, ['mv', 'modules/02-advanced', 'modules/03-advanced']);
  commitAll(root, '2026-01-16T12:00:00Z', 'rename advanced'); // 6
  await writeFileIn(root, 'modules/03-advanced/README.md', block({ title: 'Advanced topics', status: 'in-progress' }, ['[ ] one'], 'Advanced things to learn later, with a long first line so renames stay similar'));
  commitAll(root, '2026-01-21T12:00:00Z', 'start advanced'); // 7
  await writeFileIn(root, 'modules/01-basics/README.md', block({ title: 'Basics', status: 'done', started: '2026-01-07', completed: '2026-01-28' }, ['[x] read', '[x] write', '[x] test']));
  await writeFileIn(root, 'modules/04-later/README.md', block({ title: 'Later', status: 'todo' }));
  commitAll(root, '2026-01-28T12:00:00Z', 'basics done; later gets a block'); // 8
  return root;
}

describe('odyssey history', () => {
  it('pins each topic\'s events, a rename keeping its past, and the version whose block did not parse', async () => {
    const root = await journey();
    const c = shas(root);
    const r = await runCli(['history', '--format', 'json'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      topics: [
        {
          id: '01-basics',
          title: 'Basics',
          events: [
            { date: '2026-01-05', status: 'todo', tasksDone: 0, tasksTotal: 3, commit: c[0] },
            { date: '2026-01-07', status: 'in-progress', tasksDone: 1, tasksTotal: 3, commit: c[2] },
            { date: '2026-01-14', status: 'in-progress', tasksDone: 2, tasksTotal: 3, commit: c[4] },
            { date: '2026-01-28', status: 'done', tasksDone: 3, tasksTotal: 3, commit: c[8] },
          ],
        },
        {
          id: '03-advanced',
          title: 'Advanced topics',
          events: [
            { date: '2026-01-05', status: 'todo', tasksDone: 0, tasksTotal: 0, commit: c[0] },
            { date: '2026-01-21', status: 'in-progress', tasksDone: 0, tasksTotal: 1, commit: c[7] },
          ],
        },
        {
          id: '04-later',
          title: 'Later',
          events: [{ date: '2026-01-28', status: 'todo', tasksDone: 0, tasksTotal: 0, commit: c[8] }],
        },
      ],
      skipped: [
        {
          commit: c[1],
          date: '2026-01-06',
          id: '04-later',
          file: 'modules/04-later/README.md',
          line: 1,
          error: 'no status block: paste this at the very top of the file: --- title: Later status: todo ---',
        },
        {
          commit: c[5],
          date: '2026-01-15',
          id: '01-basics',
          file: 'modules/01-basics/README.md',
          line: 1,
          error: 'the status block opened on line 1 is never closed: add a line `---` before line 4',
        },
      ],
    });
  });

  it('prints a readable timeline with streaks, durations and forecasts', async () => {
    const root = await journey();
    const r = await runCli(['history'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Basics (01-basics)\n  2026-01-05  ⏳ To Do 0/3 tasks');
    expect(r.stdout).toContain('  2026-01-28  ✅ Done 3/3 tasks');
    expect(r.stdout).toContain('Skipped (2 versions whose status block did not parse):');
    expect(r.stdout).toContain('Basics: 21 days from 2026-01-07 to 2026-01-28');
    expect(r.stdout).toContain('Advanced topics: 0/1 tasks; no forecast: not enough data (1 point; a forecast needs 3)');
    expect(r.stdout).toMatch(/Streak: \d+ active weeks? now; longest 4 weeks; last active the week of 2026-01-26\./);
  });

  it('--since keeps every topic and only the later events', async () => {
    const root = await journey();
    const r = await runCli(['history', '--format', 'json', '--since', '2026-01-20'], root);
    const h = JSON.parse(r.stdout) as { topics: Array<{ id: string; events: Array<{ date: string }> }>; skipped: unknown[] };
    expect(h.topics.map((t) => [t.id, t.events.map((e) => e.date)])).toEqual([
      ['01-basics', ['2026-01-28']],
      ['03-advanced', ['2026-01-21']],
      ['04-later', ['2026-01-28']],
    ]);
    expect(h.skipped).toEqual([]);
    expect((await runCli(['history', '--since', '2026-13-01'], root)).stderr).toContain("--since takes a calendar date like 2026-03-31; got '2026-13-01'");
  });

  it('a shallow clone shows what it has and says history needs fetch-depth: 0', async () => {
    const root = await journey();
    const clone = path.join(await tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, clone]);
    const head = shas(root)[8];
    const r = await runCli(['history', '--format', 'json'], clone);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('this is a shallow clone: history starts at its oldest commit (2026-01-28)');
    expect(r.stderr).toContain('`fetch-depth: 0`');
    expect(JSON.parse(r.stdout)).toEqual({
      topics: [
        { id: '01-basics', title: 'Basics', events: [{ date: '2026-01-28', status: 'done', tasksDone: 3, tasksTotal: 3, commit: head }] },
        { id: '03-advanced', title: 'Advanced topics', events: [{ date: '2026-01-28', status: 'in-progress', tasksDone: 0, tasksTotal: 1, commit: head }] },
        { id: '04-later', title: 'Later', events: [{ date: '2026-01-28', status: 'todo', tasksDone: 0, tasksTotal: 0, commit: head }] },
      ],
      skipped: [],
    });
  });

  it('says so, without a crash, for a repository without commits and for a folder outside git', async () => {
    const empty = await initRepo();
    const r = await runCli(['history', '--format', 'json'], empty);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the repository has no commits yet');
    expect(JSON.parse(r.stdout)).toEqual({ topics: [], skipped: [] });
    expect((await runCli(['history'], empty)).stdout).toContain('No topic has a history yet');

    const plain = await tempDir();
    const p = await runCli(['history'], plain, { GIT_CEILING_DIRECTORIES: path.dirname(plain) });
    expect(p.code).toBe(2);
    expect(p.stderr).toContain('not a git repository');
  });

  it('dates that go backwards are kept as dated and said so', async () => {
    const root = await initRepo();
    await writeFileIn(root, 'modules/a/README.md', block({ status: 'in-progress' }, ['[ ] x', '[ ] y']));
    commitAll(root, '2026-03-10T12:00:00Z');
    await writeFileIn(root, 'modules/a/README.md', block({ status: 'in-progress' }, ['[x] x', '[ ] y']));
    commitAll(root, '2026-03-01T12:00:00Z');
    const c = shas(root);
    const r = await runCli(['history', '--format', 'json'], root);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`commit dates go backwards (${c[1]!.slice(0, 7)} is dated 2026-03-01, before 2026-03-10)`);
    expect(JSON.parse(r.stdout).topics[0].events.map((e: { date: string }) => e.date)).toEqual(['2026-03-10', '2026-03-01']);
  });

  it('a rerun reads only the new commits from the cache, and gives what a fresh read gives', async () => {
    const root = await journey();
    const config = defaultConfig();
    const cache = fileHistoryCache(root);
    const first = await runHistory({ root, config, cache }, '2026-02-01');
    expect(first.cache).toBe('none');
    expect(first.commitsRead).toBe(8);
    const again = await runHistory({ root, config, cache }, '2026-02-01');
    expect(again.cache).toBe('hit');
    expect(again.commitsRead).toBe(0);
    expect(again.history).toEqual(first.history);

    await writeFileIn(root, 'modules/03-advanced/README.md', block({ title: 'Advanced topics', status: 'in-progress' }, ['[x] one'], 'Advanced things to learn later, with a long first line so renames stay similar'));
    commitAll(root, '2026-02-02T12:00:00Z');
    const next = await runHistory({ root, config, cache }, '2026-02-03');
    expect(next.cache).toBe('incremental');
    expect(next.commitsRead).toBe(1);
    const fresh = await runHistory({ root, config, cache: noHistoryCache }, '2026-02-03');
    expect(next.history).toEqual(fresh.history);
    expect(fresh.history.topics[1]!.events.at(-1)).toMatchObject({ date: '2026-02-02', tasksDone: 1, tasksTotal: 1 });

    // History rewritten (amend): the cached head is no ancestor, so everything is read again.
    git(root, ['commit', '-q', '--amend', '-m', 'amended'], { GIT_COMMITTER_DATE: '2026-02-04T12:00:00Z' });
    const rewritten = await runHistory({ root, config, cache }, '2026-02-05');
    expect(rewritten.cache).toBe('none');
    expect(rewritten.history.topics[1]!.events.at(-1)!.commit).toBe(git(root, ['rev-parse', 'HEAD']).trim());
    await rm(path.join(root, '.odyssey'), { recursive: true, force: true });
  });
});

describe('odyssey history reads the bytes git keeps', () => {
  it('a BOM and CRLF version is read; invalid UTF-8 and a NUL byte are skipped, each saying why', async () => {
    const root = await initRepo();
    const file = path.join(root, 'modules/01-bytes/README.md');
    const put = (bytes: Buffer): void => {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, bytes);
    };
    put(Buffer.from('\uFEFF---\r\ntitle: Bytes\r\nstatus: in-progress\r\n---\r\n# Bytes\r\n- [x] a\r\n- [ ] b\r\n', 'utf8'));
    commitAll(root, '2026-02-02T12:00:00Z', 'bom and crlf');
    put(Buffer.concat([Buffer.from('---\ntitle: Bytes\nstatus: done\n---\n# Caf'), Buffer.from([0xe9]), Buffer.from('\n- [x] a\n')]));
    commitAll(root, '2026-02-03T12:00:00Z', 'latin-1 byte');
    put(Buffer.from('---\ntitle: Bytes\nstatus: done\n---\n# a\0b\n', 'utf8'));
    commitAll(root, '2026-02-04T12:00:00Z', 'nul byte');
    put(Buffer.from('---\ntitle: Bytes\nstatus: done\n---\n# Bytes\n- [x] a\n- [x] b\n', 'utf8'));
    commitAll(root, '2026-02-05T12:00:00Z', 'done');
    const c = shas(root);
    const r = await runHistory({ root, config: defaultConfig(), cache: noHistoryCache }, '2026-02-06');
    expect(r.history).toEqual({
      topics: [
        {
          id: '01-bytes',
          title: 'Bytes',
          events: [
            { date: '2026-02-02', status: 'in-progress', tasksDone: 1, tasksTotal: 2, commit: c[0] },
            { date: '2026-02-05', status: 'done', tasksDone: 2, tasksTotal: 2, commit: c[3] },
          ],
        },
      ],
      skipped: [
        { commit: c[1], date: '2026-02-03', id: '01-bytes', file: 'modules/01-bytes/README.md', line: 1, error: 'not valid UTF-8: not read' },
        { commit: c[2], date: '2026-02-04', id: '01-bytes', file: 'modules/01-bytes/README.md', line: 1, error: 'looks binary (a NUL byte): not read' },
      ],
    });
  });
});

describe('odyssey history on a long past', () => {
  it('reads 10,000 commits in one pass, without a crash, every topic and change accounted for', async () => {
    const { fastImport } = await import('../../bench/history/generate.js');
    const root = await tempDir();
    fastImport(root, { modules: 20, commits: 10_000, paragraphs: 0 });
    const r = await runHistory({ root, config: defaultConfig(), cache: noHistoryCache, stats: true }, '2030-01-01');
    expect(r.available).toBe(true);
    expect(r.commitsRead).toBe(10_000);
    expect(r.history.topics).toHaveLength(20);
    expect(r.history.skipped).toEqual([]);
    // Every commit changes one topic's task count: one event each, plus each topic's first.
    expect(r.history.topics.reduce((n, t) => n + t.events.length, 0)).toBe(10_000 + 19);
    expect(r.stats!.series.length).toBeGreaterThan(50);
  }, 300_000);
});
