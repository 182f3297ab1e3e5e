// sync at 100 and 1,000 modules: wall time and peak memory of the built CLI (target: 1,000 in < 1.5 s, < 200 MB).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure, table } from '../support/measure.js';

// ODYSSEY_CLI measures another build (a private bundle) without touching dist/.
const CLI = process.env.ODYSSEY_CLI ?? fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const STATUSES = ['todo', '🚧 In Progress', 'done', 'paused', 'wip', '✅ Done'];

/** A journey of `n` modules with realistic status blocks, tasks and notes. */
export function generateJourney(dir: string, n: number): void {
  writeFileSync(path.join(dir, 'README.md'), '# Journey\n\nIntro.\n\n<!-- odyssey:progress:start -->\n<!-- odyssey:progress:end -->\n\nOutro.\n');
  for (let i = 1; i <= n; i++) {
    const id = `${String(i).padStart(4, '0')}-topic-${i}`;
    const status = STATUSES[i % STATUSES.length]!;
    const done = status.toLowerCase().includes('done');
    const started = `2026-${String((i % 9) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
    const completed = done ? `2026-${String((i % 9) + 2).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}` : '';
    const tasks = Array.from({ length: 8 }, (_, t) => `- [${done || t < i % 8 ? 'x' : ' '}] Task ${t + 1} of topic ${i}`).join('\n');
    const notes = Array.from({ length: 40 }, (_, p) => `Paragraph ${p} about topic ${i}: attention, tokens, *emphasis* and \`code\`. See [paper ${p}](https://arxiv.org/abs/${1700 + p}.0${i}).`).join('\n\n');
    mkdirSync(path.join(dir, 'modules', id), { recursive: true });
    writeFileSync(
      path.join(dir, 'modules', id, 'README.md'),
      `---\ntitle: Topic ${i} — ${'δ'.repeat(i % 3)} notes | part ${i}\nstatus: ${status}\nstarted: ${started}\ncompleted: ${completed}\nconfidence: ${(i % 5) + 1}\nresources:\n  - "[Paper ${i}](https://arxiv.org/abs/1706.0${i})"\n  - title: Blog ${i}\n    url: https://example.org/blog/${i}\nlearnings: Learned thing ${i}, with a | pipe.\n---\n# Topic ${i}\n\n## Tasks\n\n${tasks}\n\n\`\`\`md\n- [ ] not a task\n\`\`\`\n\n## Notes\n\n${notes}\n`,
    );
  }
}

export async function runSyncBench(): Promise<string> {
  const rows: Array<Record<string, string | number>> = [];
  for (const n of [100, 1000]) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `odyssey-bench-sync-${n}-`));
    try {
      generateJourney(dir, n);
      const cold = await measure(process.execPath, [CLI, 'sync'], { cwd: dir });
      if (cold.code !== 0) throw new Error(`sync failed (${cold.code}): ${cold.stderr || cold.stdout}`);
      const again = await measure(process.execPath, [CLI, 'sync', '--check'], { cwd: dir });
      if (again.code !== 0) throw new Error(`sync --check after sync failed: ${again.stdout}`);
      for (const [run, m] of [['sync (writes)', cold], ['sync --check (no change)', again]] as const) {
        rows.push({ modules: n, run, 'wall ms': m.wallMs.toFixed(0), 'peak MB': m.peakMB?.toFixed(0) ?? 'n/a' });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return '## sync (target: 1,000 modules < 1,500 ms, < 200 MB)\n\n' + table(rows) + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await runSyncBench());
}
