// `init --charts`: the chart zone's markers, placed right after the progress zone, once.
import { parseDocument } from '../document/index.js';

export const CHART_START = '<!-- odyssey:chart:start -->';
export const CHART_END = '<!-- odyssey:chart:end -->';

/** The README with an empty chart zone after the progress zone; null when it has one or has no progress zone. */
export function addChartZone(text: string): string | null {
  let progressEnd: number | null = null;
  for (const m of parseDocument(text).markers) {
    if (m.place !== 'marker') continue;
    if (m.name === 'chart') return null;
    if (m.edge === 'end') progressEnd = m.lineEnd;
  }
  if (progressEnd === null) return null;
  const crlf = text.startsWith('\r\n', progressEnd);
  const eol = crlf || (!text.startsWith('\n', progressEnd) && text.includes('\r\n')) ? '\r\n' : '\n';
  const lineEnd = crlf ? progressEnd + 2 : text.startsWith('\n', progressEnd) ? progressEnd + 1 : progressEnd;
  // A blank line between the zones keeps them apart for readers; at the end of a file without a
  // final newline, none is added after the new zone either.
  if (lineEnd === progressEnd) return `${text}${eol}${eol}${CHART_START}${eol}${CHART_END}`;
  return `${text.slice(0, lineEnd)}${eol}${CHART_START}${eol}${CHART_END}${eol}${text.slice(lineEnd)}`;
}
