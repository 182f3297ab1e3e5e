// Turning user values into one-line cell text. Markdown escaping itself is left to
// mdast-util-to-markdown, which knows every construct; here we only make the value one line.
import { isBareWord } from '../links/placeholder.js';
import { resolveTarget } from '../links/resolve.js';

/** Collapses line breaks, tabs and control characters to single spaces and trims. */
export function oneLine(value: string): string {
  return value.replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
}

/** `time-spent` → `Time Spent`, `hoursLogged` → `Hours Logged`. */
export function readableKey(key: string): string {
  return oneLine(
    key
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/[-_]+/g, ' ')
      .replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()),
  );
}

/** A value from a status block's extra fields, as cell text. */
export function extraText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(extraText).filter((v) => v !== '').join(', ');
  if (typeof value === 'object') {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
    return oneLine(JSON.stringify(value));
  }
  return oneLine(String(value));
}

/**
 * The link from the README at `readme` to the root-relative `target`, both `/`-separated,
 * each segment percent-encoded where a markdown link would need it.
 */
export function relativeLink(readme: string, target: string): string {
  const from = readme.split('/').filter((s) => s !== '' && s !== '.');
  from.pop();
  const to = target.split('/').filter((s) => s !== '' && s !== '.');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  return [...up, ...to.slice(common).map(encodeSegment)].join('/');
}

/**
 * `url`, written in the file `from`, as the file `to` must write it to point at the same place
 * (both root-relative): a relative path or a bare `#fragment` is rebased, its `?query#fragment` kept
 * as written. Anything else stays as written: web and other schemes and `/root-relative` paths mean
 * the same everywhere, and placeholders (empty, `#`, `?`, bare words) or paths that leave the
 * repository or do not decode are reported by check where they are written, so they show as such.
 */
export function rebaseLink(url: string, from: string, to: string): string {
  const u = url.trim();
  if (u === '' || u === '#' || u === '?' || u.startsWith('/') || isBareWord(u)) return url;
  const target = resolveTarget(from, u);
  if (target.type !== 'local') return url;
  const cut = u.search(/[?#]/);
  const rel = relativeLink(to, target.path) || '.';
  return `${rel}${target.trailingSlash && !rel.endsWith('/') ? '/' : ''}${cut === -1 ? '' : u.slice(cut)}`;
}

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/%40/g, '@').replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
}
