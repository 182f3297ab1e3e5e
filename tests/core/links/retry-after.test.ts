import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../../src/core/links/retry-after.js';

const now = Date.UTC(2026, 10, 29, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delay-seconds as milliseconds', () => {
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0', now)).toBe(0);
  });

  it('reads the IMF-fixdate form relative to the clock it is given', () => {
    expect(parseRetryAfter('Sun, 29 Nov 2026 12:00:30 GMT', now)).toBe(30_000);
  });

  it('reads the obsolete RFC 850 and asctime forms', () => {
    expect(parseRetryAfter('Sunday, 29-Nov-26 12:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('Sun Nov 29 12:00:05 2026', now)).toBe(5_000);
  });

  it('treats a date in the past as no wait', () => {
    expect(parseRetryAfter('Sat, 28 Nov 2026 12:00:00 GMT', now)).toBe(0);
  });

  it('takes the first value of a repeated header', () => {
    expect(parseRetryAfter(['2', '9'], now)).toBe(2000);
  });

  it('gives null for absent, empty, fractional, negative or wordy values', () => {
    for (const v of [undefined, '', '1.5', '-3', 'soon', 'tomorrow at noon', '2026-11-29']) {
      expect(parseRetryAfter(v, now), String(v)).toBeNull();
    }
  });
});
