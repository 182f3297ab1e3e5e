// Where a link points: the web, another scheme, an anchor in the same file, or a path in the
// repository (root-relative, normalized, decoded). Pure string work on `/`-separated paths.
import path from 'node:path/posix';

export type Target =
  | { type: 'external'; url: string }
  | { type: 'scheme'; scheme: string }
  | { type: 'local'; path: string; fragment: string | null; trailingSlash: boolean }
  | { type: 'outside'; path: string }
  | { type: 'bad-escape'; part: string };

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

function decode(s: string): string | null {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** `from` is the root-relative file the link is written in. */
export function resolveTarget(from: string, url: string): Target {
  const u = url.trim();
  if (u.startsWith('//')) return { type: 'external', url: `https:${u}` };
  const scheme = SCHEME.exec(u)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return { type: 'external', url: u };
  if (scheme) return { type: 'scheme', scheme };
  const hash = u.indexOf('#');
  const beforeHash = hash === -1 ? u : u.slice(0, hash);
  const rawFragment = hash === -1 ? null : u.slice(hash + 1);
  const q = beforeHash.indexOf('?');
  const rawPath = q === -1 ? beforeHash : beforeHash.slice(0, q);
  const p = decode(rawPath);
  if (p === null) return { type: 'bad-escape', part: rawPath };
  const fragment = rawFragment === null ? null : decode(rawFragment);
  if (fragment === null && rawFragment !== null) return { type: 'bad-escape', part: `#${rawFragment}` };
  if (p === '') return { type: 'local', path: from, fragment, trailingSlash: false };
  const joined = p.startsWith('/') ? p.slice(1) : path.join(path.dirname(from), p);
  const norm = path.normalize(joined === '' ? '.' : joined);
  if (norm === '..' || norm.startsWith('../')) return { type: 'outside', path: norm };
  const clean = norm === '.' || norm === './' ? '' : norm.replace(/\/+$/, '');
  return { type: 'local', path: clean, fragment, trailingSlash: /\/$/.test(p) };
}

/** GitHub's line anchors: `#L10`, `#L10-L20`, `#L10C2-L12C5`. */
export function isLineAnchor(fragment: string): boolean {
  return /^L\d+(?:C\d+)?(?:-L\d+(?:C\d+)?)?$/.test(fragment);
}

export function isMarkdownPath(p: string): boolean {
  return /\.(?:md|markdown|mdown|mkd|mkdn)$/i.test(p);
}
