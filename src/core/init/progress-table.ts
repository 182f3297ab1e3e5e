// Finds the hand-kept progress table in a README: under a heading that names progress, else the
// first table with a Module/Topic and a Status column. Pure; positions come from the markdown parser,
// so a table shown inside a code block or a list is never taken for the real one.
import type { Heading, Root, RootContent, Table, TableCell } from 'mdast';
import { parseMdast } from '../document/mdast.js';
import { cellMarkdown, linkMarkdown, type MdNode } from './cell-markdown.js';
import { readColumns, type TableColumn } from './columns.js';

export interface CellLink {
  url: string;
  text: string;
  /** The link as written, e.g. `[Paper](link_to_paper)`. */
  source: string;
  /** As a status block's resource: `[text](url)` with the table's escaping undone; null for an autolink. */
  markdown: string | null;
}

export interface TableCellText {
  /** As written between the pipes, trimmed, with `\|` unescaped. */
  source: string;
  /** What the user would have written: `source` with escapes and character references in text decoded. */
  text: string;
  /** `text` without the cell's links. */
  rest: string;
  /** Without markdown: link text instead of links, no emphasis marks. */
  plain: string;
  links: CellLink[];
  line: number;
  column: number;
}

export interface TableRow {
  /** 1-based position among the table's body rows. */
  index: number;
  line: number;
  cells: TableCellText[];
}

export interface ProgressTable {
  columns: TableColumn[];
  rows: TableRow[];
  /** Offsets of the first character of the table's first line and just past its last line's text. */
  start: number;
  end: number;
  line: number;
  /** Already between `<!-- odyssey:progress:start -->` and `…:end -->`. */
  inZone: boolean;
}

export type TableSearch =
  | { kind: 'found'; table: ProgressTable }
  /** The README already has a progress zone with no table in it: nothing to read rows from. */
  | { kind: 'zone-without-table' }
  | { kind: 'problem'; line: number; column: number; message: string };

import { WHAT_INIT_LOOKS_FOR } from './looks-for.js';

export { WHAT_INIT_LOOKS_FOR };

const PROGRESS_HEADING = /progress|tracking|tracker/i;
const MARKER = /^<!--\s*odyssey:progress:(start|end)\s*-->$/;

function plainText(node: { type: string; value?: string; children?: unknown[] }): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  if (node.type === 'html') return '';
  if (!node.children) return '';
  return (node.children as Array<{ type: string; value?: string; children?: unknown[] }>).map(plainText).join('');
}

function linksIn(node: { type: string; children?: unknown[]; url?: string; position?: { start: { offset?: number }; end: { offset?: number } } }, text: string, out: CellLink[]): void {
  if (node.type === 'link' && node.url !== undefined) {
    const s = node.position?.start.offset ?? 0;
    const e = node.position?.end.offset ?? s;
    out.push({ url: node.url, text: plainText(node as Parameters<typeof plainText>[0]).trim(), source: text.slice(s, e), markdown: linkMarkdown(node as MdNode, text) });
    return;
  }
  for (const c of (node.children ?? []) as Array<Parameters<typeof linksIn>[0]>) linksIn(c, text, out);
}

function readCell(cell: TableCell, text: string): TableCellText {
  const s = cell.position!.start.offset!;
  const e = cell.position!.end.offset!;
  // The cell's span includes its pipes and padding; strip them so only the user's text remains.
  const lead = /^\s*\|?\s*/.exec(text.slice(s, e))![0].length;
  // The closing pipe goes, an escaped one (`a \|`) is the cell's own text.
  const raw = text.slice(s + lead, e).replace(/(?<!\\)\|?\s*$/, '').trim();
  const source = raw.replace(/\\\|/g, '|');
  const from = s + lead;
  const to = from + raw.length;
  const links: CellLink[] = [];
  linksIn(cell, text, links);
  return {
    source,
    text: cellMarkdown(cell.children, text, from, to).trim(),
    rest: cellMarkdown(cell.children, text, from, to, { dropLinks: true }).trim(),
    plain: plainText(cell).replace(/\s+/g, ' ').trim(),
    links,
    line: cell.position!.start.line,
    column: cell.position!.start.column + lead,
  };
}

