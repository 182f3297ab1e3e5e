// Idle time is counted in whole UTC calendar days so that `--now YYYY-MM-DD` gives the same
// answer whatever the hour or the machine's time zone.
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant, in UTC. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Days between the UTC calendar dates of two instants (`to` − `from`). */
export function daysBetween(fromMs: number, toMs: number): number {
  return Math.floor(toMs / DAY_MS) - Math.floor(fromMs / DAY_MS);
}

/** A real calendar date `YYYY-MM-DD` → midnight UTC in ms, else null. */
export function parseDay(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return utcDate(ms) === text.trim() ? ms : null;
}
