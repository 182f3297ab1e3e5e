// Runs a command as a child and reports wall time and peak memory (GNU time's %M, in KiB).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Measured {
  code: number;
  wallMs: number;
  /** Peak resident set size in MB, or null where /usr/bin/time is missing. */
  peakMB: number | null;
  /** CPU time (user + system, all threads and children) in ms, or null where /usr/bin/time is missing. */
  cpuMs: number | null;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

export function measure(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Measured> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'odyssey-measure-'));
  const timeFile = path.join(tmp, 'time');
  const useTime = existsSync(GNU_TIME);
  const [bin, argv] = useTime ? [GNU_TIME, ['-o', timeFile, '-f', '%M %U %S', cmd, ...args]] : [cmd, args];
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(bin, argv, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : undefined;
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      const wallMs = performance.now() - t0;
      let peakMB: number | null = null;
      let cpuMs: number | null = null;
      if (useTime && existsSync(timeFile)) {
        const [kib, user, sys] = (readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '').split(' ').map(Number);
        if (Number.isFinite(kib)) peakMB = kib! / 1024;
        if (Number.isFinite(user) && Number.isFinite(sys)) cpuMs = (user! + sys!) * 1000;
      }
      rmSync(tmp, { recursive: true, force: true });
      resolve({ code: code ?? -1, wallMs, peakMB, cpuMs, stdout, stderr });
    });
  });
}

export function table(rows: Array<Record<string, string | number>>): string {
  const cols = Object.keys(rows[0] ?? {});
  const cell = (v: string | number | undefined) => String(v ?? '');
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => '| ' + vals.map((v, i) => v.padEnd(width[i]!)).join(' | ') + ' |';
  return [line(cols), line(width.map((w) => '-'.repeat(w))), ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join('\n');
}
