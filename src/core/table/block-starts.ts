// Recognisers for the starts of markdown blocks on one line, as micromark reads them: the
// pieces the block scanner (block-scan.ts) is assembled from.
import { htmlStart, type HtmlKind } from './html-block.js';

const isSpaceOrTab = (c: number): boolean => c === 32 || c === 9;

export type FlowStart =
  | { kind: 'heading' | 'break' | 'setext' }
  | { kind: 'fence'; marker: number; size: number }
  | { kind: 'html'; html: HtmlKind; after: number; state: number };

/**
 * The flow construct (other than paragraph, table and indented code) starting at `i`, or null.
 * `afterParagraph`: a paragraph is open (kind-7 HTML cannot interrupt it unless the line is
 * `lazy`); `setext`: an underline here would make that paragraph a heading.
 */
export function flowStart(line: string, i: number, afterParagraph: boolean, lazy: boolean, setext: boolean): FlowStart | null {
  const c = line.charCodeAt(i);
  if (c === 35 /* # */) {
    let n = 1;
    while (line.charCodeAt(i + n) === 35) n++;
    if (n <= 6 && (i + n >= line.length || isSpaceOrTab(line.charCodeAt(i + n)))) return { kind: 'heading' };
    return null;
  }
  if (c === 96 /* ` */ || c === 126 /* ~ */) {
    let n = 1;
    while (line.charCodeAt(i + n) === c) n++;
    if (n < 3) return null;
    if (c === 96 && line.indexOf('`', i + n) >= 0) return null;
    return { kind: 'fence', marker: c, size: n };
  }
  if (c === 60 /* < */) {
    const h = htmlStart(line, i, afterParagraph && !lazy);
    return h ? { kind: 'html', html: h.kind, after: h.after, state: h.state } : null;
  }
  if (c === 61 /* = */ || c === 45 /* - */) {
    if (setext && !lazy && isSetextUnderline(line, i, c)) return { kind: 'setext' };
  }
  if (c === 42 /* * */ || c === 45 || c === 95 /* _ */) {
    if (isThematicBreak(line, i)) return { kind: 'break' };
  }
  return null;
}

export function isSetextUnderline(line: string, i: number, c: number): boolean {
  let p = i;
  while (line.charCodeAt(p) === c) p++;
  while (isSpaceOrTab(line.charCodeAt(p))) p++;
  return p >= line.length;
}

export function isThematicBreak(line: string, i: number): boolean {
  const c = line.charCodeAt(i);
  let n = 0;
  for (let p = i; p < line.length; p++) {
    const k = line.charCodeAt(p);
    if (k === c) n++;
    else if (!isSpaceOrTab(k)) return false;
  }
  return n >= 3;
}

export function isClosingFence(line: string, i: number, marker: number, size: number): boolean {
  let p = i;
  while (line.charCodeAt(p) === marker) p++;
  if (p - i < size) return false;
  while (isSpaceOrTab(line.charCodeAt(p))) p++;
  return p >= line.length;
}

/** End offset (after `]:`) of a GFM footnote definition label at `i`, or -1. */
export function footnoteLabelEnd(line: string, i: number): number {
  if (line.charCodeAt(i + 1) !== 94 /* ^ */) return -1;
  let p = i + 2;
  let size = 0;
  for (;;) {
    const c = line.charCodeAt(p);
    if (size > 999 || p >= line.length || c === 91 || c === 32 || c === 9) return -1;
    if (c === 93 /* ] */) {
      if (size === 0) return -1;
      return line.charCodeAt(p + 1) === 58 /* : */ ? p + 2 : -1;
    }
    size++;
    p++;
    if (c === 92 /* \ */) {
      const n = line.charCodeAt(p);
      if (n === 91 || n === 92 || n === 93) {
        size++;
        p++;
      }
    }
  }
}

export interface ItemStart {
  size: number;
  blank: boolean;
  contentOff: number;
  contentCol: number;
}

/** A list item marker at `i` (column `iCol`; the container content starts at column `baseCol`). */
export function listItem(line: string, i: number, iCol: number, baseCol: number, interrupt: boolean): ItemStart | null {
  const c = line.charCodeAt(i);
  let p = i;
  if (c === 42 || c === 43 || c === 45) {
    if ((c === 42 || c === 45) && isThematicBreak(line, i)) return null;
    p++;
  } else if (c >= 48 && c <= 57) {
    if (interrupt && c !== 49) return null;
    let n = 0;
    while (line.charCodeAt(p) >= 48 && line.charCodeAt(p) <= 57 && n < 9) {
      p++;
      n++;
    }
    if (interrupt && n >= 2) return null;
    const d = line.charCodeAt(p);
    if (d !== 46 && d !== 41) return null;
    p++;
  } else return null;
  const markerCol = iCol + (p - i);
  // Spaces after the marker.
  let q = p;
  let qCol = markerCol;
  while (isSpaceOrTab(line.charCodeAt(q))) {
    qCol += line.charCodeAt(q) === 9 ? 4 - (qCol % 4) : 1;
    q++;
  }
  const initial = iCol - baseCol;
  if (q >= line.length) {
    if (interrupt) return null;
    return { size: initial + (markerCol - iCol) + 1, blank: true, contentOff: line.length, contentCol: qCol };
  }
  if (q === p) return null;
  const spaces = qCol - markerCol;
  if (spaces <= 4) {
    return { size: initial + (markerCol - iCol) + spaces, blank: false, contentOff: q, contentCol: qCol };
  }
  // Five or more: the content is indented code, one column of the gap belongs to the marker.
  const partialTab = line.charCodeAt(p) === 9 && 4 - (markerCol % 4) > 1;
  if (partialTab) {
    return { size: initial + (markerCol - iCol) + 1, blank: false, contentOff: p, contentCol: markerCol + 1 };
  }
  return { size: initial + (markerCol - iCol) + 1, blank: false, contentOff: p + 1, contentCol: markerCol + 1 };
}

