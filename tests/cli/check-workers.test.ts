// `check` on a big journey reads and parses files in worker threads (io/check-pool.ts). The built
// bundle is what starts them, so these tests run dist/cli.js: the same findings and counts with
// workers (ODYSSEY_WORKERS=2) as without (0), across chunks, with links that point forward into
// files still being read, refusals found by a worker, and a rerun from the cache.
import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDistCli } from '../support/run-cli.js';
import { moduleReadme, tmpRepo } from '../support/tmp-repo.js';

const MODULES = 90;
const id = (i: number) => `${String(i).padStart(3, '0')}-topic`;

async function bigJourney(): Promise<string> {
  const files: Record<string, string | Buffer> = {};
  // The root README links forward to the last module's anchors: judged only once those arrive.
  files['README.md'] = `# Journey\n\n${Array.from({ length: MODULES }, (_, i) => `- [${i}](modules/${id(i)}/notes.md#part-${i % 3})`).join('\n')}\n- [gone](modules/${id(MODULES - 1)}/notes.md#no-such-part)\n`;
  for (let i = 0; i < MODULES; i++) {
    const dir = `modules/${id(i)}`;
    const next = id((i + 1) % MODULES);
    files[`${dir}/README.md`] = moduleReadme(
      { title: `Topic ${i}`, status: 'in-progress', resources: `\n  - "[Paper](https://example.org/${i})"\n  - "[Missing](missing-${i}.md)"` },
      `# Topic ${i}\n\n## Overview\n\nSee [next](../${next}/README.md#overview), [notes](notes.md#part-1) and [wrong](../${next}/README.md#nope).\n`,
    );
    files[`${dir}/notes.md`] = `# Notes ${i}\n\n## Part 0\n\n## Part 1\n\n## Part 2\n\nBack to [the module](README.md#overview), [x](link_to_paper) and [a gap](gap-${i}.md).\n`;
    files[`${dir}/extra.md`] = `# Extra\n\n[Top](#extra) [bad](#nowhere) [Other](../${id((i + MODULES - 1) % MODULES)}/extra.md#extra)\n`;
  }
  files['modules/000-topic/binary.md'] = Buffer.from([0x23, 0x20, 0x00, 0x01, 0x0a]);
  files['modules/001-topic/latin1.md'] = Buffer.from('# Caf\xe9\n\n[x](nowhere.md)\n', 'latin1');
  const root = await tmpRepo(files);
  await symlink('/etc/hostname', path.join(root, 'modules/002-topic/outside.md'));
  return root;
}

const run = (root: string, workers: string, env: NodeJS.ProcessEnv = {}) =>
  runDistCli(['check', '--format', 'json', '--fail-on', 'never'], root, { ODYSSEY_WORKERS: workers, ODYSSEY_CACHE_KEY_FILE: path.join(root, '..', `${path.basename(root)}-key`), ...env });

describe('check with worker threads (dist)', () => {
  it('finds exactly what the main thread alone finds, and reruns from the cache the same', { timeout: 120_000 }, async () => {
    const a = await bigJourney();
    const b = await bigJourney();
    // Files written within a second of a run are never trusted by their stat alone (racy git).
    await new Promise((r) => setTimeout(r, 1100));
    const alone = await run(a, '0');
    const pooled = await run(b, '2');
    expect(alone.stderr).toBe('');
    expect(pooled.stderr).toBe('');
    const x = JSON.parse(alone.stdout) as { findings: Array<{ kind: string; file: string }>; counts: Record<string, number> };
    const y = JSON.parse(pooled.stdout) as typeof x;
    expect(y.findings).toEqual(x.findings);
    // The workers did read every file (none fell back to the main thread); alone, none did.
    const { 'read-by-workers': byWorkers, ...rest } = y.counts;
    expect(byWorkers).toBe(3 * MODULES + 3); // the link out of the repository is refused by the walk itself
    expect(x.counts['read-by-workers']).toBeUndefined();
    expect(rest).toEqual(x.counts);
    // Every module's planted problems are there (example.org and link_to_paper are placeholders), the forward link from the root README included.
    const kinds = (r: typeof x) => r.findings.reduce<Record<string, number>>((m, f) => ((m[f.kind] = (m[f.kind] ?? 0) + 1), m), {});
    expect(kinds(y)).toMatchObject({ placeholder: 2 * MODULES, 'missing-file': 2 * MODULES + 1 });
    expect(y.findings.some((f) => f.file === 'README.md' && f.kind === 'missing-anchor')).toBe(true);
    expect(y.findings.filter((f) => f.kind === 'unreadable').map((f) => f.file)).toEqual(['modules/000-topic/binary.md', 'modules/001-topic/latin1.md', 'modules/002-topic/outside.md']);
    expect(y.counts['parsed-files']).toBe(3 * MODULES + 2);
    // A second run reuses every result; one change is judged again, by the main thread.
    const again = JSON.parse((await run(b, '2')).stdout) as typeof x;
    expect(again.findings).toEqual(x.findings);
    expect(again.counts['parsed-files']).toBe(0);
    await writeFile(path.join(b, `modules/${id(MODULES - 1)}/notes.md`), '# Notes\n\n## Part 0\n\n## No such part\n');
    const changed = JSON.parse((await run(b, '2')).stdout) as typeof x;
    expect(changed.findings.filter((f) => f.file === 'README.md').length).toBe(1);
  });

  it('leaves the files of workers that run out of memory to the main thread: same findings', { timeout: 120_000 }, async () => {
    const a = await bigJourney();
    const b = await bigJourney();
    const alone = JSON.parse((await run(a, '0')).stdout) as { findings: unknown[]; counts: Record<string, number> };
    // A 1 MB heap: each worker dies at once (out of memory); every file falls back to this thread.
    const starved = await run(b, '2', { ODYSSEY_WORKER_HEAP_MB: '1' });
    expect(starved.code).toBe(0);
    expect(starved.stderr).toBe('');
    const y = JSON.parse(starved.stdout) as typeof alone;
    expect(y.findings).toEqual(alone.findings);
    expect(y.counts['read-by-workers']).toBe(0);
    const { 'read-by-workers': _w, ...rest } = y.counts;
    expect(rest).toEqual(alone.counts);
  });
});
