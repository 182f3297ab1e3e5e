import { describe, expect, it } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isFreshPass, openWebLinkStore, readLinkCache, writeLinkCache } from '../../../src/io/http/web-link-store.js';
import { RepoReader } from '../../../src/io/reader.js';
import { tmpRepo } from '../../support/tmp-repo.js';

const at = Date.UTC(2026, 0, 2, 0, 0, 0);
const env = { ODYSSEY_CACHE_KEY_FILE: path.join(os.tmpdir(), `odyssey-test-key-${process.pid}`) };

describe('isFreshPass', () => {
  const e = { url: 'https://a.test/', ok: true, status: 200, checkedAt: '2026-01-01T12:00:00.000Z' };
  it('is true for a pass younger than the age', () => {
    expect(isFreshPass(e, at, 24)).toBe(true);
    expect(isFreshPass(e, at, 12)).toBe(false);
    expect(isFreshPass(e, at, 0)).toBe(false);
  });
  it('is false for failures, unknown dates and dates in the future', () => {
    expect(isFreshPass({ ...e, ok: false }, at, 24)).toBe(false);
    expect(isFreshPass({ ...e, checkedAt: 'yesterday' }, at, 24)).toBe(false);
    expect(isFreshPass({ ...e, checkedAt: '2026-01-03T00:00:00.000Z' }, at, 24)).toBe(false);
    expect(isFreshPass(undefined, at, 24)).toBe(false);
  });
});

describe('the web-link store', () => {
  it('round-trips entries sorted by URL, creating the folder with its .gitignore, leaving no temp file', async () => {
    const root = await tmpRepo({});
    const store = openWebLinkStore(new RepoReader(root), 'deep/er/cache.json', env);
    const entries = [
      { url: 'https://b.test/', ok: false, status: 404, checkedAt: '2026-01-01T00:00:00.000Z' },
      { url: 'https://a.test/', ok: true, status: 200, checkedAt: '2026-01-01T00:00:00.000Z' },
    ];
    expect(writeLinkCache(store, entries)).toBe(true);
    expect((await readdir(path.join(root, 'deep/er'))).sort()).toEqual(['cache.json']);
    expect(await readFile(path.join(root, 'deep/.gitignore'), 'utf8')).toMatch(/^\*$/m);
    const back = readLinkCache(openWebLinkStore(new RepoReader(root), 'deep/er/cache.json', env));
    expect([...back.keys()]).toEqual(['https://a.test/', 'https://b.test/']);
    expect(back.get('https://b.test/')).toEqual(entries[0]);
  });

  it('reads a missing, broken, foreign or unsealed file as empty, with one notice', async () => {
    const root = await tmpRepo({
      'c/broken.json': '{"entries": [',
      'c/foreign.json': '[1,2,3]',
      'c/plain.json': JSON.stringify({ version: 1, entries: [{ url: 'https://b.test/', ok: true, status: 200, checkedAt: new Date().toISOString() }] }),
    });
    const reader = new RepoReader(root);
    expect(readLinkCache(openWebLinkStore(reader, 'c/missing.json', env)).size).toBe(0);
    const stores = ['broken', 'foreign', 'plain'].map((n) => openWebLinkStore(reader, `c/${n}.json`, env));
    for (const s of stores) expect(readLinkCache(s).size).toBe(0);
    expect(stores[2]!.folder!.notices()).toEqual([expect.stringContaining('did not write in this checkout')]);
  });

  it('a store edited after odyssey wrote it is not trusted', async () => {
    const root = await tmpRepo({});
    const store = openWebLinkStore(new RepoReader(root), '.odyssey/links.json', env);
    writeLinkCache(store, [{ url: 'https://a.test/', ok: false, status: 404, checkedAt: '2026-01-01T00:00:00.000Z' }]);
    const file = path.join(root, '.odyssey/links.json');
    await writeFile(file, (await readFile(file, 'utf8')).replace('"ok": false', '"ok": true'));
    expect(readLinkCache(openWebLinkStore(new RepoReader(root), '.odyssey/links.json', env)).size).toBe(0);
  });
});
