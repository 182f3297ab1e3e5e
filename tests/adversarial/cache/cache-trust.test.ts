// Cache family: a cache entry is trusted only when odyssey wrote it in this checkout (sealed with
// a key kept outside the work tree). Committed, forged, corrupt, huge, foreign or copied cache
// files are ignored with one notice; a cache folder that leaves the repository is not used.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, open, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attack, expectSafe, hostile, snapshot, SECRET } from '../support/harness.js';

let keyDir = '';
let env: NodeJS.ProcessEnv = {};
beforeAll(async () => {
  keyDir = await mkdtemp(path.join(os.tmpdir(), 'odyssey-key-'));
  env = { ODYSSEY_CACHE_KEY_FILE: path.join(keyDir, 'cache-key') };
});
afterAll(async () => {
  await rm(keyDir, { recursive: true, force: true });
});

const sha1 = (s: string | Buffer) => createHash('sha1').update(s).digest('hex');
const blob = (s: string) => createHash('sha1').update(`blob ${Buffer.byteLength(s)}\0`).update(s).digest('hex');
const README = '# J\n\n[broken](gone.md) [also](nope.md#x)\n';

/** What an attacker commits: "this README has no links", in every cache layout odyssey has had. */
async function plantForgedResults(root: string, text: string): Promise<void> {
  const empty = { links: [], suppressed: [], anchors: [], findings: [], resources: [] };
  const old = sha1(text);
  await mkdir(path.join(root, '.odyssey/extract-cache.d'), { recursive: true });
  await writeFile(path.join(root, '.odyssey/extract-cache.d', `${old.slice(0, 2)}.json`), JSON.stringify({ format: 'odyssey-extract-2', byHash: { [old]: empty } }));
  const id = blob(text);
  await mkdir(path.join(root, '.odyssey/file-results'), { recursive: true });
  const body = JSON.stringify({ format: 'any', byId: { [id]: empty } });
  await writeFile(path.join(root, '.odyssey/file-results', `${id.slice(0, 2)}.json`), `odyssey-sealed-1 ${'0'.repeat(64)}\n${body}`);
}

async function sparse(file: string, bytes: number): Promise<void> {
  const fh = await open(file, 'w');
  await fh.truncate(bytes);
  await fh.close();
}

