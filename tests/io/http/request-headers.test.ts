import { describe, expect, it } from 'vitest';
import { hostMatches, requestHeaders } from '../../../src/io/http/request-headers.js';

const cfg = { userAgent: 'ua/1', headers: { '*.example.org': { 'X-Team': 'docs' }, 'api.github.com': { Accept: 'application/vnd.github+json' } } };

describe('hostMatches', () => {
  it('matches exact hosts, subdomain wildcards and *', () => {
    expect(hostMatches('github.com', 'GitHub.com')).toBe(true);
    expect(hostMatches('github.com', 'api.github.com')).toBe(false);
    expect(hostMatches('*.example.org', 'a.b.example.org')).toBe(true);
    expect(hostMatches('*.example.org', 'example.org')).toBe(false);
    expect(hostMatches('*.example.org', 'badexample.org')).toBe(false);
    expect(hostMatches('*', 'anything.test')).toBe(true);
  });
});

describe('requestHeaders', () => {
  it('sends GITHUB_TOKEN to GitHub hosts over https only', () => {
    const env = { GITHUB_TOKEN: 't0k' };
    expect(requestHeaders(new URL('https://github.com/a/b'), cfg, env).authorization).toBe('Bearer t0k');
    expect(requestHeaders(new URL('https://api.github.com/repos/a/b'), cfg, env).authorization).toBe('Bearer t0k');
    expect(requestHeaders(new URL('http://github.com/a/b'), cfg, env).authorization).toBeUndefined();
    expect(requestHeaders(new URL('https://github.com.evil.test/'), cfg, env).authorization).toBeUndefined();
    expect(requestHeaders(new URL('https://gist.github.com/x'), cfg, env).authorization).toBeUndefined();
    expect(requestHeaders(new URL('https://github.com/a/b'), cfg, {}).authorization).toBeUndefined();
  });

  it('adds the configured headers for matching hosts, names lowercased', () => {
    const h = requestHeaders(new URL('https://docs.example.org/x'), cfg, {});
    expect(h).toMatchObject({ 'user-agent': 'ua/1', 'x-team': 'docs' });
    expect(requestHeaders(new URL('https://api.github.com/'), cfg, {}).accept).toBe('application/vnd.github+json');
    expect(requestHeaders(new URL('https://other.test/'), cfg, {})['x-team']).toBeUndefined();
  });
});
