// "Did you mean …?" for anchors: the closest candidate by edit distance, if close enough to help.

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

export function closest(word: string, candidates: Iterable<string>, max = 500): string | null {
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
