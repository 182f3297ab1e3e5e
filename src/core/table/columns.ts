import type { PhrasingContent } from 'mdast';
import type { Column, ResourceStyle } from '../config.js';
import { taskProgress, type Module } from '../model.js';
import { extraText, oneLine, readableKey, rebaseLink, relativeLink } from './cell-text.js';
import { STATUS_LABELS, UNKNOWN_LABEL } from './labels.js';
import { learningsMarkdown } from './learnings-markdown.js';
import { shortTitle } from './short-title.js';
import { unsafeScheme } from '../links/unsafe-url.js';

export const DEFAULT_HEADERS: Record<string, string> = {
  topic: 'Module/Topic',
  status: 'Status',
  notes: 'My Notes/Code',
  resources: 'Key Resources',
  started: 'Start Date',
  completed: 'Completion Date',
  confidence: 'Confidence (1-5)',
  learnings: 'Key Learnings/Challenges',
  dates: 'Dates',
};

export interface CellOptions {
  /** How resources show (`table.resources`); default `short`. */
  resources?: ResourceStyle;
}

/** `2026-01-12 → 03-01` (the year once when both share it), `2026-06-20 →` while in progress. */
export function datesText(started: string | undefined, completed: string | undefined): string {
  const s = oneLine(started ?? '');
  const c = oneLine(completed ?? '');
  if (!s && !c) return '';
  if (!c) return `${s} →`;
  if (!s) return `→ ${c}`;
  const sy = /^(\d{4})-\d{2}-\d{2}$/.exec(s)?.[1];
  const cy = /^(\d{4})-(\d{2}-\d{2})$/.exec(c);
  return `${s} → ${sy && cy && cy[1] === sy ? cy[2] : c}`;
}

/** A built-in column's header. Own keys only: a column named `constructor` is a field, not Object's. */
export function defaultHeader(key: string): string | undefined {
  return Object.hasOwn(DEFAULT_HEADERS, key) ? DEFAULT_HEADERS[key] : undefined;
}

export function columnHeader(column: Column): string {
  return oneLine(column.header ?? defaultHeader(column.key) ?? readableKey(column.key));
}

const text = (value: string): PhrasingContent[] => (value === '' ? [] : [{ type: 'text', value }]);
/** A link; a `javascript:`, `vbscript:`, `file:` or `data:` target is shown as text, never linked (an `unsafe-url` finding says so). */
const link = (url: string, label: string): PhrasingContent => {
  const shown = oneLine(label) || oneLine(url);
  if (unsafeScheme(url) !== null) return { type: 'text', value: shown === oneLine(url) ? shown : `${shown} (${oneLine(url)})` };
  return { type: 'link', url: oneLine(url), children: text(shown) };
};

/** The content of one cell: user text stays text nodes, so the serializer escapes it. */
export function cellContent(column: Column, m: Module, readme: string, opts: CellOptions = {}): PhrasingContent[] {
  switch (column.key) {
    case 'topic':
      return [link(relativeLink(readme, m.file), oneLine(m.title) || m.id)];
    case 'status': {
      const label = m.status === null ? UNKNOWN_LABEL : STATUS_LABELS[m.status];
      const { done, total } = taskProgress(m);
      const tasks = m.status !== null && total > 0 ? ` (${done}/${total})` : '';
      return text(`${label.emoji} ${label.label}${tasks}`);
    }
    case 'notes':
      return [link(relativeLink(readme, m.file), 'Notes')];
    case 'resources': {
      const style = opts.resources ?? 'short';
      if (style === 'count') {
        const n = m.resources.length;
        // The module README shows its status block (and so its resources) at the top.
        return n === 0 ? [] : [link(relativeLink(readme, m.file), `${n} resource${n === 1 ? '' : 's'}`)];
      }
      const out: PhrasingContent[] = [];
      for (const r of m.resources) {
        if (out.length > 0) out.push({ type: 'text', value: style === 'short' ? ' · ' : ', ' });
        // Written relative to the module README; the table is read from `readme`.
        const url = rebaseLink(r.url, m.file, readme);
        const label = style === 'short' ? shortTitle(r.title) : r.title;
        const node = link(url, label);
        // A shortened title keeps the whole one as the link's tooltip.
        if (style === 'short' && oneLine(label) !== oneLine(r.title)) (node as { title?: string }).title = oneLine(r.title);
        out.push(node);
      }
      return out;
    }
    case 'started':
      return text(oneLine(m.started ?? ''));
    case 'completed':
      return text(oneLine(m.completed ?? ''));
    case 'confidence':
      return text(m.confidence === undefined ? '' : `${m.confidence}/5`);
    case 'learnings': {
      // Markdown as the learner wrote it (code stays code), made safe for one table cell.
      const md = learningsMarkdown(m.learnings ?? '');
      return md === '' ? [] : [{ type: 'html', value: md }];
    }
    case 'dates':
      return text(datesText(m.started, m.completed));
    default:
      return text(extraText(Object.hasOwn(m.extra, column.key) ? m.extra[column.key] : undefined));
  }
}
