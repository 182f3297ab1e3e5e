/** Exit codes, in one place (SPEC §5). */
export const Exit = {
  ok: 0,
  /** Findings at or above the fail level, a broken status block, or an out-of-date README with --check. */
  findings: 1,
  /** A usage or configuration error. */
  usage: 2,
  /** odyssey itself failed (a bug or an unexpected error): the message goes to stderr. */
  crash: 3,
} as const;
export type ExitCode = (typeof Exit)[keyof typeof Exit];

/** A mistake in how odyssey was called or configured: printed as is, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
