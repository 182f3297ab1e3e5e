// What an entry point (cli.ts, action/index.ts) calls first: in a worker thread started by one of
// odyssey's pools, serve it and return true; on the main thread, return false.
import { isMainThread, workerData } from 'node:worker_threads';
import { CHECK_WORKER, serveCheck, type Data as CheckData } from './check-pool.js';

export function serveIfWorker(): boolean {
  if (isMainThread) return false;
  const tag = (workerData as { tag?: unknown } | null)?.tag;
  if (tag === CHECK_WORKER) serveCheck(workerData as CheckData);
  else return false;
  return true;
}
