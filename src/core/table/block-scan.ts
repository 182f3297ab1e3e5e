// A linear, line-by-line reading of markdown block structure, just deep enough to say which HTML
// blocks sit at the top level of the document. remark-parse gives the same answer but reads
// inline content too, which on a 10 MB README takes minutes on a shared CI machine; this takes
// well under a second. It follows micromark (remark's parser) including its quirks, and a
// differential test against mdast-util-from-markdown + GFM keeps the two in step.
import { htmlEnds, htmlStart, type HtmlKind } from './html-block.js';

/** One HTML block that is a direct child of the document. Lines are 1-based. */
export interface TopLevelHtml {
  startLine: number;
  endLine: number;
  /** Offset of the first character of its first line (indentation included). */
  lineStart: number;
  /** Offset just past its first line's text (before the line ending). */
  lineEnd: number;
  /** Offset just past its first line's line ending (equals `lineEnd` on the last line). */
  nextLineStart: number;
  kind: HtmlKind;
}

type Container =
  | { kind: 'quote' }
  | { kind: 'item'; size: number; initialBlank: boolean; furtherBlank: boolean }
  | { kind: 'footnote' };

type Leaf =
  | { kind: 'none' }
  | { kind: 'paragraph'; headCells: number; definitionsOnly: boolean; headIsTag: boolean }
  | { kind: 'fence'; marker: number; size: number }
  | { kind: 'html'; html: HtmlKind; top: TopLevelHtml | null }
  | { kind: 'code' }
  | { kind: 'table' };

const NONE: Leaf = { kind: 'none' };

const isSpaceOrTab = (c: number): boolean => c === 32 || c === 9;

