// Exponential backoff with jitter, so retries from many links do not arrive in lockstep.

const MAX_BACKOFF_MS = 30_000;

/** Wait before retry number `attempt` (1-based): base·2^(attempt-1), scaled by 0.5–1.5. */
export function backoffMs(attempt: number, baseMs: number, random: () => number): number {
  const raw = baseMs * 2 ** Math.max(0, attempt - 1);
  return Math.round(Math.min(MAX_BACKOFF_MS, raw) * (0.5 + random()));
}
