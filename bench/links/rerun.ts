// Cold run vs reruns of `odyssey check` on generated journeys (the issue-3 cache goal: a rerun
// after one file changed at least 20× faster than cold). Each rerun follows a different edit:
// a line appended to a notes file, a heading renamed (so files linking to it are re-judged), and
// nothing at all. Prints wall time, the start-up share (node + bundle load) and runCheck's share.
// Run: `npx tsx bench/links/rerun.ts [modules…] [--runs N]`.
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { measure } from '../support/measure.js';
import { generateJourney } from './generate.js';
import { bundleOdyssey } from './index.js';

interface Sample {
  wallMs: number;
  startMs: number;
  checkMs: number;
  findings: number;
  counts: Record<string, number>;
}

async function once(bundle: string, root: string): Promise<Sample> {
  const m = await measure(process.execPath, [bundle, root], { cwd: root, env: { ...process.env, ODYSSEY_BENCH_PHASES: '1' } });
  if (m.code !== 0) throw new Error(`odyssey failed: ${m.stderr}`);
  const phases = JSON.parse(m.stderr) as { startMs: number; checkMs: number };
  const out = JSON.parse(m.stdout) as { findings: unknown[]; counts: Record<string, number> };
  return { wallMs: m.wallMs, ...phases, findings: out.findings.length, counts: out.counts };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runRerunBench(sizes: number[], runs = 3, print: (s: string) => void = (s) => process.stdout.write(s)): Promise<void> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'odyssey-rerun-bench-'));
  try {
    const bundle = await bundleOdyssey(work);
    print(`load average ${(await readFile('/proc/loadavg', 'utf8').catch(() => '?')).trim()}\n`);
    for (const n of sizes) {
      const root = path.join(work, `journey-${n}`);
      const j = await generateJourney(root, n);
      const first = 'modules/0001-topic-1';
      print(`\njourney of ${n} modules: ${j.files} files, ${j.links} links\n`);
      // Let the generated files' mtimes age past the cache's racy window before the cold run.
      await new Promise((r) => setTimeout(r, 1100));
      const colds: Sample[] = [];
      const edits: Record<string, Sample[]> = { 'line appended': [], 'heading renamed': [], 'no change': [] };
      for (let k = 0; k < runs; k++) {
        await rm(path.join(root, '.odyssey'), { recursive: true, force: true });
        colds.push(await once(bundle, root));
        await appendFile(path.join(root, first, `notes-${(k % 6) + 1}.md`), `\nOne more line ${k}.\n`);
        edits['line appended']!.push(await once(bundle, root));
        const target = path.join(root, first, 'notes-3.md');
        const text = await readFile(target, 'utf8');
        await writeFile(target, text.replace(/^## Section 1.*$/m, `## Section 1 renamed ${k}`));
        edits['heading renamed']!.push(await once(bundle, root));
        await new Promise((r) => setTimeout(r, 1100));
        edits['no change']!.push(await once(bundle, root));
        await writeFile(target, text);
        await new Promise((r) => setTimeout(r, 1100));
      }
      const row = (name: string, xs: Sample[], cold?: number) => {
        const wall = median(xs.map((x) => x.wallMs));
        const c = xs[xs.length - 1]!.counts;
        print(
          `${name.padEnd(16)} ${wall.toFixed(0).padStart(6)} ms  start ${median(xs.map((x) => x.startMs)).toFixed(0).padStart(4)} ms  runCheck ${median(xs.map((x) => x.checkMs)).toFixed(0).padStart(5)} ms  findings ${String(xs[0]!.findings).padStart(4)}  parsed ${String(c['parsed-files'] ?? '-').padStart(4)}${cold ? `  ${(cold / wall).toFixed(1)}× faster than cold (runCheck ${(median(colds.map((x) => x.checkMs)) / median(xs.map((x) => x.checkMs))).toFixed(1)}×)` : ''}\n`,
        );
      };
      const coldWall = median(colds.map((x) => x.wallMs));
      row('cold', colds);
      for (const [name, xs] of Object.entries(edits)) row(name, xs, coldWall);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('bench/links/rerun.ts')) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--runs');
  const runs = at >= 0 ? Number(args[at + 1]) : 3;
  const sizes = args.filter((a, i) => /^\d+$/.test(a) && i !== at + 1).map(Number);
  await runRerunBench(sizes.length ? sizes : [100, 1000], runs);
}
