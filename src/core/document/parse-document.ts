// Markdown text → its DocumentModel, in one markdown-it pass (the one reader: no other module
// parses markdown). Pure: text in, data out; never throws on any input.
import GithubSlugger from 'github-slugger';
import { findBareUrls } from './bare-urls.js';
import { splitFrontMatter } from './front-matter.js';
import { scanHtml, type DirectiveKind } from './html.js';
import { createMarkdown, type ExtractEnv, type Span } from './markdown.js';
import { findMarkers, placeMarkers, type LeafKind, type LeafPlace } from './markers.js';
import type { DocHeading, DocHtmlAnchor, DocLink, DocTable, DocTableCell, DocTask, DocumentModel } from './model.js';
import { DOCUMENT_VERSION } from './model.js';
import { contentMapper, SourceText } from './source-map.js';

let md: ReturnType<typeof createMarkdown> | undefined;

/** Blank lines keep every later line number where it was. */
export function blankFrontMatter(text: string): string {
  if (!text.startsWith('---\n')) return text;
  const end = /\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text.slice(3));
  if (!end) return text;
  const stop = 3 + end.index + end[0].length;
  const head = text.slice(0, stop);
  return head.replace(/[^\n]/g, '') + text.slice(stop);
}

interface Directive {
  line: number;
  kind: DirectiveKind;
}

type Container = { kind: 'item'; task: number } | { kind: 'quote' } | { kind: 'footnote' };

const TASK = /^\[([ xX])\][ \t]+(\S[^\n]*)/;

export interface ParseOptions {
  /**
   * `status`: only what a status block needs (front matter, tasks, headings; no links, anchors of
   * HTML or inline parsing of other blocks), for reading many READMEs' status fast. Default `full`.
   */
  scope?: 'full' | 'status';
}

