// Filesystem family: symbolic links that leave the repository. Whatever the link is (a module
// README, a module folder, modules/ itself, a notes file, a chain of links, the root README, the
// configuration, the badge), odyssey reads nothing behind it, writes nothing through it, and says
// at the link's own path what it is and what to do.
import { mkdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attack, expectSafe, hostile, snapshot, type Hostile } from '../support/harness.js';

const ZONE = '<!-- odyssey:progress:start -->\n<!-- odyssey:progress:end -->\n';
const readme = (title: string, body = '') => `---\ntitle: ${title}\nstatus: in-progress\nstarted: 2026-01-05\n---\n# ${title}\n${body}`;
const base = (): Record<string, string> => ({
  'README.md': `# Journey\n\n${ZONE}`,
  'modules/01-a/README.md': readme('A', '\n[notes](notes.md)\n'),
  'modules/01-a/notes.md': '# Notes\n',
});

async function outsideUnchanged(h: Hostile, run: () => Promise<void>): Promise<void> {
  const before = await snapshot(h.outside);
  await run();
  expect(await snapshot(h.outside)).toEqual(before);
}

describe('filesystem: links out of the repository', () => {
  it('check: a module README linked to a file outside is a finding at the link, nothing of the target is read', async () => {
    const h = await hostile({ ...base(), 'modules/02-b/.keep': '' });
    await symlink(h.outside + '/secret.md', path.join(h.root, 'modules/02-b/README.md'));
    await h.resnapshot();
    const r = await attack(h, ['check']);
    await expectSafe(h, r);
    expect(r.stdout).toMatch(/modules\/02-b\/README\.md.*symbolic link to a place outside the repository/);
  });

  it('sync: a module README linked outside gets a ❓ row and none of the target', async () => {
    const h = await hostile({ ...base(), 'modules/02-b/.keep': '' });
    await symlink(h.outside + '/secret.md', path.join(h.root, 'modules/02-b/README.md'));
    await h.resnapshot();
    await outsideUnchanged(h, async () => {
      const r = await attack(h, ['sync']);
      await expectSafe(h, r);
      expect(r.code).toBe(1);
      const table = await readFile(path.join(h.root, 'README.md'), 'utf8');
      expect(table).toMatch(/02-b.*❓/);
    });
  });

  it('check and sync: a module folder linked outside is not followed', async () => {
    const h = await hostile(base());
    await mkdir(path.join(h.outside, 'mod'));
    await writeFile(path.join(h.outside, 'mod/README.md'), await readFile(path.join(h.outside, 'secret.md')));
    await symlink(path.join(h.outside, 'mod'), path.join(h.root, 'modules/02-out'));
    await h.resnapshot();
    const c = await attack(h, ['check']);
    await expectSafe(h, c);
    expect(c.stdout).toMatch(/modules\/02-out.*outside the repository/);
    const s = await attack(h, ['sync']);
    await expectSafe(h, s);
    expect(await readFile(path.join(h.root, 'README.md'), 'utf8')).toMatch(/02-out.*❓/);
  });

  it('check and sync: modules/ itself linked outside reads no module', async () => {
    const h = await hostile({ 'README.md': `# Journey\n\n${ZONE}` });
    await mkdir(path.join(h.outside, 'mods/01-x'), { recursive: true });
    await writeFile(path.join(h.outside, 'mods/01-x/README.md'), await readFile(path.join(h.outside, 'secret.md')));
    await symlink(path.join(h.outside, 'mods'), path.join(h.root, 'modules'));
    await h.resnapshot();
    const c = await attack(h, ['check']);
    await expectSafe(h, c);
    const s = await attack(h, ['sync']);
    await expectSafe(h, s);
    expect(s.stderr + s.stdout).toMatch(/modules.*outside the repository/);
  });

  it('check: a notes file linked outside is a finding, and links to it find no anchors from outside', async () => {
    const h = await hostile({ ...base(), 'modules/01-a/README.md': readme('A', '\n[leak](leak.md#s3cret-odyssey-outside-7f3a9c)\n') });
    await symlink(h.outside + '/secret.md', path.join(h.root, 'modules/01-a/leak.md'));
    await h.resnapshot();
    const r = await attack(h, ['check']);
    await expectSafe(h, r);
    expect(r.stdout).toMatch(/modules\/01-a\/leak\.md.*outside the repository/);
    expect(r.code).toBe(1);
  });

  it('check and sync: a chain of links inside the repository that ends outside is refused at its first link', async () => {
    const h = await hostile({ ...base(), 'modules/02-b/.keep': '' });
    await symlink(h.outside + '/secret.md', path.join(h.root, 'hop2'));
    await symlink('hop2', path.join(h.root, 'hop1'));
    await symlink('../../hop1', path.join(h.root, 'modules/02-b/README.md'));
    await h.resnapshot();
    const c = await attack(h, ['check']);
    await expectSafe(h, c);
    expect(c.stdout).toMatch(/modules\/02-b\/README\.md.*outside the repository/);
    const s = await attack(h, ['sync']);
    await expectSafe(h, s);
  });

  it('sync: a root README linked outside is refused, the link stays, nothing is written outside', async () => {
    const h = await hostile({ 'modules/01-a/README.md': readme('A') });
    await writeFile(path.join(h.outside, 'README.md'), `# ${'S3CRET-odyssey-outside-7f3a9c'}\n\n${ZONE}`);
    await symlink(path.join(h.outside, 'README.md'), path.join(h.root, 'README.md'));
    await h.resnapshot();
    await outsideUnchanged(h, async () => {
      const r = await attack(h, ['sync']);
      await expectSafe(h, r);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/README\.md is a symbolic link to a place outside the repository/);
      expect(await readlink(path.join(h.root, 'README.md'))).toBe(path.join(h.outside, 'README.md'));
    });
  });

  it('check: a root README linked outside is a finding, not read', async () => {
    const h = await hostile({ 'modules/01-a/README.md': readme('A') });
    await symlink(h.outside + '/secret.md', path.join(h.root, 'README.md'));
    await h.resnapshot();
    const r = await attack(h, ['check']);
    await expectSafe(h, r);
    expect(r.stdout).toMatch(/README\.md.*outside the repository/);
  });

  it('a .odyssey.yml linked outside is a configuration error that quotes nothing of the target', async () => {
    const h = await hostile(base());
    await writeFile(path.join(h.outside, 'bad.yml'), `stale:\n  days: S3CRET-odyssey-outside-7f3a9c\n`);
    await symlink(path.join(h.outside, 'bad.yml'), path.join(h.root, '.odyssey.yml'));
    await h.resnapshot();
    for (const cmd of ['check', 'sync', 'stale']) {
      const r = await attack(h, [cmd]);
      await expectSafe(h, r);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/\.odyssey\.yml.*outside the repository/);
    }
  });

  it('sync: a badge file linked outside is refused and not written', async () => {
    const h = await hostile({ ...base(), '.odyssey.yml': 'badge: badge.svg\n' });
    await writeFile(path.join(h.outside, 'badge.svg'), '<svg>S3CRET-odyssey-outside-7f3a9c</svg>');
    await symlink(path.join(h.outside, 'badge.svg'), path.join(h.root, 'badge.svg'));
    await h.resnapshot();
    await outsideUnchanged(h, async () => {
      const r = await attack(h, ['sync']);
      await expectSafe(h, r);
      expect(r.code).toBe(2);
    });
  });

  it('init: module folders are never created through a modules/ link that leaves the repository', async () => {
    const table = '# J\n\n| Module | Topic | Status |\n| --- | --- | --- |\n| 01 | Foundations | ✅ Done |\n';
    const h = await hostile({ 'README.md': table });
    await mkdir(path.join(h.outside, 'mods'));
    await symlink(path.join(h.outside, 'mods'), path.join(h.root, 'modules'));
    await h.resnapshot();
    await outsideUnchanged(h, async () => {
      const r = await attack(h, ['init']);
      await expectSafe(h, r, { allowChanged: ['README.md'] });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/modules.*outside the repository/);
    });
  });

  it('check: a link into a folder that is a link to / finds nothing there (no question about the host disk is answered)', async () => {
    const h = await hostile({ 'README.md': '# J\n\n[passwd](host/etc/passwd) [hosts](host/etc/hosts)\n' });
    await symlink('/', path.join(h.root, 'host'));
    await h.resnapshot();
    const r = await attack(h, ['check']);
    await expectSafe(h, r);
    expect(r.stdout).toMatch(/3:1 +error +`host\/etc\/passwd`/);
    expect(r.code).toBe(1);
  });
});
