// User patterns for URLs (`links.placeholders`, `links.ignore`): `/regex/flags`, or a glob where
// `*` matches anything (slashes included: these are URLs, not paths). Case-insensitive.

export type UrlMatcher = (url: string) => boolean;

export function compileUrlPatterns(patterns: readonly string[]): UrlMatcher {
  const res = patterns.map((p) => {
    const re = /^\/(.+)\/([a-z]*)$/.exec(p);
    if (re) return new RegExp(re[1]!, re[2]!.includes('i') ? re[2] : `${re[2]}i`);
    return globMatcher(p);
  });
  if (res.length === 0) return () => false;
  return (url) => res.some((r) => (typeof r === 'function' ? r(url) : r.test(url)));
}

/**
 * A `*` glob matched without a regular expression: `.*a.*a.*…b` backtracks for exponential-ish
 * time on a long URL, and a configuration may come with a stranger's pull request. Leftmost
 * matching of each literal piece is exact for `*`-only globs and never backtracks.
 */
function globMatcher(glob: string): UrlMatcher {
  const pieces = glob.toLowerCase().split('*');
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (pieces.length === 1) return (url) => url.toLowerCase() === first;
  const middle = pieces.slice(1, -1).filter((x) => x !== '');
  return (url) => {
    const s = url.toLowerCase();
    if (s.length < first.length + last.length || !s.startsWith(first) || !s.endsWith(last)) return false;
    const end = s.length - last.length;
    let at = first.length;
    for (const piece of middle) {
      const i = s.indexOf(piece, at);
      if (i === -1 || i + piece.length > end) return false;
      at = i + piece.length;
    }
    return true;
  };
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
