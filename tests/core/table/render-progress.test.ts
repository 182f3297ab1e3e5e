import type { Table, TableCell } from 'mdast';
import stringWidth from 'string-width';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config.js';
import type { Module } from '../../../src/core/model.js';
import { oneLine, renderProgress } from '../../../src/core/table/index.js';
import { rng } from './block-docs.js';
import { module } from './modules.js';
import { parseMarkdown, textOf } from './remark-oracle.js';

const columns = defaultConfig().table.columns;
const render = (modules: Module[], more: Partial<Parameters<typeof renderProgress>[1]> = {}) =>
  renderProgress(modules, { columns, readme: 'README.md', ...more });

/** The rendered body read back by remark: it must hold exactly one table. */
function tableOf(body: string): Table {
  const tables = parseMarkdown(body).children.filter((n) => n.type === 'table');
  expect(tables).toHaveLength(1);
  return tables[0] as Table;
}
const cellTexts = (t: Table): string[][] => t.children.map((r) => r.children.map((c) => textOf(c)));

const resource = (title: string, url: string) => ({ title, url, line: 1, column: 1 });

const sample = (): Module[] => [
  module('03-transformer-architecture', {
    title: 'Transformer Architecture',
    status: 'in-progress',
    started: '2026-10-02',
    confidence: 3,
    learnings: 'Multi-head attention details.',
    resources: [
      resource('Attention Is All You Need', 'https://arxiv.org/abs/1706.03762'),
      resource('Illustrated Transformer', 'https://jalammar.github.io/illustrated-transformer/'),
    ],
    tasks: [
      { text: 'Read the paper', done: true, line: 12 },
      { text: 'Implement attention', done: false, line: 13 },
      { text: 'Write notes', done: true, line: 14 },
    ],
  }),
  module('01-foundations', { title: 'Foundations', status: 'done', started: '2026-01-05', completed: '2026-02-01', confidence: 4 }),
  module('02-python', { title: 'Python', status: null, broken: true }),
];

describe('renderProgress', () => {
  it('is a blank line, the overall line, a blank line, the table, a blank line', () => {
    const body = render(sample());
    const lines = body.split('\n');
    expect(lines[0]).toBe('');
    expect(lines[1]).toMatch(/^\*\*Progress:\*\* /);
    expect(lines[2]).toBe('');
    expect(lines[3]).toMatch(/^\| Module\/Topic +\| Status +\| Key Resources +\| Dates +\| Confidence \(1-5\) +\| Key Learnings\/Challenges +\|$/);
    expect(body.endsWith('|\n\n')).toBe(true);
    expect(lines.filter((l) => l.startsWith('|'))).toHaveLength(2 + 3);
  });

  it('reads back as one table with a row per module, sorted by order then id, with the right cells', () => {
    const t = tableOf(render(sample()));
    expect(cellTexts(t)).toEqual([
      ['Module/Topic', 'Status', 'Key Resources', 'Dates', 'Confidence (1-5)', 'Key Learnings/Challenges'],
      ['Foundations', '✅ Done', '', '2026-01-05 → 02-01', '4/5', ''],
      ['Python', '❓ Unknown', '', '', '', ''],
      ['Transformer Architecture', '🚧 In Progress (2/3)', 'Attention Is All You Need · Illustrated Transformer', '2026-10-02 →', '3/5', 'Multi-head attention details.'],
    ]);
    const row = t.children[3]!.children;
    const links = (c: TableCell) => c.children.filter((n) => n.type === 'link').map((n) => (n.type === 'link' ? n.url : ''));
    expect(links(row[0]!)).toEqual(['modules/03-transformer-architecture/README.md']);
    expect(links(row[2]!)).toEqual(['https://arxiv.org/abs/1706.03762', 'https://jalammar.github.io/illustrated-transformer/']);
  });

  it('links relative to the folder of the README that holds the zone', () => {
    const t = tableOf(render(sample(), { readme: 'docs/README.md' }));
    const first = t.children[1]!.children[0]!.children[0]!;
    expect(first.type === 'link' && first.url).toBe('../modules/01-foundations/README.md');
  });

  it('sums up statuses and a bar that never overstates (4 of 11 done is 36%, 3 cells)', () => {
    const statuses = ['done', 'done', 'done', 'done', 'in-progress', 'in-progress', 'paused', 'todo', 'todo', 'todo', 'todo'] as const;
    const body = render(statuses.map((status, i) => module(`${String(i + 1).padStart(2, '0')}-m`, { status })));
    expect(body.split('\n')[1]).toBe('**Progress:** ▓▓▓░░░░░░░ 36% · ✅ 4 done · 🚧 2 in progress · ⏸️ 1 paused · ⏳ 4 to do');
  });

  it('counts broken modules as unknown, only when there are some', () => {
    expect(render(sample()).split('\n')[1]).toBe('**Progress:** ▓▓▓░░░░░░░ 33% · ✅ 1 done · 🚧 1 in progress · ⏸️ 0 paused · ⏳ 0 to do · ❓ 1 unknown');
  });

  it('shows 100% only when every module is done, and handles no modules', () => {
    const almost = Array.from({ length: 200 }, (_, i) => module(`m${i}`, { status: i === 0 ? 'todo' : 'done' }));
    expect(render(almost).split('\n')[1]).toMatch(/▓{9}░ 99% /);
    const empty = render([]);
    expect(empty.split('\n')[1]).toBe('**Progress:** ░░░░░░░░░░ 0% · no modules yet');
    expect(tableOf(empty).children).toHaveLength(1);
  });

  it('adds extra columns from status-block fields, with readable or given headers', () => {
    const mods = [
      module('01-a', { extra: { 'time-spent': '3h', tags: ['nlp', 'math'], hoursLogged: 12 } }),
      module('02-b', { extra: {} }),
    ];
    const t = tableOf(
      render(mods, { columns: [{ key: 'topic' }, { key: 'time-spent' }, { key: 'tags', header: 'Labels' }, { key: 'hoursLogged' }] }),
    );
    expect(cellTexts(t)).toEqual([
      ['Module/Topic', 'Time Spent', 'Labels', 'Hours Logged'],
      ['01-a', '3h', 'nlp, math', '12'],
      ['02-b', '', '', ''],
    ]);
  });

  it('says when it was updated only when asked to', () => {
    expect(render(sample()).split('\n')[1]).not.toContain('updated');
    expect(render(sample(), { now: '2026-11-29' }).split('\n')[1]).toMatch(/ · updated 2026-11-29$/);
  });

  it('does not depend on the order modules come in', () => {
    const mods = sample();
    expect(render([mods[2]!, mods[0]!, mods[1]!])).toBe(render(mods));
  });

  it('aligns the pipes by display width with CJK and emoji', () => {
    const mods = [
      module('01-a', { title: '中文标题', learnings: '👩‍❤️‍👩 and 🚀' }),
      module('02-b', { title: 'Plain title', learnings: 'ａｂｃ full width' }),
      module('03-c', { title: 'x', learnings: 'short' }),
    ];
    const lines = render(mods).split('\n').filter((l) => l.startsWith('|'));
    // Display column of every cell-separating pipe (escaped pipes belong to cell text).
    const pipeColumns = (line: string): number[] => {
      const cols: number[] = [];
      let width = 0;
      for (let i = 0; i < line.length; ) {
        const cp = line.codePointAt(i)!;
        const ch = String.fromCodePoint(cp);
        if (ch === '\\') {
          width += stringWidth(line.slice(i, i + 2));
          i += 2;
          continue;
        }
        if (ch === '|') cols.push(width);
        i += ch.length;
        width += stringWidth(ch);
      }
      return cols;
    };
    // Grapheme clusters (the family emoji) are measured whole, as string-width does.
    const cellWidths = (line: string) => line.split(/(?<!\\)\|/).map((s) => stringWidth(s));
    const first = cellWidths(lines[0]!);
    for (const l of lines) expect(cellWidths(l)).toEqual(first);
    expect(pipeColumns(lines[0]!).length).toBe(columns.length + 1);
  });
});

