// Most cells are words, dates and links whose markdown is known without running
// mdast-util-to-markdown's ~50 escape patterns over every string (a third of a 1,000-row sync).
// Such a cell becomes one `html` node holding exactly that markdown (html is written as is); any
// other cell keeps its nodes and the serializer escapes it. tests/core/table/render-presafe.test.ts
// holds both ways to the same output.
import type { Link, PhrasingContent } from 'mdast';

// Characters some escape pattern can fire on inside a table cell or a link label, whatever is
// around them (GFM_TEXT_UNSAFE's `~` included). Not here: `|`, always written `\|`; `(`, escaped
// only right after `]` (which is itself here, so only a leading `(` needs care); line-break rules,
// which need a line break (control characters are here).
const TEXT_RISKY = /[\u0000-\u001f\u007f!&*<[\\\]_`~]/;
// A bare link destination: space and controls make it `<…>`; these are escaped in it.
const URL_RISKY = /[\u0000-\u0020\u007f&()<>\\|]/;
// mdast-util-to-markdown's test for writing a link as `<url>` (format-link-as-autolink.js).
const AUTOLINK_SCHEME = /^[a-z][+\-.a-z]+:/i;
const AUTOLINK_RISKY = /[\u0000-\u0020<>\u007f|\\]/;

function safeText(value: string): string | null {
  if (TEXT_RISKY.test(value) || value.charCodeAt(0) === 0x28) return null;
  return value.includes('|') ? value.replace(/\|/g, '\\|') : value;
}

function safeLink(node: Link): string | null {
  if (node.title || node.url === '') return null;
  let label = '';
  for (const child of node.children) {
    if (child.type !== 'text') return null;
    const part = safeText(child.value);
    if (part === null) return null;
    label += part;
  }
  const only = node.children.length === 1 ? (node.children[0] as { value: string }).value : null;
  if (only !== null && (only === node.url || `mailto:${only}` === node.url) && AUTOLINK_SCHEME.test(node.url)) {
    return AUTOLINK_RISKY.test(node.url) ? null : `<${node.url}>`;
  }
  return URL_RISKY.test(node.url) ? null : `[${label}](${node.url})`;
}

/** The cell as one node of finished markdown when its text needs no escaping beyond `\|`; else `children` as given. */
export function presafeCell(children: PhrasingContent[]): PhrasingContent[] {
  let markdown = '';
  for (const node of children) {
    const part = node.type === 'text' ? safeText(node.value) : node.type === 'link' ? safeLink(node) : null;
    if (part === null) return children;
    markdown += part;
  }
  return markdown === '' ? [] : [{ type: 'html', value: markdown }];
}