/** Cell count of a possible GFM table head row at `i`, or -1 when it cannot be one. */
export function headRowCells(line: string, i: number): number {
  let size = 0;
  let tokens = 0;
  let seen = false;
  let p = i;
  if (line.charCodeAt(p) !== 124) {
    seen = true;
    tokens++;
  }
  while (p < line.length) {
    const c = line.charCodeAt(p);
    if (isSpaceOrTab(c)) {
      p++;
      continue;
    }
    tokens++;
    if (seen) {
      seen = false;
      size++;
    }
    if (c === 124) {
      seen = true;
      p++;
      continue;
    }
    // Cell data: up to a pipe or whitespace; `\|` and `\\` stay in the data.
    while (p < line.length) {
      const k = line.charCodeAt(p);
      if (k === 124 || isSpaceOrTab(k)) break;
      p++;
      if (k === 92) {
        const n = line.charCodeAt(p);
        if (n === 92 || n === 124) p++;
      }
    }
  }
  return tokens > 1 ? size : -1;
}

/** Cell count of a GFM delimiter row at `i` (`| --- | :-: |`), or -2 when it is not one. */
export function delimiterRowCells(line: string, i: number): number {
  let p = i;
  let cells = 0;
  let seen = false;
  let c = line.charCodeAt(p);
  if (c === 124) {
    seen = true;
    p++;
  } else if (c !== 45 && c !== 58) return -2;
  for (;;) {
    while (isSpaceOrTab(line.charCodeAt(p))) p++;
    if (p >= line.length) break;
    c = line.charCodeAt(p);
    if (c === 58) {
      seen = true;
      p++;
      if (line.charCodeAt(p) !== 45) return -2;
    } else if (c !== 45) return -2;
    cells++;
    while (line.charCodeAt(p) === 45) p++;
    if (line.charCodeAt(p) === 58) {
      seen = true;
      p++;
    }
    while (isSpaceOrTab(line.charCodeAt(p))) p++;
    if (p >= line.length) break;
    if (line.charCodeAt(p) !== 124) return -2;
    seen = true;
    p++;
  }
  return seen ? cells : -2;
}

/**
 * Whether the line at `i` is a whole one-line link reference definition (`[a]: /url "title"`).
 * A paragraph made only of these cannot be turned into a setext heading. Definitions spread
 * over several lines are not recognised (a documented, harmless difference from remark).
 */
export function isDefinition(line: string, i: number): boolean {
  if (line.charCodeAt(i) !== 91) return false;
  let p = i + 1;
  let seen = false;
  for (;;) {
    const c = line.charCodeAt(p);
    if (p >= line.length || c === 91 || p - i > 1000) return false;
    if (c === 93) break;
    if (!isSpaceOrTab(c)) seen = true;
    p++;
    if (c === 92 && (line.charCodeAt(p) === 91 || line.charCodeAt(p) === 92 || line.charCodeAt(p) === 93)) p++;
  }
  if (!seen || line.charCodeAt(p + 1) !== 58) return false;
  p += 2;
  while (isSpaceOrTab(line.charCodeAt(p))) p++;
  if (p >= line.length) return false;
  if (line.charCodeAt(p) === 60) {
    p++;
    for (;;) {
      const c = line.charCodeAt(p);
      if (p >= line.length || c === 60) return false;
      p++;
      if (c === 62) break;
      if (c === 92 && p < line.length) p++;
    }
  } else {
    let depth = 0;
    const start = p;
    for (;;) {
      const c = line.charCodeAt(p);
      if (p >= line.length || c <= 32 || c === 127) break;
      if (c === 40) depth++;
      else if (c === 41) {
        if (depth === 0) break;
        depth--;
      }
      p++;
      if (c === 92 && (line.charCodeAt(p) === 40 || line.charCodeAt(p) === 41 || line.charCodeAt(p) === 92)) p++;
    }
    if (p === start || depth !== 0) return false;
  }
  const afterDestination = p;
  while (isSpaceOrTab(line.charCodeAt(p))) p++;
  if (p >= line.length) return true;
  if (p === afterDestination) return false;
  const open = line.charCodeAt(p);
  const close = open === 40 ? 41 : open;
  if (open !== 34 && open !== 39 && open !== 40) return false;
  p++;
  for (;;) {
    const c = line.charCodeAt(p);
    if (p >= line.length) return false;
    if (c === close) break;
    if (open === 40 && c === 40) return false;
    p++;
    if (c === 92 && p < line.length) p++;
  }
  p++;
  while (isSpaceOrTab(line.charCodeAt(p))) p++;
  return p >= line.length;
}
