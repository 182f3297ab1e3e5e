// Targets a browser would run or read from the reader's own disk: `javascript:`, `vbscript:`,
// `file:`, and `data:` (except `data:image/…` shown as an image). Read as a browser reads them:
// tabs and newlines anywhere are dropped and leading blanks/control characters ignored, so
// `java\tscript:` and ` JAVASCRIPT:` count too. Such a link is a finding (`unsafe-url`), is
// never fetched, and the progress table shows it as text.
import type { LinkForm } from '../model.js';

const SCHEME = /^([a-z][a-z0-9+.-]*):/;

/** The unsafe scheme of `url` (`javascript`, `vbscript`, `file`, `data`), or null when it is safe. */
export function unsafeScheme(url: string, form?: LinkForm): string | null {
  // eslint-disable-next-line no-control-regex
  const u = url.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+/, '').toLowerCase();
  const scheme = SCHEME.exec(u)?.[1];
  if (scheme === 'javascript' || scheme === 'vbscript' || scheme === 'file') return scheme;
  if (scheme === 'data') return (form === 'image' || form === 'html') && /^data:image\/[a-z0-9.+-]+[;,]/.test(u) ? null : scheme;
  return null;
}