function toTable(node: Table, text: string, inZone: boolean): ProgressTable {
  const [head, ...body] = node.children;
  const headers = (head?.children ?? []).map((c) => plainText(c).replace(/\s+/g, ' ').trim());
  const rows = body.map((r, i) => ({
    index: i + 1,
    line: r.position!.start.line,
    cells: r.children.map((c) => readCell(c, text)),
  }));
  const start = node.position!.start.offset! - (node.position!.start.column - 1);
  return { columns: readColumns(headers), rows, start, end: node.position!.end.offset!, line: node.position!.start.line, inZone };
}

function missingColumns(t: ProgressTable): string[] {
  const missing: string[] = [];
  if (!t.columns.some((c) => c.role === 'topic')) missing.push('Module/Topic column');
  if (!t.columns.some((c) => c.role === 'status')) missing.push('Status column');
  return missing;
}

export function parseMarkdown(text: string): Root {
  return parseMdast(text);
}

export function findProgressTable(text: string): TableSearch {
  const root = parseMarkdown(text);
  const nodes: RootContent[] = root.children;

  // Zone markers count only as top-level HTML nodes (a marker in a code block is text).
  const markers = nodes.flatMap((n, i) => {
    if (n.type !== 'html') return [];
    const m = MARKER.exec(n.value.trim());
    return m ? [{ kind: m[1] as 'start' | 'end', i, line: n.position!.start.line }] : [];
  });
  if (markers.length > 0) {
    const [a, b, extra] = markers;
    if (!a || !b || a.kind !== 'start' || b.kind !== 'end' || extra) {
      const at = extra ?? (a!.kind !== 'start' ? a! : b ?? a!);
      return {
        kind: 'problem',
        line: at.line,
        column: 1,
        message:
          'the progress zone markers do not pair up: keep exactly one `<!-- odyssey:progress:start -->` followed by one `<!-- odyssey:progress:end -->`, each on a line of its own',
      };
    }
    const inside = nodes.slice(a.i + 1, b.i).find((n): n is Table => n.type === 'table');
    return inside ? { kind: 'found', table: toTable(inside, text, true) } : { kind: 'zone-without-table' };
  }

  // Under a heading that names progress: the first table before the next heading of its level or above.
  for (let i = 0; i < nodes.length; i++) {
    const h = nodes[i]!;
    if (h.type !== 'heading' || !PROGRESS_HEADING.test(plainText(h))) continue;
    for (let j = i + 1; j < nodes.length; j++) {
      const n = nodes[j]!;
      if (n.type === 'heading' && (n as Heading).depth <= (h as Heading).depth) break;
      if (n.type !== 'table') continue;
      const t = toTable(n, text, false);
      const missing = missingColumns(t);
      if (missing.length === 0) return { kind: 'found', table: t };
      return {
        kind: 'problem',
        line: t.line,
        column: 1,
        message: `the table under "${plainText(h).trim()}" has no ${missing.join(' and no ')}: name its columns so that one header says Module or Topic and one says Status (${WHAT_INIT_LOOKS_FOR})`,
      };
    }
  }

  const tables = nodes.filter((n): n is Table => n.type === 'table');
  for (const n of tables) {
    const t = toTable(n, text, false);
    if (missingColumns(t).length === 0) return { kind: 'found', table: t };
  }
  const seen = tables.length === 0 ? 'no table at the top level' : `${tables.length} table(s), none with both columns`;
  return { kind: 'problem', line: 1, column: 1, message: `no progress table found (${seen}): ${WHAT_INIT_LOOKS_FOR}` };
}
