import { describe, expect, it } from 'vitest';
import { compileUrlPatterns } from '../../../src/core/links/url-pattern.js';
import { mulberry32 } from '../../support/prng.js';

/** The glob's meaning, as a regular expression (fine for short strings, the reference here). */
const reference = (glob: string) =>
  new RegExp(`^${glob.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');

describe('URL globs', () => {
  it('match as the regular expression `*` → `.*` would, on thousands of generated cases', () => {
    const rnd = mulberry32(16);
    const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    for (let i = 0; i < 5000; i++) {
      const glob = pick('ab*.A', 1 + Math.floor(rnd() * 7));
      const url = pick('abB.', Math.floor(rnd() * 9));
      expect(compileUrlPatterns([glob])(url), `${glob} on ${url}`).toBe(reference(glob).test(url));
    }
  });

  it('keep the documented forms: prefix, suffix, infix, case-insensitive, exact', () => {
    expect(compileUrlPatterns(['https://example.org/*'])('HTTPS://Example.org/a/b')).toBe(true);
    expect(compileUrlPatterns(['*.pdf'])('https://x.org/a.PDF')).toBe(true);
    expect(compileUrlPatterns(['*localhost*'])('http://localhost:3000/')).toBe(true);
    expect(compileUrlPatterns(['https://a.org'])('https://a.org/')).toBe(false);
    expect(compileUrlPatterns(['a*a'])('a')).toBe(false);
  });

  it('a glob of many stars against a long URL that almost matches answers at once (no backtracking)', () => {
    const glob = `${'*a'.repeat(40)}*b`;
    const url = `https://${'a'.repeat(5000)}`;
    expect(compileUrlPatterns([glob])(url)).toBe(false);
    expect(compileUrlPatterns([glob])(`${url}b`)).toBe(true);
  });
});
