// The fast paths of the table hold to the slow ones: presafe cells to mdast-util-to-markdown's
// escaping, displayWidth to string-width.
import type { Link, PhrasingContent, Table, TableRow } from 'mdast';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config.js';
import type { Module } from '../../../src/core/model.js';
import { cellContent, columnHeader } from '../../../src/core/table/columns.js';
import { displayWidth, measuredByCharacter } from '../../../src/core/table/display-width.js';
import { presafeCell } from '../../../src/core/table/presafe-cell.js';
import { renderProgress, tableMarkdown } from '../../../src/core/table/render-progress.js';
import { mulberry32 } from '../../support/prng.js';
import { module } from './modules.js';

const PIECES = [
  'a', 'Topic', ' ', ' ', '1', '2026-03-04', '—', 'δ', '中文', '😀', '✅', '⏸️', '|', '(', ')', '[', ']', '!', '&', '#', '*', '_', '`',
  '~', '<', '>', '\\', '"', "'", ':', '-', '.', '/', '=', '+', '%', '@', 'é', 'ｂ', '\t', '\n', 'x', 'amp;', 'https://', 'www.',
];

function randomString(next: () => number, max: number): string {
  let s = '';
  const n = Math.floor(next() * max);
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(next() * PIECES.length)]!;
  return s;
}

/** A cell like the table makes: text, links and `, ` between them, sometimes odd. */
function randomCell(next: () => number): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const n = Math.floor(next() * 4);
  for (let i = 0; i < n; i++) {
    const plain = next() < 0.5;
    const text = plain ? randomString(next, 4).replace(/[\\*_`~<>![\]&\t\n]/g, '') : randomString(next, 6);
    if (next() < 0.5) {
      out.push({ type: 'text', value: text });
      continue;
    }
    const r = next();
    const url = r < 0.3 ? `https://example.org/${text.replace(/[\s|()]/g, '')}` : r < 0.5 ? `modules/${i}-x/README.md` : r < 0.6 ? text : `https://x.org/${randomString(next, 3)}`;
    const label = next() < 0.2 ? url : text;
    const link: Link = { type: 'link', url, children: label === '' ? [] : [{ type: 'text', value: label }] };
    if (next() < 0.05) link.title = 'T';
    out.push(link);
    if (next() < 0.5) out.push({ type: 'text', value: ', ' });
  }
  return out;
}

const table = (rows: PhrasingContent[][][]): Table => ({
  type: 'table',
  align: rows[0]!.map(() => 'left'),
  children: rows.map((cells): TableRow => ({ type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) })),
});

describe('presafeCell', () => {
  it('gives the markdown the serializer writes for 1,800 random cells, and takes the fast path for many', () => {
    const next = mulberry32(11);
    const rows = Array.from({ length: 300 }, () => Array.from({ length: 6 }, () => randomCell(next)));
    const presafe = rows.map((cells) => cells.map((c) => presafeCell(structuredClone(c))));
    const fast = presafe.flat().filter((c) => c.length === 1 && c[0]!.type === 'html').length;
    expect(fast).toBeGreaterThan(360);
    expect(fast).toBeLessThan(1620);
    expect(tableMarkdown(table(presafe))).toBe(tableMarkdown(table(rows)));
  });

  it('writes a plain cell, a pipe, links and an autolink as the serializer does', () => {
    const cells: PhrasingContent[][] = [
      [{ type: 'text', value: 'Topic 1 — δ notes | part 1' }],
      [{ type: 'link', url: 'modules/01-a/README.md', children: [{ type: 'text', value: 'A | b' }] }],
      [{ type: 'link', url: 'https://a.org/x', children: [{ type: 'text', value: 'https://a.org/x' }] }, { type: 'text', value: ', ' }],
      [{ type: 'text', value: '🚧 In Progress (3/8)' }],
    ];
    const out = cells.map((c) => presafeCell(c));
    expect(out.map((c) => (c[0] as { value: string }).value)).toEqual([
      'Topic 1 — δ notes \\| part 1',
      '[A \\| b](modules/01-a/README.md)',
      '<https://a.org/x>, ',
      '🚧 In Progress (3/8)',
    ]);
    expect(tableMarkdown(table([out]))).toBe(tableMarkdown(table([cells])));
  });

  it('leaves cells that need escaping to the serializer', () => {
    for (const value of ['*a*', 'a_b', '(x', 'a ~~b~~', '[x]', 'a\\b', 'a & b', '<b>', '`c`', 'a!']) {
      const cell: PhrasingContent[] = [{ type: 'text', value }];
      expect(presafeCell(cell), value).toBe(cell);
    }
    const odd: PhrasingContent[] = [{ type: 'link', url: 'https://x.org/a(b)', children: [{ type: 'text', value: 'x' }] }];
    expect(presafeCell(odd)).toBe(odd);
  });

  it('keeps renderProgress byte-identical to the plain serialization over 300 generated modules', () => {
    const next = mulberry32(5);
    const statuses = ['todo', 'in-progress', 'paused', 'done', null] as const;
    const columns = [...defaultConfig().table.columns, { key: 'tags' }];
    const mods: Module[] = Array.from({ length: 300 }, (_, i) =>
      module(`${String(i).padStart(3, '0')}-${randomString(next, 3).replace(/[\s/\\]/g, '') || 'x'}`, {
        title: randomString(next, 6),
        status: statuses[i % 5]!,
        started: next() < 0.5 ? '2026-01-02' : randomString(next, 2),
        learnings: randomString(next, 8),
        confidence: 1 + (i % 5),
        tasks: Array.from({ length: i % 4 }, (_, t) => ({ text: 't', done: t % 2 === 0, line: t + 1 })),
        resources: Array.from({ length: i % 3 }, () => {
          const url = next() < 0.5 ? `https://arxiv.org/abs/${i}` : randomString(next, 3);
          return { title: next() < 0.3 ? url : randomString(next, 4), url, line: 1, column: 1 };
        }),
        extra: { tags: [randomString(next, 2), 'nlp'] },
      }),
    );
    const body = renderProgress(mods, { columns, readme: 'docs/README.md' });
    const plain = tableMarkdown(
      table([
        columns.map((c) => [{ type: 'text', value: columnHeader(c) }]),
        ...mods.map((m) => columns.map((c) => cellContent(c, m, 'docs/README.md'))),
      ]),
    );
    expect(body.slice(body.indexOf('\n|'), -1)).toBe(`\n${plain}`);
  });
});

