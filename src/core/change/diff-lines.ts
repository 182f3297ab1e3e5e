// The lines of a file a pull request's diff shows on its right side (added and context lines):
// the only lines a review comment can sit on. Read from a unified diff's hunks, as the pull
// request files API gives them in `patch`. Pure.

export function rightSideLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (!patch) return lines;
  let line = 0;
  let inHunk = false;
  for (const l of patch.split('\n')) {
    const h = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(l);
    if (h) {
      line = Number(h[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    if (l.startsWith('+') || l.startsWith(' ')) lines.add(line++);
    else if (l === '' || l.startsWith('\\')) continue;
    // '-' lines are the left side only.
  }
  return lines;
}
