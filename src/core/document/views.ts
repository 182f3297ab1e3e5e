// What features take from a DocumentModel: links with their file, the anchors a fragment may name,
// the title heading. Small, pure views; the model itself stays plain data.
import type { Link } from '../model.js';
import type { DocumentModel } from './model.js';

/** The model's links as core/links works with them, each naming `file`. */
export function linksOf(model: Pick<DocumentModel, 'links'>, file: string): Link[] {
  return model.links.map((l) => ({ file, ...l }));
}

/** Every anchor GitHub makes in the file: heading slugs, then `id`/`name` attributes. */
export function anchorsOf(model: Pick<DocumentModel, 'headings' | 'htmlAnchors'>): Set<string> {
  const out = new Set<string>();
  for (const h of model.headings) out.add(h.anchor);
  for (const a of model.htmlAnchors) out.add(a.name);
  return out;
}

/** The source of the first level-1 `#` heading (markup not stripped); null when there is none. */
export function firstTitleHeading(model: Pick<DocumentModel, 'headings'>): string | null {
  for (const h of model.headings) if (h.level === 1 && h.style === 'atx' && h.source.trim() !== '') return h.source.trim();
  return null;
}
