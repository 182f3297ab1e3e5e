import { describe, expect, it } from 'vitest';
import { findProgressTable, type TableCellText } from '../../../src/core/init/progress-table.js';
import { parseMarkdownLink } from '../../../src/core/status/resources.js';
import { renderProgress } from '../../../src/core/table/index.js';
import { defaultConfig } from '../../../src/core/config.js';
import type { Module } from '../../../src/core/model.js';

/** The cells of the first body row of a one-row table whose third column holds `cell`. */
function cells(cell: string): TableCellText[] {
  const r = findProgressTable(`| Topic | Status | Notes |\n|---|---|---|\n| A | todo | ${cell} |\n`);
  if (r.kind !== 'found') throw new Error(r.kind);
  return r.table.rows[0]!.cells;
}
const cell = (md: string): TableCellText => cells(md)[2]!;

describe('cell text with the table escaping undone', () => {
  it('decodes backslash escapes and character references in text', () => {
    expect(cell('a \\<b>x\\</b> \\*y\\* \\_z\\_ \\`c\\` x\\~\\~y\\~\\~').text).toBe('a <b>x</b> *y* _z_ `c` x~~y~~');
    expect(cell('Q&#x26;A &amp; &copy; \\&amp;').text).toBe('Q&A & © &amp;');
    expect(cell('a \\| b').text).toBe('a | b');
  });

  it('keeps what the user wrote as markup: emphasis marks, code spans, HTML, links', () => {
    expect(cell('*is* **bold** ~~gone~~ <br> `a\\*b`').text).toBe('*is* **bold** ~~gone~~ <br> `a\\*b`');
    expect(cell('see [a \\* b](https://x.org/p\\|q)').text).toBe('see [a \\* b](https://x.org/p|q)');
    expect(cell('C:\\dir and back\\slash').text).toBe('C:\\dir and back\\slash');
  });

  it('ends an escaped pipe at the end of a cell as text, not as the closing pipe', () => {
    expect(cell('a \\|').source).toBe('a |');
    expect(cell('a \\|').text).toBe('a |');
  });

  it('gives the text around the links apart, for resources written without a link', () => {
    expect(cell('[A \\| B](https://a.org) \\| Bishop book, [C](c)').rest).toBe('| Bishop book,');
    expect(cell('[A \\| B](https://a.org), [C](c)').rest).toBe(',');
  });
});

describe('links as status-block resources', () => {
  it('drops the table escaping in labels and destinations', () => {
    expect(cell('[A \\| B](https://a.org)').links.map((l) => l.markdown)).toEqual(['[A | B](https://a.org)']);
    expect(cell('[a \\<b> \\*y\\* &amp;](https://a.org/p\\|q)').links.map((l) => l.markdown)).toEqual(['[a <b> *y* &](https://a.org/p|q)']);
  });

  it('keeps the escapes parseMarkdownLink needs: brackets and backslashes', () => {
    const [l] = cell('[\\[draft\\] a\\\\b](https://a.org "T")').links;
    expect(l!.markdown).toBe('[\\[draft\\] a\\\\b](https://a.org "T")');
    expect(parseMarkdownLink(l!.markdown!)).toEqual({ text: '[draft] a\\b', url: 'https://a.org' });
  });

  it('is null for autolinks, which become {title, url}', () => {
    expect(cell('<https://a.org> https://b.org').links.map((l) => l.markdown)).toEqual([null, null]);
  });

  it('reads back the title and text sync rendered, for awkward values', () => {
    const titles = ['A | B', 'a <b>x</b> *y*', '[draft] notes', 'Q&A &amp; more', '_x_ `c` ~~s~~', 'back\\slash'];
    const modules: Module[] = titles.map((t, i) => ({
      id: `0${i + 1}-m`,
      file: `modules/0${i + 1}-m/README.md`,
      title: `Module ${i + 1}`,
      status: 'todo',
      order: i + 1,
      resources: [{ title: t, url: `https://a.org/${i}`, line: 1, column: 1 }],
      learnings: t,
      extra: {},
      tasks: [],
      broken: false,
    }));
    const columns = defaultConfig().table.columns;
    const md = renderProgress(modules, { columns, readme: 'README.md' });
    const r = findProgressTable(md);
    if (r.kind !== 'found') throw new Error(r.kind);
    const res = r.table.columns.find((c) => c.role === 'resources')!.index;
    const learn = r.table.columns.find((c) => c.role === 'learnings')!.index;
    expect(r.table.rows.map((row) => parseMarkdownLink(row.cells[res]!.links[0]!.markdown!)!.text)).toEqual(titles);
    // Learnings are markdown in the table: a character reference reads back as the character it
    // shows (`&amp;` → `&`), which renders the same.
    expect(r.table.rows.map((row) => row.cells[learn]!.text)).toEqual(titles.map((t) => t.replace('&amp;', '&')));
  });
});
