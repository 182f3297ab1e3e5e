// What the bench times: one `odyssey check` run (bundled so that startup is what users get).
// ODYSSEY_BENCH_PHASES=1 adds, on stderr, how long start-up (node + bundle) and runCheck took.
import { loadConfig } from '../../src/io/config-file.js';
import { runCheck } from '../../src/run/check.js';
import { serveIfWorker } from '../../src/io/worker-entry.js';

if (!serveIfWorker()) {
  const loaded = performance.now();
  const root = process.argv[2]!;
  const { config } = await loadConfig(root, undefined);
  const r = await runCheck({ root, config, failOn: 'never' });
  process.stdout.write(JSON.stringify({ findings: r.findings, counts: r.counts }));
  if (process.env.ODYSSEY_BENCH_PHASES) process.stderr.write(JSON.stringify({ startMs: loaded, checkMs: performance.now() - loaded }));
}
