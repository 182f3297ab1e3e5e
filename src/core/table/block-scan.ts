// A linear, line-by-line reading of markdown block structure, just deep enough to say which HTML
// blocks sit at the top level of the document. remark-parse gives the same answer but reads
// inline content too, which on a 10 MB README takes minutes on a shared CI machine; this takes
// well under a second. It follows micromark (remark's parser) including its quirks, and a
// differential test against mdast-util-from-markdown + GFM keeps the two in step.
import { htmlEnds, htmlStart, type HtmlKind } from './html-block.js';
import {
  delimiterRowCells,
  flowStart,
  footnoteLabelEnd,
  headRowCells,
  isClosingFence,
  isDefinition,
  listItem,
} from './block-starts.js';

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

/** Where a line (its text from lineStart to lineEnd) ended up: its outermost container (null at the top level) and its leaf block. */
export type LinePlace = (line: number, lineStart: number, lineEnd: number, container: LineContainer | null, leaf: LineLeaf) => void;
export type LineContainer = Container['kind'];
export type LineLeaf = Leaf['kind'];

/**
 * Every top-level HTML block of `text`, in order. `onLine`, when given, hears where each line
 * ended up, so that a message can say why marker text there does not count.
 */
export function scanTopLevelHtml(text: string, onLine?: LinePlace): TopLevelHtml[] {
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

  let atEnd = false;
  // A line of indented code that ends with itself (see Phase 3): a code line all the same.
  let lazyCode = false;
  const re = /\r\n?|\n/g;
  // The previous line's lineStart, lineEnd and nextLineStart.
  const prev: [number, number, number] = [0, 0, 0];
  const step = (): void => {
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
        return;
      }
      if (leaf.kind === 'html') {
        if (blank && leaf.html >= 6) setLeaf(NONE);
        else if (leaf.html <= 5 && htmlEnds(leaf.html, line, off, 0)) {
          closeHtml(lineNo);
          leaf = NONE;
        }
        return;
      }
    }

    // micromark decides whether a list item may start from the flow open *before* this line:
    // an open paragraph, or indented code (even across blank lines), forbid empty items and
    // ordered items not starting at 1, also inside a block quote opened on this same line.
    const interrupt = allMatched && (leaf.kind === 'paragraph' || leaf.kind === 'code');
    if (leaf.kind === 'code' && allMatched) {
      if (blank || nnCol - col >= 4) {
        return;
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
          return;
        }
        const start = flowStart(line, nnOff, true, true, false);
        if (start === null) {
          // A lazy line can still head a table whose delimiter row is not lazy.
          leaf.headCells = headRowCells(line, nnOff);
          leaf.headIsTag = false;
          leaf.definitionsOnly &&= isDefinition(line, nnOff);
          return;
        }
        if (start.kind === 'html' && start.html === 7 && !atEnd) {
          // micromark keeps a lazy complete-tag line inside the open containers (its check for
          // a following blank line is still pending when it decides; at the end of input it is not).
          leaf = { kind: 'html', html: 7, top: null };
          return;
        }
      }
      stack.length = matched;
      setLeaf(NONE);
    } else if (opened === 0 && leaf.kind === 'paragraph') {
      if (blank) {
        leaf = NONE;
        return;
      }
      if (indent >= 4) {
        leaf.headCells = -1;
        leaf.definitionsOnly = false;
        return;
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
        return;
      }
      if (start.kind === 'setext') {
        leaf = NONE;
        return;
      }
      leaf = NONE;
    } else if (opened === 0 && leaf.kind === 'table') {
      if (blank) {
        leaf = NONE;
        return;
      }
      // A body row is any line that starts nothing else.
      if (indent < 4 && flowStart(line, nnOff, false, false, false) === null) return;
      leaf = NONE;
    } else if (leaf.kind !== 'none') {
      setLeaf(NONE);
    }

    // Phase 3: a fresh block at the current level.
    if (blank) return;
    if (indent >= 4) {
      // Indented code begun on a lazy line ends with it in micromark (its continuation
      // check reads the laziness of the line it started on).
      leaf = lazy ? NONE : { kind: 'code' };
      lazyCode = lazy;
      return;
    }
    const start = flowStart(line, nnOff, false, false, false);
    if (start === null) {
      leaf = { kind: 'paragraph', headCells: headRowCells(line, nnOff), definitionsOnly: isDefinition(line, nnOff), headIsTag: false };
    } else if (start.kind === 'fence') leaf = { kind: 'fence', marker: start.marker, size: start.size };
    else if (start.kind === 'html') {
      const top: TopLevelHtml | null =
        stack.length === 0
          ? { startLine: lineNo, endLine: lineNo, lineStart, lineEnd, nextLineStart, kind: start.html }
          : null;
      if (top) out.push(top);
      if (start.html <= 5 && htmlEnds(start.html, line, start.after, start.state)) leaf = NONE;
      else leaf = { kind: 'html', html: start.html, top };
    } else leaf = NONE;
  };

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
    atEnd = m === null;
    lineEnd = m ? m.index : text.length;
    nextLineStart = m ? m.index + m[0].length : text.length;
    line = text.slice(lineStart, lineEnd);
    off = 0;
    col = 0;

    lazyCode = false;
    step();
    if (onLine) onLine(lineNo, lineStart, lineEnd, stack.length > 0 ? stack[0]!.kind : null, lazyCode ? 'code' : leaf.kind);
    if (atEnd) break;
  }
  if (leaf.kind === 'html') closeHtml(lineNo);
  return out;
}

