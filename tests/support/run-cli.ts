import { execFile } from 'node:child_process';
import path from 'node:path';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process from source (fast; for behaviour). */
export async function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}, terminal: { isTTY?: boolean } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd,
    env,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: terminal.isTTY ?? false,
  });
  return { code, stdout, stderr };
}

export const DIST_CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');

/** Runs the built bundle as users do (for what ships). */
export function runDistCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [DIST_CLI, ...args], { cwd, env: { PATH: process.env.PATH, ...env }, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
