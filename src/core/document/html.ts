// Raw HTML in markdown: `<a href>` and `<img src>` links, `id`/`name` anchors, and the
// `<!-- odyssey-disable… -->` comments. Comments hide everything inside them.
import MarkdownIt from 'markdown-it';

export interface HtmlLink {
  /** Offset of the tag's `<` in the scanned string. */
  offset: number;
  url: string;
}

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface HtmlScan {
  links: HtmlLink[];
  /** `id` and `name` attributes (on any element), with the offset of their tag's `<`. */
  anchors: Array<{ offset: number; name: string }>;
  /** `<h1>`…`<h6>` elements written whole in the HTML, with their shown text. */
  headings: Array<{ offset: number; level: number; text: string }>;
  /** Offsets are those of the comment's end (`-->`), which decides "the next line". */
  directives: Array<{ offset: number; kind: DirectiveKind }>;
}

const COMMENT = /<!--([\s\S]*?)(?:-->|$)/g;
// markdown-link-check's spelling is accepted too, so repositories moving over keep their silences.
const DIRECTIVE = /^\s*(?:odyssey|markdown-link-check)-(disable-next-line|disable-line|disable|enable)\s*$/;
const TAG = /<([a-zA-Z][a-zA-Z0-9-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>?/g;
const ATTR = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

// HTML5's named character references, as markdown-it (and so CommonMark) decodes them.
const unescapeAll: (s: string) => string = new MarkdownIt().utils.unescapeAll;

export function decodeHtmlEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return unescapeAll(m);
  });
}

const HTML_HEADING = /<h([1-6])\b(?:[^>"']|"[^"]*"|'[^']*')*>([\s\S]*?)<\/h\1\s*>/gi;

/** The text a browser shows for an HTML fragment: tags dropped, entities decoded. */
export function htmlText(html: string): string {
  return decodeHtmlEntities(html.replace(/<!--[\s\S]*?-->/g, '').replace(/<\/?[a-zA-Z][^>]*>/g, ''));
}

export function scanHtml(html: string): HtmlScan {
  const out: HtmlScan = { links: [], anchors: [], headings: [], directives: [] };
  if (!html.includes('<')) return out;
  let text = html;
  if (html.includes('<!--')) {
    text = html.replace(COMMENT, (m, body: string, at: number) => {
      const d = DIRECTIVE.exec(body);
      if (d) out.directives.push({ offset: at + m.length - 1, kind: d[1] as DirectiveKind });
      return ' '.repeat(m.length);
    });
  }
  if (/<h[1-6]/i.test(text)) {
    HTML_HEADING.lastIndex = 0;
    for (let m = HTML_HEADING.exec(text); m; m = HTML_HEADING.exec(text)) out.headings.push({ offset: m.index, level: Number(m[1]), text: htmlText(m[2]!).trim() });
  }
  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    const tag = m[1]!.toLowerCase();
    const attrs = m[2]!;
    if (!/\b(?:href|src|id|name)\b/i.test(attrs)) continue;
    ATTR.lastIndex = 0;
    for (let a = ATTR.exec(attrs); a; a = ATTR.exec(attrs)) {
      const name = a[1]!.toLowerCase();
      const raw = a[2] ?? a[3] ?? a[4];
      if (raw === undefined) continue;
      const value = decodeHtmlEntities(raw);
      if ((name === 'href' && tag === 'a') || (name === 'src' && tag === 'img')) out.links.push({ offset: m.index, url: value });
      else if (name === 'id' || name === 'name') out.anchors.push({ offset: m.index, name: value });
    }
  }
  return out;
}
