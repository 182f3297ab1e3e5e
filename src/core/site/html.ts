// HTML text and attribute escaping, and the only way a URL becomes an href on the page.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * `url` as an href, or null when it must not be one: any scheme but http, https and mailto
 * (`javascript:`, `data:`, `vbscript:`… in any case, with any control characters or spaces that
 * browsers skip). A relative path stays relative. The result still needs `esc`.
 */
export function safeHref(url: string): string | null {
  // Browsers drop ASCII control characters and spaces around and inside a scheme: do the same
  // before looking at it, so `java\tscript:` is seen for what it is.
  // eslint-disable-next-line no-control-regex
  const squeezed = url.replace(/[\u0000-\u0020\u007f]/g, '');
  if (squeezed === '') return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed);
  if (scheme) return SAFE_SCHEMES.has(`${scheme[1]!.toLowerCase()}:`) ? url.trim() : null;
  // No scheme: a path. `//host` would leave the page's host: only full http(s) URLs may.
  if (squeezed.startsWith('//') || squeezed.startsWith('\\\\') || squeezed.startsWith('/\\')) return null;
  return url.trim();
}

/** `<a href>` for a safe URL, the escaped text alone otherwise. */
export function link(url: string, text: string, attrs = ''): string {
  const href = safeHref(url);
  return href === null ? esc(text) : `<a href="${esc(href)}"${attrs}>${esc(text)}</a>`;
}
