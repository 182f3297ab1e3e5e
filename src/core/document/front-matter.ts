// Splits a module README into its front matter and its body, by lines, in one pass.

export type FrontMatter =
  | { kind: 'none'; body: string; bodyLine: number }
  | {
      kind: 'unclosed';
      /** File line of the opening `---`. */
      openLine: number;
      /** First line after the opening that looks like a markdown heading: where `---` was probably meant. */
      headingLine: number | null;
      body: string;
      bodyLine: number;
    }
  | {
      kind: 'block';
      openLine: number;
      /** The YAML between the fences, line endings as written; its line 1 is file line `openLine + 1`. */
      yaml: string;
      body: string;
      /** File line of the body's first line. */
      bodyLine: number;
    };

function isFence(text: string, start: number, end: number, fence: string): boolean {
  if (text.startsWith(fence, start) === false) return false;
  for (let i = start + fence.length; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

const HEADING = /^#{1,6}[ \t]/;

/** `text` must already be without its BOM. Lines end in LF or CRLF. */
export function splitFrontMatter(text: string): FrontMatter {
  let start = 0;
  let line = 1;
  // Leading blank lines are skipped only to recognise a block the user meant; the caller reports them.
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (isFence(text, start, end, '---')) break;
    if (!isBlank(text, start, end) || nl === -1) return { kind: 'none', body: text, bodyLine: 1 };
    start = nl + 1;
    line++;
  }
  const openLine = line;
  const openEnd = text.indexOf('\n', start);
  if (openEnd === -1) return { kind: 'unclosed', openLine, headingLine: null, body: '', bodyLine: openLine + 1 };
  const yamlStart = openEnd + 1;
  let headingLine: number | null = null;
  start = yamlStart;
  line = openLine + 1;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (isFence(text, start, end, '---') || isFence(text, start, end, '...')) {
      const bodyStart = nl === -1 ? text.length : nl + 1;
      return { kind: 'block', openLine, yaml: text.slice(yamlStart, start), body: text.slice(bodyStart), bodyLine: line + 1 };
    }
    if (headingLine === null && HEADING.test(text.slice(start, Math.min(end, start + 8)))) headingLine = line;
    if (nl === -1) break;
    start = nl + 1;
    line++;
  }
  return { kind: 'unclosed', openLine, headingLine, body: text.slice(yamlStart), bodyLine: openLine + 1 };
}
