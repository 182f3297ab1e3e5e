// Filesystem family: odd names, many files, deep folders, huge files. Names with control
// characters are findings (escaped), never printed raw; size bounds hold without reading the
// bytes; 50,000 files and 400 nested folders finish within the bound.
import { open, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attack, expectSafe, hostile, workflowCommandLines } from '../support/harness.js';

const ZONE = '<!-- odyssey:progress:start -->\n<!-- odyssey:progress:end -->\n';
const readme = (title: string, body = '') => `---\ntitle: ${title}\nstatus: in-progress\nstarted: 2026-01-05\n---\n# ${title}\n${body}`;

async function sparse(file: string, bytes: number): Promise<void> {
  const fh = await open(file, 'w');
  await fh.truncate(bytes);
  await fh.close();
}

describe('filesystem: names and sizes', () => {
  it('a module folder named with a newline and ::error:: is a finding with the name escaped, never a workflow command', async () => {
    const h = await hostile({ 'README.md': `# J\n\n${ZONE}`, 'modules/01-a/README.md': readme('A') });
    const odd = 'x\n::error::pwned';
    await mkdir(path.join(h.root, 'modules', odd));
    await writeFile(path.join(h.root, 'modules', odd, 'README.md'), readme('Odd', '\n[b](gone.md)\n'));
    await h.resnapshot();
    for (const cmd of ['check', 'sync']) {
      const r = await attack(h, [cmd]);
      await expectSafe(h, r, { allowChanged: ['README.md'] });
      expect(workflowCommandLines(r.stdout + r.stderr)).toEqual([]);
      expect(r.stdout + r.stderr).toContain('x\\x0a::error::pwned');
    }
    expect(await readFile(path.join(h.root, 'README.md'), 'utf8')).not.toContain('::error::');
  });

  it('control characters (ESC, CR, BEL) in a notes file name: a finding, escaped', async () => {
    const h = await hostile({ 'README.md': '# J\n', 'modules/01-a/README.md': readme('A'), 'modules/01-a/\u001b[31mred\r\u0007.md': '# x\n' });
    const r = await attack(h, ['check']);
    await expectSafe(h, r);
    expect(r.stdout).toContain('\\x1b[31mred\\x0d\\x07.md');
    expect(r.stdout).not.toMatch(/[\u001b\r\u0007]/);
  });

  it('spaces and unicode in names are ordinary names: read and checked', async () => {
    const h = await hostile({
      'README.md': `# J\n\n${ZONE}`,
      'modules/01 ünï cødé 🚀/README.md': readme('Ünï', '\n[n](my%20notes.md) [gone](nope.md)\n'),
      'modules/01 ünï cødé 🚀/my notes.md': '# N\n',
    });
    const c = await attack(h, ['check']);
    await expectSafe(h, c);
    expect(c.code).toBe(1);
    expect(c.stdout).toContain('nope.md');
    const s = await attack(h, ['sync']);
    await expectSafe(h, s, { allowChanged: ['README.md'] });
  });

  it('a notes file over the size bound is reported without being read (sparse 64 MB)', async () => {
    const h = await hostile({ 'README.md': '# J\n', 'modules/01-a/README.md': readme('A') });
    await sparse(path.join(h.root, 'modules/01-a/huge.md'), 64 * 1024 * 1024);
    await h.resnapshot();
    const r = await attack(h, ['check']);
    await expectSafe(h, r);
    expect(r.stdout).toMatch(/huge\.md.*64\.0 MB/);
  });

  it('a module README over its bound gets a ❓ row (sparse 40 MB)', async () => {
    const h = await hostile({ 'README.md': `# J\n\n${ZONE}`, 'modules/01-a/.keep': '' });
    await sparse(path.join(h.root, 'modules/01-a/README.md'), 40 * 1024 * 1024);
    await h.resnapshot();
    const s = await attack(h, ['sync']);
    await expectSafe(h, s, { allowChanged: ['README.md'] });
    expect(await readFile(path.join(h.root, 'README.md'), 'utf8')).toMatch(/01-a.*❓/);
  });

  it('a root README over the bound: sync exits 2 without reading it', async () => {
    const h = await hostile({ 'modules/01-a/README.md': readme('A') });
    await sparse(path.join(h.root, 'README.md'), 40 * 1024 * 1024);
    await h.resnapshot();
    const s = await attack(h, ['sync']);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/README\.md.*MB/);
  });

  it('400 nested folders with a broken link at the bottom: found and reported', async () => {
    const deep = Array.from({ length: 400 }, (_, i) => `d${i % 10}`).join('/');
    const h = await hostile({ 'README.md': '# J\n', 'modules/01-a/README.md': readme('A'), [`modules/01-a/${deep}/n.md`]: '[x](missing.md)\n' });
    const r = await attack(h, ['check'], { boundMs: 60_000 });
    await expectSafe(h, r);
    expect(r.stdout).toContain('missing.md');
    expect(r.code).toBe(1);
  }, 90_000);

  it('a link loop 400 folders deep is a finding, not a stack overflow', async () => {
    const deep = Array.from({ length: 400 }, () => 'd').join('/');
    const h = await hostile({ 'README.md': '# J\n', 'modules/01-a/README.md': readme('A') });
    await mkdir(path.join(h.root, 'modules/01-a', deep), { recursive: true });
    await symlink('../'.repeat(400).slice(0, -1), path.join(h.root, 'modules/01-a', deep, 'back'));
    await h.resnapshot();
    const r = await attack(h, ['check'], { boundMs: 60_000 });
    await expectSafe(h, r);
    expect(r.stdout).toMatch(/loop/);
  }, 90_000);

  it('50,000 files in one module: check finishes within the bound and finds the one broken link', async () => {
    const h = await hostile({ 'README.md': '# J\n', 'modules/01-a/README.md': readme('A', '\n[gone](gone.md)\n') });
    const dir = path.join(h.root, 'modules/01-a/many');
    await mkdir(dir);
    for (let i = 0; i < 50_000; i += 500) {
      await Promise.all(Array.from({ length: 500 }, (_, k) => writeFile(path.join(dir, `f${i + k}.md`), `# F${i + k}\n\n[up](../README.md)\n`)));
    }
    await h.resnapshot();
    // A generous bound: the machine running the suite may be shared (a speed goal lives in the bench).
    const r = await attack(h, ['check', '--format', 'json'], { boundMs: 300_000 });
    await expectSafe(h, r);
    const out = JSON.parse(r.stdout) as { findings: Array<{ file: string }>; counts: Record<string, number> };
    expect(out.findings.map((f) => f.file)).toEqual(['modules/01-a/README.md']);
    expect(out.counts.files).toBe(50_002);
  }, 600_000);
});
