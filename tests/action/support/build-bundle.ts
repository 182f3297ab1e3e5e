// Builds the action bundle into a temp folder with the options of scripts/build.mjs (which
// builds at import, into dist/, so its options are copied here rather than imported).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export async function buildActionBundle(): Promise<{ file: string; dir: string; dispose: () => Promise<void> }> {
  const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'odyssey-action-bundle-'));
  const file = path.join(dir, 'index.js');
  await build({
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    banner: { js: "import { createRequire as __odysseyCreateRequire } from 'node:module';\nconst require = __odysseyCreateRequire(import.meta.url);" },
    define: { __ODYSSEY_VERSION__: JSON.stringify(pkg.version) },
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: ROOT,
    entryPoints: ['src/action/index.ts'],
    outfile: file,
  });
  return { file, dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

