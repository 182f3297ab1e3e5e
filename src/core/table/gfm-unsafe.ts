import type { Unsafe } from 'mdast-util-to-markdown';

// What GFM reads as markup in plain text beyond CommonMark: `~~strike~~` and bare URLs,
// www. addresses and e-mail addresses (autolink literals). Same patterns as
// mdast-util-gfm-strikethrough and mdast-util-gfm-autolink-literal, which are not our direct
// dependencies; given to toMarkdown so user text in a cell stays text on GitHub.
const phrasing = 'phrasing' as const;
const noAutolink: Unsafe['notInConstruct'] = ['autolink', 'link', 'image', 'label'];

export const GFM_TEXT_UNSAFE: Unsafe[] = [
  {
    character: '~',
    inConstruct: phrasing,
    notInConstruct: ['autolink', 'destinationLiteral', 'destinationRaw', 'reference', 'titleQuote', 'titleApostrophe'],
  },
  { character: '@', before: '[+\\-.\\w]', after: '[\\-.\\w]', inConstruct: phrasing, notInConstruct: noAutolink },
  { character: '.', before: '[Ww]', after: '[\\-.\\w]', inConstruct: phrasing, notInConstruct: noAutolink },
  { character: ':', before: '[ps]', after: '\\/', inConstruct: phrasing, notInConstruct: noAutolink },
];
