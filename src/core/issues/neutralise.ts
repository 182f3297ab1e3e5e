// User text inside an issue body or comment must not notify anyone, link other issues, or carry
// HTML (a forged marker is an HTML comment). GitHub turns `@name`, `@org/team`, `#12`, `GH-12`
// and `owner/repo#12` into live mentions and references; a zero-width joiner after `@`/`#`
// (what other bots do) keeps the text readable while GitHub no longer links it. URLs are left
// as written (a mention or reference inside one is not live, and changing it would break it).
const ZWJ = '\u200d';
const URL_RE = /(?:https?:\/\/|mailto:)[^\s<>)\]]*/gi;

function quiet(part: string): string {
  return part
    .replace(/</g, '&lt;')
    .replace(/(?<![A-Za-z0-9_.+-])@(?=[A-Za-z0-9_-])/g, `@${ZWJ}`)
    .replace(/#(?=\d)/g, `#${ZWJ}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWJ}`);
}

/** `@someone` → `@\u200dsomeone`; `#12` → `#\u200d12`; `GH-12` → `GH-\u200d12`; `<` → `&lt;`; URLs kept. */
export function neutralise(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    out += quiet(text.slice(last, m.index)) + m[0].replace(/</g, '%3C');
    last = m.index + m[0].length;
  }
  return out + quiet(text.slice(last));
}

/** One line of user text: whitespace runs (newlines too) become one space. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** User text inside link text: neutralised, on one line, and brackets escaped. */
export function linkText(s: string): string {
  return neutralise(oneLine(s)).replace(/([[\]])/g, '\\$1');
}

/**
 * A folder name or id as a code span: one line, no backtick to break out of it, no `<` (a code
 * span shows entities as typed, so `‹` stands in). Mentions inside code spans are never live.
 */
export function codeSpan(s: string): string {
  return `\`${oneLine(s).replace(/`/g, "'").replace(/</g, '‹')}\``;
}
