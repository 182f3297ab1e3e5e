import type { ZoneResult } from './find-zone.js';

/**
 * Replaces the bytes between the two marker lines with `body`, written with the zone's own line
 * ending and ending with one so the end marker keeps its line. Everything else is left byte for
 * byte; when nothing changes the very same string comes back, so the caller can skip the write.
 */
export function spliceZone(text: string, zone: Extract<ZoneResult, { kind: 'found' }>, body: string): string {
  let content = body.replace(/\r\n?|\n/g, zone.eol);
  if (content !== '' && !content.endsWith(zone.eol)) content += zone.eol;
  if (text.slice(zone.contentStart, zone.contentEnd) === content) return text;
  return text.slice(0, zone.contentStart) + content + text.slice(zone.contentEnd);
}
