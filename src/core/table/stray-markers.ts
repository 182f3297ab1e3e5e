// Marker text that does not count as a zone marker, and why: the part of a zone message that
// tells the user what to change. Finding it needs the block structure, so the block scan (run
// once by findZone) reports where the lines holding marker-like text ended up.
import type { LineContainer, LineLeaf, LinePlace, TopLevelHtml } from './block-scan.js';
import { endMarker, startMarker, type ZoneName } from './markers.js';

/** Marker-like text: any letter case, any spacing inside the comment. */
const MARKER_LIKE = /<!--\s*odyssey\s*:\s*(progress|chart)\s*:\s*(start|end)\s*-->/gi;

export interface MarkerHit {
  name: ZoneName;
  edge: 'start' | 'end';
  offset: number;
  /** The text as written. */
  text: string;
  /** 1-based; 0 until the block scan has passed the hit's line (see `placeRecorder`). */
  line: number;
  column: number;
  /** Offsets of the text of the hit's line (its first line when the comment spans lines). */
  lineStart: number;
  lineEnd: number;
}

export interface StrayMarker {
  name: ZoneName;
  edge: 'start' | 'end';
  line: number;
  column: number;
  text: string;
  place: StrayPlace;
  /** Why it does not count, as a clause: "it is inside a list item". */
  why: string;
  /** What to do, as the start of a sentence ending with the line to write. */
  fix: string;
  /** In code, where marker text is shown on purpose (documentation), not meant as a marker. */
  shown: boolean;
}

interface Place {
  container: LineContainer | null;
  leaf: LineLeaf;
}

/** Every marker-like text in `text`, in order; their lines come from the block scan. */
export function markerHits(text: string): MarkerHit[] {
  const out: MarkerHit[] = [];
  const re = new RegExp(MARKER_LIKE.source, 'gi');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({
      name: m[1]!.toLowerCase() as ZoneName,
      edge: m[2]!.toLowerCase() as 'start' | 'end',
      offset: m.index,
      text: m[0],
      line: 0,
      column: 0,
      lineStart: 0,
      lineEnd: 0,
    });
  }
  return out;
}

/**
 * Gives each hit its line and column, and records where the block scan put those lines, as the
 * scan goes (counting lines again over a 10 MB README would cost as much as a tenth of the scan).
 */
export function placeRecorder(hits: readonly MarkerHit[]): { places: Map<number, Place>; onLine: LinePlace } {
  const places = new Map<number, Place>();
  let next = 0;
  return {
    places,
    onLine: (line, lineStart, lineEnd, container, leaf) => {
      // A hit starts with `<`, so it begins in the text of its line, never in a line ending.
      if (next >= hits.length || hits[next]!.offset >= lineEnd) return;
      places.set(line, { container, leaf });
      for (; next < hits.length && hits[next]!.offset < lineEnd; next++) {
        const h = hits[next] as MarkerHit;
        h.line = line;
        h.column = h.offset - lineStart + 1;
        h.lineStart = lineStart;
        h.lineEnd = lineEnd;
      }
    },
  };
}

/** Explains each hit that is not a counted marker. `blocks` are the scan's top-level HTML blocks. */
export function strayMarkers(
  text: string,
  hits: readonly MarkerHit[],
  countedLines: ReadonlySet<number>,
  blocks: readonly TopLevelHtml[],
  places: ReadonlyMap<number, Place>,
): StrayMarker[] {
  const out: StrayMarker[] = [];
  let b = 0;
  for (const hit of hits) {
    if (countedLines.has(hit.line)) continue;
    while (b < blocks.length && blocks[b]!.endLine < hit.line) b++;
    const block = blocks[b] && blocks[b]!.startLine <= hit.line ? blocks[b]! : null;
    out.push({ name: hit.name, edge: hit.edge, line: hit.line, column: hit.column, text: hit.text, ...explain(text, hit, block, places.get(hit.line)) });
  }
  return out;
}

/** The marker line to write for a hit. */
export function markerFor(s: { name: ZoneName; edge: 'start' | 'end' }): string {
  return s.edge === 'start' ? startMarker(s.name) : endMarker(s.name);
}

/** Where marker text stands; the first that applies, in this order, is the one told. */
export type StrayPlace =
  | 'own-line' // a top-level HTML line of its own: its form or trailing text is the problem
  | 'html' // inside a longer top-level HTML block
  | 'fence'
  | 'indented-code'
  | 'inline-code'
  | 'item'
  | 'quote'
  | 'footnote'
  | 'table'
  | 'heading'
  | 'paragraph';

