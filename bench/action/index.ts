// The action's speed: its own start (loading the bundle, before any work; target < 300 ms), a
// whole run on this repository's journey (target < 2 s apart from network waits) and the bundle's
// size. Runs a fresh build of src/ (what dist/ will be) against the loopback fake GitHub API.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildActionBundle } from '../../tests/action/support/build-bundle.js';
import { FakeGitHub } from '../../tests/support/fake-github.js';
import { FakeGitRepo, installGitRoutes } from '../../tests/support/fake-github-git.js';
import { measure, table } from '../support/measure.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = 7;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Milliseconds from spawn to the first line on stdout. */
function firstLineMs(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let done = false;
    child.stdout.on('data', () => {
      if (!done) {
        done = true;
        resolve(performance.now() - t0);
      }
    });
    child.on('error', reject);
    child.on('close', () => {
      if (!done) reject(new Error(`${args.join(' ')} printed nothing`));
    });
  });
}

/** This repository's journey (README, modules, config) in a temp git repository. */
function journeyCopy(): { dir: string; sha: string; files: Record<string, string> } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'odyssey-bench-action-'));
  for (const rel of ['README.md', 'modules', '.odyssey.yml']) {
    if (existsSync(path.join(ROOT, rel))) cpSync(path.join(ROOT, rel), path.join(dir, rel), { recursive: true });
  }
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: dir, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@example.com' } }).trim();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'journey');
  const files: Record<string, string> = {};
  for (const rel of git('ls-files').split('\n')) files[rel] = readFileSync(path.join(dir, rel), 'utf8');
  return { dir, sha: git('rev-parse', 'HEAD'), files };
}

function runnerEnv(o: { tmp: string; workspace: string; api: string; event: string; sha: string; ref: string; inputs: Record<string, string> }): NodeJS.ProcessEnv {
  const eventPath = path.join(o.tmp, 'event.json');
  writeFileSync(eventPath, JSON.stringify({ repository: { default_branch: 'main' }, pull_request: o.event === 'pull_request' ? { number: 1 } : undefined }));
  for (const f of ['output', 'summary.md']) writeFileSync(path.join(o.tmp, f), '');
  return {
    PATH: process.env.PATH,
    HOME: o.tmp,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: o.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: 'learner/journey',
    GITHUB_SHA: o.sha,
    GITHUB_REF: o.ref,
    GITHUB_WORKSPACE: o.workspace,
    GITHUB_OUTPUT: path.join(o.tmp, 'output'),
    GITHUB_STEP_SUMMARY: path.join(o.tmp, 'summary.md'),
    GITHUB_API_URL: o.api,
    GITHUB_GRAPHQL_URL: `${o.api}/graphql`,
    RUNNER_TEMP: o.tmp,
    INPUT_TOKEN: 'ghs_bench',
    ...Object.fromEntries(Object.entries(o.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
}

export async function runActionBench(): Promise<string> {
  const bundle = await buildActionBundle();
  const journey = journeyCopy();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'odyssey-bench-runner-'));
  const gh = await FakeGitHub.start();
  try {
    const repo = new FakeGitRepo('learner', 'journey');
    installGitRoutes(gh, repo);
    repo.seed(journey.sha, journey.files);
    repo.setBranch('main', journey.sha);

    // Start: spawn → first line ("odyssey x.y.z", printed once the bundle is loaded), less bare node's.
    const bare: number[] = [];
    const start: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(await firstLineMs(['-e', 'console.log(1)'], { PATH: process.env.PATH }));
      start.push(await firstLineMs([bundle.file], { PATH: process.env.PATH, 'INPUT_LINKS': 'bogus' }));
    }

    const rows: Array<Record<string, string | number>> = [];
    rows.push({ measure: 'start (bundle load, before any work)', 'median ms': median(start).toFixed(0), 'less bare node ms': (median(start) - median(bare)).toFixed(0), 'peak MB': '' });
    const cases: Array<[string, string, string, Record<string, string>]> = [
      ['whole run: pull request (table check, links, annotations)', 'pull_request', 'refs/pull/1/merge', { stale: 'off' }],
      ['whole run: push, dry run (table, links, stale topics)', 'push', 'refs/heads/main', { stale: 'on', 'dry-run': 'true', 'fail-on': 'never' }],
    ];
    for (const [name, event, ref, inputs] of cases) {
      const walls: number[] = [];
      let peak = 0;
      for (let i = 0; i < 3; i++) {
        const m = await measure(process.execPath, [bundle.file], { cwd: journey.dir, env: runnerEnv({ tmp, workspace: journey.dir, api: gh.url, event, sha: journey.sha, ref, inputs }), timeoutMs: 60_000 });
        if (m.code !== 0 && !/fail-on/.test(m.stdout)) throw new Error(`${name}: exit ${m.code}\n${m.stdout}\n${m.stderr}`);
        walls.push(m.wallMs);
        peak = Math.max(peak, m.peakMB ?? 0);
      }
      rows.push({ measure: name, 'median ms': median(walls).toFixed(0), 'less bare node ms': (median(walls) - median(bare)).toFixed(0), 'peak MB': peak ? peak.toFixed(0) : 'n/a' });
    }
    const size = statSync(bundle.file).size;
    const gz = gzipSync(readFileSync(bundle.file)).length;
    const dist = path.join(ROOT, 'dist/index.js');
    const distNote = existsSync(dist) ? `; committed dist/index.js ${(statSync(dist).size / 1024).toFixed(0)} KiB` : '';
    return (
      `## action (targets: start < 300 ms, whole run < 2,000 ms apart from network waits; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)})\n\n` +
      table(rows) +
      `\n\nbundle: ${(size / 1024).toFixed(0)} KiB (${(gz / 1024).toFixed(0)} KiB gzipped)${distNote}; journey: ${Object.keys(journey.files).length} files; bare node to first line: ${median(bare).toFixed(0)} ms\n`
    );
  } finally {
    await gh.close();
    await bundle.dispose();
    rmSync(journey.dir, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await runActionBench());
}
