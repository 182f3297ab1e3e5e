// Whether an issue body already says what odyssey would write, seen as GitHub stores it: GitHub
// turns CRLF into LF, and its editor may leave trailing spaces or drop the final newline. Line
// links are pinned to a commit, so a body that differs only in the commit its links point at
// says the same thing: rewriting it on every push would be noise.
export function comparableBody(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .replace(/\/blob\/[0-9a-f]{40}\//g, '/blob/{sha}/')
    .replace(/[ \t]+$/gm, '')
    .trimEnd();
}

export function sameBody(a: string, b: string): boolean {
  return comparableBody(a) === comparableBody(b);
}

/** The same account (GitHub logins are case-insensitive). */
export function sameAccount(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}
