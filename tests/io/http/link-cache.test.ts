import { describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { isFreshPass, readLinkCache, writeLinkCache } from '../../../src/io/http/link-cache.js';
import { tmpRepo } from '../../support/tmp-repo.js';

const at = Date.UTC(2026, 0, 2, 0, 0, 0);

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

describe('readLinkCache / writeLinkCache', () => {
  it('round-trips entries sorted by URL, creating the folder, leaving no temp file', async () => {
    const root = await tmpRepo({});
    const file = path.join(root, 'deep/er/cache.json');
    const entries = [
      { url: 'https://b.test/', ok: false, status: 404, checkedAt: '2026-01-01T00:00:00.000Z' },
      { url: 'https://a.test/', ok: true, status: 200, checkedAt: '2026-01-01T00:00:00.000Z' },
    ];
    await writeLinkCache(file, entries);
    expect(await readdir(path.dirname(file))).toEqual(['cache.json']);
    const back = await readLinkCache(file);
    expect([...back.keys()]).toEqual(['https://a.test/', 'https://b.test/']);
    expect(back.get('https://b.test/')).toEqual(entries[0]);
    expect(JSON.parse(await readFile(file, 'utf8')).version).toBe(1);
  });

  it('reads a missing, broken or foreign file as empty and skips malformed entries', async () => {
    const root = await tmpRepo({
      'broken.json': '{"entries": [',
      'foreign.json': '[1,2,3]',
      'mixed.json': JSON.stringify({ version: 1, entries: [{ url: 'https://a.test/' }, { url: 'https://b.test/', ok: true, status: 200, checkedAt: 'x' }] }),
    });
    expect((await readLinkCache(path.join(root, 'missing.json'))).size).toBe(0);
    expect((await readLinkCache(path.join(root, 'broken.json'))).size).toBe(0);
    expect((await readLinkCache(path.join(root, 'foreign.json'))).size).toBe(0);
    expect([...(await readLinkCache(path.join(root, 'mixed.json'))).keys()]).toEqual(['https://b.test/']);
  });
});
