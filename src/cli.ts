import { main } from './cli/main.js';
import { serveIfWorker } from './io/worker-entry.js';
import { safeOutput } from './core/render/safe-output.js';

// In a worker thread of `check` (io/check-pool.ts) this bundle serves its parent instead.
if (!serveIfWorker()) {
  const code = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    env: process.env,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  }).catch((err: unknown) => {
    process.stderr.write(safeOutput(`odyssey: unexpected failure: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`));
    return 3;
  });
  process.exitCode = code;
}
