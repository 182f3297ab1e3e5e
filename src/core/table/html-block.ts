// HTML block starts and ends, character for character as micromark (remark-parse) reads them,
// so that the block scanner agrees with remark on which lines belong to an HTML block.

/** 1 raw (script…), 2 comment, 3 instruction, 4 declaration, 5 CDATA, 6 block tag, 7 any complete tag. */
export type HtmlKind = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const RAW_NAMES = new Set(['pre', 'script', 'style', 'textarea']);
const BLOCK_NAMES = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul'
  ).split(' '),
);

const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSpace = (c: number): boolean => c === 32 || c === 9;

export interface HtmlStart {
  kind: HtmlKind;
  /** Where the end search starts on this line (kinds 1–5). */
  after: number;
  /** The state the end search starts in (see `htmlEnds`). */
  state: number;
}

/**
 * Whether `line` at `i` (a `<`) opens an HTML block. `interrupt`: a paragraph is open and the
 * line is not lazy, in which case a kind-7 tag cannot start one.
 */
export function htmlStart(line: string, i: number, interrupt: boolean): HtmlStart | null {
  let p = i + 1;
  const c = line.charCodeAt(p);
  if (c === 33 /* ! */) {
    const d = line.charCodeAt(p + 1);
    if (d === 45 /* - */) return line.charCodeAt(p + 2) === 45 ? { kind: 2, after: p + 3, state: S_DECL } : null;
    if (d === 91 /* [ */) return line.startsWith('CDATA[', p + 2) ? { kind: 5, after: p + 8, state: S_BASE } : null;
    if (isAlpha(d)) return { kind: 4, after: p + 2, state: S_DECL };
    return null;
  }
  if (c === 63 /* ? */) return { kind: 3, after: p + 1, state: S_DECL };
  let closing = false;
  if (c === 47 /* / */) {
    closing = true;
    p++;
  }
  if (!isAlpha(line.charCodeAt(p))) return null;
  const nameStart = p;
  p++;
  for (;;) {
    const k = line.charCodeAt(p);
    if (k === 45 || isAlpha(k) || isDigit(k)) p++;
    else break;
  }
  const t = line.charCodeAt(p);
  const atEnd = p >= line.length;
  if (!(atEnd || t === 47 || t === 62 || isSpace(t))) return null;
  const slash = t === 47;
  const name = line.slice(nameStart, p).toLowerCase();
  if (!slash && !closing && RAW_NAMES.has(name)) return { kind: 1, after: p, state: S_BASE };
  if (BLOCK_NAMES.has(name)) {
    if (slash && line.charCodeAt(p + 1) !== 62) return null;
    return { kind: 6, after: p, state: S_BASE };
  }
  if (interrupt) return null;
  return (closing ? completeClosingTag(line, p) : completeOpenTag(line, p)) ? { kind: 7, after: p, state: S_BASE } : null;
}

function completeClosingTag(line: string, p: number): boolean {
  while (isSpace(line.charCodeAt(p))) p++;
  return completeEnd(line, p);
}

function completeEnd(line: string, p: number): boolean {
  if (line.charCodeAt(p) !== 62) return false;
  p++;
  while (isSpace(line.charCodeAt(p))) p++;
  return p >= line.length;
}

// micromark's complete-tag automaton (attribute names and values) for one line.
function completeOpenTag(line: string, p: number): boolean {
  const NAME_BEFORE = 0, NAME = 1, NAME_AFTER = 2, VALUE_BEFORE = 3, UNQUOTED = 4, QUOTED_AFTER = 5;
  let s = NAME_BEFORE;
  for (;;) {
    const c = p < line.length ? line.charCodeAt(p) : -1;
    switch (s) {
      case NAME_BEFORE:
        if (c === 47) return completeEnd(line, p + 1);
        if (c === 58 || c === 95 || isAlpha(c)) (p++, (s = NAME));
        else if (isSpace(c)) p++;
        else return completeEnd(line, p);
        break;
      case NAME:
        if (c === 45 || c === 46 || c === 58 || c === 95 || isAlpha(c) || isDigit(c)) p++;
        else s = NAME_AFTER;
        break;
      case NAME_AFTER:
        if (c === 61) (p++, (s = VALUE_BEFORE));
        else if (isSpace(c)) p++;
        else s = NAME_BEFORE;
        break;
      case VALUE_BEFORE:
        if (c === -1 || c === 60 || c === 61 || c === 62 || c === 96) return false;
        if (c === 34 || c === 39) {
          const close = line.indexOf(String.fromCharCode(c), p + 1);
          if (close < 0) return false;
          p = close + 1;
          s = QUOTED_AFTER;
        } else if (isSpace(c)) p++;
        else s = UNQUOTED;
        break;
      case UNQUOTED:
        if (c === -1 || c === 34 || c === 39 || c === 47 || c === 60 || c === 61 || c === 62 || c === 96 || isSpace(c)) s = NAME_AFTER;
        else p++;
        break;
      default:
        if (c === 47 || c === 62 || isSpace(c)) s = NAME_BEFORE;
        else return false;
    }
  }
}

const S_BASE = 0;
const S_DASH = 1; // one `-` seen (comment) or one `]` (CDATA)
const S_DECL = 2; // ready to close on `>`

/** Whether an HTML block of kinds 1–5 ends on `line`, searching from `from` in `state`. */
export function htmlEnds(kind: HtmlKind, line: string, from: number, state: number): boolean {
  if (kind === 1) return /<\/(?:pre|script|style|textarea)>/i.test(from === 0 ? line : line.slice(from));
  if (kind === 4) return line.indexOf('>', from) >= 0;
  let s = state;
  for (let p = from; p < line.length; p++) {
    const c = line.charCodeAt(p);
    if (kind === 2) {
      if (s === S_DECL && c === 62) return true;
      if (c === 45) s = s === S_BASE ? S_DASH : S_DECL;
      else s = S_BASE;
    } else if (kind === 3) {
      if (s === S_DECL && c === 62) return true;
      s = c === 63 ? S_DECL : S_BASE;
    } else if (kind === 5) {
      if (s === S_DECL && c === 62) return true;
      if (c === 93) s = s === S_DASH ? S_DECL : S_DASH;
      else s = S_BASE;
    }
  }
  return false;
}
