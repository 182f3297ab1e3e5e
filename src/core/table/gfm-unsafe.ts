import type { Unsafe } from 'mdast-util-to-markdown';

// GFM reads `~~text~~` as strikethrough, which plain CommonMark escaping does not know about.
// Same pattern as mdast-util-gfm-strikethrough (not a direct dependency). Bare URLs are left
// alone on purpose: GitHub links them even when escaped, and a link whose text is its own
// address hides nothing.
export const GFM_TEXT_UNSAFE: Unsafe[] = [
  {
    character: '~',
    inConstruct: 'phrasing',
    notInConstruct: ['autolink', 'destinationLiteral', 'destinationRaw', 'reference', 'titleQuote', 'titleApostrophe'],
  },
];
