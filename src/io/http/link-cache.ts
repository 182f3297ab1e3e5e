// The results of earlier runs, so a rerun within `links.cache-age` rechecks nothing that
// passed. Written atomically (temp file + rename): a run killed mid-write leaves the old file.
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeCacheDir } from '../cache-dir.js';

export interface CacheEntry {
  url: string;
  ok: boolean;
  status: number;
  /** ISO 8601. */
  checkedAt: string;
}

interface CacheFile {
  version: 1;
  entries: CacheEntry[];
}

function isEntry(e: unknown): e is CacheEntry {
  const x = e as CacheEntry;
  return !!x && typeof x.url === 'string' && typeof x.ok === 'boolean' && typeof x.status === 'number' && typeof x.checkedAt === 'string';
}

/** A missing or unreadable cache is an empty one: the cache only ever saves work. */
export async function readLinkCache(file: string): Promise<Map<string, CacheEntry>> {
  const out = new Map<string, CacheEntry>();
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return out;
  }
  const entries = (data as CacheFile | null)?.entries;
  if (Array.isArray(entries)) for (const e of entries) if (isEntry(e)) out.set(e.url, e);
  return out;
}

/** True when `e` passed less than `ageHours` ago by the clock `nowMs`. */
export function isFreshPass(e: CacheEntry | undefined, nowMs: number, ageHours: number): boolean {
  if (!e?.ok) return false;
  const at = Date.parse(e.checkedAt);
  if (Number.isNaN(at) || at > nowMs) return false;
  return nowMs - at < ageHours * 3_600_000;
}

export async function writeLinkCache(file: string, entries: Iterable<CacheEntry>): Promise<void> {
  const sorted = [...entries].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const body: CacheFile = { version: 1, entries: sorted };
  await makeCacheDir(path.dirname(file));
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, `${JSON.stringify(body, null, 1)}\n`);
  await rename(tmp, file);
}
