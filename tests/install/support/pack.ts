// The package as users get it: `npm pack` of this repository (dist/cli.js must be built: `npm test`
// builds it). Installs and runs happen offline, with an npm cache of their own: a package that
// needed anything from the registry would fail here.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../../..');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command; never throws (the exit code is the answer). */
export function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, timeout = 120_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, env: { ...process.env, ...env }, timeout, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** npm without the network: a private cache, offline, no audit or funding calls. */
export function offlineNpm(cache: string): NodeJS.ProcessEnv {
  return {
    npm_config_cache: cache,
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_loglevel: 'error',
  };
}

let packed: Promise<string> | undefined;

/** Path of the tarball `npm pack` makes of this repository (made once per test file). */
export function tarball(): Promise<string> {
  packed ??= (async () => {
    const dest = await mkdtemp(path.join(os.tmpdir(), 'odyssey-pack-'));
    const r = await run('npm', ['pack', '--ignore-scripts', '--pack-destination', dest], REPO, offlineNpm(path.join(dest, '.npm')));
    if (r.code !== 0) throw new Error(`npm pack failed: ${r.stderr}`);
    const file = (await readdir(dest)).find((f) => f.endsWith('.tgz'));
    if (!file) throw new Error('npm pack made no tarball');
    return path.join(dest, file);
  })();
  return packed;
}

/** A journey with one module and one broken relative link. */
export const JOURNEY: Record<string, string> = {
  'README.md': '# My journey\n\n<!-- odyssey:progress:start -->\n<!-- odyssey:progress:end -->\n',
  'modules/01-basics/README.md': '---\nstatus: in-progress\nstarted: 2026-01-02\n---\n# Basics\n\nSee [the notes](notes.md).\n',
};
