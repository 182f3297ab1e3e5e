import { describe, expect, it } from 'vitest';
import { hasCredentials, hideCredentials } from '../../../src/core/links/hide-credentials.js';
import { finding } from '../../../src/core/model.js';

describe('hideCredentials', () => {
  it('replaces user and password with ***', () => {
    expect(hideCredentials('http://user:password@host.test/a?b#c')).toBe('http://***@host.test/a?b#c');
    expect(hideCredentials('see https://ghp_abc123@github.com/o/r and ftp://a:b@f.test')).toBe('see https://***@github.com/o/r and ftp://***@f.test');
    expect(hideCredentials('`https://u:p%40ss@h.test/x` answered 404')).toBe('`https://***@h.test/x` answered 404');
  });

  it('leaves addresses without user-info alone', () => {
    for (const s of ['mailto:a@b.test', 'https://github.com/@user', 'https://h.test/a@b', 'write to a@b.test', 'https://h.test/?q=a@b']) expect(hideCredentials(s)).toBe(s);
    expect(hasCredentials('https://h.test/')).toBe(false);
    expect(hasCredentials('https://u@h.test/')).toBe(true);
  });

  it('applies to every finding: message and url', () => {
    const f = finding('README.md', 1, 1, 'http-error', 'error', 'http://me:hunter2@h.test/x answered 404 (redirected to https://me:hunter2@h.test/y)', { url: 'http://me:hunter2@h.test/x' });
    expect(JSON.stringify(f)).not.toContain('hunter2');
    expect(f.url).toBe('http://***@h.test/x');
  });
});
