// A file's links and anchors as link checking needs them, read off the one document model.
import { anchorsOf, linksOf, parseDocument, type DocumentModel } from '../document/index.js';
import type { Finding, Link } from '../model.js';

export interface Extraction {
  links: Link[];
  /** Heading slugs (GitHub's, duplicates `-1`, `-2`) and explicit `id`/`name` anchors. */
  anchors: Set<string>;
  findings: Finding[];
  /** Links a disable comment silenced: never checked, but counted. */
  suppressed: Link[];
}

/** The link-checking view of a parsed file. */
export function extractionOf(model: DocumentModel, file: string): Extraction {
  return { links: linksOf(model, file), anchors: anchorsOf(model), findings: [], suppressed: model.suppressed.map((l) => ({ file, ...l })) };
}

/** Parses `raw` (the file as read) and returns its links and anchors. */
export function extractLinks(file: string, raw: string): Extraction {
  return extractionOf(parseDocument(raw, file), file);
}
