// remark (remark-parse + remark-gfm), the reference the block scanner and the table are held to.
import type { Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdown(text: string): Root {
  return processor.runSync(processor.parse(text)) as Root;
}

/** Top-level HTML nodes as `start-end` line pairs, the way the scanner reports them. */
export function topLevelHtmlLines(text: string): string {
  return parseMarkdown(text)
    .children.filter((n) => n.type === 'html')
    .map((n) => `${n.position!.start.line}-${n.position!.end.line}`)
    .join(' ');
}

export function textOf(node: RootContent | Root): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(textOf).join('');
  return '';
}
