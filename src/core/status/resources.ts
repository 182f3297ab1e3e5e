// `resources:` items: `"[text](url)"`, a bare URL, or `{title, url}`; each keeps where its URL is written.
import { isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { Resource } from '../model.js';
import type { BlockReader } from './block-reader.js';
import { isEmpty } from './fields.js';

const FORMS = 'write it as `- "[Title](https://…)"` (quoted), or as `- title: Title` with `url: https://…` on the next line';

/** `[text](url "title")` → text and url; null when the string is not exactly one inline link. */
export function parseMarkdownLink(s: string): { text: string; url: string } | null {
  if (s[0] !== '[') return null;
  let depth = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) break;
  }
  if (i >= s.length || s[i + 1] !== '(' || s[s.length - 1] !== ')') return null;
  const text = s.slice(1, i).replace(/\\(.)/g, '$1').trim();
  let dest = s.slice(i + 2, -1).trim();
  if (dest.startsWith('<')) {
    const close = dest.indexOf('>');
    if (close === -1) return null;
    dest = dest.slice(1, close);
  } else {
    // A link title may follow the destination: `(url "Title")`.
    const space = dest.search(/\s/);
    if (space !== -1) {
      if (!/^\s+(".*"|'.*'|\(.*\))$/.test(dest.slice(space))) return null;
      dest = dest.slice(0, space);
    }
  }
  return { text, url: dest };
}

function isBareUrl(s: string): boolean {
  return s !== '' && !/\s/.test(s);
}

function stringValue(node: Node | null | undefined): string | undefined {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
  return String(node.value).trim();
}

export function readResources(r: BlockReader, node: Node | null | undefined, at: number): Resource[] {
  if (isEmpty(node)) return [];
  if (!isSeq(node)) {
    r.error(node, at, `\`resources\` must be a list: put each resource on its own line below it, starting with \`- \`; ${FORMS}`);
    return [];
  }
  const out: Resource[] = [];
  node.items.forEach((item, index) => {
    const itemAt = (item as Node | null)?.range?.[0] ?? node.range?.[0] ?? at;
    const n = index + 1;
    const place = (valueNode: Node, url: string, fromEnd: boolean): { line: number; column: number } => {
      const [start, end] = valueNode.range ?? [itemAt, itemAt];
      const raw = r.yaml.slice(start, end);
      const found = fromEnd ? raw.lastIndexOf(url) : raw.indexOf(url);
      return r.at(found === -1 ? start : start + found);
    };
    if (isScalar(item)) {
      const s = stringValue(item);
      if (s === undefined || s === '') {
        r.error(item, itemAt, `resource ${n} is empty: ${FORMS}, or remove the line`);
        return;
      }
      const link = parseMarkdownLink(s);
      if (link) {
        out.push({ title: link.text || link.url, url: link.url, ...place(item as Scalar, link.url, true) });
      } else if (isBareUrl(s)) {
        out.push({ title: s, url: s, ...place(item as Scalar, s, false) });
      } else {
        r.error(item, itemAt, `resource ${n} \`${r.source(item)}\` is not a link: ${FORMS}`);
      }
      return;
    }
    if (isMap(item)) {
      const urlNode = item.get('url', true) as Node | undefined;
      const url = stringValue(urlNode);
      const title = stringValue(item.get('title', true) as Node | undefined);
      if (urlNode === undefined || url === undefined || url === '') {
        const other = ['link', 'href', 'URL', 'Url'].find((k) => item.has(k));
        const fix = other !== undefined ? `write \`url:\` instead of \`${other}:\`` : 'add `url: https://…` below its `title`';
        r.error(urlNode ?? item, itemAt, `resource ${n} has no \`url\`: ${fix}`);
        return;
      }
      out.push({ title: title || url, url, ...place(urlNode, url, false) });
      return;
    }
    r.error(item as Node | null, itemAt, `resource ${n} is not a link: ${FORMS}`);
  });
  return out;
}
