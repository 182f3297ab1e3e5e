// An SVG progress badge in the shields.io flat style. Same modules in, same bytes out, so an
// unchanged journey makes no commit: no dates, no random ids, widths from a fixed table.
import type { Module } from '../model.js';

// Advance widths of Verdana at 11px (shields' font), in tenths of a pixel, for the characters a
// badge holds; anything else counts as a wide letter so text never overflows its box.
const WIDTHS: Record<string, number> = {
  ' ': 39, '/': 50, '%': 120, '·': 45, '(': 50, ')': 50, '-': 50,
  '0': 70, '1': 70, '2': 70, '3': 70, '4': 70, '5': 70, '6': 70, '7': 70, '8': 70, '9': 70,
  a: 67, b: 69, c: 58, d: 69, e: 66, f: 38, g: 69, h: 70, i: 30, j: 38, k: 65, l: 30, m: 107,
  n: 70, o: 67, p: 69, q: 69, r: 47, s: 57, t: 43, u: 70, v: 65, w: 90, x: 65, y: 65, z: 58,
};
const DEFAULT_WIDTH = 75;

export function textWidth(text: string): number {
  let tenths = 0;
  for (const ch of text) tenths += WIDTHS[ch] ?? WIDTHS[ch.toLowerCase()] ?? DEFAULT_WIDTH;
  return Math.ceil(tenths / 10);
}

/** Colour by share done: the shields scale from red to bright green. */
export function badgeColor(percent: number): string {
  if (percent >= 100) return '#4c1';
  if (percent >= 75) return '#97ca00';
  if (percent >= 50) return '#a4a61d';
  if (percent >= 25) return '#dfb317';
  if (percent > 0) return '#fe7d37';
  return '#e05d44';
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `3/11 done · 27%` from the modules' statuses. */
export function badgeMessage(modules: readonly Module[]): { text: string; percent: number } {
  const total = modules.length;
  if (total === 0) return { text: 'no topics', percent: 0 };
  const done = modules.filter((m) => m.status === 'done').length;
  const percent = Math.floor((done * 100) / total);
  return { text: `${done}/${total} done · ${percent}%`, percent };
}

/** The badge's SVG text (ends with a newline). */
export function renderBadge(modules: readonly Module[], label = 'progress'): string {
  const { text, percent } = badgeMessage(modules);
  const pad = 10;
  const lw = textWidth(label) + pad;
  const mw = textWidth(text) + pad;
  const w = lw + mw;
  const color = badgeColor(percent);
  const aria = escapeXml(`${label}: ${text}`);
  // Text is drawn at 10× and scaled down, as shields does, so half-pixel centres stay integers.
  const lx = lw * 5;
  const mx = lw * 10 + mw * 5;
  const l = escapeXml(label);
  const m = escapeXml(text);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${aria}">`,
    `  <title>${aria}</title>`,
    '  <linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>',
    `  <clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath>`,
    '  <g clip-path="url(#r)">',
    `    <rect width="${lw}" height="20" fill="#555"/>`,
    `    <rect x="${lw}" width="${mw}" height="20" fill="${color}"/>`,
    `    <rect width="${w}" height="20" fill="url(#s)"/>`,
    '  </g>',
    '  <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="110">',
    `    <text aria-hidden="true" x="${lx}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)">${l}</text>`,
    `    <text x="${lx}" y="140" transform="scale(.1)">${l}</text>`,
    `    <text aria-hidden="true" x="${mx}" y="150" fill="#010101" fill-opacity=".3" transform="scale(.1)">${m}</text>`,
    `    <text x="${mx}" y="140" transform="scale(.1)">${m}</text>`,
    '  </g>',
    '</svg>',
    '',
  ].join('\n');
}
