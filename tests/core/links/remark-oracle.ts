// The correctness oracle: what remark-parse + remark-gfm (micromark) find in the same text, as
// `line:column url` strings. Our fast extractor must agree with it link for link.
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { blankFrontMatter } from '../../../src/core/document/index.js';
import { extractLinks } from '../../../src/core/links/extract.js';

const byPosition = (x: string, y: string): number => {
  const [l1, c1] = x.split(' ')[0]!.split(':').map(Number);
  const [l2, c2] = y.split(' ')[0]!.split(':').map(Number);
  return l1! - l2! || c1! - c2! || (x < y ? -1 : 1);
};

export function remarkLinks(text: string): string[] {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(blankFrontMatter(text.replace(/\r\n?/g, '\n')));
  const defs = new Map<string, string>();
  visit(tree, 'definition', (n) => {
    if (!defs.has(n.identifier)) defs.set(n.identifier, n.url);
  });
  const out: string[] = [];
  visit(tree, (n) => {
    const p = n.position!.start;
    if (n.type === 'link' || n.type === 'image' || n.type === 'definition') out.push(`${p.line}:${p.column} ${n.url}`);
    if ((n.type === 'linkReference' || n.type === 'imageReference') && defs.has(n.identifier)) {
      out.push(`${p.line}:${p.column} ${defs.get(n.identifier)}`);
    }
  });
  return out.sort(byPosition);
}

/** Ours, in the same shape; HTML links are left out (remark keeps HTML as raw nodes). */
export function ourLinks(text: string): string[] {
  const r = extractLinks('f.md', text);
  return [...r.links, ...r.suppressed]
    .filter((l) => l.form !== 'html')
    .map((l) => `${l.line}:${l.column} ${l.url}`)
    .sort(byPosition);
}
