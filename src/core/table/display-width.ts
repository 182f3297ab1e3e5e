// Display width of a table cell, as string-width measures it, without segmenting every cell into
// grapheme clusters (string-width's Intl.Segmenter walk was a tenth of a 1,000-row sync).
import stringWidth from 'string-width';

const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

// Characters that are a grapheme cluster of their own next to any other character of this set:
// letters, numbers, punctuation, symbols and spaces, minus everything that joins a cluster (marks,
// Grapheme_Extend, emoji modifiers, regional indicators, Hangul jamo and syllables) and the blocks
// whose letters can be Prepend or SpacingMark (Indic to Lao, and the supplementary planes apart
// from emoji and CJK). A string of them is as wide as the sum of its characters.
// Written as the one character outside the set: a quantified pattern would backtrack on long cells.
const NOT_STANDALONE =
  /[^\p{L}\p{N}\p{P}\p{S}\p{Zs}]|[\p{M}\p{Grapheme_Extend}\p{Emoji_Modifier}\p{Regional_Indicator}\p{Script=Hangul}\u0900-\u0eff\u{10000}-\u{1efff}\u{1fc00}-\u{1ffff}\u{40000}-\u{10ffff}]/u;

// An emoji followed by VS16 (`⏸️`) is one cluster, two columns wide.
const EMOJI_VS16 = /(\p{Extended_Pictographic})\ufe0f/gu;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;

const charWidths = new Map<number, number>();
// Cells that cannot be measured by character repeat: measure each once.
const cellWidths = new Map<string, number>();

/** True when every character of `s` is a grapheme cluster of its own, so widths add up by character. */
export function measuredByCharacter(s: string): boolean {
  return !NOT_STANDALONE.test(s);
}

/**
 * The width of one standalone character. Common blocks are known without string-width, whose
 * first call costs ~60 ms (its segmenter and emoji pattern); tests hold both equal.
 */
function charWidth(cp: number, c: string): number {
  if ((cp >= 0xa0 && cp <= 0x2ff) || (cp >= 0x370 && cp <= 0x52f) || (cp >= 0x2010 && cp <= 0x205e)) return 1;
  if (
    (cp >= 0x3041 && cp <= 0x30ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff01 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    EMOJI_PRESENTATION.test(c)
  ) {
    return 2;
  }
  let w = charWidths.get(cp);
  if (w === undefined) {
    w = stringWidth(c);
    charWidths.set(cp, w);
  }
  return w;
}

export function displayWidth(s: string): number {
  if (!NOT_PRINTABLE_ASCII.test(s)) return s.length;
  const vs16 = s.includes('\ufe0f');
  if (!measuredByCharacter(vs16 ? s.replace(EMOJI_VS16, '$1') : s)) {
    if (s.length > 64) return stringWidth(s);
    let w = cellWidths.get(s);
    if (w === undefined) {
      w = stringWidth(s);
      cellWidths.set(s, w);
    }
    return w;
  }
  let width = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      width++;
      continue;
    }
    const cp = s.codePointAt(i)!;
    const wide = cp > 0xffff;
    const ch = wide ? s.slice(i, i + 2) : s[i]!;
    if (wide) i++;
    if (vs16 && s.charCodeAt(i + 1) === 0xfe0f) {
      width += 2;
      i++;
      continue;
    }
    width += charWidth(cp, ch);
  }
  return width;
}
