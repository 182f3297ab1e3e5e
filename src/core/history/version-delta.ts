// The next version of a README read from the one before it, without a markdown parse, when the
// lines that changed cannot change what a status read takes from the document (its tasks and
// headings; the status block is re-read by lines anyway). A topic's history is mostly such
// versions: a task ticked, the block's `status:` moved, a sentence of notes reworded.
//
// Both texts are compared after the status block is blanked (as the parser reads them), line by
// line; the line count must be the same. Each changed line must be one of:
// - a task of the earlier version, the same up to its `[`: the box ticked or not (`[ ]`, `[x]`,
//   `[X]`) and, when its text changed, blanks then text with no `|` or `>`. A task's box is never
//   a link definition (`]` is followed by blanks, not `:`), so only that task's `done` and text change.
// - an ATX heading of the earlier version, the same up to its `#`s, no `|`, `>` or `[`: one line
//   whatever its text; that line alone is parsed for the new text (a `[` could be a link or a
//   footnote, read by definitions elsewhere in the file).
// - plain prose in both versions: the same leading blanks, then a letter, and no `|` or `>`.
// Why that is enough: no block starts with a letter (code is by indent, tables need a `|`, every
// other block a mark); no block ends at one (fences and underlines are marks, and the HTML blocks
// that span blank lines end at a `>`), so every line plays the part it played. Two more guards on
// every changed line but a bare tick: no link definition in its run of non-blank lines (a
// definition spans lines and decides where a paragraph starts: no `]:` there) and no setext
// heading (its text spans lines). Anything else (other line counts, BOM, CR, NUL) is parsed.
// tests/core/history/version-delta.test.ts holds this against the parser, guard by guard.
import type { DocFrontMatter, DocHeading, DocTask } from '../document/index.js';

export interface KnownVersion {
  /** The text as the parser reads it (status block blanked), split at `\n`. */
  lines: string[];
  tasks: DocTask[];
  headings: DocHeading[];
}

/** Texts the comparison applies to: what the parser would normalise (BOM, CR, NUL) is parsed instead. */
export function plainText(text: string): boolean {
  return text.charCodeAt(0) !== 0xfeff && text.indexOf('\r') === -1 && text.indexOf('\0') === -1;
}

/**
 * `blankFrontMatter(text).split('\n')` for a plain text, from the block already found: a block
 * that opens the file on a bare `---` line is blanked, its lines kept (without CRs, the parser's
 * pattern for the closing line is splitFrontMatter's). Tests hold the two together.
 */
export function blankedLines(text: string, fm: DocFrontMatter): string[] {
  const lines = text.split('\n');
  if (fm.kind === 'block' && text.startsWith('---\n')) lines.fill('', 0, fm.bodyLine - 1);
  return lines;
}

const PROSE = /^([ \t]*)[A-Za-z][^|>]*$/;
// No `[` either: a link or footnote in a heading reads by the definitions elsewhere in the file.
const ATX = /^([ \t]*#{1,6})(?=[ \t]|$)[^|>[]*$/;
const BLANK = /^[ \t]*$/;
const BOX = /[ xX]/;
const TAIL = /^[ \t]+[^\s|>][^|>]*$/;

/** What the edited version is: its tasks and headings, or null when it must be parsed. */
export interface EditedVersion {
  tasks: DocTask[];
  headings: DocHeading[];
}

/**
 * The tasks and headings of the version whose (blanked) lines are `lines`, from `known` (any
 * version of any README with as many lines), or null when it must be parsed. `heading` reads one
 * ATX heading line on its own (the parser, so a heading's text is the parser's).
 */
export function afterEdit(known: KnownVersion, lines: readonly string[], heading: (line: string) => DocHeading | undefined): EditedVersion | null {
  const before = known.lines;
  if (before.length !== lines.length) return null;
  let tasks = known.tasks;
  let headings = known.headings;
  let checkedTo = -1;
  for (let i = 0; i < lines.length; i++) {
    const a = before[i]!;
    const b = lines[i]!;
    if (a === b) continue;
    const t = taskAt(known.tasks, i + 1);
    const h = t === -1 ? headingAt(known.headings, i + 1) : -1;
    if (t !== -1) {
      const task = known.tasks[t]!;
      const text = taskEdit(task.column, a, b);
      if (text === null) return null;
      if (tasks === known.tasks) tasks = tasks.slice();
      tasks[t] = { text, done: b[task.column] !== ' ', line: task.line, column: task.column, depth: task.depth, parent: task.parent };
      if (a.length === b.length && a.endsWith(b.slice(task.column + 1))) continue; // only the box changed
    } else if (h !== -1) {
      const pa = ATX.exec(a);
      const pb = ATX.exec(b);
      if (pa === null || pb === null || pa[1] !== pb[1]) return null;
      const indent = pb[1]!.length - pb[1]!.trimStart().length;
      const read = heading(b.slice(indent));
      if (read === undefined || read.style !== 'atx') return null;
      const old = known.headings[h]!;
      if (headings === known.headings) headings = headings.slice();
      // Anchors are left as they were: a status read does not use them.
      headings[h] = { ...old, source: read.source, text: read.text, column: read.column + indent };
    } else {
      const pa = PROSE.exec(a);
      const pb = PROSE.exec(b);
      if (pa === null || pb === null || pa[1] !== pb[1]) return null;
    }
    if (i > checkedTo) {
      // The run of non-blank lines around line i (the same in both: only non-blank lines changed).
      let start = i;
      while (start > 0 && !BLANK.test(lines[start - 1]!)) start--;
      let end = i;
      while (end + 1 < lines.length && !BLANK.test(lines[end + 1]!)) end++;
      for (let j = start; j <= end; j++) if (lines[j]!.includes(']:') || before[j]!.includes(']:')) return null;
      for (const x of known.headings) if (x.style !== 'atx' && x.line - 1 >= start && x.line - 1 <= end) return null;
      checkedTo = end;
    }
  }
  return { tasks, headings };
}

function taskAt(tasks: readonly DocTask[], line: number): number {
  for (let t = 0; t < tasks.length; t++) if (tasks[t]!.line === line) return t;
  return -1;
}

function headingAt(headings: readonly DocHeading[], line: number): number {
  for (let h = 0; h < headings.length; h++) if (headings[h]!.line === line && headings[h]!.style === 'atx') return h;
  return -1;
}

/**
 * A task's line edited only in its box and its text: the same up to the `[` (column `c`, 1-based),
 * `[ ]`, `[x]` or `[X]`, then blanks and text without `|` or `>`. The new text, or null.
 */
function taskEdit(c: number, a: string, b: string): string | null {
  if (a.slice(0, c - 1) !== b.slice(0, c - 1)) return null;
  if (a[c - 1] !== '[' || a[c + 1] !== ']' || b[c - 1] !== '[' || b[c + 1] !== ']') return null;
  if (!BOX.test(a[c]!) || !BOX.test(b[c]!)) return null;
  const ta = a.slice(c + 2);
  const tb = b.slice(c + 2);
  if (ta === tb) return tb.replace(/^[ \t]+/, '').trimEnd();
  if (!TAIL.test(ta) || !TAIL.test(tb)) return null;
  return tb.replace(/^[ \t]+/, '').trimEnd();
}
