// Where `history` keeps what it has read: the replay state after a commit, so a rerun reads only
// the commits since. Behind this small interface so the store can become the project's shared one.
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReplayState } from '../core/history/index.js';
import { makeCacheDir } from './cache-dir.js';

export interface CachedHistory {
  /** What the state depends on besides the commits (modules folder, reader version). */
  key: string;
  /** The commit the state was read up to. */
  head: string;
  state: ReplayState;
}

export interface HistoryCache {
  load(key: string): Promise<CachedHistory | null>;
  save(entry: CachedHistory): Promise<void>;
}

const FORMAT = 'odyssey-history-1';

/** `.odyssey/history-cache.json` under the root (the folder gets a `.gitignore` of `*`). */
export function fileHistoryCache(root: string, rel = '.odyssey/history-cache.json'): HistoryCache {
  const file = path.join(root, rel);
  return {
    async load(key) {
      try {
        const data = JSON.parse(await readFile(file, 'utf8')) as { format?: string } & Partial<CachedHistory>;
        if (data.format !== FORMAT || data.key !== key || typeof data.head !== 'string' || typeof data.state !== 'object' || data.state === null) return null;
        return { key, head: data.head, state: data.state };
      } catch {
        // Missing or damaged: read the history again.
        return null;
      }
    },
    async save(entry) {
      try {
        await makeCacheDir(path.dirname(file));
        const tmp = `${file}.${process.pid}.tmp`;
        await writeFile(tmp, JSON.stringify({ format: FORMAT, ...entry }));
        await rename(tmp, file);
      } catch {
        // A cache that cannot be written costs time on the next run, nothing else.
      }
    },
  };
}

/** No cache at all (tests, read-only checkouts). */
export const noHistoryCache: HistoryCache = { load: async () => null, save: async () => {} };