describe('renderProgress escaping', () => {
  const NASTY = [
    'a | b',
    'line one\nline two\r\nthree',
    '<script>alert(1)</script>',
    '*bold* and _em_ and **strong**',
    '`code` and ``more``',
    '[link](https://evil.example) ![img](x.png)',
    '# heading-like',
    '<!-- odyssey:progress:end -->',
    'back\\slash \\| pipe',
    '&amp; &#x3C; entity',
    '> quote - item 1. x',
    '~~strike~~ www.example.com https://example.com me@example.com',
    '<https://autolink.example>',
    '|',
    '\\',
  ];

  const textCellsOf = (value: string): Module[] => [
    module('01-x', {
      title: value,
      completed: value,
      started: value,
      extra: { note: value },
      resources: [resource(value, 'https://example.org/a|b (c)')],
    }),
  ];
  const cols = [{ key: 'topic' }, { key: 'completed' }, { key: 'started' }, { key: 'note' }, { key: 'resources' }];

  for (const value of NASTY) {
    it(`keeps ${JSON.stringify(value)} as plain text in every text cell`, () => {
      const t = tableOf(render(textCellsOf(value), { columns: cols, resources: 'full' }));
      expect(t.children).toHaveLength(2);
      const row = t.children[1]!.children;
      expect(row).toHaveLength(cols.length);
      for (const cell of row) {
        expect(textOf(cell)).toBe(oneLine(value));
        // No HTML, emphasis, code, images or strikethrough: only text and links.
        const kinds = new Set<string>();
        const walk = (n: { type: string; children?: unknown[] }) => {
          kinds.add(n.type);
          for (const c of (n.children ?? []) as Array<{ type: string }>) walk(c);
        };
        for (const c of cell.children) walk(c);
        kinds.delete('text');
        kinds.delete('link');
        expect([...kinds]).toEqual([]);
      }
      const links = (c: TableCell) => c.children.filter((n) => n.type === 'link');
      expect(links(row[0]!)).toHaveLength(1);
      const res = links(row[4]!)[0];
      expect(res?.type === 'link' && res.url).toBe('https://example.org/a|b (c)');
      // In plain-text cells the only links are bare addresses GitHub links anyway: their text
      // is their address, so no destination hides behind other words.
      for (const cell of [row[1]!, row[2]!, row[3]!]) {
        for (const l of links(cell)) {
          if (l.type !== 'link') continue;
          const shown = textOf(l);
          expect([shown, `http://${shown}`, `mailto:${shown}`]).toContain(l.url);
        }
      }
    });
  }

  it('keeps 300 random strings of markdown punctuation as plain text', () => {
    const next = rng(7);
    const alphabet = ['|', '\\', '*', '_', '`', '<', '>', '[', ']', '(', ')', '!', '#', '&', '~', '-', ':', '\n', ' ', 'a', 'é', '中', '😀', '"', "'", '=', '+', '.'];
    for (let i = 0; i < 300; i++) {
      const value = Array.from({ length: 1 + Math.floor(next() * 12) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const mods = [module('01-x', { title: value, started: value })];
      const t = tableOf(render(mods, { columns: [{ key: 'topic' }, { key: 'started' }] }));
      expect(t.children, JSON.stringify(value)).toHaveLength(2);
      expect(t.children[1]!.children.map((c) => c.children.map((n) => n.type).filter((k) => k !== 'text')), JSON.stringify(value)).toEqual([['link'], []]);
      expect(cellTexts(t)[1], JSON.stringify(value)).toEqual([oneLine(value) || '01-x', oneLine(value)]);
    }
  });
});

describe('learnings keep their markdown, safely', () => {
  const kindsIn = (cell: TableCell): Set<string> => {
    const kinds = new Set<string>();
    const walk = (n: { type: string; children?: unknown[] }) => {
      kinds.add(n.type);
      for (const c of (n.children ?? []) as Array<{ type: string }>) walk(c);
    };
    for (const c of cell.children) walk(c);
    return kinds;
  };
  const learningCell = (value: string): TableCell => {
    const t = tableOf(render([module('01-x', { title: 'X', learnings: value })], { columns: [{ key: 'topic' }, { key: 'learnings' }, { key: 'status' }] }));
    expect(t.children, JSON.stringify(value)).toHaveLength(2);
    expect(t.children[1]!.children, JSON.stringify(value)).toHaveLength(3);
    expect(textOf(t.children[1]!.children[2]!)).toMatch(/To Do|Unknown|In Progress|Done|Paused/);
    return t.children[1]!.children[1]!;
  };

  it('shows inline code as code, emphasis as emphasis, links as links', () => {
    const cell = learningCell('Use `torch.no_grad()` and `a | b`; *really* **read** [the paper](https://arxiv.org/abs/1706.03762)');
    const code = cell.children.filter((n) => n.type === 'inlineCode').map((n) => (n.type === 'inlineCode' ? n.value : ''));
    expect(code).toEqual(['torch.no_grad()', 'a | b']);
    expect(kindsIn(cell)).toEqual(new Set(['text', 'inlineCode', 'emphasis', 'strong', 'link']));
  });

  it.each([
    '<script>alert(1)</script> and <b>bold</b>',
    '<!-- odyssey:progress:end -->',
    '<https://autolink.example>',
    '![img](https://example.org/x.png) tracking pixel',
    'a | b || c \\| d \\\\| e',
    'line one\nline two\r\n| --- |',
    '`unclosed code | pipe',
    '``code with ` and | inside`` after',
    '\\',
    '|',
  ])('%j stays in its cell, with no HTML and no image (remark, and cmark-gfm as GitHub renders it)', (value) => {
    const kinds = kindsIn(learningCell(value));
    expect(kinds.has('html')).toBe(false);
    expect(kinds.has('image')).toBe(false);
    const body = render([module('01-x', { title: 'X', learnings: value })], { columns: [{ key: 'topic' }, { key: 'learnings' }, { key: 'status' }] });
    const html = execFileSync('cmark-gfm', ['-e', 'table', '-e', 'autolink', '-e', 'strikethrough', '--unsafe'], { input: body, encoding: 'utf8' });
    const tbody = /<tbody>([\s\S]*)<\/tbody>/.exec(html)?.[1] ?? '';
    expect(tbody.match(/<tr>/g)).toHaveLength(1);
    expect(tbody.match(/<td\b/g)).toHaveLength(3);
    expect(tbody).not.toMatch(/<(script|b|img)\b|<!--/);
  });

  it('300 random strings of markdown punctuation never add a cell, HTML or an image', () => {
    const next = rng(11);
    const alphabet = ['|', '\\', '*', '_', '`', '``', '<', '>', '[', ']', '(', ')', '!', '#', '&', '~', '-', ':', '\n', ' ', 'a', '中', '<b>', '<!--', '-->', 'http://x.y'];
    for (let i = 0; i < 300; i++) {
      const value = Array.from({ length: 1 + Math.floor(next() * 14) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const kinds = kindsIn(learningCell(value));
      expect(kinds.has('html'), JSON.stringify(value)).toBe(false);
      expect(kinds.has('image'), JSON.stringify(value)).toBe(false);
    }
  });
});
