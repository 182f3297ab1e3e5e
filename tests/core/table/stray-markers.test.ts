import type { Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { scanTopLevelHtml } from '../../../src/core/table/block-scan.js';
import { markerHits, placeRecorder, strayMarkers, type StrayPlace } from '../../../src/core/table/stray-markers.js';
import { randomDoc, rng } from './block-docs.js';
import { parseMarkdown } from './remark-oracle.js';

/** Every hit explained (none counted), so each one's place can be compared. */
function explained(text: string) {
  const hits = markerHits(text);
  const { places: p, onLine } = placeRecorder(hits);
  const blocks = scanTopLevelHtml(text, onLine);
  return { hits, strays: strayMarkers(text, hits, new Set(), blocks, p) };
}

const places = (text: string): string[] => explained(text).strays.map((s) => `${s.line}:${s.column} ${s.place}`);

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

function remarkPlaces(text: string): string[] {
  const root = parseMarkdown(text);
  return explained(text).hits.map((h) => `${h.line}:${h.column} ${remarkPlace(text, root, h.offset)}`);
}

describe('strayMarkers places marker text as remark does', () => {
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
      if (want.join() !== got.join()) mismatches.push(`seed ${seed}: ${JSON.stringify(doc)} remark=${want} scanner=${got}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThan(250);
  });
});
