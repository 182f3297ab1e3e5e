// The rerun index: columns saved and loaded exactly, a changed stat not trusted, units reused only
// while their answers hold, and on a big journey a handful of changes is not worth a rewrite.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheFolder } from '../../src/io/cache-folder.js';
import { CheckRunIndex } from '../../src/io/check-run-index.js';
import { RepoReader } from '../../src/io/reader.js';
import { tmpRepo } from '../support/tmp-repo.js';

const hash = (i: number) => i.toString(16).padStart(40, '0');
const stamp = (i: number, t = 1_000_000) => ({ size: 100 + i, mtimeMs: t + i, ctimeMs: t + i, ino: 5000 + i });

async function folderIn(root: string): Promise<CacheFolder> {
  const env = { ODYSSEY_CACHE_KEY_FILE: path.join(root, '..', `${path.basename(root)}.key`) };
  const { folder } = CacheFolder.open(new RepoReader(root), '.odyssey', env);
  return folder!;
}

/** An index of n files, each with one unit that depends on the next file's anchors. */
function fill(index: CheckRunIndex, n: number): void {
  for (let i = 0; i < n; i++) index.record(`f${i}.md`, stamp(i), hash(i));
  for (let i = 0; i < n; i++) {
    index.setAnchorsHash(`f${i}.md`, `a${i}`);
    const findings = i === 3 ? [{ file: 'f3.md', line: 2, column: 1, kind: 'missing-file', severity: 'error' as const, message: 'gone.md does not exist' }] : [];
    index.putUnit(`f${i}.md`, { findings, counts: { links: 1, local: 1 }, external: [] }, new Map([[`a:f${(i + 1) % n}.md`, `a${(i + 1) % n}`]]));
  }
}

describe('CheckRunIndex', () => {
  it('saves and loads its columns: stats trusted, units reused while their answers hold', async () => {
    const root = await tmpRepo({ 'README.md': '# R\n' });
    const folder = await folderIn(root);
    const first = CheckRunIndex.load(folder, 'k');
    fill(first, 10);
    first.save(2_000_000);
    const again = CheckRunIndex.load(await folderIn(root), 'k');
    expect(again.knows('f3.md')).toBe(true);
    expect(again.trusted('f3.md', stamp(3))).toBe(hash(3));
    expect(again.trusted('f4.md', { ...stamp(4), size: 1 })).toBeUndefined();
    expect(again.anchorsHash('f3.md')).toBe('a3');
    const answers = (_q: string, p: string) => (p === 'f5.md' ? 'changed' : `a${p.slice(1, -3)}`);
    const u3 = again.unit('f3.md', 'f3.md', hash(3), answers);
    expect(u3?.findings).toEqual([{ file: 'f3.md', line: 2, column: 1, kind: 'missing-file', severity: 'error', message: 'gone.md does not exist' }]);
    expect(u3?.counts).toMatchObject({ links: 1, local: 1, external: 0 });
    // f4's unit depended on f5's anchors, which changed; another content of f2 is not f2's unit.
    expect(again.unit('f4.md', 'f4.md', hash(4), answers)).toBeUndefined();
    expect(again.unit('f2.md', 'f2.md', hash(99), answers)).toBeUndefined();
    // Another configuration: stats still trusted, no unit reused.
    const other = CheckRunIndex.load(await folderIn(root), 'other');
    expect(other.trusted('f3.md', stamp(3))).toBe(hash(3));
    expect(other.unit('f3.md', 'f3.md', hash(3), answers)).toBeUndefined();
  });

  it('on 10,000 files, leaves the index as it is for a few changes and rewrites it for many', { timeout: 60_000 }, async () => {
    const root = await tmpRepo({ 'README.md': '# R\n' });
    const file = path.join(root, '.odyssey/check-run-index.json');
    const n = 10_000;
    const first = CheckRunIndex.load(await folderIn(root), 'k');
    fill(first, n);
    first.save(2_000_000);
    const written = (await stat(file)).mtimeMs;

    // One file changed: read again, its unit judged again; 3 changes in 10,000: no rewrite.
    const few = CheckRunIndex.load(await folderIn(root), 'k');
    for (let i = 0; i < n; i++) if (i !== 7) expect(few.trusted(`f${i}.md`, stamp(i))).toBe(hash(i));
    few.record('f7.md', stamp(7, 3_000_000), hash(70_000));
    few.putUnit('f7.md', { findings: [], counts: {}, external: [] }, new Map());
    for (let i = 0; i < n; i++) if (i !== 7) expect(few.unit(`f${i}.md`, `f${i}.md`, hash(i), (_q, p) => `a${p.slice(1, -3)}`)).toBeDefined();
    few.save(4_000_000);
    expect((await stat(file)).mtimeMs).toBe(written);
    // The next run still knows the old content of f7 (and reads it again, its stat differing).
    const next = CheckRunIndex.load(await folderIn(root), 'k');
    expect(next.trusted('f7.md', stamp(7, 3_000_000))).toBeUndefined();

    // Many files read again (a checkout touching them all): rewritten, so the run after trusts them.
    const many = CheckRunIndex.load(await folderIn(root), 'k');
    for (let i = 0; i < n; i++) many.record(`f${i}.md`, stamp(i, 3_000_000), hash(i));
    many.save(5_000_000);
    expect((await stat(file)).mtimeMs).not.toBe(written);
    const after = CheckRunIndex.load(await folderIn(root), 'k');
    expect(after.trusted('f9.md', stamp(9, 3_000_000))).toBe(hash(9));
  });
});
