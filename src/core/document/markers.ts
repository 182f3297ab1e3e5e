// odyssey's zone markers (`<!-- odyssey:<name>:start -->` / `…:end -->`) as the parse found them:
// every marker-like text, and where the block structure put its line. Only a top-level HTML
// comment alone on its line, written exactly, is a marker; the rest is told why it is not.
import type { DocMarker, MarkerPlace } from './model.js';
import type { Span } from './markdown.js';
import type { SourceText } from './source-map.js';

/** Marker-like text: any letter case, any spacing inside the comment. */
const MARKER_LIKE = /<!--\s*odyssey\s*:\s*(progress|chart)\s*:\s*(start|end)\s*-->/gi;
/** The text of a real marker line, trimmed; whitespace inside the comment is free. */
export const MARKER_LINE = /^<!--[ \t]*odyssey:(progress|chart):(start|end)[ \t]*-->$/;
/** HTML blocks of kinds 1–5 end at their own closing text; kinds 6 and 7 at a blank line. */
const CLOSED_HTML = /^[ \t]*(?:<(?:script|pre|style|textarea)(?:[\s>]|$)|<!--|<\?|<![A-Za-z]|<!\[CDATA\[)/i;

export type LeafKind = 'fence' | 'code' | 'heading' | 'paragraph' | 'table' | 'html';

export interface MarkerHit {
  name: string;
  edge: 'start' | 'end';
  text: string;
  /** Offset in the normalized text. */
  offset: number;
  line: number;
  column: number;
}

export interface LeafPlace {
  leaf: LeafKind;
  /** The outermost container the leaf is in, null at the top level. */
  container: 'item' | 'quote' | 'footnote' | null;
  /** A direct child of the document. */
  top: boolean;
  startLine: number;
  endLine: number;
}

export function findMarkers(norm: string, src: SourceText): MarkerHit[] {
  if (!norm.includes('<!--')) return [];
  const out: MarkerHit[] = [];
  const re = new RegExp(MARKER_LIKE.source, 'gi');
  for (let m = re.exec(norm); m; m = re.exec(norm)) {
    const p = src.position(m.index);
    out.push({ name: m[1]!.toLowerCase(), edge: m[2]!.toLowerCase() as 'start' | 'end', text: m[0], offset: m.index, line: p.line, column: p.column });
  }
  return out;
}

/** Line starts of the text as given (LF, CRLF or CR endings), offsets with the BOM counted. */
function originalLines(text: string, bom: number): number[] {
  const starts = [bom];
  const re = /\r\n?|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

export function placeMarkers(
  text: string,
  bom: number,
  src: SourceText,
  hits: readonly MarkerHit[],
  leaves: ReadonlyMap<number, LeafPlace>,
  codeSpans: readonly Span[],
): DocMarker[] {
  const starts = originalLines(text, bom);
  return hits.map((h) => {
    const lineIdx = h.line - 1;
    const lineStart = starts[lineIdx]!;
    const next = starts[lineIdx + 1];
    const lineEnd = lineStart + src.line(lineIdx).length;
    const nextLineStart = next ?? text.length;
    const at = leaves.get(h.line);
    const raw = src.line(lineIdx);
    const m: DocMarker = {
      name: h.name,
      edge: h.edge,
      text: h.text,
      place: 'paragraph',
      line: h.line,
      column: h.column,
      lineStart,
      lineEnd,
      nextLineStart,
      offset: lineStart + h.column - 1,
    };
    m.place = placeOf(h, at, raw, codeSpans);
    if (at && at.leaf === 'html' && at.top) {
      const opening = src.line(at.startLine - 1);
      m.block = { startLine: at.startLine, endLine: at.endLine, opening: opening.trim(), toBlankLine: !CLOSED_HTML.test(opening) };
    }
    return m;
  });
}

function placeOf(h: MarkerHit, at: LeafPlace | undefined, raw: string, codeSpans: readonly Span[]): MarkerPlace {
  if (at && at.leaf === 'html' && at.top) {
    const own = at.startLine === h.line && raw.slice(0, h.column - 1).trim() === '';
    if (!own) return 'html';
    return at.endLine === at.startLine && MARKER_LINE.test(raw.trim()) ? 'marker' : 'own-line';
  }
  if (at?.leaf === 'fence') return 'fence';
  if (at?.leaf === 'code') return 'indented-code';
  const start = h.offset;
  const end = start + h.text.length;
  if (codeSpans.some((s) => s.start <= start && end <= s.end)) return 'inline-code';
  if (at?.container) return at.container;
  if (at?.leaf === 'table') return 'table';
  if (at?.leaf === 'heading') return 'heading';
  return 'paragraph';
}
