// `Retry-After` (RFC 9110 §10.2.3): either delay-seconds or an HTTP date. Pure: the caller
// passes the clock reading.

/**
 * Milliseconds to wait, or null when the header is absent or unreadable (the caller then falls
 * back to its own backoff). A date in the past means "now" (0).
 */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number): number | null {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return null;
  if (/^\d+$/.test(raw)) {
    const seconds = Number(raw);
    return Number.isSafeInteger(seconds) ? seconds * 1000 : null;
  }
  // Only the date forms HTTP allows, so that "1.5" or "soon" is not read as a date by Date.parse.
  if (!/^[A-Za-z]{3,9},?\s+\d{1,2}[-\s][A-Za-z]{3}[-\s]\d{2,4}\s+\d{2}:\d{2}:\d{2}\s+GMT$/.test(raw) &&
      !/^[A-Za-z]{3}\s+[A-Za-z]{3}\s+\d{1,2}\s+\d{2}:\d{2}:\d{2}\s+\d{4}$/.test(raw)) return null;
  const at = Date.parse(/GMT$/.test(raw) ? raw : `${raw} GMT`);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}
