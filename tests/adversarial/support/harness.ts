// The adversarial suite's one harness. Every family builds a hostile journey with `hostile()`,
// runs odyssey on it with `attack()` (in-process CLI, built dist/cli.js, or any runner that
// returns stdout/stderr/code), and ends with `expectSafe()`, which asserts what issue 16 promises:
//   - the exit code is 0, 1 or 2 (3 is odyssey's own crash code; a signal or timeout fails);
//   - no stack trace or raw JS error in stdout or stderr;
//   - the run finished within its bound (`attack` fails the case otherwise);
//   - the secret planted in a sibling folder OUTSIDE the repository appears nowhere: not in
//     stdout/stderr/extra texts, not in any file of the repository (`.odyssey/` included);
//   - the user's bytes are unchanged: every file present before is byte-identical after, except
//     the spans between odyssey's zone markers (`<!-- odyssey:NAME:start/end -->`); new files may
//     only appear under `.odyssey/` (or paths the case allows). `.git/` is not compared.
// A case that needs odyssey to write elsewhere (init) passes `allowChanged` naming those paths.
import { execFile } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { runCli, DIST_CLI, type CliRun } from '../../support/run-cli.js';
import { tmpRepo } from '../../support/tmp-repo.js';
import { git as gitAt } from '../../action/support/journey-repo.js';

export const SECRET = 'S3CRET-odyssey-outside-7f3a9c';

export interface Hostile {
  /** The repository (a temp folder; `git init`ed when asked). */
  root: string;
  /** A sibling temp folder outside the repository holding `secret.txt` (and `secret.md`). */
  outside: string;
  /** A HOME for the run, outside the repository (odyssey keeps its cache key under it). */
  home: string;
  /** Path of the secret file outside (its content is SECRET, also as a markdown link target). */
  secretFile: string;
  /** HEAD's SHA when made with `git: true`, else ''. */
  sha: string;
  /** Bytes of the repository taken right after creation (call `resnapshot()` after extra setup). */
  before: Snapshot;
  resnapshot(): Promise<void>;
}

/** path → content (symlinks as `-> target`; other non-regular files as `<kind>`). */
export type Snapshot = Map<string, Buffer | string>;

