import type { PhrasingContent } from 'mdast';
import type { Column } from '../config.js';
import { taskProgress, type Module } from '../model.js';
import { extraText, oneLine, readableKey, rebaseLink, relativeLink } from './cell-text.js';
import { STATUS_LABELS, UNKNOWN_LABEL } from './labels.js';
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
};

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
export function cellContent(column: Column, m: Module, readme: string): PhrasingContent[] {
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
      const out: PhrasingContent[] = [];
      for (const r of m.resources) {
        if (out.length > 0) out.push({ type: 'text', value: ', ' });
        // Written relative to the module README; the table is read from `readme`.
        out.push(link(rebaseLink(r.url, m.file, readme), r.title));
      }
      return out;
    }
    case 'started':
      return text(oneLine(m.started ?? ''));
    case 'completed':
      return text(oneLine(m.completed ?? ''));
    case 'confidence':
      return text(m.confidence === undefined ? '' : `${m.confidence}/5`);
    case 'learnings':
      return text(oneLine(m.learnings ?? ''));
    default:
      return text(extraText(Object.hasOwn(m.extra, column.key) ? m.extra[column.key] : undefined));
  }
}
