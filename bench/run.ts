// npm run bench [-- NAME …] [--no-peers]: every benchmark, odyssey's figures beside the peers each
// names. Not part of CI: shared machines are noisy, so speed is shown here and never asserted in a test.
//   parse     the one reader's parse throughput beside plain markdown-it and micromark
//   sync      100 and 1,000 modules: wall time and peak memory of `sync`
//   links     local link checking at 100 and 1,000 modules vs markdown-link-check, linkinator, remark-validate-links
//   external  a loopback link farm of 20 hosts vs linkinator and markdown-link-check (minutes with peers)
//   stale     1,000 modules, 100 stale: GitHub API requests, first and second run
//   action    the bundle's start time, a whole run on this repository, bundle size
//   history   5,000 commits and 200 modules: first run and a rerun after 10 commits, beside git log --name-only
//   scale     10,000 modules (70,001 files): cold, rerun and memory beside the floor; 1,000 vs markdown-link-check
import { runActionBench } from './action/index.js';
import { runDocumentBench } from './document/index.js';
import { runExternalBench } from './external/index.js';
import { runLinksBench } from './links/index.js';
import { runScaleBench } from './scale/index.js';
import { runStaleBench } from './stale/index.js';
import { runSyncBench } from './sync/index.js';
import { runHistoryBench } from './history/index.js';

const args = process.argv.slice(2);
const peers = !args.includes('--no-peers');
const only = args.filter((a) => !a.startsWith('--'));

const benches: Array<[string, () => Promise<unknown>]> = [
  ['parse', () => runDocumentBench()],
  ['sync', async () => console.log(await runSyncBench())],
  ['links', () => runLinksBench([100, 1000])],
  ['external', () => runExternalBench({ peers })],
  ['stale', async () => console.log(await runStaleBench())],
  ['action', async () => console.log(await runActionBench())],
  ['history', async () => console.log(await runHistoryBench())],
  ['scale', async () => {
    await runScaleBench([1000], { peers });
    await runScaleBench([10_000], { peers: false });
  }],
];

for (const [name, fn] of benches) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n# ${name}\n`);
  await fn();
}
