import { describe, expect, it } from 'vitest';
import { unsafeScheme } from '../../../src/core/links/unsafe-url.js';

describe('unsafeScheme', () => {
  it('names javascript:, vbscript:, file: and data: targets, as a browser reads them', () => {
    expect(unsafeScheme('javascript:alert(1)')).toBe('javascript');
    expect(unsafeScheme(' JavaScript:alert(1)')).toBe('javascript');
    expect(unsafeScheme('java\tscr\nipt:alert(1)')).toBe('javascript');
    expect(unsafeScheme('\x01javascript:x')).toBe('javascript');
    expect(unsafeScheme('VBScript:msgbox')).toBe('vbscript');
    expect(unsafeScheme('file:///etc/passwd')).toBe('file');
    expect(unsafeScheme('data:text/html,<script>alert(1)</script>')).toBe('data');
    expect(unsafeScheme('data:image/png;base64,AAAA', 'inline')).toBe('data');
  });

  it('lets images be data: images, and leaves web, mail and relative links alone', () => {
    expect(unsafeScheme('data:image/png;base64,AAAA', 'image')).toBeNull();
    expect(unsafeScheme('data:image/svg+xml,<svg/>', 'html')).toBeNull();
    for (const u of ['https://a.test/javascript:x', 'mailto:a@b.test', 'docs/file.md', './javascript:x', '#javascript:x', 'http://x.test']) expect(unsafeScheme(u)).toBeNull();
  });
});
