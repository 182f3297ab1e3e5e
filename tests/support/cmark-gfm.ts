// cmark-gfm, GitHub's own markdown parser (Debian package `cmark-gfm`), as a test oracle: its
// HTML (for headings' rendered text) and its XML tree with source positions.
import { execFileSync, spawnSync } from 'node:child_process';

const BIN = process.env.CMARK_GFM ?? 'cmark-gfm';
const EXTENSIONS = ['-e', 'table', '-e', 'autolink', '-e', 'tagfilter', '-e', 'tasklist', '-e', 'strikethrough', '-e', 'footnotes'];

/** Throws, saying how to install it, when cmark-gfm is not on this machine. */
export function requireCmarkGfm(): void {
  const r = spawnSync(BIN, ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error('cmark-gfm (GitHub\'s markdown parser) is needed by this test: install it with `sudo apt-get install cmark-gfm` (CI\'s .ci/run does), or set CMARK_GFM to its path');
  }
}

export function cmarkHtml(text: string): string {
  return execFileSync(BIN, ['--unsafe', ...EXTENSIONS], { input: text, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export interface XmlNode {
  type: string;
  /** 1-based [line, column] of the start and end, when cmark gave them. */
  start?: [number, number];
  end?: [number, number];
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

/** The document's tree (footnote definitions come out of cmark-gfm's XML as `unknown`). */
export function cmarkTree(text: string): XmlNode {
  const xml = execFileSync(BIN, ['--unsafe', '--sourcepos', '-t', 'xml', ...EXTENSIONS], { input: text, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const root: XmlNode = { type: 'root', attrs: {}, text: '', children: [] };
  const stack: XmlNode[] = [root];
  const TAG = /<(\/?)(<unknown>|[a-z_]+)((?:\s+[a-z:_]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
  const body = xml.replace(/^<\?xml[^>]*>\s*<!DOCTYPE[^>]*>\s*/, '');
  for (let m = TAG.exec(body); m; m = TAG.exec(body)) {
    if (m[5] !== undefined) {
      stack[stack.length - 1]!.text += decodeXml(m[5]);
      continue;
    }
    if (m[1]) {
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3]!.matchAll(/([a-z:_]+)="([^"]*)"/g)) attrs[a[1]!] = decodeXml(a[2]!);
    const node: XmlNode = { type: m[2] === '<unknown>' ? 'unknown' : m[2]!, attrs, text: '', children: [] };
    const sp = /^(\d+):(\d+)-(\d+):(\d+)$/.exec(attrs.sourcepos ?? '');
    if (sp) {
      node.start = [Number(sp[1]), Number(sp[2])];
      node.end = [Number(sp[3]), Number(sp[4])];
    }
    stack[stack.length - 1]!.children.push(node);
    if (!m[4]) stack.push(node);
  }
  return root.children[0] ?? root;
}

function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e]!;
  });
}

/** Lines where a top-level one-line HTML block reads as an odyssey marker. */
export function cmarkMarkerLines(text: string): string {
  const MARKER = /^<!--[ \t]*odyssey:(progress|chart):(start|end)[ \t]*-->$/;
  return cmarkTree(text)
    .children.filter((n) => n.type === 'html_block' && MARKER.test(n.text.trim()) && n.text.trim().split('\n').length === 1)
    .map((n) => String(n.start![0]))
    .join(' ');
}

const before = (a: [number, number], b: [number, number]): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);

/** The chain of nodes from the document down to the one holding 1-based (line, column). */
export function cmarkPath(root: XmlNode, line: number, column: number): XmlNode[] {
  const at: [number, number] = [line, column];
  const path: XmlNode[] = [root];
  let node: XmlNode | undefined = root;
  while (node) {
    const kids: XmlNode[] = node.children;
    node = undefined;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i]!;
      if (!k.start || !before(k.start, at)) continue;
      // cmark sometimes ends a block before it starts (an empty last line): trust the start then.
      if (k.end && before(k.start, k.end) && !before(at, k.end)) break;
      node = k;
      break;
    }
    if (node) path.push(node);
  }
  return path;
}
