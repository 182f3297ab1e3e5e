// Marker text that does not count as a zone marker, and why: the part of a zone message that
// tells the user what to change. Where the text stands comes from the document model.
import type { DocMarker, MarkerPlace } from '../document/index.js';
import { endMarker, startMarker, type ZoneName } from './markers.js';

export interface StrayMarker {
  name: ZoneName;
  edge: 'start' | 'end';
  line: number;
  column: number;
  text: string;
  place: Exclude<MarkerPlace, 'marker'>;
  /** Why it does not count, as a clause: "it is inside a list item". */
  why: string;
  /** What to do, as the start of a sentence ending with the line to write. */
  fix: string;
  /** In code, where marker text is shown on purpose (documentation), not meant as a marker. */
  shown: boolean;
}

/** Explains each marker-like text of the model that is not a counted marker. */
export function strayMarkers(text: string, markers: readonly DocMarker[]): StrayMarker[] {
  const out: StrayMarker[] = [];
  for (const m of markers) {
    if (m.place === 'marker') continue;
    out.push({ name: m.name as ZoneName, edge: m.edge, line: m.line, column: m.column, text: m.text, ...explain(text, m) });
  }
  return out;
}

/** The marker line to write for a hit. */
export function markerFor(s: { name: ZoneName; edge: 'start' | 'end' }): string {
  return s.edge === 'start' ? startMarker(s.name) : endMarker(s.name);
}

const PLACES: Record<Exclude<MarkerPlace, 'marker' | 'own-line' | 'html'>, { why: string; fix: string }> = {
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

function explain(text: string, m: DocMarker): { place: Exclude<MarkerPlace, 'marker'>; why: string; fix: string; shown: boolean } {
  const where = m.place as Exclude<MarkerPlace, 'marker'>;
  const form = formProblems(m.text);
  if (where === 'own-line') {
    const after = text.slice(m.offset + m.text.length, m.lineEnd).trim();
    const why = [...form];
    if (after !== '') why.push(`text follows it on its line (${quote(after)})`);
    if (why.length === 0) why.push('it is not written exactly as below');
    const fix = after !== '' ? 'Move that text to a line of its own, and write the marker line as' : 'Write this line instead';
    return { place: where, why: why.join(' and '), fix, shown: false };
  }
  const also = form.length > 0 ? `, and ${form.join(' and ')}` : '';
  if (where === 'html') {
    const b = m.block!;
    // Kinds 6 and 7 run to the next blank line; the others to their own closing text.
    const fix = b.toBlankLine
      ? 'Leave a blank line between that HTML and a line of its own reading'
      : `After line ${b.endLine}, where that HTML block ends, write a line of its own reading`;
    return { place: where, why: `it is inside the HTML block that begins on line ${b.startLine} (${quote(b.opening)})${also}`, fix, shown: false };
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

function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}
