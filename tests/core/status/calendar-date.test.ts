import { describe, expect, it } from 'vitest';
import { daysInMonth, isLeapYear, readCalendarDate } from '../../../src/core/status/calendar-date.js';

describe('readCalendarDate', () => {
  it('accepts dates that exist', () => {
    expect(readCalendarDate('2026-10-02')).toEqual({ date: '2026-10-02' });
    expect(readCalendarDate(' 2024-02-29 ')).toEqual({ date: '2024-02-29' });
    expect(readCalendarDate('2026-12-31')).toEqual({ date: '2026-12-31' });
  });

  it('reads a Date in UTC, as YAML timestamps are', () => {
    expect(readCalendarDate(new Date(Date.UTC(2026, 9, 2)))).toEqual({ date: '2026-10-02' });
    expect(readCalendarDate(new Date(Date.UTC(2026, 0, 1, 23, 59)))).toEqual({ date: '2026-01-01' });
    expect(readCalendarDate(new Date(NaN))).toEqual({ problem: 'it is not a date' });
  });

  it('says why a date is not real', () => {
    expect(readCalendarDate('2026-02-29')).toEqual({ problem: 'February 2026 has 28 days' });
    expect(readCalendarDate('2026-04-31')).toEqual({ problem: 'April 2026 has 30 days' });
    expect(readCalendarDate('2026-01-00')).toEqual({ problem: 'January 2026 has 31 days' });
    expect(readCalendarDate('2026-00-10')).toEqual({ problem: 'there is no month 00' });
    expect(readCalendarDate('2026-1-2')).toEqual({ problem: 'it is not written YYYY-MM-DD' });
    expect(readCalendarDate('2026-10-02T10:00:00Z')).toEqual({ problem: 'it is not written YYYY-MM-DD' });
    expect(readCalendarDate(20261002)).toEqual({ problem: 'it is not written YYYY-MM-DD' });
  });

  it('knows the leap-year rule, centuries included', () => {
    expect([2024, 2000, 2400].map(isLeapYear)).toEqual([true, true, true]);
    expect([2026, 1900, 2100].map(isLeapYear)).toEqual([false, false, false]);
    expect([1, 2, 4, 12].map((m) => daysInMonth(2028, m))).toEqual([31, 29, 30, 31]);
  });
});
