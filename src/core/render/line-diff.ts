/**
 * A short diff for humans: the changed middle of two texts after their common first and last
 * lines, as `-`/`+` lines, cut at `max` lines. Zones change in one place, so this is enough.
 */
export function lineDiff(before: string, after: string, max = 40): string[] {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out = [
    `@@ line ${start + 1} @@`,
    ...a.slice(start, endA).map((l) => `- ${l}`),
    ...b.slice(start, endB).map((l) => `+ ${l}`),
  ];
  if (out.length > max + 1) return [...out.slice(0, max + 1), `… ${out.length - max - 1} more lines`];
  return out;
}
