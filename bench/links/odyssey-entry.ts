// What the bench times: one `odyssey check` run (bundled so that startup is what users get).
import { loadConfig } from '../../src/io/config-file.js';
import { runCheck } from '../../src/run/check.js';

const root = process.argv[2]!;
const { config } = await loadConfig(root, undefined);
const r = await runCheck({ root, config, failOn: 'never' });
process.stdout.write(JSON.stringify({ findings: r.findings, counts: r.counts }));
