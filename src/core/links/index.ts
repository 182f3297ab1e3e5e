// Link extraction and classification (pure). The effects live in src/io/scan.ts and src/run/check.ts.
export { extractLinks, extractionOf, type Extraction } from './extract.js';
export { blankFrontMatter } from '../document/index.js';
export { classifyLinks, neededTargets, DEFAULT_SEVERITY, LOCAL_KINDS, type Classified } from './classify.js';
export { mapFileView, type FileView, type EntryKind } from './file-view.js';
export { placeholderReason } from './placeholder.js';
export { resolveTarget, isLineAnchor, isMarkdownPath, type Target } from './resolve.js';
export { compileUrlPatterns, invalidUrlPattern } from './url-pattern.js';
export { resourceLinks } from './resources.js';
