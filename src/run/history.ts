// history: the module READMEs' past from git (cached in `.odyssey/`) → topics' events and stats.
import type { Config } from '../core/config.js';
import { journeyStats, type JourneyStats } from '../core/history/index.js';
import { readJourneyHistory, type HistoryRead } from '../io/git-history.js';
import { fileHistoryCache, noHistoryCache, type HistoryCache } from '../io/history-cache.js';

export interface HistoryOptions {
  root: string;
  config: Config;
  /** Default: `.odyssey/history-cache.json` in the root. */
  cache?: HistoryCache;
  /** False: skip the stats (JSON output has no use for them). Default true. */
  stats?: boolean;
}

export interface HistoryResult extends HistoryRead {
  /** Null when there is no history to count from. */
  stats: JourneyStats | null;
}

export async function runHistory(opts: HistoryOptions, today: string): Promise<HistoryResult> {
  const read = await readJourneyHistory(opts.root, opts.config.modules, opts.cache ?? fileHistoryCache(opts.root, cacheFolder(opts.config)));
  const stats = read.available && opts.stats !== false ? journeyStats(read.history, today, read.blocks) : null;
  return { ...read, stats };
}

export { noHistoryCache };

/** The project's one cache folder: where `links.cache` lives (`.odyssey/` by default). */
export function cacheFolder(config: Config): string {
  const dir = config.links.cache.split('/').slice(0, -1).join('/');
  return dir === '' ? '.odyssey' : dir;
}
