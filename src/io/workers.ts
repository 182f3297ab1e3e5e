// Worker threads run the same bundle odyssey runs from: an entry point calls `serveIfWorker`
// (io/worker-entry.ts) first, and in a worker thread it serves the pool that started it.
import os from 'node:os';
import { fileURLToPath } from 'node:url';

/** The bundle this code runs from; null when it runs from TypeScript sources (tests), where workers cannot start. */
export function workerScript(): string | null {
  const f = fileURLToPath(import.meta.url);
  return /\.m?js$/.test(f) ? f : null;
}

/** How many workers for `items` pieces of work: none below `threshold`; ODYSSEY_WORKERS=n forces n (0: none). */
export function workersFor(items: number, env: NodeJS.ProcessEnv, threshold: number): number {
  const forced = env.ODYSSEY_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), 16);
  if (items < threshold) return 0;
  return Math.max(1, Math.min(os.availableParallelism(), 4));
}
