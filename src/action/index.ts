import { serveIfWorker } from '../io/worker-entry.js';
import { run } from './main.js';

// In a worker thread of `check` (io/check-pool.ts) this bundle serves its parent instead.
if (!serveIfWorker()) await run();
