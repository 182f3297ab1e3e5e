import { scanTopLevelHtml } from './block-scan.js';
import { endMarker, MARKER_LINE, MARKER_TEXT, startMarker, zoneHelp, type ZoneName } from './markers.js';

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
      /** Marker text that does not count (in code, a list, a quote…), to mention in the message. */
      ignored: Array<{ line: number; column: number }>;
    }
  | { kind: 'error'; message: string; line: number; column: number };

interface Marker {
  name: ZoneName;
  edge: 'start' | 'end';
  line: number;
  column: number;
  lineStart: number;
  lineEnd: number;
  nextLineStart: number;
}

/**
 * Finds the `name` zone of a README. Only markers that are top-level HTML (a line of their own,
 * outside code, lists and quotes) count, as remark would read them.
 */
export function findZone(text: string, file: string, name: ZoneName): ZoneResult {
  // Nearly every README has no marker text at all; skip the block scan then.
  if (!text.includes('odyssey:')) return { kind: 'absent', ignored: [] };
  const markers = topLevelMarkers(text);
  const mine = markers.filter((m) => m.name === name);
  const at = (m: Marker, message: string): ZoneResult => ({
    kind: 'error',
    message: `${file}:${m.line}:${m.column}: ${message}\n${zoneHelp(name)}`,
    line: m.line,
    column: m.column,
  });

  let start: Marker | undefined;
  let end: Marker | undefined;
  for (const m of mine) {
    if (m.edge === 'start') {
      if (start) return at(m, `a second ${startMarker(name)} (the first is on line ${start.line}): keep one pair of markers.`);
      start = m;
    } else {
      if (!start) return at(m, `${endMarker(name)} comes before any ${startMarker(name)}.`);
      if (end) return at(m, `a second ${endMarker(name)} (the first is on line ${end.line}): keep one pair of markers.`);
      end = m;
    }
  }
  if (!start) return { kind: 'absent', ignored: ignoredMarkers(text, markers, name) };
  if (!end) return at(start, `${startMarker(name)} has no ${endMarker(name)} after it.`);

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

function topLevelMarkers(text: string): Marker[] {
  const out: Marker[] = [];
  for (const h of scanTopLevelHtml(text)) {
    if (h.kind !== 2 || h.startLine !== h.endLine) continue;
    const raw = text.slice(h.lineStart, h.lineEnd);
    const match = MARKER_LINE.exec(raw.trim());
    if (!match) continue;
    out.push({
      name: match[1] as ZoneName,
      edge: match[2] as 'start' | 'end',
      line: h.startLine,
      column: raw.length - raw.trimStart().length + 1,
      lineStart: h.lineStart,
      lineEnd: h.lineEnd,
      nextLineStart: h.nextLineStart,
    });
  }
  return out;
}

function ignoredMarkers(text: string, counted: Marker[], name: ZoneName): Array<{ line: number; column: number }> {
  const countedLines = new Set(counted.map((m) => m.line));
  const out: Array<{ line: number; column: number }> = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  const re = new RegExp(MARKER_TEXT.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== name) continue;
    // Count line endings up to the hit, once over the whole text.
    for (let i = scanned; i < m.index; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        line++;
        lineStart = i + 1;
      }
    }
    scanned = m.index;
    if (!countedLines.has(line)) out.push({ line, column: m.index - lineStart + 1 });
  }
  return out;
}