/** `text` is the file as read (any line endings, maybe a BOM); `path` is kept on the model. */
export function parseDocument(text: string, path = '', opts: ParseOptions = {}): DocumentModel {
  const scope = opts.scope ?? 'full';
  const full = scope === 'full';
  md ??= createMarkdown();
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const unbom = bom ? text.slice(1) : text;
  const { body: _body, ...frontMatter } = splitFrontMatter(unbom);
  const norm = blankFrontMatter(unbom.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD'));
  const src = new SourceText(norm);
  const env: ExtractEnv = { definitions: [], headingsOnly: !full };
  const tokens = md.parse(norm, env as unknown as Record<string, unknown>);

  const links: DocLink[] = [];
  const headings: DocHeading[] = [];
  const htmlAnchors: DocHtmlAnchor[] = [];
  const tasks: DocTask[] = [];
  const tables: DocTable[] = [];
  const directives: Directive[] = [];
  const slugger = new GithubSlugger();
  const hits = full ? findMarkers(norm, src) : [];
  const codeSpans: Span[] = [];
  const leaves = new Map<number, LeafPlace>();
  const stack: Container[] = [];

  const pos = (offset: number) => src.position(offset);
  const push = (offset: number, url: string, form: DocLink['form'], linkText?: string) => {
    if (!full) return;
    const p = pos(offset);
    const link: DocLink = { line: p.line, column: p.column, url, form };
    if (linkText !== undefined && linkText !== '') link.text = linkText;
    links.push(link);
  };
  const html = (content: string, map: (o: number) => number, block = false) => {
    if (!full) return;
    const h = scanHtml(content);
    // GitHub makes an anchor for every heading it shows, `<h2>` written in HTML blocks too.
    if (block) {
      for (const x of h.headings) {
        const p = pos(map(x.offset));
        headings.push({ level: x.level, style: 'html', line: p.line, column: p.column, source: x.text, text: x.text, anchor: slugger.slug(x.text), nested: stack.length > 0 });
      }
    }
    for (const l of h.links) push(map(l.offset), l.url, 'html');
    for (const a of h.anchors) {
      const p = pos(map(a.offset));
      htmlAnchors.push({ name: a.name, line: p.line, column: p.column });
    }
    for (const d of h.directives) directives.push({ line: pos(map(d.offset)).line, kind: d.kind });
  };
  // Which block each marker-like text's line ended up in (only when there is such text).
  const leaf = (map: [number, number] | null, kind: LeafKind, level: number) => {
    if (hits.length === 0 || !map) return;
    for (const h of hits) {
      if (h.line > map[0] && h.line <= map[1] && !leaves.has(h.line)) {
        leaves.set(h.line, { leaf: kind, container: stack[0]?.kind ?? null, top: level === 0, startLine: map[0] + 1, endLine: map[1] });
      }
    }
  };

  if (full) for (const d of env.definitions) push(d.offset, d.href, 'definition', d.label);

  let rowLine = -1;
  let rowFrom = 0;
  let table: DocTable | null = null;
  let row: DocTableCell[] | null = null;
  let inHead = false;
  let lastTopHeading: string | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'list_item_open':
        stack.push({ kind: 'item', task: taskAt(i) });
        continue;
      case 'blockquote_open':
        stack.push({ kind: 'quote' });
        continue;
      case 'footnote_reference_open':
        stack.push({ kind: 'footnote' });
        continue;
      case 'list_item_close':
      case 'blockquote_close':
      case 'footnote_reference_close':
        stack.pop();
        continue;
      case 'fence':
        leaf(t.map, 'fence', t.level);
        continue;
      case 'code_block':
        leaf(t.map, 'code', t.level);
        continue;
      case 'heading_open':
        leaf(t.map, 'heading', t.level);
        continue;
      case 'paragraph_open':
        leaf(t.map, 'paragraph', t.level);
        continue;
      case 'table_open':
        leaf(t.map, 'table', t.level);
        if (t.map) {
          const start = src.starts[t.map[0]]!;
          const endLine = t.map[1];
          const end = src.starts[endLine - 1]! + src.line(endLine - 1).length;
          table = { line: t.map[0] + 1, endLine, start, end, head: [], rows: [], heading: lastTopHeading, topLevel: t.level === 0 && stack.length === 0 };
        }
        continue;
      case 'table_close':
        if (table) tables.push(table);
        table = null;
        continue;
      case 'thead_open':
        inHead = true;
        continue;
      case 'thead_close':
        inHead = false;
        continue;
      case 'tr_open':
        if (t.map) {
          rowLine = t.map[0];
          rowFrom = 0;
          row = [];
          if (table && inHead) table.head = row;
          else if (table) table.rows.push({ line: rowLine + 1, cells: row });
        }
        continue;
      case 'html_block':
        leaf(t.map, 'html', t.level);
        if (t.map && full) html(t.content, contentMapper(src, t.map[0], t.content), true);
        continue;
    }
    if (t.type !== 'inline') continue;
    const opener = tokens[i - 1];
    const heading = opener?.type === 'heading_open';
    if (!full && !heading) {
      const it = stack[stack.length - 1];
      if (opener?.type === 'paragraph_open' && it?.kind === 'item' && it.task === -2) task(t, firstLineMapper(src, t.map![0], t.content));
      continue;
    }
    const inCell = !t.map;
    if (inCell && t.content === '') {
      if (row) {
        const p = pos(src.starts[rowLine]! + rowFrom);
        row.push({ source: '', line: p.line, column: p.column, start: src.starts[rowLine]! + rowFrom, end: src.starts[rowLine]! + rowFrom });
      }
      continue;
    }
    const map = inCell ? contentMapper(src, rowLine, t.content, rowFrom) : contentMapper(src, t.map![0], t.content);
    if (inCell) {
      const start = map(0);
      const end = map(t.content.length);
      rowFrom = end - src.starts[rowLine]!;
      if (row) {
        const p = pos(start);
        row.push({ source: norm.slice(start, end), line: p.line, column: p.column, start, end });
      }
    }
    const children = t.children ?? [];
    const skip: Span[] = [];
    let headingText = '';
    for (let c = 0; c < children.length; c++) {
      const k = children[c]!;
      const span = k.meta as Span | null;
      if (heading) {
        if (k.type === 'text' || k.type === 'text_special' || k.type === 'code_inline') headingText += k.content;
        else if (k.type === 'softbreak' || k.type === 'hardbreak') headingText += '\n';
      }
      if (!span) continue;
      skip.push(span);
      if (k.type === 'link_open') {
        let label = '';
        for (let j = c + 1, depth = 1; j < children.length; j++) {
          const x = children[j]!;
          if (x.type === 'link_open') depth++;
          else if (x.type === 'link_close' && --depth === 0) break;
          else if (x.type === 'text' || x.type === 'code_inline' || x.type === 'text_special') label += x.content;
        }
        const href = k.attrGet('href') ?? '';
        const form = k.markup === 'autolink' ? 'autolink' : t.content.charCodeAt(span.end - 1) === 0x29 ? 'inline' : 'reference';
        push(map(span.start), String(href), form, label);
      } else if (k.type === 'image') {
        const form = t.content.charCodeAt(span.end - 1) === 0x29 ? 'image' : 'reference';
        push(map(span.start), String(k.attrGet('src') ?? ''), form, k.content);
      } else if (k.type === 'html_inline') {
        html(k.content, (o) => map(span.start + o));
      } else if (k.type === 'code_inline' && hits.length > 0) {
        codeSpans.push({ start: map(span.start), end: map(span.end - 1) + 1 });
      }
    }
    if (full) for (const b of findBareUrls(t.content, skip)) push(map(b.offset), b.url, 'bare');
    if (heading) {
      // Not trimmed: text left after dropping HTML or images keeps its spaces, as GitHub slugs it.
      const text = headingText;
      const p = pos(map(0));
      const nested = stack.length > 0;
      headings.push({
        level: Number(opener!.tag.slice(1)),
        style: opener!.markup.startsWith('#') ? 'atx' : 'setext',
        line: p.line,
        column: p.column,
        source: t.content,
        text,
        anchor: slugger.slug(text),
        nested,
      });
      if (!nested && opener!.level === 0) lastTopHeading = text;
    }
    if (opener?.type === 'paragraph_open') task(t, map);
  }

  // The first paragraph of an item that starts with `[ ]`: a task.
  function task(t: { content: string }, map: (o: number) => number): void {
    const item = stack[stack.length - 1];
    if (item?.kind !== 'item' || item.task !== -2) return;
    const m = TASK.exec(t.content)!;
    const p = pos(map(0));
    let depth = 0;
    let parent = -1;
    let seenParent = false;
    for (let s = stack.length - 2; s >= 0; s--) {
      const c = stack[s]!;
      if (c.kind !== 'item') continue;
      depth++;
      if (!seenParent) {
        parent = c.task >= 0 ? c.task : -1;
        seenParent = true;
      }
    }
    item.task = tasks.length;
    tasks.push({ text: m[2]!.trimEnd(), done: m[1] !== ' ', line: p.line, column: p.column, depth, parent });
  }

  // Whether the item opening at token `i` is a task: its first child a paragraph starting `[ ]`.
  function taskAt(i: number): number {
    const p = tokens[i + 1];
    const inline = tokens[i + 2];
    if (p?.type !== 'paragraph_open' || inline?.type !== 'inline') return -1;
    return TASK.test(inline.content) ? -2 : -1;
  }

  links.sort((a, b) => a.line - b.line || a.column - b.column);
  const { kept, suppressed } = applyDirectives(links, directives);
  const markers = hits.length === 0 ? [] : placeMarkers(text, bom, src, hits, leaves, codeSpans);
  return {
    version: DOCUMENT_VERSION,
    path,
    scope,
    frontMatter,
    headings,
    htmlAnchors,
    links: kept,
    suppressed,
    tasks,
    markers,
    tables,
  };
}

