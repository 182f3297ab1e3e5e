import { parseDocument, type DocMarker, type DocumentModel } from '../document/index.js';
import { endMarker, startMarker, zoneHelp, type ZoneName } from './markers.js';
import { markerFor, strayMarkers, type StrayMarker } from './stray-markers.js';

export type ZoneResult =
  | {
      kind: 'found';
      /** Offset of the first byte after the start marker's line ending. */
      contentStart: number;
      /** Offset of the first byte of the end marker's line. */
      contentEnd: number;
      /** 1-based lines of the two marker lines. */
      startLine: number;
      endLine: number;
      /** The start marker line's ending (`\n`, `\r\n` or `\r`): generated text uses it. */
      eol: string;
    }
  | {
      kind: 'absent';
      /** Marker text that does not count, all of it shown in code (marker text meant as a marker is an error). */
      ignored: Array<{ line: number; column: number; why: string }>;
    }
  | { kind: 'error'; message: string; line: number; column: number };

type Marker = DocMarker & { name: ZoneName };

/**
 * Finds the `name` zone of a README. Only markers that are top-level HTML (a line of their own,
 * outside code, lists and quotes) count, as the document model reads them. Marker text that does
 * not count is explained: an error when it is a hidden comment (the user meant a marker), a note
 * when it is shown in code (documentation). `model` is the README's model when the caller has it.
 */
export function findZone(text: string, file: string, name: ZoneName, model?: Pick<DocumentModel, 'markers'>): ZoneResult {
  // Nearly every README has no marker text at all; no parse is needed then.
  if (!model && !text.includes('<!--')) return { kind: 'absent', ignored: [] };
  const all = (model ?? parseDocument(text, file)).markers;
  if (all.length === 0) return { kind: 'absent', ignored: [] };
  const markers = all.filter((m): m is Marker => m.place === 'marker');
  const mine = markers.filter((m) => m.name === name);
  const strays = strayMarkers(text, all).filter((s) => s.name === name);
  const at = (m: { line: number; column: number }, message: string): ZoneResult => ({
    kind: 'error',
    message: `${file}:${m.line}:${m.column}: ${message}\n${zoneHelp(name)}`,
    line: m.line,
    column: m.column,
  });
  const strayError = (s: StrayMarker): ZoneResult =>
    at(s, `${s.text} does not count as the ${name} zone's ${s.edge} marker: ${s.why}. ${s.fix}:\n\n${markerFor(s)}\n`);
  // Marker text shown in code, told after a message about the markers that do count.
  const notes = (list: StrayMarker[]): string => {
    const rest = list.length - 3;
    const more = rest > 0 ? `\n…and ${rest} more that ${rest === 1 ? 'does' : 'do'} not count.` : '';
    return list.slice(0, 3).map((s) => `\n${file}:${s.line}:${s.column}: ${s.text} does not count: ${s.why}.`).join('') + more;
  };

  let start: Marker | undefined;
  let end: Marker | undefined;
  for (const m of mine) {
    if (m.edge === 'start') {
      if (start) return at(m, `a second ${startMarker(name)} (the first is on line ${start.line}): keep one pair of markers.`);
      start = m;
    } else {
      if (!start) {
        const before = strays.filter((s) => s.edge === 'start' && s.line < m.line);
        const meant = before.find((s) => !s.shown);
        if (meant) return strayError(meant);
        return at(m, `${endMarker(name)} comes before any ${startMarker(name)}.${notes(before)}`);
      }
      if (end) return at(m, `a second ${endMarker(name)} (the first is on line ${end.line}): keep one pair of markers.`);
      end = m;
    }
  }
  if (!start) {
    const meant = strays.find((s) => !s.shown);
    if (meant) return strayError(meant);
    return { kind: 'absent', ignored: strays.map((s) => ({ line: s.line, column: s.column, why: s.why })) };
  }
  if (!end) {
    const after = strays.filter((s) => s.edge === 'end' && s.line > start.line);
    const meant = after.find((s) => !s.shown);
    if (meant) return strayError(meant);
    return at(start, `${startMarker(name)} has no ${endMarker(name)} after it.${notes(after)}`);
  }

  const inside = markers.find((m) => m.name !== name && m.line > start.line && m.line < end.line);
  if (inside) {
    return at(
      inside,
      `${m2s(inside)} is inside the ${name} zone (lines ${start.line}–${end.line}), which odyssey rewrites: ` +
        `move it out, after ${endMarker(name)}.`,
    );
  }
  return {
    kind: 'found',
    contentStart: start.nextLineStart,
    contentEnd: end.lineStart,
    startLine: start.line,
    endLine: end.line,
    eol: text.slice(start.lineEnd, start.nextLineStart),
  };
}

function m2s(m: Marker): string {
  return m.edge === 'start' ? startMarker(m.name) : endMarker(m.name);
}
