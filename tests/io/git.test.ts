import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLog, readModulesHistory } from '../../src/io/git.js';
import { commitAll, git, initRepo, tempDir, writeFileIn, writeModule } from '../support/stale-repo.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});
async function repo(): Promise<string> {
  const r = await initRepo();
  dirs.push(r);
  return r;
}

describe('readModulesHistory', () => {
  it('reads backdated commits under the modules folder, newest first, in one log', async () => {
    const root = await repo();
    await writeModule(root, '01-a', { title: 'A' });
    await writeModule(root, '02 b ü', { title: 'B' });
    await writeFileIn(root, 'README.md', '# root\n');
    commitAll(root, '2026-01-05T10:00:00Z');
    await writeFileIn(root, 'modules/02 b ü/notes.md', 'more\n');
    commitAll(root, '2026-02-07T10:00:00Z');
    await writeFileIn(root, 'README.md', '# root, edited\n');
    commitAll(root, '2026-03-01T10:00:00Z');

    const h = await readModulesHistory(root, 'modules');
    expect(h).toMatchObject({ available: true, shallow: false, prefix: '' });
    expect(h.commits.map((c) => [new Date(c.at).toISOString(), c.changes.map((x) => `${x.status} ${x.path}`)])).toEqual([
      ['2026-02-07T10:00:00.000Z', ['A modules/02 b ü/notes.md']],
      ['2026-01-05T10:00:00.000Z', ['A modules/01-a/README.md', 'A modules/02 b ü/README.md']],
    ]);
  });

  it('reports folder renames with their similarity', async () => {
    const root = await repo();
    await writeModule(root, 'old', { title: 'Old' });
    commitAll(root, '2026-01-05T10:00:00Z');
    git(root, ['mv', 'modules/old', 'modules/new']);
    commitAll(root, '2026-02-05T10:00:00Z');
    const h = await readModulesHistory(root, 'modules');
    expect(h.commits[0]!.changes).toEqual([{ status: 'R', from: 'modules/old/README.md', path: 'modules/new/README.md', similarity: 100 }]);
  });

  it('gives paths relative to a root below the top of the repository, and that prefix for links', async () => {
    const top = await repo();
    const root = path.join(top, 'journey');
    await writeModule(root, 'x', { title: 'X' });
    await writeModule(top, 'outside', { title: 'Not ours' });
    commitAll(top, '2026-01-05T10:00:00Z');
    const h = await readModulesHistory(root, 'modules');
    expect(h.prefix).toBe('journey/');
    expect(h.commits[0]!.changes.map((c) => c.path)).toEqual(['modules/x/README.md']);
  });

  it('detects a shallow clone and leaves out the cut-off commit that seems to add every file', async () => {
    const origin = await repo();
    await writeModule(origin, 'a', { title: 'A' });
    await writeModule(origin, 'b', { title: 'B' });
    commitAll(origin, '2026-01-05T10:00:00Z');
    await writeFileIn(origin, 'modules/a/more.md', 'x\n');
    commitAll(origin, '2026-02-05T10:00:00Z');
    const clone = await tempDir();
    dirs.push(clone);
    git(clone, ['clone', '-q', '--depth', '1', `file://${origin}`, 'c']);
    const h = await readModulesHistory(path.join(clone, 'c'), 'modules');
    expect(h.shallow).toBe(true);
    expect(h.commits).toEqual([]);

    const deeper = await tempDir();
    dirs.push(deeper);
    await writeFileIn(origin, 'modules/b/more.md', 'y\n');
    commitAll(origin, '2026-03-05T10:00:00Z');
    git(deeper, ['clone', '-q', '--depth', '2', `file://${origin}`, 'c']);
    const h2 = await readModulesHistory(path.join(deeper, 'c'), 'modules');
    expect(h2.shallow).toBe(true);
    expect(h2.commits.map((c) => c.changes.map((x) => x.path))).toEqual([['modules/b/more.md']]);
  });

  it('says so when the root is not in a git repository', async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const h = await readModulesHistory(dir, 'modules');
    expect(h).toMatchObject({ available: false, reason: 'not a git repository', commits: [] });
  });

  it('treats a repository without commits as empty history', async () => {
    const root = await repo();
    await writeModule(root, 'a', { title: 'A' });
    const h = await readModulesHistory(root, 'modules');
    expect(h).toMatchObject({ available: true, commits: [] });
  });
});

describe('parseLog', () => {
  it('parses -z name-status output, copies and renames included', () => {
    const out = '\x1eaaa 100\0\nM\0modules/a/x.md\0C75\0modules/a/x.md\0modules/b/x.md\0\x1ebbb 50\0\nA\0modules/a/x.md\0';
    expect(parseLog(out, new Set(['bbb']))).toEqual([
      {
        sha: 'aaa',
        at: 100_000,
        changes: [
          { status: 'M', path: 'modules/a/x.md' },
          { status: 'C', from: 'modules/a/x.md', path: 'modules/b/x.md', similarity: 75 },
        ],
      },
    ]);
  });
});
