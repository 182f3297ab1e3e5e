// `check --base` beside plain `check` on the generated 1,000-module journey made a git repository,
// with a pull request that changes 10 files (7 edited, 1 renamed, 1 deleted, 1 heading retitled).
// Goals (issue 12): cold `check --base` at most 1.3× a cold plain `check`; a rerun with the cache
// warm at most 0.5× it. Prints the medians of a few runs and the ratios.
// Run alone: `npx tsx bench/prbase/index.ts [modules] [--runs N]`.
import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateJourney } from '../links/generate.js';
import { bundleOdyssey } from '../links/index.js';
import { measure, table } from '../support/measure.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const exec = promisify(execFile);

const git = (cwd: string, ...args: string[]) =>
  exec('git', args, { cwd, maxBuffer: 64 << 20, env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' } });

/** The journey committed on main, then a branch changing 10 files. */
async function pullRequestJourney(root: string, modules: number): Promise<void> {
  await generateJourney(root, modules);
  await git(root, 'init', '-q', '-b', 'main');
  await git(root, 'add', '-A');
  await git(root, 'commit', '-q', '-m', 'journey');
  await git(root, 'checkout', '-q', '-b', 'change');
  const m = (i: number) => `modules/${String(i).padStart(4, '0')}-topic-${i}`;
  for (let i = 1; i <= 7; i++) await appendFile(path.join(root, m(i * 10), 'notes-2.md'), `\nAn edit in this pull request, see [notes](notes-1.md).\n`);
  await git(root, 'mv', `${m(100)}/notes-4.md`, `${m(100)}/notes-four.md`);
  await git(root, 'rm', '-q', `${m(200)}/notes-5.md`);
  const retitle = path.join(root, m(300), 'notes-1.md');
  await writeFile(retitle, (await readFile(retitle, 'utf8')).replace(/^## Section 1\b.*$/m, '## Section one'));
  await git(root, 'add', '-A');
  await git(root, 'commit', '-q', '-m', 'change');
  const { stdout } = await git(root, 'diff', '--name-only', 'main');
  if (stdout.trim().split('\n').length !== 10) throw new Error(`expected 10 changed files, got:\n${stdout}`);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runPrBaseBench(modules = 1000, runs = 3): Promise<string> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'odyssey-prbase-bench-'));
  try {
    const cli = await bundleOdyssey(work, path.join(REPO, 'src/cli.ts'), 'cli.mjs');
    const root = path.join(work, 'journey');
    await pullRequestJourney(root, modules);
    // Let the files' mtimes age past the cache's racy window.
    await new Promise((r) => setTimeout(r, 1100));
    const run = async (...args: string[]) => {
      const r = await measure(process.execPath, [cli, 'check', '--format', 'json', ...args], { cwd: root });
      if (r.code > 1) throw new Error(`odyssey check ${args.join(' ')} failed: ${r.stderr}`);
      const out = JSON.parse(r.stdout) as { findings: unknown[]; counts: Record<string, number>; fixed?: unknown[] };
      return { ms: r.wallMs, out };
    };
    const t: Record<string, number[]> = { plainCold: [], baseCold: [], baseWarm: [], plainWarm: [] };
    let last: Awaited<ReturnType<typeof run>> | null = null;
    for (let k = 0; k < runs; k++) {
      await rm(path.join(root, '.odyssey'), { recursive: true, force: true });
      t.plainCold!.push((await run()).ms);
      t.plainWarm!.push((await run()).ms);
      await rm(path.join(root, '.odyssey'), { recursive: true, force: true });
      t.baseCold!.push((await run('--base', 'main')).ms);
      last = await run('--base', 'main');
      t.baseWarm!.push(last.ms);
    }
    const plain = median(t.plainCold!);
    const c = last!.out.counts;
    const rows = [
      { run: 'check (cold)', 'median ms': Math.round(plain), '× plain cold': '1.00', goal: '' },
      { run: 'check (warm)', 'median ms': Math.round(median(t.plainWarm!)), '× plain cold': (median(t.plainWarm!) / plain).toFixed(2), goal: '' },
      { run: 'check --base main (cold)', 'median ms': Math.round(median(t.baseCold!)), '× plain cold': (median(t.baseCold!) / plain).toFixed(2), goal: '≤ 1.30' },
      { run: 'check --base main (warm rerun)', 'median ms': Math.round(median(t.baseWarm!)), '× plain cold': (median(t.baseWarm!) / plain).toFixed(2), goal: '≤ 0.50' },
    ];
    const load = (await readFile('/proc/loadavg', 'utf8').catch(() => '?')).trim();
    return [
      `${modules} modules, a pull request changing 10 files; ${runs} runs each, medians; load average ${load}`,
      `findings ${last!.out.findings.length}: ${c.new} new, ${c.existing} existing, ${c.fixed} fixed`,
      '',
      table(rows),
    ].join('\n');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const r = args.indexOf('--runs');
  const runs = r === -1 ? 3 : Number(args[r + 1]);
  const n = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--runs') ?? 1000);
  console.log(await runPrBaseBench(n, runs));
}
