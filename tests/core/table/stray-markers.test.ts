import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseDocument, type MarkerPlace } from '../../../src/core/document/index.js';
import { randomDoc, rng } from './block-docs.js';
import { parseMarkdown } from './remark-oracle.js';
import { cmarkPath, cmarkTree, requireCmarkGfm } from '../../support/cmark-gfm.js';

type StrayPlace = Exclude<MarkerPlace, 'marker'>;

/** Every marker-like text with its place; a counted marker is an own-line one here, as remark sees it. */
const hitsOf = (text: string) => parseDocument(text).markers;
const places = (text: string): string[] => hitsOf(text).map((s) => `${s.line}:${s.column} ${s.place === 'marker' ? 'own-line' : s.place}`);

type Node = Root | RootContent;

/** remark's answer: the same order of checks as placeOf, read off the node path to the hit. */
function remarkPlace(text: string, root: Root, offset: number): StrayPlace {
  const path: Node[] = [];
  let node: Node | undefined = root;
  while (node) {
    path.push(node);
    const kids: Node[] = 'children' in node ? (node.children as Node[]) : [];
    node = kids.find((k) => k.position!.start.offset! <= offset && offset < k.position!.end.offset!);
  }
  const top = path[1];
  if (!top) return 'paragraph';
  if (top.type === 'html') return text.slice(top.position!.start.offset!, offset).trim() === '' ? 'own-line' : 'html';
  const code = path.find((n) => n.type === 'code');
  if (code) return /^(`{3,}|~{3,})/.test(text.slice(code.position!.start.offset!)) ? 'fence' : 'indented-code';
  if (path.some((n) => n.type === 'inlineCode')) return 'inline-code';
  const byType: Record<string, StrayPlace> = { list: 'item', blockquote: 'quote', footnoteDefinition: 'footnote', table: 'table', heading: 'heading' };
  return byType[top.type] ?? 'paragraph';
}

/** cmark-gfm's answer, read off its tree the same way. */
function cmarkPlaces(text: string): string[] {
  const root = cmarkTree(text);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return hitsOf(text).map((h) => {
    const path = cmarkPath(root, h.line, h.column);
    const top = path[1];
    let place: StrayPlace = 'paragraph';
    if (top?.type === 'html_block') place = lines[h.line - 1]!.slice(0, h.column - 1).trim() === '' && top.start![0] === h.line ? 'own-line' : 'html';
    else if (path.some((n) => n.type === 'code_block')) {
      const c = path.find((n) => n.type === 'code_block')!;
      place = /^\s*(`{3,}|~{3,})/.test(lines[c.start![0] - 1]!.slice(c.start![1] - 1)) ? 'fence' : 'indented-code';
    } else if (path.some((n) => n.type === 'code')) place = 'inline-code';
    else if (top) place = ({ list: 'item', block_quote: 'quote', unknown: 'footnote', table: 'table', heading: 'heading' } as Record<string, StrayPlace>)[top.type] ?? 'paragraph';
    return `${h.line}:${h.column} ${place}`;
  });
}

function remarkPlaces(text: string): string[] {
  const root = parseMarkdown(text);
  return hitsOf(text).map((h) => `${h.line}:${h.column} ${remarkPlace(text, root, h.offset)}`);
}

describe('the document model places marker text as remark does (or, where they differ, as cmark-gfm does)', () => {
  requireCmarkGfm();
  const cases: Record<string, string> = {
    'own line, trailing text': '<!-- odyssey:progress:end --> trailing\n',
    'in a longer HTML block': '<div>\n<!-- odyssey:progress:start -->\n',
    'in a fence': '```\n<!-- odyssey:progress:start -->\n```\n',
    'indented code': '    <!-- odyssey:progress:start -->\n',
    'inline code in a list item': '- use `<!-- odyssey:progress:start -->`\n',
    'double-backtick code span': 'a `` x ` <!-- odyssey:progress:start --> `` b\n',
    'unclosed backtick is text': 'a ` <!-- odyssey:progress:start -->\n',
    'in a list item': '- <!-- odyssey:progress:start -->\n',
    'in a quote': '> <!-- odyssey:progress:start -->\n',
    'in a footnote': '[^1]: <!-- odyssey:progress:start -->\n',
    'in a table row': '| a |\n| - |\n| <!-- odyssey:progress:start --> |\n',
    'in a heading': '## <!-- odyssey:progress:start -->\n',
    'in a paragraph': 'text <!-- odyssey:progress:start --> more\n',
  };
  for (const [name, doc] of Object.entries(cases)) {
    it(name, () => {
      expect(places(doc)).toEqual(remarkPlaces(doc));
    });
  }

  it('gives lines and columns whatever the line endings, after a byte order mark, two on a line', () => {
    const M = '<!-- odyssey:progress:start -->';
    expect(places(`\uFEFFa ${M}\r\n\r\n> ${M}\rb\n- ${M} ${M}`)).toEqual(['1:3 paragraph', '3:3 quote', '5:3 item', '5:35 item']);
  });

  it('the cases above cover every place', () => {
    const seen = new Set(Object.values(cases).flatMap((d) => places(d).map((p) => p.split(' ')[1])));
    expect([...seen].sort()).toEqual(
      ['own-line', 'html', 'fence', 'indented-code', 'inline-code', 'item', 'quote', 'footnote', 'table', 'heading', 'paragraph'].sort(),
    );
  });

  it('on 400 generated documents dense in block constructs', () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const doc = randomDoc(rng(seed));
      const want = remarkPlaces(doc);
      compared += want.length;
      const got = places(doc);
      if (want.join() === got.join()) continue;
      const cmark = cmarkPlaces(doc);
      if (cmark.join() !== got.join()) mismatches.push(`seed ${seed}: ${JSON.stringify(doc)} remark=${want} cmark-gfm=${cmark} model=${got}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThan(250);
  });
});
