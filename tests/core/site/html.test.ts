import { describe, expect, it } from 'vitest';
import { esc, link, safeHref } from '../../../src/core/site/html.js';
import { fileUrl, webUrlFromRemote } from '../../../src/core/site/remote.js';

describe('escaping and hrefs', () => {
  it('escapes text and attribute values', () => {
    expect(esc(`<img src=x onerror="alert('1')"> & co`)).toBe('&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co');
  });

  it('never makes a script URL an href, however it is disguised', () => {
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:x', '\u0001javascript:x', 'data:text/html,<script>x</script>', 'vbscript:x', '//evil.example/x', '\\\\evil/x', '/\\evil/x', '']) {
      expect(safeHref(bad), JSON.stringify(bad)).toBeNull();
    }
    expect(link('javascript:alert(1)', '<b>x</b>')).toBe('&lt;b&gt;x&lt;/b&gt;');
  });

  it('keeps web, mail and relative links, escaped', () => {
    expect(safeHref('https://example.org/a?b=1&c=2')).toBe('https://example.org/a?b=1&c=2');
    expect(link('https://example.org/a?b=1&c="2"', 'A')).toBe('<a href="https://example.org/a?b=1&amp;c=&quot;2&quot;">A</a>');
    expect(safeHref('mailto:me@example.org')).toBe('mailto:me@example.org');
    expect(safeHref('../modules/01-a/README.md')).toBe('../modules/01-a/README.md');
  });
});

describe('the web address of a git remote', () => {
  it('reads https, ssh and scp forms, GitHub Enterprise hosts too, and drops credentials', () => {
    expect(webUrlFromRemote('https://github.com/octo/learning.git')).toBe('https://github.com/octo/learning');
    expect(webUrlFromRemote('https://x-access-token:ghs_secret@github.com/octo/learning')).toBe('https://github.com/octo/learning');
    expect(webUrlFromRemote('git@github.com:octo/learning.git')).toBe('https://github.com/octo/learning');
    expect(webUrlFromRemote('ssh://git@ghe.example.com:2222/team/journey.git')).toBe('https://ghe.example.com/team/journey');
    expect(webUrlFromRemote('https://GHE.example.com:8443/team/journey/')).toBe('https://ghe.example.com:8443/team/journey');
    expect(webUrlFromRemote('git@ghe.corp:team/sub/journey.git')).toBe('https://ghe.corp/team/sub/journey');
  });

  it('gives none for paths, other schemes and odd names', () => {
    for (const r of ['/srv/git/journey.git', 'file:///srv/journey', '../journey', 'https://github.com/', 'https://github.com/octo', 'git@github.com:octo/<x>.git', 'ftp://h/o/r']) {
      expect(webUrlFromRemote(r), r).toBeNull();
    }
  });

  it('links a file on the default branch, each path segment encoded', () => {
    expect(fileUrl('https://github.com/o/r', 'modules/01 a#b/README.md')).toBe('https://github.com/o/r/blob/HEAD/modules/01%20a%23b/README.md');
  });
});
