// A generated learning journey whose modules link to the farm: each URL in 1–3 module files.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Link } from '../../src/core/model.js';
import { shuffle } from './farm-plan.js';

export interface Journey {
  files: string[];
  /** Every occurrence, at the file and line the generator wrote it. */
  links: Link[];
}

/**
 * Spreads `urls` over `modules` files so that there are `occurrences` in all, each URL in one
 * to three distinct files.
 */
export async function writeJourney(dir: string, urls: string[], modules: number, occurrences: number, rnd: () => number): Promise<Journey> {
  // n1 + n2 + n3 = U and n1 + 2·n2 + 3·n3 = occurrences; take n3 = (extra − n2)/2 with n2 = 0.6·extra
  const extra = occurrences - urls.length;
  const n3 = Math.floor((extra * 0.4) / 2);
  const n2 = extra - 2 * n3;
  const copies = urls.map((_, i) => (i < n3 ? 3 : i < n3 + n2 ? 2 : 1));
  shuffle(copies, rnd);
  const perModule: string[][] = Array.from({ length: modules }, () => []);
  urls.forEach((u, i) => {
    const picked = new Set<number>();
    while (picked.size < copies[i]!) picked.add(Math.floor(rnd() * modules));
    for (const m of picked) perModule[m]!.push(u);
  });
  const files: string[] = [];
  const links: Link[] = [];
  for (let m = 0; m < modules; m++) {
    const id = `${String(m + 1).padStart(3, '0')}-topic-${m + 1}`;
    const file = `modules/${id}/README.md`;
    const lines = ['---', `title: Topic ${m + 1}`, 'status: in-progress', '---', `# Topic ${m + 1}`, '', 'Resources:', ''];
    perModule[m]!.forEach((u, k) => {
      lines.push(`- [Resource ${k + 1}](${u})`);
      links.push({ file, line: lines.length, column: 3, url: u, form: 'inline', text: `Resource ${k + 1}` });
    });
    await mkdir(path.join(dir, 'modules', id), { recursive: true });
    await writeFile(path.join(dir, file), `${lines.join('\n')}\n`);
    files.push(file);
  }
  await writeFile(path.join(dir, 'README.md'), '# My learning journey\n');
  return { files, links };
}
