// "did you mean …?" for a mistyped command, option or value.
import { closest } from '../core/status/closest.js';

/** ` (did you mean 'x'?)`, or '' when nothing is near enough to be a likely typo. */
export function didYouMean(word: string, candidates: readonly string[], prefix = ''): string {
  const limit = Math.max(1, Math.min(3, Math.ceil(word.length / 3)));
  const hit = closest(word.toLowerCase(), candidates, limit) ?? candidates.find((c) => c.startsWith(word) && word.length >= 3) ?? null;
  return hit ? ` (did you mean '${prefix}${hit}'?)` : '';
}
