// The web-link store: the results of earlier runs' requests to http(s) links, so a rerun within
// `links.cache-age` rechecks nothing that passed. Apart from the per-file results
// (io/file-results-store.ts) because these expire by age, not by content. One file (`links.cache`,
// `.odyssey/links-cache.json` by default) in the sealed cache folder (io/cache-folder.ts): a file
// that came with the tree is never trusted, so a committed "this broken link passed" cannot hide it.
import path from 'node:path';
import { CacheFolder } from '../cache-folder.js';
import type { RepoReader } from '../reader.js';

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

export interface WebLinkStore {
  folder: CacheFolder | null;
  name: string;
  notices: string[];
}

/** The store at `cachePath` (root-relative, as `links.cache`); its folder must be inside the repository. */
export function openWebLinkStore(reader: RepoReader, cachePath: string, env: NodeJS.ProcessEnv): WebLinkStore {
  const outside = CacheFolder.outside(reader, env);
  if (outside) return { folder: outside.folder, name: path.posix.basename(cachePath), notices: outside.notices };
  const rel = reader.relative(cachePath);
  if (rel === null) return { folder: null, name: '', notices: ['`links.cache` lies outside the repository: the web-link store is not used'] };
  const dir = path.posix.dirname(rel);
  const opened = CacheFolder.open(reader, dir === '.' ? '' : dir, env);
  return { folder: opened.folder, name: path.posix.basename(rel), notices: opened.notices };
}

/** A missing, untrusted or unreadable store is an empty one: the store only ever saves work. */
export function readLinkCache(store: WebLinkStore): Map<string, CacheEntry> {
  const out = new Map<string, CacheEntry>();
  const body = store.folder?.read(store.name);
  if (!body) return out;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    store.folder!.damaged();
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

/** Writes the store atomically; false when it could not be written. */
export function writeLinkCache(store: WebLinkStore, entries: Iterable<CacheEntry>): boolean {
  if (!store.folder) return false;
  const sorted = [...entries].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const body: CacheFile = { version: 1, entries: sorted };
  return store.folder.write(store.name, `${JSON.stringify(body, null, 1)}\n`);
}
