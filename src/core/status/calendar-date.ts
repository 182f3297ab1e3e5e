// `YYYY-MM-DD` dates that exist on the calendar. YAML's core schema gives them as strings;
// a Date (from a custom schema or a caller) is accepted too, read in UTC as YAML writes it.

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export type DateReading = { date: string } | { problem: string };

/** `problem` is the reason only (e.g. "February 2026 has 28 days"); the caller adds the field and the fix. */
export function readCalendarDate(value: unknown): DateReading {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { problem: 'it is not a date' };
    return { date: `${pad(value.getUTCFullYear(), 4)}-${pad(value.getUTCMonth() + 1, 2)}-${pad(value.getUTCDate(), 2)}` };
  }
  if (typeof value !== 'string') return { problem: 'it is not written YYYY-MM-DD' };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return { problem: 'it is not written YYYY-MM-DD' };
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return { problem: `there is no month ${m[2]}` };
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return { problem: `${MONTHS[month - 1]} ${year} has ${last} days` };
  return { date: `${m[1]}-${m[2]}-${m[3]}` };
}
