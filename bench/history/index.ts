// history on a generated journey of 5,000 commits and 200 modules, beside `git log --name-only` on
// the same repository in the same run. Targets: the first run at most 3× git log's time; a rerun
// after 10 new commits at most 0.2× the first run. Both as users run it (the built CLI, a process
// each) and in-process (the history read alone, without Node's start-up and the bundle's load).
// The start-up floor (the same CLI run outside any git repository: Node, the bundle, the
// configuration, one git process) is shown beside them: no rerun can take less.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../src/core/config.js';
import { runHistory } from '../../src/run/history.js';
import { measure, table } from '../support/measure.js';
import { fastImport } from './generate.js';

const CLI = process.env.ODYSSEY_CLI ?? fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const MODULES = 200;
const COMMITS = 5000;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runHistoryBench(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'odyssey-bench-history-'));
  const outside = mkdtempSync(path.join(os.tmpdir(), 'odyssey-bench-nogit-'));
  const env = { ...process.env, ODYSSEY_CACHE_KEY_FILE: path.join(dir, '..', `${path.basename(dir)}-key`) };
  try {
    const t0 = performance.now();
    fastImport(dir, { modules: MODULES, commits: COMMITS });
    const genMs = performance.now() - t0;
    const rows: Array<Record<string, string | number>> = [];
    const gitLog: number[] = [];
    const first: number[] = [];
    const rerun: number[] = [];
    const inFirst: number[] = [];
    const inRerun: number[] = [];
    const floor: number[] = [];
    let added = COMMITS;
    for (let round = 0; round < 3; round++) {
      const g = await measure('git', ['log', '--name-only'], { cwd: dir });
      gitLog.push(g.wallMs);
      rmSync(path.join(dir, '.odyssey'), { recursive: true, force: true });
      const a = await measure(process.execPath, [CLI, 'history', '--format', 'json'], { cwd: dir, env });
      if (a.code !== 0) throw new Error(`history failed: ${a.stderr}`);
      first.push(a.wallMs);
      fastImport(dir, { modules: MODULES, commits: 10, from: added });
      added += 10;
      const b = await measure(process.execPath, [CLI, 'history', '--format', 'json'], { cwd: dir, env });
      if (b.code !== 0) throw new Error(`history rerun failed: ${b.stderr}`);
      rerun.push(b.wallMs);
      if (JSON.parse(b.stdout).topics.length !== MODULES) throw new Error('history rerun lost topics');
      const c = await measure(process.execPath, [CLI, 'history', '--format', 'json'], { cwd: outside, env });
      if (!/not a git repository/.test(c.stderr)) throw new Error(`history outside git: ${c.stderr}`);
      floor.push(c.wallMs);

      // In-process: the same read, less process start-up.
      rmSync(path.join(dir, '.odyssey'), { recursive: true, force: true });
      const config = defaultConfig();
      const saved = process.env.ODYSSEY_CACHE_KEY_FILE;
      process.env.ODYSSEY_CACHE_KEY_FILE = env.ODYSSEY_CACHE_KEY_FILE;
      let t = performance.now();
      const r1 = await runHistory({ root: dir, config, stats: false }, '2030-01-01');
      inFirst.push(performance.now() - t);
      fastImport(dir, { modules: MODULES, commits: 10, from: added });
      added += 10;
      t = performance.now();
      const r2 = await runHistory({ root: dir, config, stats: false }, '2030-01-01');
      inRerun.push(performance.now() - t);
      if (saved === undefined) delete process.env.ODYSSEY_CACHE_KEY_FILE;
      else process.env.ODYSSEY_CACHE_KEY_FILE = saved;
      if (r1.cache !== 'none' || r2.cache !== 'incremental' || r2.commitsRead !== 10) throw new Error(`cache not used as expected (${r1.cache}, ${r2.cache}, ${r2.commitsRead})`);
    }
    const gl = median(gitLog);
    const f = median(first);
    const r = median(rerun);
    rows.push({ run: 'git log --name-only', 'wall ms (median of 3)': gl.toFixed(0), ratio: '1.00× git log' });
    rows.push({ run: 'odyssey history (first run, CLI)', 'wall ms (median of 3)': f.toFixed(0), ratio: `${(f / gl).toFixed(2)}× git log (target ≤ 3)` });
    rows.push({ run: 'odyssey history (after 10 commits, CLI)', 'wall ms (median of 3)': r.toFixed(0), ratio: `${(r / f).toFixed(2)}× first run (target ≤ 0.2)` });
    const fl = median(floor);
    rows.push({ run: 'start-up floor (the CLI outside git)', 'wall ms (median of 3)': fl.toFixed(0), ratio: `${(fl / f).toFixed(2)}× first run` });
    const fi = median(inFirst);
    const ri = median(inRerun);
    rows.push({ run: 'history read, in-process (first)', 'wall ms (median of 3)': fi.toFixed(0), ratio: `${(fi / gl).toFixed(2)}× git log` });
    rows.push({ run: 'history read, in-process (after 10 commits)', 'wall ms (median of 3)': ri.toFixed(0), ratio: `${(ri / fi).toFixed(2)}× first` });
    return `## history (${COMMITS.toLocaleString('en')} commits, ${MODULES} modules; generated by git fast-import in ${genMs.toFixed(0)} ms)\n\n${table(rows)}\n`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
    rmSync(`${dir}-key`, { force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await runHistoryBench());
}
