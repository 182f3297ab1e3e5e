// The one reader: markdown text → DocumentModel, and what each feature takes from it.
export { parseDocument, blankFrontMatter, type ParseOptions } from './parse-document.js';
export { linksOf, anchorsOf, firstTitleHeading } from './views.js';
export { splitFrontMatter, type FrontMatter } from './front-matter.js';
export { MARKER_LINE } from './markers.js';
export {
  DOCUMENT_VERSION,
  type DocumentModel,
  type DocFrontMatter,
  type DocHeading,
  type DocHtmlAnchor,
  type DocLink,
  type DocMarker,
  type DocTable,
  type DocTableCell,
  type DocTask,
  type MarkerPlace,
} from './model.js';
