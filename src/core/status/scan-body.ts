// One linear pass over a module body for its task-list items and its first `#` heading.
// Bodies can be megabytes, so this is a line scanner that knows just enough CommonMark block
// structure (fences, indented code, HTML comments, list nesting) to skip what is not rendered as a task.
import type { Task } from '../model.js';

export interface BodyScan {
  tasks: Task[];
  /** Text of the first level-1 ATX heading outside code, markup not yet stripped; null when none. */
  heading: string | null;
}

const LIST_ITEM = /^([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const TASK = /^\[([ xX])\][ \t]+(\S.*)$/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BLOCKQUOTE = /^(?: {0,3}>[ \t]?)+/;
const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;

interface Fence {
  char: string;
  length: number;
  /** Indent of the container the fence is in; its closing line may be indented up to 3 more. */
  base: number;
}

/** Width of leading whitespace in columns (tabs to the next multiple of 4) and where the text starts. */
function measureIndent(s: string): { indent: number; at: number } {
  let indent = 0;
  let at = 0;
  for (; at < s.length; at++) {
    const c = s.charCodeAt(at);
    if (c === 0x20) indent++;
    else if (c === 0x09) indent += 4 - (indent % 4);
    else break;
  }
  return { indent, at };
}

/** Cheap pre-check so the block-quote pattern runs only on lines that can be quotes. */
function mayQuote(raw: string): boolean {
  for (let i = 0; i < raw.length && i < 4; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x3e) return true;
    if (c !== 0x20) return false;
  }
  return false;
}

function closesFence(rest: string, fence: Fence): boolean {
  let n = 0;
  while (n < rest.length && rest[n] === fence.char) n++;
  return n >= fence.length && rest.slice(n).trim() === '';
}

/** `# Title #` → `Title`; null for anything that is not a level-1 ATX heading with text. */
function levelOneHeading(rest: string): string | null {
  if (rest[0] !== '#') return null;
  if (rest.length > 1 && rest[1] !== ' ' && rest[1] !== '\t') return null;
  let text = rest.slice(1).trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0) text = '';
  else if (end < text.length && (text[end - 1] === ' ' || text[end - 1] === '\t')) text = text.slice(0, end).trimEnd();
  return text === '' ? null : text;
}

export function scanBody(body: string, firstLine: number): BodyScan {
  const tasks: Task[] = [];
  let heading: string | null = null;
  let fence: Fence | null = null;
  let inComment = false;
  let prevBlank = true;
  let prevCode = false;
  // Content indents of the open list items, innermost last.
  const items: number[] = [];

  let pos = 0;
  let lineNo = firstLine;
  for (;;) {
    const nl = body.indexOf('\n', pos);
    let end = nl === -1 ? body.length : nl;
    if (end > pos && body.charCodeAt(end - 1) === 0x0d) end--;
    const raw = body.slice(pos, end);
    const quote = mayQuote(raw) ? BLOCKQUOTE.exec(raw) : null;
    const line = quote ? raw.slice(quote[0].length) : raw;
    const { indent, at } = measureIndent(line);
    const rest = line.slice(at);

    scan: {
      if (fence !== null) {
        if (indent - fence.base <= 3 && closesFence(rest, fence)) fence = null;
        break scan;
      }
      if (inComment) {
        if (raw.includes('-->')) inComment = false;
        break scan;
      }
      if (rest === '') {
        prevBlank = true;
        break scan;
      }
      const listItem = LIST_ITEM.exec(rest);
      const startsBlock =
        listItem !== null || rest[0] === '#' || rest.startsWith('```') || rest.startsWith('~~~') || rest.startsWith('<!--');
      // A lazy continuation line (no blank before, not a new block) stays inside the list item.
      while (items.length > 0 && items[items.length - 1]! > indent && (prevBlank || startsBlock)) items.pop();
      const base = items.length > 0 ? items[items.length - 1]! : 0;
      if (indent >= base + 4) {
        // Indented code cannot interrupt a paragraph: without a blank line before, it is paragraph text.
        if (prevBlank || prevCode) prevCode = true;
        prevBlank = false;
        break scan;
      }
      prevCode = false;
      prevBlank = false;
      const fenceOpen = FENCE_OPEN.exec(rest);
      if (fenceOpen && !(fenceOpen[1]![0] === '`' && fenceOpen[2]!.includes('`'))) {
        fence = { char: fenceOpen[1]![0]!, length: fenceOpen[1]!.length, base };
        break scan;
      }
      if (rest.startsWith('<!--')) {
        if (!rest.includes('-->', 4)) inComment = true;
        break scan;
      }
      if ((rest[0] === '-' || rest[0] === '*' || rest[0] === '_') && THEMATIC_BREAK.test(rest)) {
        items.length = 0;
        break scan;
      }
      if (rest[0] === '#') {
        if (heading === null) heading = levelOneHeading(rest);
        break scan;
      }
      if (listItem) {
        const marker = listItem[1]!.length;
        const gap = measureIndent(listItem[2]!).indent;
        items.push(indent + marker + (gap === 0 || gap > 4 ? 1 : gap));
        const task = TASK.exec(rest.slice(listItem[0].length));
        if (task) tasks.push({ text: task[2]!.trimEnd(), done: task[1] !== ' ', line: lineNo });
      }
    }

    if (nl === -1) break;
    pos = nl + 1;
    lineNo++;
  }
  return { tasks, heading };
}