describe('cache: only what odyssey wrote in this checkout is trusted', () => {
  it('a committed cache shard keyed by the README\'s content does not make check skip its broken links', async () => {
    const h = await hostile({ 'README.md': README });
    await plantForgedResults(h.root, README);
    await h.resnapshot();
    const r = await attack(h, ['check'], { env });
    await expectSafe(h, r);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('gone.md');
    expect(r.stderr).toMatch(/did not write in this checkout/);
  });

  it('a committed web-link store saying a dead link passed does not hide it from check --external', async () => {
    const server = http.createServer((_q, s) => s.writeHead(404).end('gone'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dead`;
    try {
      const h = await hostile({ 'README.md': `# J\n\n[dead](${url})\n`, '.odyssey.yml': 'links:\n  allow-private: true\n  retries: 0\n' });
      const forged = { version: 1, entries: [{ url, ok: true, status: 200, checkedAt: new Date().toISOString() }] };
      await mkdir(path.join(h.root, '.odyssey'));
      await writeFile(path.join(h.root, '.odyssey/links-cache.json'), JSON.stringify(forged));
      await h.resnapshot();
      const r = await attack(h, ['check', '--external'], { env });
      await expectSafe(h, r);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/404/);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('corrupt cache files: ignored with one notice, the same findings as without a cache', async () => {
    const h = await hostile({ 'README.md': README, 'a.md': '# A\n' });
    const first = await attack(h, ['check'], { env });
    const files = (await readdir(path.join(h.root, '.odyssey'), { recursive: true })).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(1);
    for (const f of files) await writeFile(path.join(h.root, '.odyssey', f), '{"format": "odyssey-check-3", "files": [[[[');
    await writeFile(path.join(h.root, '.odyssey/check-run-index.json'), 'odyssey-sealed-1 ' + 'f'.repeat(64) + '\n{"files":');
    const r = await attack(h, ['check'], { env });
    await expectSafe(h, r);
    expect(r.stdout).toBe(first.stdout);
    expect(r.stderr.match(/note:/g)).toHaveLength(1);
  });

  it('a cache file edited after odyssey sealed it is not trusted', async () => {
    const h = await hostile({ 'README.md': README, 'a.md': '# A\n\n## Real part\n', 'b.md': '[ok](a.md#real-part)\n' });
    await attack(h, ['check'], { env });
    const dir = path.join(h.root, '.odyssey/file-results');
    let edited = 0;
    for (const f of await readdir(dir)) {
      const t = await readFile(path.join(dir, f), 'utf8');
      // Drop every anchor from the stored results, keeping the seal line.
      const forged = t.replace(/"anchors":\[[^\]]*\]/g, '"anchors":[]');
      if (forged !== t) edited++;
      await writeFile(path.join(dir, f), forged);
    }
    expect(edited).toBeGreaterThan(0);
    // b.md changes, so its link to a.md#real-part is judged again, against a.md's anchors.
    await writeFile(path.join(h.root, 'b.md'), '[ok](a.md#real-part) and more\n');
    await h.resnapshot();
    const r = await attack(h, ['check'], { env });
    await expectSafe(h, r);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('gone.md');
    expect(r.stdout).not.toContain('real-part');
  });

  it('a cache copied from another checkout is ignored (the seal names the repository)', async () => {
    const a = await hostile({ 'README.md': README });
    await attack(a, ['check'], { env });
    const b = await hostile({ 'README.md': README });
    await cp(path.join(a.root, '.odyssey'), path.join(b.root, '.odyssey'), { recursive: true });
    await b.resnapshot();
    const r = await attack(b, ['check'], { env });
    await expectSafe(b, r);
    expect(r.stderr).toMatch(/did not write in this checkout/);
    expect(r.stdout).toContain('gone.md');
  });

  it('a huge cache file (sparse 300 MB) is not read', async () => {
    const h = await hostile({ 'README.md': README });
    await mkdir(path.join(h.root, '.odyssey'));
    await sparse(path.join(h.root, '.odyssey/check-run-index.json'), 300 * 1024 * 1024);
    await h.resnapshot();
    const r = await attack(h, ['check'], { env });
    await expectSafe(h, r);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/note:.*MB/);
  });

  it('foreign files in the cache folder (other formats, arrays, binary) are ignored', async () => {
    const h = await hostile({ 'README.md': README });
    await mkdir(path.join(h.root, '.odyssey/file-results'), { recursive: true });
    await writeFile(path.join(h.root, '.odyssey/check-run-index.json'), '[1,2,3]');
    await writeFile(path.join(h.root, '.odyssey/links-cache.json'), Buffer.from([0, 1, 2, 3, 255]));
    for (const n of ['00', '7f', 'ab', 'ff']) await writeFile(path.join(h.root, `.odyssey/file-results/${n}.json`), '{"__proto__": {"links": []}}');
    await h.resnapshot();
    const r = await attack(h, ['check'], { env });
    await expectSafe(h, r);
    expect(r.code).toBe(1);
  });
});

describe('cache: where the cache folder may be', () => {
  it('.odyssey symlinked out of the repository: not used, nothing read or written there', async () => {
    const h = await hostile({ 'README.md': README });
    const out = path.join(h.outside, 'cache');
    await mkdir(out);
    await writeFile(path.join(out, 'check-run-index.json'), `{"secret": "${SECRET}"}`);
    await symlink(out, path.join(h.root, '.odyssey'));
    await h.resnapshot();
    const before = await snapshot(h.outside);
    const r = await attack(h, ['check'], { env });
    await expectSafe(h, r);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cache folder is not used.*outside the repository/);
    expect(await snapshot(h.outside)).toEqual(before);
  });

  it('a cache shard that is a link to a file outside is not read', async () => {
    const h = await hostile({ 'README.md': README });
    await mkdir(path.join(h.root, '.odyssey/file-results'), { recursive: true });
    const id = blob(README);
    await symlink(h.secretFile, path.join(h.root, '.odyssey/file-results', `${id.slice(0, 2)}.json`));
    await symlink(h.secretFile, path.join(h.root, '.odyssey/check-run-index.json'));
    await h.resnapshot();
    const r = await attack(h, ['check'], { env });
    // odyssey may replace its own cache files (the links themselves), never write through them.
    await expectSafe(h, r, { allowChanged: ['.odyssey/check-run-index.json', `.odyssey/file-results/${id.slice(0, 2)}.json`] });
    expect(r.code).toBe(1);
    expect(await readFile(h.secretFile, 'utf8')).toBe(`${SECRET}\n`);
  });

  it('links.cache: README.md (cache files in the root) is refused with a configuration message', async () => {
    const h = await hostile({ 'README.md': README, '.odyssey.yml': 'links:\n  cache: README.md\n' });
    const r = await attack(h, ['check'], { env });
    await expectSafe(h, r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/links\.cache.*root folder/);
    expect(await readFile(path.join(h.root, 'README.md'), 'utf8')).toBe(README);
  });

  it('a cache folder that is a FIFO or a file: not used, no hang', async () => {
    const h = await hostile({ 'README.md': README });
    execFileSync('mkfifo', [path.join(h.root, '.odyssey')]);
    await h.resnapshot();
    const r = await attack(h, ['check'], { env, boundMs: 15_000 });
    await expectSafe(h, r);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/note:/);
  });

  it('a key that would live inside the work tree (HOME is the repository) is never made: the cache is not used', async () => {
    const h = await hostile({ 'README.md': README });
    const r = await attack(h, ['check'], { env: { HOME: h.root } });
    await expectSafe(h, r);
    expect(r.stderr).toMatch(/cache is not used/);
    const all = [...(await snapshot(h.root)).keys()];
    expect(all.filter((p) => p.includes('cache-key'))).toEqual([]);
  });

  it('a sealed cache is used by the next run in the same checkout (and its key file is 0600 outside)', async () => {
    const h = await hostile({ 'README.md': README, 'a.md': '# A\n[r](README.md)\n' });
    await attack(h, ['check'], { env });
    await new Promise((r) => setTimeout(r, 1100));
    const r = await attack(h, ['check', '--format', 'json'], { env });
    await expectSafe(h, r);
    const counts = (JSON.parse(r.stdout) as { counts: Record<string, number> }).counts;
    expect(counts['parsed-files']).toBe(0);
    const { stat } = await import('node:fs/promises');
    expect((await stat(env.ODYSSEY_CACHE_KEY_FILE!)).mode & 0o777).toBe(0o600);
  });
});

