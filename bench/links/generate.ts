// A synthetic learning journey: N modules × 7 markdown files, about 30 links per module, with
// broken links planted at known lines (the answer key every checker is scored against).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface Planted {
  file: string;
  line: number;
  url: string;
  kind: 'placeholder' | 'missing-file' | 'missing-anchor' | 'outside-repo';
}

export interface Journey {
  root: string;
  files: number;
  links: number;
  planted: Planted[];
}

const id = (i: number): string => `${String(i + 1).padStart(4, '0')}-topic-${i + 1}`;
const EXT = ['https://arxiv.org/abs/1706.03762', 'https://docs.python.org/3/tutorial/', 'https://pytorch.org/docs/stable/index.html'];

export async function generateJourney(root: string, modules: number): Promise<Journey> {
  const planted: Planted[] = [];
  let links = 0;
  let files = 0;
  const out = new Map<string, string>();
  const emit = (rel: string, lines: string[]) => {
    out.set(rel, `${lines.join('\n')}\n`);
    files++;
  };
  /** Adds a line and returns its 1-based number. */
  const add = (lines: string[], text: string, count = 0): number => {
    lines.push(text);
    links += count;
    return lines.length;
  };

  const rootLines = ['# My Learning Odyssey', '', '## Progress', ''];
  for (let i = 0; i < modules; i++) add(rootLines, `- [Module ${i + 1}: Topic ${i + 1}](modules/${id(i)}/README.md) ([notes](modules/${id(i)}/notes-1.md#section-1))`, 2);
  add(rootLines, '', 0);
  add(rootLines, 'Back to [the top](#my-learning-odyssey).', 1);
  emit('README.md', rootLines);

  for (let i = 0; i < modules; i++) {
    const m = id(i);
    const dir = `modules/${m}`;
    const next = id((i + 1) % modules);
    const r: string[] = [
      '---',
      `title: Topic ${i + 1}`,
      'status: in-progress',
      'started: 2026-01-05',
      'resources:',
      `  - "[Paper ${i + 1}](${EXT[i % 3]})"`,
      '  - title: First notes',
      '    url: notes-1.md',
      '---',
      `# Module ${i + 1}: Topic ${i + 1}`,
      '',
      '## Overview',
      '',
    ];
    links += 2;
    add(r, `This topic builds on [the previous one](../${id((i + modules - 1) % modules)}/README.md#overview) and leads to [the next](../${next}/README.md#module-${((i + 1) % modules) + 1}-topic-${((i + 1) % modules) + 1}).`, 2);
    add(r, '', 0);
    add(r, '## Notes', 0);
    add(r, '', 0);
    for (let k = 1; k <= 6; k++) add(r, `- [Notes ${k}](notes-${k}.md) — see [section ${(k % 3) + 1}](notes-${k}.md#section-${(k % 3) + 1})`, 2);
    add(r, '', 0);
    add(r, `Read ${EXT[(i + 1) % 3]} first, then [the paper](${EXT[i % 3]}) and the ![diagram](../../assets/diagram.png).`, 3);
    add(r, 'Code such as `[not a link](nowhere.md)` is not checked, nor fenced blocks:', 0);
    r.push('', '```md', '[also not a link](missing-in-fence.md)', '```', '');
    add(r, 'Back to [overview](#overview) and [the journey](../../README.md#progress).', 2);
    emit(`${dir}/README.md`, r);

    for (let k = 1; k <= 6; k++) {
      const n: string[] = [`# Notes ${k} for topic ${i + 1}`, ''];
      for (let s = 1; s <= 3; s++) {
        add(n, `## Section ${s}`, 0);
        add(n, '', 0);
        add(n, `Some prose about attention, tokens and *gradients* in part ${s}; compare with [notes ${(k % 6) + 1}](notes-${(k % 6) + 1}.md#section-${s}).`, 1);
        add(n, '', 0);
      }
      add(n, `[Back to the module](README.md#overview) · [Top](#notes-${k}-for-topic-${i + 1})`, 2);
      if (k === 2 && i % 10 === 3) {
        add(n, '', 0);
        const plant = (text: string, url: string, kind: Planted['kind']) => {
          const line = add(n, text, 1);
          planted.push({ file: `${dir}/notes-2.md`, line, url, kind });
        };
        plant(`A [broken file](notes-9.md) link.`, 'notes-9.md', 'missing-file');
        plant(`A [bad anchor](notes-3.md#no-such-section) link.`, 'notes-3.md#no-such-section', 'missing-anchor');
        plant(`A [same-file anchor](#nope) link.`, '#nope', 'missing-anchor');
        plant(`A [Coursera ML](link) placeholder.`, 'link', 'placeholder');
        plant(`A [wrong case](Notes-1.md) link.`, 'Notes-1.md', 'missing-file');
        plant(`An [escape](../../../outside.md) link.`, '../../../outside.md', 'outside-repo');
        add(n, '<!-- markdown-link-check-disable-next-line -->', 0);
        add(n, 'A silenced [known gap](notes-404.md) link.', 1);
      }
      emit(`${dir}/notes-${k}.md`, n);
    }
  }
  await mkdir(root, { recursive: true });
  const dirs = new Set([...out.keys()].map((f) => path.dirname(f)));
  for (const d of dirs) await mkdir(path.join(root, d), { recursive: true });
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'assets/diagram.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  // In batches: 70,001 writes at once would run out of file descriptors.
  const all = [...out];
  for (let i = 0; i < all.length; i += 512) await Promise.all(all.slice(i, i + 512).map(([rel, text]) => writeFile(path.join(root, rel), text)));
  return { root, files, links, planted };
}