const cleanup: string[] = [];
afterAll(async () => {
  await Promise.all(cleanup.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

export interface HostileOptions {
  /** `git init` + one commit (some commands need a repository). */
  git?: boolean;
  /** The commit's date (ISO), e.g. long ago so in-progress topics are stale. Default: 2020-01-15. */
  date?: string;
}

/** A journey repo holding `files`, and a secret planted outside it. */
export async function hostile(files: Record<string, string | Buffer>, opts: HostileOptions = {}): Promise<Hostile> {
  const root = await tmpRepo(files);
  const outside = await mkdtemp(path.join(os.tmpdir(), 'odyssey-outside-'));
  cleanup.push(outside);
  const secretFile = path.join(outside, 'secret.txt');
  await writeFile(secretFile, `${SECRET}\n`);
  await writeFile(path.join(outside, 'secret.md'), `---\ntitle: ${SECRET}\nstatus: done\n---\n# ${SECRET}\n\n[${SECRET}](https://${SECRET.toLowerCase()}.invalid/)\n`);
  const home = path.join(outside, 'home');
  await mkdir(home, { recursive: true });
  const sha = opts.git ? await gitCommit(root, 'journey', opts.date) : '';
  const h: Hostile = {
    root,
    sha,
    home,
    outside,
    secretFile,
    before: await snapshot(root),
    async resnapshot() {
      h.before = await snapshot(root);
    },
  };
  return h;
}

/** `git init`, add all, commit at `date`; returns HEAD. */
export async function gitCommit(dir: string, message = 'journey', date = '2020-01-15T12:00:00Z'): Promise<string> {
  const git = (args: string[]) => gitAt(dir, args, date);
  await git(['init', '-q', '-b', 'main']);
  await git(['add', '-A']);
  await git(['commit', '-q', '--allow-empty', '-m', message]);
  return git(['rev-parse', 'HEAD']);
}

export async function snapshot(root: string): Promise<Snapshot> {
  const out: Snapshot = new Map();
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(path.join(root, rel), { withFileTypes: true });
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (r === '.git') continue;
      const abs = path.join(root, r);
      const st = await lstat(abs);
      if (st.isSymbolicLink()) out.set(r, `-> ${await readlink(abs)}`);
      else if (st.isDirectory()) await walk(r);
      else if (st.isFile()) out.set(r, await readFile(abs));
      else out.set(r, `<${st.isFIFO() ? 'fifo' : st.isSocket() ? 'socket' : 'special'}>`);
    }
  }
  await walk('');
  return out;
}

// Markers count only on a line of their own, as odyssey reads them (core/table/markers.ts).
const ZONE_SPAN = /^([ \t]*<!--[ \t]*odyssey:([a-z-]+):start[ \t]*-->[ \t]*\r?)$[\s\S]*?^([ \t]*<!--[ \t]*odyssey:\2:end[ \t]*-->)/gm;

/** Text with every odyssey zone's content removed (markers kept): what the user owns. */
export function outsideZones(text: string): string {
  return text.replace(ZONE_SPAN, '$1…$3');
}

export interface AttackOptions {
  env?: NodeJS.ProcessEnv;
  /** 'src' runs the CLI in-process (fast); 'dist' runs dist/cli.js as users do. */
  via?: 'src' | 'dist';
  /** Wall-clock bound in ms (default 20 s). */
  boundMs?: number;
}

export interface Attack extends CliRun {
  ms: number;
}

/** Runs the CLI on the hostile repo within a bound; a run past the bound fails the case. */
export async function attack(h: Hostile, args: string[], o: AttackOptions = {}): Promise<Attack> {
  const bound = o.boundMs ?? 20_000;
  const t0 = performance.now();
  let run: CliRun;
  if (o.via === 'dist') {
    run = await new Promise<CliRun>((resolve) => {
      execFile(
        process.execPath,
        [DIST_CLI, ...args],
        { cwd: h.root, env: { PATH: process.env.PATH, HOME: h.home, ...o.env }, maxBuffer: 64 << 20, timeout: bound, killSignal: 'SIGKILL' },
        (err, stdout, stderr) => {
          const code = err ? (typeof err.code === 'number' ? err.code : err.killed ? -1 : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
    });
  } else {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<CliRun>((resolve) => {
      timer = setTimeout(() => resolve({ code: -1, stdout: '', stderr: `harness: not done within ${bound} ms` }), bound);
    });
    try {
      run = await Promise.race([runCli(args, h.root, { HOME: h.home, ...o.env }), timeout]);
    } catch (e) {
      // A throw out of main() is exactly the crash the suite hunts: report it as a failure.
      run = { code: 3, stdout: '', stderr: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    } finally {
      clearTimeout(timer);
    }
  }
  const ms = performance.now() - t0;
  expect(ms, `run took ${Math.round(ms)} ms, bound ${bound} ms`).toBeLessThan(bound);
  return { ...run, ms };
}

export const STACK_TRACE: RegExp[] = [
  /^\s*at\s+\S.*:\d+:\d+\)?\s*$/m,
  /^\s*at\s+(async\s+)?[\w.$<>[\] ]+\s\(/m,
  /\b(TypeError|ReferenceError|RangeError|SyntaxError|EvalError|AggregateError)\b(?!-)/,
  /node:internal\//,
  /Unhandled|UnhandledPromiseRejection/,
];

export interface SafeOptions {
  /** Exit codes allowed (default 0, 1, 2). */
  codes?: number[];
  /** Further texts odyssey produced (job summary, issue bodies, SARIF read back …). */
  texts?: string[];
  /** Paths (repo-relative) whose bytes may change outside zones, or new files allowed. */
  allowChanged?: string[];
}

/** Every guarantee of issue 16 at once; failure messages say which. */
export async function expectSafe(h: Hostile, run: CliRun, o: SafeOptions = {}): Promise<void> {
  const codes = o.codes ?? [0, 1, 2];
  const where = `\n--- stdout ---\n${run.stdout.slice(0, 4000)}\n--- stderr ---\n${run.stderr.slice(0, 4000)}`;
  expect(codes, `exit code ${run.code} not in ${codes.join(',')}${where}`).toContain(run.code);
  for (const [name, text] of [['stdout', run.stdout], ['stderr', run.stderr], ...(o.texts ?? []).map((t, i) => [`text ${i}`, t])] as const) {
    for (const re of STACK_TRACE) expect(re.test(text), `${name} holds a stack trace or raw JS error (${re})${where}`).toBe(false);
    expect(text.includes(SECRET), `${name} holds the secret from outside the repository${where}`).toBe(false);
  }
  const after = await snapshot(h.root);
  const allowed = (p: string) => p === '.odyssey' || p.startsWith('.odyssey/') || (o.allowChanged ?? []).some((a) => p === a || p.startsWith(`${a}/`));
  for (const [p, content] of after) {
    const text = typeof content === 'string' ? content : content.toString('latin1');
    expect(text.includes(SECRET), `file ${p} holds the secret from outside the repository`).toBe(false);
    if (!h.before.has(p)) expect(allowed(p), `new file ${p} written outside .odyssey/`).toBe(true);
  }
  for (const [p, was] of h.before) {
    if ((o.allowChanged ?? []).includes(p)) continue;
    const now = after.get(p);
    expect(now !== undefined, `file ${p} was removed`).toBe(true);
    if (typeof was === 'string' || typeof now === 'string') {
      expect(now, `${p} changed kind`).toEqual(was);
      continue;
    }
    if (p.startsWith('.odyssey/')) continue;
    const a = outsideZones(was.toString('utf8'));
    const b = outsideZones(now!.toString('utf8'));
    expect(b === a, `the user's bytes in ${p} changed outside odyssey's zones`).toBe(true);
  }
}

/** Lines of `text` a GitHub runner would take as workflow commands (`::name…::`). */
export function workflowCommandLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((l) => /^\s*::/.test(l));
}

export { mkdir, writeFile };
