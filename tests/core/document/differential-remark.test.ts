// The document model against remark (mdast-util-from-markdown + GFM, via remark-parse and
// remark-gfm) on 200 generated adversarial documents: links, headings' anchors, tasks and zone
// markers must be the same. Where remark and GitHub's own parser (cmark-gfm) disagree on a zone
// marker, GitHub decides (see tests/core/table/zone-markers.test.ts).
import GithubSlugger from 'github-slugger';
import type { Heading, ListItem, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { blankFrontMatter, parseDocument } from '../../../src/core/document/index.js';
import { cmarkMarkerLines, requireCmarkGfm } from '../../support/cmark-gfm.js';
import { mulberry32 } from '../../support/prng.js';
import { ourLinks, remarkLinks } from '../links/remark-oracle.js';

const processor = unified().use(remarkParse).use(remarkGfm);
const tree = (text: string): Root => processor.runSync(processor.parse(blankFrontMatter(text.replace(/\r\n?/g, '\n')))) as Root;

/** A heading's shown text as GitHub slugs it: images and HTML dropped, code and link text kept. */
function shown(n: RootContent | Heading): string {
  if (n.type === 'text' || n.type === 'inlineCode') return n.value;
  if (n.type === 'break') return '\n';
  if (n.type === 'image' || n.type === 'imageReference' || n.type === 'html') return '';
  return 'children' in n ? (n.children as RootContent[]).map(shown).join('') : '';
}

function remarkHeadings(root: Root): string[] {
  const slugger = new GithubSlugger();
  const out: string[] = [];
  visit(root, 'heading', (h: Heading) => {
    out.push(`${h.position!.start.line} ${slugger.slug(shown(h))}`);
  });
  return out;
}

function remarkTasks(root: Root): string[] {
  const out: string[] = [];
  visit(root, 'listItem', (li: ListItem) => {
    if (typeof li.checked === 'boolean') out.push(`${li.children[0]?.position?.start.line ?? li.position!.start.line} ${li.checked ? 'x' : ' '}`);
  });
  return out;
}

const M = (name: string, edge: string) => `<!-- odyssey:${name}:${edge} -->`;
const INLINE = [
  'plain words', '[a link](https://a.org/x "t")', '[ref link][r1]', '[r1]', '![img](pic.png)', '![alt *em*][r2]',
  '<https://auto.org/p>', 'see https://bare.org/a_(b). and www.example.com', 'mail me@example.org', '`code [x](y)`',
  '**bold [in](b.md#frag)**', '*em*', '~~gone~~', '<a href="h.md#x">html</a>', '<img src="i.png">', '&amp; &copy; &#35;',
  '\\[not](a link)', '[broken](<a b.md>)', '[emp]()', '[nested [brackets]](n.md)', 'text [^1] note', ':rocket:',
  '<kbd>k</kbd>', '[![badge](https://b.io/x.svg)](https://b.io)', '[`code` link](c.md)',
];
const BLOCKS: Array<(r: () => number, pick: <T>(xs: T[]) => T) => string> = [
  (_r, p) => `${'#'.repeat(1 + Math.floor(_r() * 6))} ${p(INLINE)} ${p(INLINE)}${_r() < 0.2 ? ' ##' : ''}`,
  (_r, p) => `${p(INLINE)}\n${_r() < 0.5 ? '===' : '---'}`,
  (_r, p) => `- [${p([' ', 'x', 'X'])}] ${p(INLINE)}\n  - [ ] ${p(INLINE)}\n    1. [x] ${p(INLINE)}`,
  (_r, p) => `${p(['*', '+', '1.', '2)'])} [${p([' ', 'x', 'y', ''])}] ${p(INLINE)}`,
  (_r, p) => `> - [ ] ${p(INLINE)}\n> ${p(INLINE)}`,
  (_r, p) => `> # ${p(INLINE)}\n> ${p(INLINE)}`,
  (_r, p) => `- # ${p(INLINE)}\n  ${p(INLINE)}`,
  (_r, p) => `\`\`\`md\n# not a heading ${p(INLINE)}\n- [ ] not a task\n${M('progress', 'start')}\n\`\`\``,
  (_r, p) => `    # indented ${p(INLINE)}\n    - [ ] code`,
  (_r, p) => `<details>\n<summary>${p(INLINE)}</summary>\n\n## ${p(INLINE)}\n\n- [x] ${p(INLINE)}\n\n</details>`,
  (_r, p) => `<div>\n${p(INLINE)}\n## not a heading\n</div>`,
  (_r, p) => `| a | b |\n| - | - |\n| ${p(INLINE)} | ${p(INLINE).replace(/\|/g, '\\|')} |`,
  (_r, p) => `[r1]: https://def.org/one${p(['', ' "title"', ''])}\n[r2]: <./two.md#two>`,
  (_r, p) => `[^1]: ${p(INLINE)}\n    ${p(INLINE)}`,
  (_r) => `${M(_r() < 0.5 ? 'progress' : 'chart', 'start')}\n| x |\n| - |\n${M(_r() < 0.5 ? 'progress' : 'chart', 'end')}`,
  (_r, p) => `- ${M('progress', 'start')}\n${p(INLINE)} ${M('chart', 'end')}`,
  (_r, p) => `<!-- odyssey-disable-next-line -->\n${p(INLINE)}`,
  (_r, p) => `${p(INLINE)} ${p(INLINE)}\n${p(INLINE)}  \n${p(INLINE)}`,
  () => '***',
];

function adversarialDoc(seed: number): string {
  const r = mulberry32(seed);
  const pick = <T,>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const parts: string[] = [];
  const n = 3 + Math.floor(r() * 10);
  for (let i = 0; i < n; i++) parts.push(pick(BLOCKS)(r, pick));
  const eol = pick(['\n', '\n', '\r\n']);
  const front = r() < 0.2 ? `---${eol}title: T${eol}status: todo${eol}---${eol}` : '';
  return front + parts.join(r() < 0.8 ? `${eol}${eol}` : eol).replace(/\n/g, eol) + (r() < 0.8 ? eol : '');
}

describe('the document model agrees with remark on 200 generated adversarial documents', () => {
  requireCmarkGfm();
  const docs = Array.from({ length: 200 }, (_, i) => adversarialDoc(i + 1));

  it('links', () => {
    const bad: string[] = [];
    let seen = 0;
    docs.forEach((doc, i) => {
      const want = remarkLinks(doc);
      seen += want.length;
      const got = ourLinks(doc);
      if (want.join('\n') !== got.join('\n')) bad.push(`seed ${i + 1}: ${JSON.stringify(doc)}\nremark=${JSON.stringify(want)}\nmodel=${JSON.stringify(got)}`);
    });
    expect(bad.slice(0, 3)).toEqual([]);
    expect(seen).toBeGreaterThan(1000);
  });

  it('headings and their anchors', () => {
    const bad: string[] = [];
    let seen = 0;
    docs.forEach((doc, i) => {
      const want = remarkHeadings(tree(doc));
      seen += want.length;
      const got = parseDocument(doc).headings.filter((h) => h.style !== 'html').map((h) => `${h.line} ${h.anchor}`);
      if (want.join('\n') !== got.join('\n')) bad.push(`seed ${i + 1}: ${JSON.stringify(doc)}\nremark=${JSON.stringify(want)}\nmodel=${JSON.stringify(got)}`);
    });
    expect(bad.slice(0, 3)).toEqual([]);
    expect(seen).toBeGreaterThan(300);
  });

  it('tasks', () => {
    const bad: string[] = [];
    let seen = 0;
    docs.forEach((doc, i) => {
      const want = remarkTasks(tree(doc));
      seen += want.length;
      const got = parseDocument(doc).tasks.map((t) => `${t.line} ${t.done ? 'x' : ' '}`);
      if (want.join('\n') !== got.join('\n')) bad.push(`seed ${i + 1}: ${JSON.stringify(doc)}\nremark=${JSON.stringify(want)}\nmodel=${JSON.stringify(got)}`);
    });
    expect(bad.slice(0, 3)).toEqual([]);
    expect(seen).toBeGreaterThan(200);
  });

  it('zone markers', () => {
    const MARKER = /^<!--[ \t]*odyssey:(progress|chart):(start|end)[ \t]*-->$/;
    const bad: string[] = [];
    let seen = 0;
    docs.forEach((doc, i) => {
      const want = tree(doc)
        .children.filter((n) => n.type === 'html' && MARKER.test(n.value.trim()))
        .map((n) => String(n.position!.start.line))
        .join(' ');
      seen += want === '' ? 0 : want.split(' ').length;
      const got = parseDocument(doc).markers.filter((m) => m.place === 'marker').map((m) => String(m.line)).join(' ');
      if (want !== got && got !== cmarkMarkerLines(doc)) bad.push(`seed ${i + 1}: ${JSON.stringify(doc)} remark=${want} model=${got}`);
    });
    expect(bad.slice(0, 3)).toEqual([]);
    expect(seen).toBeGreaterThan(50);
  });
});
