// The one document model: what odyssey knows about a markdown file after reading it once. Plain
// data (arrays, strings, numbers), so it can be cached as JSON and handed between layers.
// Lines and columns are 1-based; columns count UTF-16 units from the start of the line, after a
// byte order mark (as editors show them). Offsets are those of the text as given (BOM included).
import type { LinkForm } from '../model.js';
import type { FrontMatter } from './front-matter.js';

/** The status block's place in the file (front-matter.ts), without the body's text. */
export type DocFrontMatter = FrontMatter extends infer F ? (F extends unknown ? Omit<F, 'body'> : never) : never;

/** Bump whenever what the model holds, or how it is read, changes: caches key on it. */
export const DOCUMENT_VERSION = 2;

export interface DocLink {
  line: number;
  column: number;
  /** As written (after CommonMark unescaping and entity decoding), never normalized. */
  url: string;
  form: LinkForm;
  text?: string;
}

export interface DocHeading {
  level: number;
  /** `atx` (`# T`), `setext` (underlined with `=` or `-`) or `html` (`<h2>…</h2>` in an HTML block). */
  style: 'atx' | 'setext' | 'html';
  line: number;
  column: number;
  /** The heading's source between its markers, as written. */
  source: string;
  /** Its rendered text, as GitHub's anchor sees it: image alt text and HTML tags dropped. */
  text: string;
  /** GitHub's anchor (github-slugger over the file, so duplicates get `-1`, `-2`). */
  anchor: string;
  /** Nested in a list item or a quote (GitHub still makes an anchor). */
  nested: boolean;
}

export interface DocHtmlAnchor {
  /** The `id` or `name` attribute's value, entities decoded. */
  name: string;
  line: number;
  column: number;
}

export interface DocTask {
  /** The text after `[ ]` on the item's first line, trimmed. */
  text: string;
  done: boolean;
  /** Position of the `[`. */
  line: number;
  column: number;
  /** 0 for a task in a top-level list; one more per enclosing list item. */
  depth: number;
  /** Index in `tasks` of the task whose item holds this one; -1 for none. */
  parent: number;
}

/** Where a piece of marker-like text stands, the first that applies in this order. */
export type MarkerPlace =
  | 'marker' // a real marker: a top-level HTML comment alone on its line, written exactly
  | 'own-line' // a top-level HTML line of its own: its form or trailing text is the problem
  | 'html' // inside a longer top-level HTML block
  | 'fence'
  | 'indented-code'
  | 'inline-code'
  | 'item'
  | 'quote'
  | 'footnote'
  | 'table'
  | 'heading'
  | 'paragraph';

export interface DocMarker {
  /** Lower-cased name and edge; the text may be in another case or spacing. */
  name: string;
  edge: 'start' | 'end';
  /** As written. */
  text: string;
  place: MarkerPlace;
  line: number;
  column: number;
  /** Offsets of the marker's line: its first character, just past its text, just past its line ending. */
  lineStart: number;
  lineEnd: number;
  nextLineStart: number;
  /** Offset of the marker text itself. */
  offset: number;
  /** For `own-line` and `html`: the top-level HTML block the text is in. */
  block?: { startLine: number; endLine: number; opening: string; toBlankLine: boolean };
}

export interface DocTableCell {
  /** As written between the pipes, trimmed. */
  source: string;
  line: number;
  column: number;
  /** Offsets of `source` in the text. */
  start: number;
  end: number;
}

export interface DocTable {
  line: number;
  /** Offsets of the first character of the table's first line and just past its last line's text. */
  start: number;
  end: number;
  endLine: number;
  head: DocTableCell[];
  rows: Array<{ line: number; cells: DocTableCell[] }>;
  /** The nearest heading before the table at the top level, its rendered text; null for none. */
  heading: string | null;
  /** A direct child of the document (not in a list, quote or HTML). */
  topLevel: boolean;
}

export interface DocumentModel {
  version: number;
  path: string;
  /** `full`, or `status` when only front matter, tasks and headings were read (see ParseOptions). */
  scope: 'full' | 'status';
  /** The status block (YAML front matter) as found by lines; see front-matter.ts. */
  frontMatter: DocFrontMatter;
  headings: DocHeading[];
  htmlAnchors: DocHtmlAnchor[];
  /** Every link, image, definition, autolink, bare URL and HTML `href`/`src`, in source order. */
  links: DocLink[];
  /** Links silenced by `<!-- odyssey-disable… -->` comments: never checked, but counted. */
  suppressed: DocLink[];
  /** Task-list items of the body (outside the front matter), in source order. */
  tasks: DocTask[];
  /** Every odyssey marker-like comment text and where it stands. */
  markers: DocMarker[];
  tables: DocTable[];
}
