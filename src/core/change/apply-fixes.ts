// Certain fixes written into a file's text: only each link target's own bytes change, found at the
// link's exact place (its line and column, then the target as written from there). A target not
// found where the finding says is left alone, never guessed at. Pure.

export interface TextFix {
  /** Where the link starts, 1-based, as the finding gives it. */
  line: number;
  column: number;
  /** The target as written now, and what to write instead. */
  url: string;
  to: string;
}

export interface Span {
  start: number;
  end: number;
}

/** Offsets of each line's start in `text` (lines end at `\n`; a `\r` before it stays in the line). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

const BEFORE = new Set(['(', '<', '"', "'", '=', ':', ' ', '\t', '\n']);
const URLISH = /[A-Za-z0-9/_.~%#?&=+-]/;
/** How far past the link's start its target may lie (link text can be long, or span lines). */
const WINDOW = 4096;

/** Where the target `url` of the link starting at `line`:`column` is written; null when not found. */
export function targetSpan(text: string, line: number, column: number, url: string, starts = lineStarts(text)): Span | null {
  if (line < 1 || line > starts.length || url === '') return null;
  // The extraction strips a byte order mark before counting columns.
  const bom = line === 1 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const from = starts[line - 1]! + bom + column - 1;
  const limit = Math.min(text.length, from + WINDOW + url.length);
  for (let i = text.indexOf(url, from); i !== -1 && i + url.length <= limit; i = text.indexOf(url, i + 1)) {
    const before = i === 0 ? '\n' : text[i - 1]!;
    const after = text[i + url.length] ?? '';
    if ((i === from || BEFORE.has(before)) && !URLISH.test(after)) return { start: i, end: i + url.length };
  }
  return null;
}

/** Applies every fix it can place; the rest come back in `skipped`. */
export function applyTextFixes(text: string, fixes: readonly TextFix[]): { text: string; applied: TextFix[]; skipped: TextFix[] } {
  const starts = lineStarts(text);
  const placed: Array<{ fix: TextFix; span: Span }> = [];
  const skipped: TextFix[] = [];
  for (const fix of fixes) {
    const span = targetSpan(text, fix.line, fix.column, fix.url, starts);
    // Two findings on one link (say, a missing anchor reported twice) must not write twice.
    if (!span || placed.some((p) => p.span.start < span.end && span.start < p.span.end)) skipped.push(fix);
    else placed.push({ fix, span });
  }
  placed.sort((a, b) => b.span.start - a.span.start);
  let out = text;
  for (const { fix, span } of placed) out = out.slice(0, span.start) + fix.to + out.slice(span.end);
  return { text: out, applied: placed.map((p) => p.fix).reverse(), skipped };
}