/** Maps offsets on the first line of a block's content back to the source (cheaper than contentMapper). */
function firstLineMapper(src: SourceText, line: number, content: string): (offset: number) => number {
  const nl = content.indexOf('\n');
  const first = (nl === -1 ? content : content.slice(0, nl)).trimEnd();
  const s = src.line(line);
  let at = s.trimEnd().endsWith(first) ? s.trimEnd().length - first.length : s.lastIndexOf(first);
  if (at === -1) at = s.length - s.trimStart().length;
  const base = src.starts[line]! + at;
  return (offset) => base + offset;
}

function applyDirectives(links: DocLink[], directives: Directive[]): { kept: DocLink[]; suppressed: DocLink[] } {
  if (directives.length === 0) return { kept: links, suppressed: [] };
  const silenced = new Set<number>();
  const ranges: Array<[number, number]> = [];
  let openAt = -1;
  for (const d of [...directives].sort((a, b) => a.line - b.line)) {
    if (d.kind === 'disable-next-line') silenced.add(d.line + 1);
    else if (d.kind === 'disable-line') silenced.add(d.line);
    else if (d.kind === 'disable' && openAt < 0) openAt = d.line;
    else if (d.kind === 'enable' && openAt >= 0) {
      ranges.push([openAt, d.line]);
      openAt = -1;
    }
  }
  if (openAt >= 0) ranges.push([openAt, Number.MAX_SAFE_INTEGER]);
  const kept: DocLink[] = [];
  const suppressed: DocLink[] = [];
  for (const l of links) {
    const off = silenced.has(l.line) || ranges.some(([a, b]) => l.line >= a && l.line <= b);
    (off ? suppressed : kept).push(l);
  }
  return { kept, suppressed };
}
