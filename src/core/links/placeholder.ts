// Links that are not links yet: the template's `[Coursera ML](link)`, `[Paper](link_to_paper)`,
// `[x](#)`, `[x]()`, and addresses on RFC 2606's reserved example domains.
import type { UrlMatcher } from './url-pattern.js';

const BARE_WORD = /^[^/.:#?\s]+$/;
const EXAMPLE_HOST = /^(?:[^/?#@]*@)?(?:[a-z0-9-]+\.)*(?:example\.(?:com|net|org)|[a-z0-9-]+\.(?:example|test|invalid))\.?(?::\d+)?$/i;

/** A word with no `/`, `.`, scheme or fragment: a placeholder unless a file or folder of that name is there. */
export function isBareWord(url: string): boolean {
  return BARE_WORD.test(url.trim());
}

/** Why `url` is a placeholder, or null when it is a real link. */
export function placeholderReason(url: string, extra: UrlMatcher): string | null {
  const u = url.trim();
  if (u === '') return 'the address is empty';
  if (u === '#') return 'the address is only `#`';
  if (u === '?') return 'the address is only `?`';
  if (BARE_WORD.test(u)) return `\`${short(u)}\` is a bare word, not an address or a path`;
  // The host without user-info: `user:password@` is never quoted back.
  const host = /^(?:https?:)?\/\/([^/?#]*)/i.exec(u)?.[1]?.replace(/^[^@]*@/, '');
  if (host !== undefined && EXAMPLE_HOST.test(host)) return `\`${host}\` is a reserved example domain (RFC 2606)`;
  if (extra(u)) return `\`${short(u)}\` matches a placeholder pattern in links.placeholders`;
  return null;
}

/** Messages quote at most 100 characters of an address: the finding's `url` field has all of it. */
function short(u: string): string {
  return u.length > 100 ? `${u.slice(0, 100)}…` : u;
}
