// A learning is written in markdown (`inline code`, *emphasis*, [links](…)) and shown as such in
// the table, made safe for a table cell: one line; every `|` escaped (also inside code spans,
// where GFM tables unescape `\|`), so no cell boundary can come from user text; no raw HTML or
// autolink (`<` outside code becomes `&lt;`) and no image (`![` becomes `&#33;[`). Code spans are found as
// CommonMark finds them (a backtick run closed by a run of the same length) and kept verbatim.
import { oneLine } from './cell-text.js';

/** Escapes `|` unless already escaped by an odd run of backslashes before it. */
function escapePipes(s: string): string {
  return s.replace(/(\\*)\|/g, (_m, bs: string) => (bs.length % 2 === 1 ? `${bs}|` : `${bs}\\|`));
}

export function learningsMarkdown(value: string): string {
  const text = oneLine(value);
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) {
      // A backslash escape stays as written (`\|` is handled with the pipes below).
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '`') {
      let n = 1;
      while (text[i + n] === '`') n++;
      const run = '`'.repeat(n);
      // The closing run: exactly n backticks, not part of a longer run.
      let j = text.indexOf(run, i + n);
      while (j !== -1 && (text[j + n] === '`' || text[j - 1] === '`')) {
        let k = j;
        while (text[k] === '`') k++;
        j = text.indexOf(run, k);
      }
      if (j === -1) {
        out += run.replace(/`/g, '\\`');
        i += n;
        continue;
      }
      out += text.slice(i, j + n);
      i = j + n;
      continue;
    }
    // Entities, not backslashes: an autolink literal (`http://x.y\<b>`) can swallow a backslash
    // in some parsers and leave the `<` raw; an entity never forms syntax.
    if (c === '<') out += '&lt;';
    else if (c === '!' && text[i + 1] === '[') out += '&#33;';
    else out += c;
    i++;
  }
  return escapePipes(out);
}