/** Every top-level HTML block of `text`, in order. */
export function scanTopLevelHtml(text: string): TopLevelHtml[] {
  const out: TopLevelHtml[] = [];
  const stack: Container[] = [];
  let leaf: Leaf = NONE;
  let lineNo = 0;
  let lineStart = 0;
  let line = '';
  let lineEnd = 0;
  // micromark drops a byte order mark before reading; offsets stay those of `text`.
  let nextLineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Position inside the current line: character offset and visual column (tabs stop every 4).
  let off = 0;
  let col = 0;
  // Next non-space character from (off, col).
  let nnOff = 0;
  let nnCol = 0;

  const findNextNonspace = (): void => {
    let o = off;
    let c = col;
    for (;;) {
      const ch = line.charCodeAt(o);
      if (ch === 32) c++;
      else if (ch === 9) c += 4 - (c % 4);
      else break;
      o++;
    }
    nnOff = o;
    nnCol = c;
  };
  const advanceColumns = (n: number): void => {
    while (n > 0 && off < line.length) {
      if (line.charCodeAt(off) === 9) {
        const w = 4 - (col % 4);
        if (w <= n) {
          col += w;
          n -= w;
          off++;
        } else {
          col += n;
          n = 0;
        }
      } else {
        col++;
        off++;
        n--;
      }
    }
  };
  const toNextNonspace = (): void => {
    off = nnOff;
    col = nnCol;
  };

  let matched = 0;
  let opened = 0;
  const openContainer = (c: Container): void => {
    if (opened === 0) {
      stack.length = matched;
      setLeaf(NONE);
    }
    stack.push(c);
    matched = stack.length;
    opened++;
  };

  const closeHtml = (endLine: number): void => {
    if (leaf.kind === 'html' && leaf.top) leaf.top.endLine = endLine;
  };
  const setLeaf = (next: Leaf): void => {
    if (leaf.kind === 'html') closeHtml(lineNo - 1);
    leaf = next;
  };

  const re = /\r\n?|\n/g;
  // The previous line's lineStart, lineEnd and nextLineStart.
  const prev: [number, number, number] = [0, 0, 0];
  for (;;) {
    if (lineNo > 0) {
      prev[0] = lineStart;
      prev[1] = lineEnd;
      prev[2] = nextLineStart;
    }
    lineNo++;
    lineStart = nextLineStart;
    re.lastIndex = lineStart;
    const m = re.exec(text);
    lineEnd = m ? m.index : text.length;
    nextLineStart = m ? m.index + m[0].length : text.length;
    line = text.slice(lineStart, lineEnd);
    off = 0;
    col = 0;

    // Phase 1: which open containers does this line continue?
    matched = 0;
    opened = 0;
    for (const c of stack) {
      findNextNonspace();
      const blank = nnOff >= line.length;
      const indent = nnCol - col;
      if (c.kind === 'quote') {
        if (indent > 3 || line.charCodeAt(nnOff) !== 62) break;
        toNextNonspace();
        off++;
        col++;
        if (isSpaceOrTab(line.charCodeAt(off))) advanceColumns(1);
      } else if (c.kind === 'item') {
        if (blank) {
          c.furtherBlank = c.furtherBlank || c.initialBlank;
          advanceColumns(Math.min(c.size, indent));
        } else {
          if (c.furtherBlank || indent === 0) break;
          c.initialBlank = false;
          c.furtherBlank = false;
          if (indent < c.size) break;
          advanceColumns(c.size);
        }
      } else {
        if (!blank) {
          if (indent < 4) break;
          advanceColumns(4);
        }
      }
      matched++;
    }
    const allMatched = matched === stack.length;
    findNextNonspace();
    let blank = nnOff >= line.length;

    // Lines inside fenced code and HTML go to them untouched (no containers start inside).
    if (allMatched) {
      if (leaf.kind === 'fence') {
        if (nnCol - col <= 3 && isClosingFence(line, nnOff, leaf.marker, leaf.size)) leaf = NONE;
        if (m === null) break;
        continue;
      }
      if (leaf.kind === 'html') {
        if (blank && leaf.html >= 6) setLeaf(NONE);
        else if (leaf.html <= 5 && htmlEnds(leaf.html, line, off, 0)) {
          closeHtml(lineNo);
          leaf = NONE;
        }
        if (m === null) break;
        continue;
      }
    }

    // micromark decides whether a list item may start from the flow open *before* this line:
    // an open paragraph, or indented code (even across blank lines), forbid empty items and
    // ordered items not starting at 1, also inside a block quote opened on this same line.
    const interrupt = allMatched && (leaf.kind === 'paragraph' || leaf.kind === 'code');
    if (leaf.kind === 'code' && allMatched) {
      if (blank || nnCol - col >= 4) {
        if (m === null) break;
        continue;
      }
    }

    // Phase 2: new containers.
    for (;;) {
      findNextNonspace();
      if (nnCol - col > 3) break;
      const ch = line.charCodeAt(nnOff);
      if (ch === 62 /* > */) {
        openContainer({ kind: 'quote' });
        toNextNonspace();
        off++;
        col++;
        if (isSpaceOrTab(line.charCodeAt(off))) advanceColumns(1);
        continue;
      }
      if (ch === 91 /* [ */) {
        const end = footnoteLabelEnd(line, nnOff);
        if (end > 0) {
          openContainer({ kind: 'footnote' });
          off = end;
          col = nnCol + (end - nnOff);
          findNextNonspace();
          toNextNonspace();
          continue;
        }
        break;
      }
      const item = listItem(line, nnOff, nnCol, col, interrupt);
      if (item) {
        openContainer({ kind: 'item', size: item.size, initialBlank: item.blank, furtherBlank: false });
        off = item.contentOff;
        col = item.contentCol;
        if (item.blank) {
          off = line.length;
        }
        continue;
      }
      break;
    }

    findNextNonspace();
    blank = nnOff >= line.length;
    const indent = nnCol - col;
    const lazy = !allMatched && opened === 0;

    if (lazy) {
      if (leaf.kind === 'paragraph' && !blank) {
        if (indent >= 4) {
          leaf.headCells = -1;
          leaf.definitionsOnly = false;
          if (m === null) break;
          continue;
        }
        const start = flowStart(line, nnOff, true, true, false);
        if (start === null) {
          // A lazy line can still head a table whose delimiter row is not lazy.
          leaf.headCells = headRowCells(line, nnOff);
          leaf.headIsTag = false;
          leaf.definitionsOnly &&= isDefinition(line, nnOff);
          if (m === null) break;
          continue;
        }
        if (start.kind === 'html' && start.html === 7 && m !== null) {
          // micromark keeps a lazy complete-tag line inside the open containers (its check for
          // a following blank line is still pending when it decides; at the end of input it is not).
          leaf = { kind: 'html', html: 7, top: null };
          if (m === null) break;
          continue;
        }
      }
      stack.length = matched;
      setLeaf(NONE);
    } else if (opened === 0 && leaf.kind === 'paragraph') {
      if (blank) {
        leaf = NONE;
        if (m === null) break;
        continue;
      }
      if (indent >= 4) {
        leaf.headCells = -1;
        leaf.definitionsOnly = false;
        if (m === null) break;
        continue;
      }
      const start = flowStart(line, nnOff, true, false, !leaf.definitionsOnly);
      if (start === null) {
        if (leaf.headCells >= 0 && delimiterRowCells(line, nnOff) === leaf.headCells) {
          if (leaf.headIsTag) {
            // The table interrupts the paragraph, then its head line, read afresh, is an HTML
            // block (kind 7 may start a block, just not interrupt one), which takes this line too.
            const top: TopLevelHtml | null =
              stack.length === 0
                ? { startLine: lineNo - 1, endLine: lineNo, lineStart: prev[0], lineEnd: prev[1], nextLineStart: prev[2], kind: 7 }
                : null;
            if (top) out.push(top);
            leaf = { kind: 'html', html: 7, top };
          } else leaf = { kind: 'table' };
        } else {
          leaf.headCells = headRowCells(line, nnOff);
          leaf.headIsTag = leaf.headCells >= 0 && line.charCodeAt(nnOff) === 60 && htmlStart(line, nnOff, false)?.kind === 7;
          leaf.definitionsOnly &&= isDefinition(line, nnOff);
        }
        if (m === null) break;
        continue;
      }
      if (start.kind === 'setext') {
        leaf = NONE;
        if (m === null) break;
        continue;
      }
      leaf = NONE;
    } else if (opened === 0 && leaf.kind === 'table') {
      if (blank) {
        leaf = NONE;
        if (m === null) break;
        continue;
      }
      if (indent < 4 && flowStart(line, nnOff, false, false, false) === null) {
        if (m === null) break;
        continue;
      }
      leaf = NONE;
    } else if (leaf.kind !== 'none') {
      setLeaf(NONE);
    }

    // Phase 3: a fresh block at the current level.
    if (blank) {
      if (m === null) break;
      continue;
    }
    if (indent >= 4) {
      // Indented code begun on a lazy line ends with it in micromark (its continuation
      // check reads the laziness of the line it started on).
      leaf = lazy ? NONE : { kind: 'code' };
      if (m === null) break;
      continue;
    }
    const start = flowStart(line, nnOff, false, false, false);
    if (start === null) {
      leaf = { kind: 'paragraph', headCells: headRowCells(line, nnOff), definitionsOnly: isDefinition(line, nnOff), headIsTag: false };
    }
    else if (start.kind === 'fence') leaf = { kind: 'fence', marker: start.marker, size: start.size };
    else if (start.kind === 'html') {
      const top: TopLevelHtml | null =
        stack.length === 0
          ? { startLine: lineNo, endLine: lineNo, lineStart, lineEnd, nextLineStart, kind: start.html }
          : null;
      if (top) out.push(top);
      if (start.html <= 5 && htmlEnds(start.html, line, start.after, start.state)) leaf = NONE;
      else leaf = { kind: 'html', html: start.html, top };
    } else leaf = NONE;
    if (m === null) break;
  }
  if (leaf.kind === 'html') closeHtml(lineNo);
  return out;
}

