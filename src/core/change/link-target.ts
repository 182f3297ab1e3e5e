// Rewriting a link target as its author would have written it: the path part replaced (relative
// stays relative, `/…` stays root-relative, a leading `./` kept), the query and fragment kept as
// written; or only the fragment replaced. Pure string work.
import path from 'node:path/posix';

/** Splits a written URL into path, `?query` and `#fragment`, each as written. */
export function splitTarget(url: string): { path: string; query: string; fragment: string } {
  const hash = url.indexOf('#');
  const before = hash === -1 ? url : url.slice(0, hash);
  const fragment = hash === -1 ? '' : url.slice(hash);
  const q = before.indexOf('?');
  return { path: q === -1 ? before : before.slice(0, q), query: q === -1 ? '' : before.slice(q), fragment };
}

/** Characters a markdown link destination cannot hold bare. */
const escapeSegment = (s: string): string => s.replace(/%/g, '%25').replace(/ /g, '%20').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/</g, '%3C').replace(/>/g, '%3E');

/** `url` (written in `from`) pointing at root-relative `to` instead, its query and fragment kept. */
export function withPath(from: string, url: string, to: string): string {
  const t = splitTarget(url.trim());
  const written = t.path;
  let p: string;
  if (written.startsWith('/')) p = `/${to}`;
  else {
    p = path.relative(path.dirname(from), to) || path.basename(to);
    if (written.startsWith('./') && !p.startsWith('../')) p = `./${p}`;
  }
  if (written.endsWith('/') && !p.endsWith('/')) p += '/';
  const encoded = p.split('/').map(escapeSegment).join('/');
  return `${encoded}${t.query}${t.fragment}`;
}

/** `url` with its fragment replaced by `anchor`. */
export function withFragment(url: string, anchor: string): string {
  const t = splitTarget(url.trim());
  return `${t.path}${t.query}#${anchor}`;
}
