// "Did you mean …?" for anchors: the closest candidate by edit distance, else the ones that share
// a prefix or whole words (a heading renamed from "Self-Attention" to "Self Attention Mechanism"),
// else a few of the file's anchors to pick from. Bounded: a file can have thousands of headings.

/** Candidates read for edit distance (quadratic in their length each). */
const EDIT_SCAN = 500;
/** Candidates read for prefixes and words (linear each). */
const WORD_SCAN = 5000;
/** Suggestions named at most, and anchors listed when nothing is near. */
const MAX_NEAR = 3;
const MAX_LISTED = 5;
/** A listed anchor is cut here: the list is there to pick from, not to copy a whole slug. */
const LISTED_CHARS = 60;

function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

export function closest(word: string, candidates: Iterable<string>, max = EDIT_SCAN): string | null {
  const limit = Math.max(2, Math.floor(word.length / 3));
  let best: string | null = null;
  let bestD = limit + 1;
  let seen = 0;
  for (const c of candidates) {
    if (++seen > max) break;
    const d = distance(word, c, limit);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

const wordsOf = (slug: string): string[] => slug.split(/[-_]+/).filter((w) => w !== '');
/** Words that say something: "a", "of", "1" match too much to suggest by. */
const significant = (w: string): boolean => w.length >= 3;

/** One anchor as the word match reads it. */
interface Indexed {
  anchor: string;
  words: ReadonlySet<string>;
}

/**
 * The first WORD_SCAN anchors of a file with their words, made once per anchor set: a file with
 * thousands of headings is often the target of many broken links.
 */
const indexes = new WeakMap<ReadonlySet<string>, { size: number; list: Indexed[] }>();

function indexOf(anchors: ReadonlySet<string>): Indexed[] {
  const known = indexes.get(anchors);
  if (known && known.size === anchors.size) return known.list;
  const list: Indexed[] = [];
  for (const anchor of anchors) {
    if (list.length >= WORD_SCAN) break;
    list.push({ anchor, words: new Set(wordsOf(anchor).filter(significant)) });
  }
  indexes.set(anchors, { size: anchors.size, list });
  return list;
}

/**
 * How well `candidate` matches by prefix or words (0: not at all): 4 when one starts with the
 * other, 3 when both have the same significant words, 2 when every significant word of one is a
 * word of the other, 1 when at least half the fragment's significant words are.
 */
function wordScore(fragment: string, fragWords: ReadonlySet<string>, { anchor, words }: Indexed): number {
  const [short, long] = fragment.length <= anchor.length ? [fragment, anchor] : [anchor, fragment];
  if (short.length >= 3 && long.startsWith(short)) return 4;
  if (fragWords.size === 0 || words.size === 0) return 0;
  let shared = 0;
  for (const w of words) if (fragWords.has(w)) shared++;
  if (shared === fragWords.size && shared === words.size) return 3;
  if (shared === fragWords.size || shared === words.size) return 2;
  return shared > 0 && shared * 2 >= fragWords.size ? 1 : 0;
}

/**
 * Up to three anchors near `fragment` (lower case, without `#`), best first: the closest by edit
 * distance alone when there is one, else those of the best word score (ties: the length nearest
 * the fragment's, then the file's order).
 */
export function nearAnchors(fragment: string, anchors: ReadonlySet<string>): string[] {
  const near = closest(fragment, anchors);
  if (near !== null) return [near];
  const fragWords = new Set(wordsOf(fragment).filter(significant));
  const scored: Array<{ anchor: string; score: number; order: number }> = [];
  indexOf(anchors).forEach((a, order) => {
    const score = wordScore(fragment, fragWords, a);
    if (score > 0) scored.push({ anchor: a.anchor, score, order });
  });
  const gap = (a: string): number => Math.abs(a.length - fragment.length);
  scored.sort((a, b) => b.score - a.score || gap(a.anchor) - gap(b.anchor) || a.order - b.order);
  // Only the best kind of match: a heading that starts the same outranks one sharing a word.
  return scored
    .filter((s) => s.score === scored[0]!.score)
    .slice(0, MAX_NEAR)
    .map((s) => s.anchor);
}

/**
 * The end of a missing-anchor message: "; did you mean #a?" (or "#a, #b or #c?"), else a few of
 * the file's anchors in the file's order ("; its headings and anchors are #a, #b … and 37 more"),
 * else " (it has no headings)".
 */
export function anchorHint(fragment: string, anchors: ReadonlySet<string>): string {
  if (anchors.size === 0) return ' (it has no headings)';
  const near = nearAnchors(fragment, anchors);
  if (near.length > 0) return `; did you mean ${orList(near.map((a) => `#${a}`))}?`;
  const listed: string[] = [];
  for (const a of anchors) {
    if (listed.length === MAX_LISTED) break;
    listed.push(`#${a.length > LISTED_CHARS ? `${a.slice(0, LISTED_CHARS)}…` : a}`);
  }
  const more = anchors.size - listed.length;
  if (anchors.size === 1) return `; its only heading or anchor is ${listed[0]}`;
  return `; its headings and anchors are ${more > 0 ? `${listed.join(', ')} and ${more} more` : andList(listed)}`;
}

function orList(items: string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function andList(items: string[]): string {
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