describe('cache: ODYSSEY_CACHE_DIR keeps the caches outside the work tree', () => {
  it('a cache outside the tree is used across runs (a CI cache restores it) and nothing is written in the repository', async () => {
    const h = await hostile({ 'README.md': README, 'a.md': '# A\n[r](README.md)\n' });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'odyssey-cachedir-'));
    try {
      const e = { ODYSSEY_CACHE_DIR: dir };
      const first = await attack(h, ['check'], { env: e });
      await expectSafe(h, first);
      expect((await snapshot(h.root)).has('.odyssey/check-run-index.json')).toBe(false);
      // A fresh key (another job) does not matter: the folder is trusted by where it is.
      await new Promise((r) => setTimeout(r, 1100));
      const again = await attack(h, ['check', '--format', 'json'], { env: { ...e, HOME: keyDir } });
      await expectSafe(h, again);
      expect((JSON.parse(again.stdout) as { counts: Record<string, number> }).counts['parsed-files']).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('ODYSSEY_CACHE_DIR inside the repository is refused with a notice', async () => {
    const h = await hostile({ 'README.md': README });
    const r = await attack(h, ['check'], { env: { ...env, ODYSSEY_CACHE_DIR: path.join(h.root, 'cache') } });
    await expectSafe(h, r);
    expect(r.stderr).toMatch(/ODYSSEY_CACHE_DIR lies inside the repository/);
  });
});
