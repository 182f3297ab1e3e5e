// Filesystem family: things that are not regular files, and links that never end. A FIFO, a
// socket or a device is never opened (nothing blocks), a loop or a dangling link is a finding at
// its own path, and `modules/x -> /` never walks the host's disk.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, symlink } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attack, expectSafe, hostile } from '../support/harness.js';

const ZONE = '<!-- odyssey:progress:start -->\n<!-- odyssey:progress:end -->\n';
const readme = (title: string, body = '') => `---\ntitle: ${title}\nstatus: in-progress\nstarted: 2026-01-05\n---\n# ${title}\n${body}`;
const base = (): Record<string, string> => ({
  'README.md': `# Journey\n\n${ZONE}`,
  'modules/01-a/README.md': readme('A', '\n[notes](notes.md)\n'),
});
const mkfifo = (p: string) => execFileSync('mkfifo', [p]);

describe('filesystem: special files, loops and dangling links', () => {
  it('a FIFO named README.md in a module: check and sync neither hang nor read it', async () => {
    const h = await hostile({ ...base(), 'modules/02-b/.keep': '' });
    mkfifo(path.join(h.root, 'modules/02-b/README.md'));
    await h.resnapshot();
    const c = await attack(h, ['check'], { boundMs: 15_000 });
    await expectSafe(h, c);
    expect(c.stdout).toMatch(/modules\/02-b\/README\.md.*not a regular file/);
    const s = await attack(h, ['sync'], { boundMs: 15_000 });
    await expectSafe(h, s);
    expect(await readFile(path.join(h.root, 'README.md'), 'utf8')).toMatch(/02-b.*❓/);
  });

  it('a FIFO named notes.md: check does not hang and reports it', async () => {
    const h = await hostile(base());
    mkfifo(path.join(h.root, 'modules/01-a/notes.md'));
    await h.resnapshot();
    const c = await attack(h, ['check'], { boundMs: 15_000 });
    await expectSafe(h, c);
    expect(c.stdout).toMatch(/notes\.md.*not a regular file/);
  });

  it('a FIFO as the root README: sync exits 2 and check reports it, neither hangs', async () => {
    const h = await hostile({ 'modules/01-a/README.md': readme('A') });
    mkfifo(path.join(h.root, 'README.md'));
    await h.resnapshot();
    const s = await attack(h, ['sync'], { boundMs: 15_000 });
    await expectSafe(h, s);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/README\.md.*not a regular file/);
    const c = await attack(h, ['check'], { boundMs: 15_000 });
    await expectSafe(h, c);
  });

  it('a link to /dev/zero named notes.md or README.md: never opened', async () => {
    const h = await hostile({ ...base(), 'modules/02-b/.keep': '' });
    await symlink('/dev/zero', path.join(h.root, 'modules/01-a/notes.md'));
    await symlink('/dev/zero', path.join(h.root, 'modules/02-b/README.md'));
    await h.resnapshot();
    const c = await attack(h, ['check'], { boundMs: 15_000 });
    await expectSafe(h, c);
    expect(c.stdout).toMatch(/modules\/01-a\/notes\.md.*outside the repository/);
    const s = await attack(h, ['sync'], { boundMs: 15_000 });
    await expectSafe(h, s);
  });

  it('markdown links to /dev/zero and ../../dev/zero are links outside the repository, not reads', async () => {
    const h = await hostile({ 'README.md': '# J\n\n[a](/dev/zero) [b](../../../../../../dev/zero#x) [c](file:///dev/zero)\n' });
    const c = await attack(h, ['check'], { boundMs: 15_000 });
    await expectSafe(h, c);
    expect(c.code).toBe(1);
  });

  it('a socket named README.md: not opened', async () => {
    const h = await hostile({ ...base(), 'modules/02-b/.keep': '' });
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(path.join(h.root, 'modules/02-b/README.md'), r));
    try {
      await h.resnapshot();
      const c = await attack(h, ['check'], { boundMs: 15_000 });
      await expectSafe(h, c);
      expect(c.stdout).toMatch(/modules\/02-b\/README\.md.*not a regular file/);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('modules/x -> / : check and sync stay in the repository (no walk of the host disk, no exit 3)', async () => {
    const h = await hostile(base());
    await symlink('/', path.join(h.root, 'modules/02-root'));
    await h.resnapshot();
    const c = await attack(h, ['check'], { boundMs: 15_000 });
    await expectSafe(h, c);
    expect(c.stdout).toMatch(/modules\/02-root.*outside the repository/);
    const s = await attack(h, ['sync'], { boundMs: 15_000 });
    await expectSafe(h, s);
  });

  it('a module README that links to itself (ELOOP): a finding at the link, no crash', async () => {
    const h = await hostile({ ...base(), 'modules/02-b/.keep': '' });
    await symlink('README.md', path.join(h.root, 'modules/02-b/README.md'));
    await h.resnapshot();
    for (const cmd of ['check', 'sync', 'stale']) {
      const r = await attack(h, [cmd]);
      await expectSafe(h, r);
      if (cmd !== 'stale') expect(r.stdout + r.stderr).toMatch(/modules\/02-b\/README\.md/);
    }
  });

  it('two links that point at each other, and a folder link back to an ancestor: findings, no loop', async () => {
    const h = await hostile(base());
    await symlink('b.md', path.join(h.root, 'modules/01-a/a.md'));
    await symlink('a.md', path.join(h.root, 'modules/01-a/b.md'));
    await symlink('..', path.join(h.root, 'modules/01-a/up'));
    await symlink('.', path.join(h.root, 'modules/01-a/here'));
    await h.resnapshot();
    const r = await attack(h, ['check']);
    await expectSafe(h, r);
    expect(r.stdout).toMatch(/modules\/01-a\/a\.md.*loops/);
    expect(r.stdout).toMatch(/loop/);
  });

  it('a folder link loop under modules/: sync lists the module once and does not recurse', async () => {
    const h = await hostile(base());
    await mkdir(path.join(h.root, 'modules/02-b'));
    await symlink('../02-b', path.join(h.root, 'modules/02-b/again'));
    await symlink('02-c', path.join(h.root, 'modules/02-d'));
    await symlink('02-d', path.join(h.root, 'modules/02-c'));
    await h.resnapshot();
    const s = await attack(h, ['sync']);
    await expectSafe(h, s);
    const c = await attack(h, ['check']);
    await expectSafe(h, c);
    expect(c.stdout).toMatch(/modules\/02-c.*loops/);
  });

  it('dangling links (a module README, a notes file, a module folder): findings saying what to do', async () => {
    const h = await hostile({ ...base(), 'modules/02-b/.keep': '' });
    await symlink('nowhere.md', path.join(h.root, 'modules/02-b/README.md'));
    await symlink('gone.md', path.join(h.root, 'modules/01-a/notes.md'));
    await symlink('../nothing-here', path.join(h.root, 'modules/03-c'));
    await h.resnapshot();
    const c = await attack(h, ['check']);
    await expectSafe(h, c);
    expect(c.stdout).toMatch(/modules\/01-a\/notes\.md.*symbolic link to nothing/);
    expect(c.stdout).toMatch(/modules\/03-c.*symbolic link to nothing/);
    const s = await attack(h, ['sync']);
    await expectSafe(h, s);
    expect(s.stdout + s.stderr).toMatch(/modules\/02-b\/README\.md.*symbolic link to nothing/);
  });

  it('a module README removed and replaced by a folder named README.md is a finding, not a crash', async () => {
    const h = await hostile(base());
    await rm(path.join(h.root, 'modules/01-a/README.md'));
    await mkdir(path.join(h.root, 'modules/01-a/README.md'));
    await h.resnapshot();
    const s = await attack(h, ['sync']);
    await expectSafe(h, s);
    const c = await attack(h, ['check']);
    await expectSafe(h, c);
  });
});
