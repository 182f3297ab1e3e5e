// Generates small markdown documents dense in the constructs that decide block structure
// (containers, fences, HTML blocks, tables, lazy lines), for differential tests against remark.

import { mulberry32 } from '../../support/prng.js';
/** Seeded, so a failing case can be replayed. */
export const rng = mulberry32;

const PREFIXES = [
  '', '', '', '', '', '', ' ', '  ', '   ', '    ', '     ', '\t', ' \t', '> ', '>', '> > ', '>\t',
  '- ', '-  ', '-     ', '-\t', '* ', '+ ', '1. ', '1) ', '2. ', '10. ', '  - ', '   1. ', '> - ', '- > ',
  '[^1]: ', '[^a]:', '[^x y]: ', '[^]: ', '  > ',
];

const FRAGMENTS = [
  '<!-- odyssey:progress:start -->', '<!-- odyssey:progress:end -->', '<!-- odyssey:chart:start -->',
  '<!-- odyssey:progress:start --> trailing', '<!--odyssey:progress:end-->',
  'text', 'more text', 'a | b', '| a | b |', '| - | - |', '|---|---|', '| a |', '| - |', ':-', '-|-', '| :-: |',
  '```', '```js', '````', '~~~', '~~~ info', '``` `x`', '```   ',
  '<div>', '</div>', '<div/>', '<span>', '<span class="x">', '</span>', '<a href=x>', '<x-y z=\'q\' />',
  '<script>', '</script>', '<pre>', '</pre> after', '<style>x</style>',
  '<!--', '-->', '<!-- c -->', '<!-->', '--->', '<?', '?>', '<?x?>', '<!DOCTYPE html>', '<!X', '>',
  '<![CDATA[', ']]>', ']]]>', '<table><tr>',
  '# h', '###### h', '####### h', '#x', '---', '***', '* * *', '___', '===', '- - -', '--',
  '', '', '', '', '  ', '    code', 'para `<!-- odyssey:progress:start -->`', '-', '1.', '2.', '*', '[^1]:',
  // Link reference definitions on one line only: see isDefinition in block-scan.ts.
  '[a]: /url', '[a]: <x y> "t"', '[b]: /u (t)', '> quote',
];

export function randomDoc(next: () => number, lines = 4 + Math.floor(next() * 14)): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    let prefix = pick(PREFIXES);
    // Continuation-style indents line up with the list items above more often than chance.
    if (next() < 0.15) prefix = pick(['  ', '   ', '    ', '      ']) + prefix;
    out.push(prefix + pick(FRAGMENTS));
  }
  const eol = pick(['\n', '\n', '\n', '\r\n', '\r']);
  return (next() < 0.05 ? '\uFEFF' : '') + out.join(eol) + (next() < 0.7 ? eol : '');
}
