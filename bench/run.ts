// npm run bench: every benchmark, figures beside the peers each names. Not part of CI (shared machines are noisy).
import { runSyncBench } from './sync/index.js';

const only = process.argv.slice(2);
const benches: Array<[string, () => Promise<string>]> = [['sync', runSyncBench]];

for (const [name, fn] of benches) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(await fn());
}
