// Where `history` keeps what it has read: the replay state after a commit, so a rerun reads only
// the commits since. A sealed file in the project's cache folder (see cache-folder.ts: a file that
// came with the tree, or was edited, is never trusted), behind this small interface.
import type { ReplayState } from '../core/history/index.js';
import { CacheFolder } from './cache-folder.js';
import { RepoReader } from './reader.js';

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
const NAME = 'history-cache.json';

/** `history-cache.json` in the cache folder (`.odyssey/` by default, beside `links.cache`). */
export function fileHistoryCache(root: string, folder = '.odyssey', env: NodeJS.ProcessEnv = process.env): HistoryCache {
  let opened: CacheFolder | null | undefined;
  const open = (): CacheFolder | null => {
    if (opened === undefined) {
      try {
        opened = CacheFolder.open(new RepoReader(root), folder, env, 'links.cache').folder;
      } catch {
        opened = null;
      }
    }
    return opened;
  };
  return {
    async load(key) {
      const body = open()?.read(NAME);
      if (!body) return null;
      try {
        const data = JSON.parse(body) as { format?: string } & Partial<CachedHistory>;
        if (data.format !== FORMAT || data.key !== key || typeof data.head !== 'string' || typeof data.state !== 'object' || data.state === null) return null;
        return { key, head: data.head, state: data.state };
      } catch {
        open()?.damaged();
        return null;
      }
    },
    async save(entry) {
      // A cache that cannot be written costs time on the next run, nothing else.
      open()?.write(NAME, JSON.stringify({ format: FORMAT, ...entry }));
    },
  };
}

/** No cache at all (tests, read-only checkouts). */
export const noHistoryCache: HistoryCache = { load: async () => null, save: async () => {} };
