// Markdown text → every link written in it (with exact line and column), the anchors it defines,
// and which links a `<!-- odyssey-disable… -->` comment silences. Pure: text in, data out.
import GithubSlugger from 'github-slugger';
import type { Finding, Link, LinkForm } from '../model.js';
import { findBareUrls } from './bare-urls.js';
import { scanHtml, type DirectiveKind } from './html.js';
import { createMarkdown, type ExtractEnv, type Span } from './markdown.js';
import { contentMapper, SourceText } from './source-map.js';

export interface Extraction {
  links: Link[];
  /** Heading slugs (GitHub's, duplicates `-1`, `-2`) and explicit `id`/`name` anchors. */
  anchors: Set<string>;
  findings: Finding[];
  /** Links a disable comment silenced: never checked, but counted. */
  suppressed: Link[];
}

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

export function extractLinks(file: string, raw: string): Extraction {
  md ??= createMarkdown();
  const text = blankFrontMatter(raw.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD').replace(/^\uFEFF/, ''));
  const src = new SourceText(text);
  const env: ExtractEnv = { definitions: [] };
  const tokens = md.parse(text, env as unknown as Record<string, unknown>);
  const links: Link[] = [];
  const anchors = new Set<string>();
  const directives: Directive[] = [];
  const slugger = new GithubSlugger();

  const push = (offset: number, url: string, form: LinkForm, linkText?: string) => {
    const p = src.position(offset);
    const link: Link = { file, line: p.line, column: p.column, url, form };
    if (linkText !== undefined && linkText !== '') link.text = linkText;
    links.push(link);
  };
  const html = (content: string, map: (o: number) => number) => {
    const h = scanHtml(content);
    for (const l of h.links) push(map(l.offset), l.url, 'html');
    for (const a of h.anchors) anchors.add(a);
    for (const d of h.directives) directives.push({ line: src.position(map(d.offset)).line, kind: d.kind });
  };

  for (const d of env.definitions) push(d.offset, d.href, 'definition', d.label);

  let rowLine = -1;
  let rowFrom = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'tr_open' && t.map) {
      rowLine = t.map[0];
      rowFrom = 0;
      continue;
    }
    if (t.type === 'html_block' && t.map) {
      html(t.content, contentMapper(src, t.map[0], t.content));
      continue;
    }
    if (t.type !== 'inline') continue;
    const inCell = !t.map;
    if (inCell && t.content === '') continue;
    const map = inCell ? contentMapper(src, rowLine, t.content, rowFrom) : contentMapper(src, t.map![0], t.content);
    if (inCell) rowFrom = map(t.content.length) - src.starts[rowLine]!;
    const heading = tokens[i - 1]?.type === 'heading_open';
    const children = t.children ?? [];
    const skip: Span[] = [];
    let headingText = '';
    for (let c = 0; c < children.length; c++) {
      const k = children[c]!;
      const span = k.meta as Span | null;
      if (heading) {
        if (k.type === 'text' || k.type === 'text_special' || k.type === 'code_inline') headingText += k.content;
        else if (k.type === 'image') headingText += k.content;
        else if (k.type === 'softbreak' || k.type === 'hardbreak') headingText += ' ';
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
        const form: LinkForm = k.markup === 'autolink' ? 'autolink' : t.content.charCodeAt(span.end - 1) === 0x29 ? 'inline' : 'reference';
        push(map(span.start), String(href), form, label);
      } else if (k.type === 'image') {
        const form: LinkForm = t.content.charCodeAt(span.end - 1) === 0x29 ? 'image' : 'reference';
        push(map(span.start), String(k.attrGet('src') ?? ''), form, k.content);
      } else if (k.type === 'html_inline') {
        html(k.content, (o) => map(span.start + o));
      }
    }
    for (const b of findBareUrls(t.content, skip)) push(map(b.offset), b.url, 'bare');
    if (heading) anchors.add(slugger.slug(headingText));
  }

  links.sort((a, b) => a.line - b.line || a.column - b.column);
  const { kept, suppressed } = applyDirectives(links, directives);
  return { links: kept, anchors, findings: [], suppressed };
}

function applyDirectives(links: Link[], directives: Directive[]): { kept: Link[]; suppressed: Link[] } {
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
  const kept: Link[] = [];
  const suppressed: Link[] = [];
  for (const l of links) {
    const off = silenced.has(l.line) || ranges.some(([a, b]) => l.line >= a && l.line <= b);
    (off ? suppressed : kept).push(l);
  }
  return { kept, suppressed };
}