describe('displayWidth', () => {
  it('measures 5,000 random strings as string-width does', () => {
    const next = mulberry32(3);
    const extra = ['\u0301', '\u200d', '\ufe0f', '👩', '🏽', '🇫', '🇷', 'ᄀ', 'ᅡ', '한', 'क', '्', 'ष', 'ำ', '\u00ad', '\u0e33', '\u{11a3a}', 'ﾞ', '\u001b[31m', '1️⃣', '\u0000'];
    const alphabet = [...PIECES, ...extra];
    for (let i = 0; i < 5000; i++) {
      let s = '';
      const n = Math.floor(next() * 8);
      for (let k = 0; k < n; k++) s += alphabet[Math.floor(next() * alphabet.length)]!;
      expect(displayWidth(s), JSON.stringify(s)).toBe(stringWidth(s));
    }
  });

  it('takes by character only characters that never join a neighbour in a grapheme cluster (all of Unicode)', () => {
    const seen: string[] = [];
    for (let cp = 0x80; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      if (measuredByCharacter(c)) seen.push(c);
    }
    expect(seen.length).toBeGreaterThan(50_000);
    expect(measuredByCharacter(seen.join(''))).toBe(true);
    // Each beside a letter, itself and an accented letter: a character that joins makes fewer clusters.
    // (in slices: the segmenter slows down badly on one very long string)
    const segmenter = new Intl.Segmenter();
    let clusters = 0;
    for (let i = 0; i < seen.length; i += 200) {
      for (const _ of segmenter.segment(seen.slice(i, i + 200).map((c) => `a${c}${c}é`).join(''))) clusters++;
    }
    expect(clusters).toBe(seen.length * 4);
    for (const c of ['\u0301', '\u200d', '\ufe0f', '🏽', '🇫', 'ᄀ', '한', '\u0e33', '\u00ad', '\t']) expect(measuredByCharacter(c), c).toBe(false);
  });

  it('knows the width of common characters and of an emoji with VS16 as string-width does', () => {
    const wrong: string[] = [];
    const ranges: Array<[number, number, number]> = [
      [0xa0, 0x2ff, 1], [0x370, 0x52f, 1], [0x2010, 0x205e, 1], [0x3041, 0x30ff, 1], [0xff01, 0xffe6, 1], [0xf900, 0xfaff, 1],
      // Whole blocks of ideographs, wide by definition: a sample.
      [0x3400, 0x4dbf, 13], [0x4e00, 0x9fff, 13],
    ];
    for (const [from, to, step] of ranges) {
      for (let cp = from; cp <= to; cp += step) {
        const c = String.fromCodePoint(cp);
        if (measuredByCharacter(c) && displayWidth(c) !== stringWidth(c)) wrong.push(c);
      }
    }
    let emoji = 0;
    for (let cp = 0x80; cp <= 0x1ffff; cp++) {
      const c = String.fromCodePoint(cp);
      if (!/\p{Extended_Pictographic}|\p{Emoji_Presentation}/u.test(c) || !measuredByCharacter(c)) continue;
      emoji++;
      for (const s of [c, `${c}\ufe0f`, `a${c}\ufe0f${c}é`]) if (displayWidth(s) !== stringWidth(s)) wrong.push(s);
    }
    expect(emoji).toBeGreaterThan(1000);
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(displayWidth('⏸️ Paused (2/8)')).toBe(15);
  });
});

