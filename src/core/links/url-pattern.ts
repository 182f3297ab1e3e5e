// User patterns for URLs (`links.placeholders`, `links.ignore`): `/regex/flags`, or a glob where
// `*` matches anything (slashes included: these are URLs, not paths). Case-insensitive.

export type UrlMatcher = (url: string) => boolean;

export function compileUrlPatterns(patterns: readonly string[]): UrlMatcher {
  const res = patterns.map((p) => {
    const re = /^\/(.+)\/([a-z]*)$/.exec(p);
    if (re) return new RegExp(re[1]!, re[2]!.includes('i') ? re[2] : `${re[2]}i`);
    const body = p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
    return new RegExp(`^${body}$`, 'i');
  });
  if (res.length === 0) return () => false;
  return (url) => res.some((r) => r.test(url));
}

/** Checks patterns up front so a bad regex is a configuration error, not a crash mid-run. */
export function invalidUrlPattern(patterns: readonly string[]): string | null {
  for (const p of patterns) {
    try {
      compileUrlPatterns([p]);
    } catch (err) {
      return `${p}: ${(err as Error).message}`;
    }
  }
  return null;
}