type FlowStart =
  | { kind: 'heading' | 'break' | 'setext' }
  | { kind: 'fence'; marker: number; size: number }
  | { kind: 'html'; html: HtmlKind; after: number; state: number };

/**
 * The flow construct (other than paragraph, table and indented code) starting at `i`, or null.
 * `afterParagraph`: a paragraph is open (kind-7 HTML cannot interrupt it unless the line is
 * `lazy`); `setext`: an underline here would make that paragraph a heading.
 */
function flowStart(line: string, i: number, afterParagraph: boolean, lazy: boolean, setext: boolean): FlowStart | null {
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

function isSetextUnderline(line: string, i: number, c: number): boolean {
  let p = i;
  while (line.charCodeAt(p) === c) p++;
  while (isSpaceOrTab(line.charCodeAt(p))) p++;
  return p >= line.length;
}

function isThematicBreak(line: string, i: number): boolean {
  const c = line.charCodeAt(i);
  let n = 0;
  for (let p = i; p < line.length; p++) {
    const k = line.charCodeAt(p);
    if (k === c) n++;
    else if (!isSpaceOrTab(k)) return false;
  }
  return n >= 3;
}

function isClosingFence(line: string, i: number, marker: number, size: number): boolean {
  let p = i;
  while (line.charCodeAt(p) === marker) p++;
  if (p - i < size) return false;
  while (isSpaceOrTab(line.charCodeAt(p))) p++;
  return p >= line.length;
}

/** End offset (after `]:`) of a GFM footnote definition label at `i`, or -1. */
function footnoteLabelEnd(line: string, i: number): number {
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

interface ItemStart {
  size: number;
  blank: boolean;
  contentOff: number;
  contentCol: number;
}

/** A list item marker at `i` (column `iCol`; the container content starts at column `baseCol`). */
function listItem(line: string, i: number, iCol: number, baseCol: number, interrupt: boolean): ItemStart | null {
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
function headRowCells(line: string, i: number): number {
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
function delimiterRowCells(line: string, i: number): number {
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
function isDefinition(line: string, i: number): boolean {
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
