// A unified diff (`diff -u` form, 3 lines of context) of a file whose lines were edited in place,
// as `odyssey fix` makes them: the line count never changes. Pure.

export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) throw new Error('unifiedDiff: edits in place only');
  const changed: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) changed.push(i);
  if (changed.length === 0) return '';
  const out = [`--- a/${file}`, `+++ b/${file}`];
  let i = 0;
  while (i < changed.length) {
    const start = Math.max(0, changed[i]! - context);
    let j = i;
    while (j + 1 < changed.length && changed[j + 1]! - changed[j]! <= 2 * context) j++;
    const end = Math.min(a.length - 1, changed[j]! + context);
    const body: string[] = [];
    let count = 0;
    for (let k = start; k <= end; k++) {
      // The empty piece after a final newline is no line of its own.
      if (k === a.length - 1 && a[k] === '' && b[k] === '') continue;
      count++;
      if (a[k] === b[k]) body.push(` ${a[k]}`);
    else body.push(`-${a[k]}`, `+${b[k]}`);
    }
    out.push(`@@ -${start + 1},${count} +${start + 1},${count} @@`, ...body);
    i = j + 1;
  }
  return out.join('\n') + '\n';
}
