// A table cell's markdown with the table renderer's escaping undone. sync writes user text as
// escaped text nodes (`\*`, `\<`, `\|`, `&#x26;` …), so copying a generated cell as written would
// have the next sync escape it again. Text nodes become their parsed values; everything else a
// person wrote (emphasis marks, code spans, links, HTML) stays as written, less the table's `\|`.

export interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

export interface CellMarkdownOptions {
  /** How a text node's value is written; as it is by default. */
  textOut?: (value: string) => string;
  /** Leave links out (for the text around a cell's links). */
  dropLinks?: boolean;
}

// Inside a table every `\|` stands for `|`, code spans and link destinations included (GFM §4.10).
const tablePipes = (raw: string): string => raw.replace(/\\\|/g, '|');

const start = (n: MdNode): number => n.position!.start.offset!;
const end = (n: MdNode): number => n.position!.end.offset!;

// Containers whose marks are the user's own markup: their text is unescaped, their marks kept.
const CONTAINERS = new Set(['emphasis', 'strong', 'delete']);

/** The markdown of `text[from, to)`, whose nodes are `children`, with text nodes written as their values. */
export function cellMarkdown(children: readonly MdNode[], text: string, from: number, to: number, opts: CellMarkdownOptions = {}): string {
  const textOut = opts.textOut ?? ((v: string) => v);
  let out = '';
  let cursor = from;
  for (const child of children) {
    if (child.position?.start.offset === undefined || child.position.end.offset === undefined) continue;
    const s = Math.max(start(child), cursor);
    const e = Math.min(end(child), to);
    if (e <= s) continue;
    out += tablePipes(text.slice(cursor, s));
    if (child.type === 'text') out += textOut(child.value ?? '');
    else if (CONTAINERS.has(child.type) && child.children) out += cellMarkdown(child.children, text, s, e, opts);
    else if (opts.dropLinks && child.type === 'link') out += ' ';
    else out += tablePipes(text.slice(s, e));
    cursor = e;
  }
  return out + tablePipes(text.slice(cursor, Math.max(cursor, to)));
}

// parseMarkdownLink (core/status/resources) reads `\x` as `x` in a label and matches brackets:
// these three keep their backslash, every other escape goes.
const labelText = (value: string): string => value.replace(/[\\[\]]/g, '\\$&');

/**
 * A link in a table cell as a status block's `resources` item: `[A \| B](url)` → `[A | B](url)`,
 * `[a \*b\*](url)` → `[a *b*](url)`. Null when it is not written `[text](destination)` (an autolink).
 */
export function linkMarkdown(link: MdNode, text: string): string | null {
  const s = start(link);
  const e = end(link);
  if (text[s] !== '[') return null;
  const kids = link.children ?? [];
  const labelEnd = kids.length === 0 ? s + 1 : end(kids[kids.length - 1]!);
  if (text[labelEnd] !== ']' || text[labelEnd + 1] !== '(') return tablePipes(text.slice(s, e));
  const label = cellMarkdown(kids, text, s + 1, labelEnd, { textOut: labelText });
  return `[${label}]${tablePipes(text.slice(labelEnd + 1, e))}`;
}
