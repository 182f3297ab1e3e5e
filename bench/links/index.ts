// `odyssey check` beside markdown-link-check, linkinator and remark-validate-links on generated
// journeys (100 and 1,000 modules), all offline: each peer is told to skip http(s) URLs or is
// run on local files only. Prints wall time, peak memory, findings, misses and false reports.
// Run alone: `npx tsx bench/links/index.ts [modules…]`.
import { spawn } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { generateJourney, type Planted } from './generate.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const PEER_TIMEOUT_S = 180;

interface Timed {
  wall: number;
  rssMB: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

const shellQuote = (a: string): string => `'${a.replace(/'/g, `'\\''`)}'`;

/** Runs `cmd` under /usr/bin/time for its peak RSS; `merged` interleaves stderr into stdout in order. */
function timed(cmd: string[], cwd: string, merged = false, timeoutS = PEER_TIMEOUT_S): Promise<Timed> {
  return new Promise((resolve) => {
    const tfile = path.join(os.tmpdir(), `odyssey-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`);
    const t0 = performance.now();
    const argv = merged ? ['sh', '-c', `${cmd.map(shellQuote).join(' ')} 2>&1`] : cmd;
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', tfile, ...argv], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutS * 1000);
    child.on('close', async () => {
      clearTimeout(timer);
      const wall = (performance.now() - t0) / 1000;
      const kb = Number((await readFile(tfile, 'utf8').catch(() => '0')).trim().split('\n').pop());
      await rm(tfile, { force: true });
      resolve({ wall, rssMB: kb / 1024, stdout, stderr, timedOut });
    });
  });
}

interface Reported {
  file: string;
  line?: number;
  url?: string;
}

interface Row {
  tool: string;
  modules: number;
  wall: number;
  rssMB: number;
  findings: number;
  misses: number;
  falseReports: number;
  note: string;
}

/** A report matches a planted link when it names the same file and the same line or URL. */
function score(planted: Planted[], reported: Reported[]): { misses: number; falseReports: number } {
  const hit = new Set<number>();
  let falseReports = 0;
  for (const r of reported) {
    const i = planted.findIndex(
      (p) => p.file === r.file && ((r.line !== undefined && p.line === r.line) || (r.url !== undefined && (r.url === p.url || r.url.endsWith(path.posix.normalize(path.posix.join(path.posix.dirname(p.file), p.url.split('#')[0]!)))))),
    );
    if (i === -1) falseReports++;
    else hit.add(i);
  }
  return { misses: planted.length - hit.size, falseReports };
}

/** A bundle of `entry` (default: one `check` run, odyssey-entry.ts) in `dir`, as the build makes them. */
export async function bundleOdyssey(dir: string, entry = path.join(import.meta.dirname, 'odyssey-entry.ts'), name = 'odyssey-check.mjs'): Promise<string> {
  const out = path.join(dir, name);
  const pkg = JSON.parse(await readFile(path.join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    logLevel: 'warning',
    define: { __ODYSSEY_VERSION__: JSON.stringify(pkg.version) },
    banner: { js: "import{createRequire}from'node:module';const require=createRequire(import.meta.url);" },
  });
  return out;
}

function odysseyReported(stdout: string): Reported[] {
  const j = JSON.parse(stdout) as { findings: Array<{ file: string; line: number; kind: string }> };
  return j.findings.map((f) => ({ file: f.file, line: f.line }));
}

function mlcReported(out: string, root: string): Reported[] {
  const reported: Reported[] = [];
  let file = '';
  for (const line of out.split('\n')) {
    const f = /(?:FILE: |dead links? found in )(\S+?)(?: !)?$/.exec(line.trim());
    if (f) file = path.relative(root, path.resolve(root, f[1]!)).split(path.sep).join('/');
    const l = /\[✖\] (.+?) → Status/.exec(line);
    if (l) reported.push({ file, url: l[1]! });
  }
  return reported;
}

function linkinatorReported(out: string): Reported[] {
  const j = JSON.parse(out.slice(out.indexOf('{'))) as { links: Array<{ url: string; state: string; parent?: string }> };
  return j.links.filter((l) => l.state === 'BROKEN' && l.parent).map((l) => ({ file: l.parent!, url: l.url }));
}

function remarkReported(out: string, root: string): Reported[] {
  const reported: Reported[] = [];
  let file = '';
  for (const raw of out.split('\n')) {
    const line = raw.replace(/\u001b\[[0-9;]*m/g, '');
    if (/^\S.*\.md$/.test(line)) file = path.relative(root, path.resolve(REPO, line.trim())).split(path.sep).join('/');
    const m = /^\s*(\d+):(\d+)(?:-\d+:\d+)?\s+warning/.exec(line);
    if (m) reported.push({ file, line: Number(m[1]) });
  }
  return reported;
}

export async function runLinksBench(sizes: number[] = [100, 1000], print: (s: string) => void = (s) => process.stdout.write(s)): Promise<Row[]> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'odyssey-links-bench-'));
  const rows: Row[] = [];
  try {
    const bundle = await bundleOdyssey(work);
    const mlcConfig = path.join(work, 'mlc.json');
    // markdown-link-check would fetch every http(s) URL: skip them all (offline), keep local files.
    await writeFile(mlcConfig, JSON.stringify({ ignorePatterns: [{ pattern: '^https?://' }] }));
    for (const n of sizes) {
      const root = path.join(work, `journey-${n}`);
      const j = await generateJourney(root, n);
      print(`\njourney of ${n} modules: ${j.files} files, ${j.links} links, ${j.planted.length} planted problems\n`);
      const add = (tool: string, t: Timed, reported: Reported[] | null, note = '') => {
        const s = reported ? score(j.planted, reported) : { misses: j.planted.length, falseReports: 0 };
        rows.push({ tool, modules: n, wall: t.wall, rssMB: t.rssMB, findings: reported?.length ?? 0, ...s, note: t.timedOut ? `killed after ${PEER_TIMEOUT_S} s` : note });
      };
      // Let the generated files' mtimes age past the cache's racy window before the cold run.
      await new Promise((r) => setTimeout(r, 1100));
      const cold = await timed([process.execPath, bundle, root], root);
      add('odyssey (cold)', cold, odysseyReported(cold.stdout));
      await appendFile(path.join(root, 'modules', (await import('node:fs')).readdirSync(path.join(root, 'modules'))[0]!, 'notes-1.md'), '\nOne more line.\n');
      const warm = await timed([process.execPath, bundle, root], root);
      add('odyssey (1 file changed)', warm, odysseyReported(warm.stdout), `${(cold.wall / warm.wall).toFixed(1)}× faster than cold`);
      await rm(path.join(root, '.odyssey'), { recursive: true, force: true });

      const mlc = await timed([process.execPath, path.join(REPO, 'node_modules/markdown-link-check/markdown-link-check'), '-q', '-c', mlcConfig, root], root, true);
      add('markdown-link-check', mlc, mlc.timedOut ? null : mlcReported(mlc.stdout, root), 'no anchors across files; placeholders as HTTP 400');
      const lk = await timed([process.execPath, path.join(REPO, 'node_modules/linkinator/build/src/cli.js'), '**/*.md', '--markdown', '--skip', '^https?://(?!localhost|127\\.0\\.0\\.1)', '--format', 'json'], root);
      let lkReported: Reported[] | null = null;
      try {
        lkReported = lk.timedOut ? null : linkinatorReported(lk.stdout);
      } catch {
        lkReported = null;
      }
      add('linkinator', lk, lkReported, lkReported ? 'no anchors' : 'no usable output');
      const rv = await timed(
        [process.execPath, path.join(REPO, 'node_modules/remark-cli/cli.js'), '--use', 'remark-validate-links=repository:false', '--quiet', '--no-stdout', '--color=false', root],
        REPO,
      );
      const rvReported = rv.timedOut ? null : remarkReported(rv.stderr, root);
      add('remark-validate-links', rv, rvReported, /EMFILE/.test(rv.stderr) ? 'EMFILE' : '');
      for (const r of rows.filter((x) => x.modules === n)) {
        print(
          `${r.tool.padEnd(26)} ${r.wall.toFixed(2).padStart(7)} s ${r.rssMB.toFixed(0).padStart(5)} MB  findings ${String(r.findings).padStart(5)}  misses ${String(r.misses).padStart(4)}  false ${String(r.falseReports).padStart(5)}  ${r.note}\n`,
        );
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('bench/links/index.ts')) {
  const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
  await runLinksBench(sizes.length ? sizes : [100, 1000]);
}
