import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractLinks } from '../../../src/core/links/index.js';
import { ourLinks, remarkLinks } from './remark-oracle.js';

const fixture = (name: string): string => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');
const at = (text: string) => extractLinks('doc.md', text).links.map((l) => `${l.line}:${l.column} ${l.form} ${l.url}`);

describe('extractLinks agrees with remark-parse + remark-gfm', () => {
  for (const name of ['tricky.md', 'edge.md', 'crlf.md']) {
    it(`finds the same URLs at the same positions in ${name}`, () => {
      const text = fixture(name);
      const expected = remarkLinks(text);
      expect(expected.length).toBeGreaterThan(1);
      expect(ourLinks(text)).toEqual(expected);
    });
  }

  it('agrees on a generated note with every construct mixed', () => {
    const parts: string[] = [];
    for (let i = 0; i < 40; i++) {
      parts.push(
        `## Part ${i}\n\n> [q${i}](q${i}.md) and https://h${i}.org/x_(y) and \`[c](c.md)\`\n\n- [l${i}][r${i}] ![i${i}](i${i}.png "t")\n\n[r${i}]: r${i}.md\n\n| a | [t${i}](t${i}.md) |\n|---|---|\n| www.w${i}.com. | <https://a${i}.org> |\n`,
      );
    }
    const text = parts.join('\n');
    expect(ourLinks(text)).toEqual(remarkLinks(text));
  });
});

describe('extractLinks', () => {
  it('reports inline links, images, autolinks and bare URLs at the column where they start', () => {
    expect(at('See [a](a.md) ![b](b.png) <https://c.org> www.d.org.\n')).toEqual([
      '1:5 inline a.md',
      '1:15 image b.png',
      '1:27 autolink https://c.org',
      '1:43 bare http://www.d.org',
    ]);
  });

  it('finds nothing in fenced, indented or inline code', () => {
    expect(at('```\n[a](a.md)\n```\n\n    [b](b.md)\n\n`[c](c.md)` and `https://d.org`\n')).toEqual([]);
  });

  it('reports a reference definition where its URL is written and each use where it is used', () => {
    expect(at('[x][ref] and [ref]\n\n[ref]: ./target.md\n')).toEqual(['1:1 reference ./target.md', '1:14 reference ./target.md', '3:1 definition ./target.md']);
  });

  it('reads <a href> and <img src> in HTML blocks and inline HTML, and their id/name anchors', () => {
    const r = extractLinks('doc.md', '<p align="center"><img src="logo.png"></p>\n\nText <a href="x.md#y" id="here">x</a> <a name="old-name"></a>\n');
    expect(r.links.map((l) => `${l.line}:${l.column} ${l.form} ${l.url}`)).toEqual(['1:19 html logo.png', '3:6 html x.md#y']);
    expect([...r.anchors].sort()).toEqual(['here', 'old-name']);
  });

  it('ignores links inside HTML comments', () => {
    expect(at('<!-- [a](a.md) <a href="b.md">b</a> -->\n\ntext <!-- <img src="c.png"> --> end\n')).toEqual([]);
  });

  it("gives GitHub's slugs: markup dropped, punctuation and emoji removed, duplicates numbered", () => {
    const r = extractLinks('doc.md', '# Hello *World*\n\n## `code` & Stuff!\n\n## Hello World\n\n### 🎉\n\n### 🎉\n\nSetext Title\n---\n');
    expect([...r.anchors]).toEqual(['hello-world', 'code--stuff', 'hello-world-1', '', '-1', 'setext-title']);
  });

  it('does not read the status block (front matter) as markdown; lines after it keep their numbers', () => {
    const r = extractLinks('m.md', '---\ntitle: T\nresources:\n  - "[p](link)"\n---\n# T\n\n[a](a.md)\n');
    expect(r.links.map((l) => `${l.line}:${l.column} ${l.url}`)).toEqual(['8:1 a.md']);
    expect([...r.anchors]).toEqual(['t']);
  });

  it('silences the next line after <!-- odyssey-disable-next-line --> and counts what it silenced', () => {
    const r = extractLinks('d.md', '[a](a.md)\n<!-- odyssey-disable-next-line -->\n[b](b.md) [c](c.md)\n[d](d.md)\n');
    expect(r.links.map((l) => l.url)).toEqual(['a.md', 'd.md']);
    expect(r.suppressed.map((l) => l.url)).toEqual(['b.md', 'c.md']);
  });

  it('silences regions between disable and enable comments, and accepts markdown-link-check spelling', () => {
    const r = extractLinks('d.md', '<!-- markdown-link-check-disable -->\n\n[a](a.md)\n\n<!-- markdown-link-check-enable -->\n\n[b](b.md) <!-- odyssey-disable-line -->\n\n[c](c.md)\n');
    expect(r.links.map((l) => l.url)).toEqual(['c.md']);
    expect(r.suppressed.map((l) => l.url)).toEqual(['a.md', 'b.md']);
  });

  it('keeps the URL as written: no percent-encoding, escapes and entities decoded as CommonMark says', () => {
    expect(extractLinks('d.md', '[a](my%20file.md) [b](über.md) [c](a\\_b.md) [d](<with space.md>)\n').links.map((l) => l.url)).toEqual([
      'my%20file.md',
      'über.md',
      'a_b.md',
      'with space.md',
    ]);
  });

  it('handles 10,000 links in one file and a 1 MB URL', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `[l${i}](f${i}.md)`).join(' ');
    const r = extractLinks('big.md', `${many}\n`);
    expect(r.links).toHaveLength(10_000);
    expect(r.links[9_999]!.column).toBe(many.lastIndexOf('[l9999]') + 1);
    const huge = `[x](${'a'.repeat(1_000_000)}.md)\n`;
    expect(extractLinks('huge.md', huge).links[0]!.url).toHaveLength(1_000_003);
  });
});
