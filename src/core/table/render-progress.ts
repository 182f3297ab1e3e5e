import type { Table, TableRow } from 'mdast';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Column, ResourceStyle } from '../config.js';
import type { Module } from '../model.js';
import { cellContent, columnHeader } from './columns.js';
import { displayWidth } from './display-width.js';
import { GFM_TEXT_UNSAFE } from './gfm-unsafe.js';
import { presafeCell } from './presafe-cell.js';
import { progressLine } from './progress-line.js';
import { sortModules } from '../status/module-order.js';

export interface RenderProgressOptions {
  columns: Column[];
  /** Root-relative path of the README holding the zone: links are made relative to its folder. */
  readme: string;
  /** When given, the overall line says `updated <now>` (so the zone changes when it does). */
  now?: string;
  /** `table.resources`: full titles, short ones (default) or a count. */
  resources?: ResourceStyle;
}

/**
 * The body of the progress zone: a blank line, the overall line, a blank line, the table
 * (pipes aligned by display width, so CJK and emoji line up), a blank line. `\n` endings.
 */
export function renderProgress(modules: readonly Module[], opts: RenderProgressOptions): string {
  const sorted = sortModules(modules);
  const header: TableRow = {
    type: 'tableRow',
    children: opts.columns.map((c) => ({ type: 'tableCell', children: presafeCell([{ type: 'text', value: columnHeader(c) }]) })),
  };
  const rows: TableRow[] = sorted.map((m) => ({
    type: 'tableRow',
    children: opts.columns.map((c) => ({ type: 'tableCell', children: presafeCell(cellContent(c, m, opts.readme, { resources: opts.resources ?? 'short' })) })),
  }));
  const markdown = tableMarkdown({ type: 'table', align: opts.columns.map(() => 'left'), children: [header, ...rows] });
  return `\n${progressLine(sorted, opts.now)}\n\n${markdown.replace(/\n+$/, '')}\n\n`;
}

/** The table as GFM, pipes aligned by display width; user text in `text` nodes is escaped. */
export function tableMarkdown(table: Table): string {
  return toMarkdown(
    { type: 'root', children: [table] },
    { extensions: [gfmTableToMarkdown({ stringLength: displayWidth })], unsafe: GFM_TEXT_UNSAFE },
  );
}
