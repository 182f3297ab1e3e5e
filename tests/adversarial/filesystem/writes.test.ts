// Filesystem family: writes stay in place. The README is written where the file is: a link inside
// the repository stays a link (its target gets the table), and nothing replaces a link by a file.
import { lstat, mkdir, readFile, readlink, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attack, expectSafe, hostile } from '../support/harness.js';

const ZONE = '<!-- odyssey:progress:start -->\n<!-- odyssey:progress:end -->\n';
const readme = (title: string) => `---\ntitle: ${title}\nstatus: done\nstarted: 2026-01-05\nfinished: 2026-01-09\n---\n# ${title}\n`;

describe('filesystem: writes in place', () => {
  it('sync: a root README that links to a file inside the repository stays a link; the target gets the table', async () => {
    const h = await hostile({ 'docs/index.md': `# Journey\n\n${ZONE}`, 'modules/01-a/README.md': readme('A') });
    await symlink('docs/index.md', path.join(h.root, 'README.md'));
    await h.resnapshot();
    const r = await attack(h, ['sync']);
    await expectSafe(h, r, { allowChanged: ['docs/index.md'] });
    expect(r.code).toBe(0);
    expect((await lstat(path.join(h.root, 'README.md'))).isSymbolicLink()).toBe(true);
    expect(await readlink(path.join(h.root, 'README.md'))).toBe('docs/index.md');
    expect(await readFile(path.join(h.root, 'docs/index.md'), 'utf8')).toMatch(/01-a|A/);
    expect(await readFile(path.join(h.root, 'docs/index.md'), 'utf8')).toContain('| ');
  });

  it('sync: module READMEs that are links inside the repository are read', async () => {
    const h = await hostile({ 'README.md': `# Journey\n\n${ZONE}`, 'shared/a.md': readme('Shared A') });
    await mkdir(path.join(h.root, 'modules/01-a'), { recursive: true });
    await symlink('../../shared/a.md', path.join(h.root, 'modules/01-a/README.md'));
    await h.resnapshot();
    const r = await attack(h, ['sync']);
    await expectSafe(h, r, { allowChanged: ['README.md'] });
    expect(r.code).toBe(0);
    expect(await readFile(path.join(h.root, 'README.md'), 'utf8')).toContain('Shared A');
  });

  it('init: a module README path that is a link out of the repository is refused, not written through', async () => {
    const table = '# J\n\n| Module | Topic | Status |\n| --- | --- | --- |\n| 01 | Foundations | ✅ Done |\n';
    const h = await hostile({ 'README.md': table });
    await mkdir(path.join(h.root, 'modules/01'), { recursive: true });
    await symlink(path.join(h.outside, 'planted.md'), path.join(h.root, 'modules/01/README.md'));
    await h.resnapshot();
    const r = await attack(h, ['init']);
    await expectSafe(h, r, { allowChanged: ['README.md'] });
    expect(r.code).toBe(2);
    await expect(lstat(path.join(h.outside, 'planted.md'))).rejects.toThrow();
  });
});