function placeOf(text: string, hit: MarkerHit, block: TopLevelHtml | null, place: Place | undefined): StrayPlace {
  if (block) return block.startLine === hit.line && text.slice(block.lineStart, hit.offset).trim() === '' ? 'own-line' : 'html';
  const leaf = place?.leaf ?? 'paragraph';
  if (leaf === 'fence') return 'fence';
  if (leaf === 'code') return 'indented-code';
  if (inInlineCode(text, hit)) return 'inline-code';
  if (place?.container) return place.container;
  if (leaf === 'table') return 'table';
  if (leaf === 'none') return 'heading';
  return 'paragraph';
}

const PLACES: Record<Exclude<StrayPlace, 'own-line' | 'html'>, { why: string; fix: string }> = {
  fence: { why: 'it is inside a fenced code block, where it is only shown as text', fix: 'Outside the code block, write' },
  'indented-code': {
    why: 'it is indented by 4 or more spaces (or a tab), which makes it a code block, where it is only shown as text',
    fix: 'Write it without the indentation',
  },
  'inline-code': { why: 'it is inside inline code (backticks), where it is only shown as text', fix: 'Outside the backticks, on a line of its own, write' },
  item: { why: 'it is inside a list item', fix: 'Move it out of the list, to a line of its own that is not indented' },
  quote: { why: 'it is inside a quote', fix: 'Move it out of the quote, to a line of its own that does not start with >' },
  footnote: { why: 'it is inside a footnote', fix: 'Move it out of the footnote, to a line of its own that is not indented' },
  table: { why: 'it is inside a table row', fix: 'Leave a blank line between the table and a line of its own reading' },
  heading: { why: 'it is inside a heading', fix: 'Move it out of the heading, to a line of its own reading' },
  paragraph: { why: 'other text comes before it on its line, which makes it part of a paragraph', fix: 'Start a new line with it, alone on that line' },
};

function explain(
  text: string,
  hit: MarkerHit,
  block: TopLevelHtml | null,
  place: Place | undefined,
): { place: StrayPlace; why: string; fix: string; shown: boolean } {
  const where = placeOf(text, hit, block, place);
  const form = formProblems(hit.text);
  if (where === 'own-line') {
    const after = text.slice(hit.offset + hit.text.length, hit.lineEnd).trim();
    const why = [...form];
    if (after !== '') why.push(`text follows it on its line (${quote(after)})`);
    if (why.length === 0) why.push('it is not written exactly as below');
    const fix = after !== '' ? 'Move that text to a line of its own, and write the marker line as' : 'Write this line instead';
    return { place: where, why: why.join(' and '), fix, shown: false };
  }
  const also = form.length > 0 ? `, and ${form.join(' and ')}` : '';
  if (where === 'html') {
    const b = block!;
    const opening = quote(text.slice(b.lineStart, b.lineEnd).trim());
    // Kinds 6 and 7 run to the next blank line; the others to their own closing text.
    const fix =
      b.kind >= 6
        ? 'Leave a blank line between that HTML and a line of its own reading'
        : `After line ${b.endLine}, where that HTML block ends, write a line of its own reading`;
    return { place: where, why: `it is inside the HTML block that begins on line ${b.startLine} (${opening})${also}`, fix, shown: false };
  }
  const { why, fix } = PLACES[where];
  return { place: where, why: why + also, fix, shown: where === 'fence' || where === 'indented-code' || where === 'inline-code' };
}

/** Why marker-like text is not a marker as written, apart from where it stands. */
function formProblems(written: string): string[] {
  const inner = written.slice(4, -3);
  const core = inner.trim();
  const out: string[] = [];
  if (core !== core.toLowerCase()) out.push('it is written in another letter case (markers are lower case)');
  if (/[\r\n]/.test(inner)) out.push('it is split over several lines');
  else if (/\s/.test(core)) out.push(`it has spaces inside "${core.replace(/\s+/g, '').toLowerCase()}"`);
  else if (/[^ \t]/.test(inner.slice(0, inner.length - inner.trimStart().length) + inner.slice(inner.trimEnd().length))) {
    out.push('it has unusual space characters (like a no-break space) inside the comment');
  }
  return out;
}

/** Whether a code span on the hit's line holds it (spans over several lines are rare in READMEs). */
function inInlineCode(text: string, hit: MarkerHit): boolean {
  const end = hit.offset + hit.text.length;
  const runAt = (i: number): number => {
    let j = i;
    while (j < hit.lineEnd && text.charCodeAt(j) === 96) j++;
    return j - i;
  };
  let i = hit.lineStart;
  while (i < hit.offset) {
    if (text.charCodeAt(i) !== 96) {
      i++;
      continue;
    }
    const n = runAt(i);
    // The span closes at the next run of exactly n backticks; none: the run is literal text.
    let close = -1;
    for (let j = i + n; j < hit.lineEnd; ) {
      const m = text.charCodeAt(j) === 96 ? runAt(j) : 0;
      if (m === n) {
        close = j;
        break;
      }
      j += Math.max(m, 1);
    }
    if (close === -1) i += n;
    else if (close >= end) return true;
    else i = close + n;
  }
  return false;
}

function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}
