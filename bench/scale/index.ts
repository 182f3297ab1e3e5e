// Issue 17's scale goal: `odyssey check` on a generated journey of 10,000 modules (70,001 files),
// beside the floor (every file read once: the faster of `cat | grep` and a plain Node script that
// walks the folders and readFileSyncs each file) and markdown-link-check (at 1,000 modules: at
// 10,000 it would run for many minutes). Prints cold time (no cache), its ratio to the floor,
// peak memory, and a rerun after one file changed.
// Targets: cold ≤ 3× floor, ≤ 250 MB; rerun ≤ 1.3× floor; 1,000 modules ≥ 20× faster than mlc.
// Run alone: `npx tsx bench/scale/index.ts [modules…] [--no-peers]`.
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleOdyssey } from '../links/index.js';
import { generateJourney } from '../links/generate.js';
import { measure, type Measured } from '../support/measure.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const FLOOR = path.join(import.meta.dirname, 'floor.mjs');

interface Line {
  what: string;
  ms: number;
  cpuMs: number | null;
  peakMB: number | null;
  note: string;
}

const best = async (runs: number, fn: () => Promise<Measured>): Promise<Measured> => {
  let out: Measured | null = null;
  for (let i = 0; i < runs; i++) {
    const m = await fn();
    if (!out || m.wallMs < out.wallMs) out = m;
  }
  return out!;
};

export async function runScaleBench(sizes: number[] = [10_000], opts: { peers?: boolean } = {}, print: (s: string) => void = (s) => process.stdout.write(s)): Promise<Line[]> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'odyssey-scale-bench-'));
  const lines: Line[] = [];
  try {
    const bundle = await bundleOdyssey(work);
    // The cache key lives outside the journey, as it does for a user.
    const env = { ...process.env, ODYSSEY_CACHE_KEY_FILE: path.join(work, 'cache-key') };
    print(`load average ${(await readFile('/proc/loadavg', 'utf8').catch(() => '?')).trim()}\n`);
    for (const n of sizes) {
      const root = path.join(work, `journey-${n}`);
      const j = await generateJourney(root, n);
      print(`\njourney of ${n} modules: ${j.files} files, ${j.links} links\n`);
      // Let the files' mtimes age past the cache's racy window, and warm the page cache for everyone.
      await new Promise((r) => setTimeout(r, 1100));
      const node = await best(3, () => measure(process.execPath, [FLOOR, root], { cwd: root }));
      const cat = await best(3, () => measure('sh', ['-c', `find . -name '*.md' -not -path './.odyssey/*' -print0 | xargs -0 cat | grep -c ']('`], { cwd: root }));
      const floor = Math.min(node.wallMs, cat.wallMs);
      const floorPeak = node.wallMs <= cat.wallMs ? node.peakMB : cat.peakMB;
      const add = (what: string, m: Measured, note = '') => {
        lines.push({ what, ms: m.wallMs, cpuMs: m.cpuMs, peakMB: m.peakMB, note });
        const ratio = (m.wallMs / floor).toFixed(2);
        const cpu = m.cpuMs === null ? '' : `${m.cpuMs.toFixed(0).padStart(7)} ms CPU`;
        print(`${what.padEnd(34)} ${m.wallMs.toFixed(0).padStart(7)} ms  ${ratio.padStart(5)}× floor ${cpu}  ${(m.peakMB ?? 0).toFixed(0).padStart(4)} MB peak  ${note}\n`);
      };
      add('floor: node walk + readFileSync', node);
      add('floor: find | xargs cat | grep', cat);
      // Cold: no cache at all (the run writes one).
      const cold = await best(2, async () => {
        await rm(path.join(root, '.odyssey'), { recursive: true, force: true });
        return measure(process.execPath, [bundle, root], { cwd: root, env });
      });
      if (cold.code !== 0) throw new Error(`odyssey failed: ${cold.stderr}`);
      const coldOut = JSON.parse(cold.stdout) as { findings: unknown[]; counts: Record<string, number> };
      add('odyssey check, cold', cold, `${coldOut.findings.length} findings (planted ${j.planted.length}); ${coldOut.counts['read-by-workers'] ?? 0} files read by worker threads; memory ${(cold.peakMB! / (floorPeak ?? 1)).toFixed(1)}× the floor's`);
      // The same without worker threads: what one core does.
      const alone = await best(1, async () => {
        await rm(path.join(root, '.odyssey'), { recursive: true, force: true });
        return measure(process.execPath, [bundle, root], { cwd: root, env: { ...env, ODYSSEY_WORKERS: '0' } });
      });
      const aloneOut = JSON.parse(alone.stdout) as { findings: unknown[] };
      add('odyssey check, cold, no workers', alone, JSON.stringify(aloneOut.findings) === JSON.stringify(coldOut.findings) ? 'same findings' : 'FINDINGS DIFFER');
      await new Promise((r) => setTimeout(r, 1100));
      await measure(process.execPath, [bundle, root], { cwd: root, env });
      const changed = path.join(root, 'modules', '0001-topic-1', 'notes-1.md');
      const rerun = await best(2, async () => {
        await appendFile(changed, '\nOne more line.\n');
        return measure(process.execPath, [bundle, root], { cwd: root, env });
      });
      const again = JSON.parse(rerun.stdout) as { counts: Record<string, number> };
      add('odyssey check, 1 file changed', rerun, `parsed ${again.counts['parsed-files']} file(s)`);
      if (opts.peers !== false && n <= 1000) {
        const mlcConfig = path.join(work, 'mlc.json');
        await writeFile(mlcConfig, JSON.stringify({ ignorePatterns: [{ pattern: '^https?://' }] }));
        const mlc = await measure('sh', ['-c', `${JSON.stringify(process.execPath)} ${JSON.stringify(path.join(REPO, 'node_modules/markdown-link-check/markdown-link-check'))} -q -c ${JSON.stringify(mlcConfig)} . 2>&1`], { cwd: root, timeoutMs: 900_000 });
        add('markdown-link-check', mlc, `odyssey cold is ${(mlc.wallMs / cold.wallMs).toFixed(1)}× faster`);
      }
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return lines;
}

if (process.argv[1]?.endsWith('bench/scale/index.ts')) {
  const args = process.argv.slice(2);
  const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
  await runScaleBench(sizes.length ? sizes : [10_000], { peers: !args.includes('--no-peers') });
}
