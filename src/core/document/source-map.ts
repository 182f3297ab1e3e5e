// Offsets ↔ 1-based line and column, and the mapping from a markdown-it inline token's content
// (markers, indentation and escaped pipes removed) back to the source where it was written.

export class SourceText {
  readonly starts: number[];
  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.starts = starts;
  }
  get lineCount(): number {
    return this.starts.length;
  }
  /** 0-based line → its text without the newline. */
  line(i: number): string {
    const s = this.starts[i] ?? this.text.length;
    const next = this.starts[i + 1];
    return this.text.slice(s, next === undefined ? this.text.length : next - 1);
  }
  /** Offset → 1-based line and column (columns count UTF-16 units, as remark does). */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/**
 * Where each line of `content` sits in the source, starting at 0-based `firstLine`. Each content
 * line is the tail of its source line (markers and indentation stripped at the front, spaces
 * trimmed at the end of the block). `from` narrows the search on the first line (table cells).
 * Returns a function from a content offset to a source offset.
 */
export function contentMapper(src: SourceText, firstLine: number, content: string, from?: number): (offset: number) => number {
  const bases: number[] = [];
  const starts: number[] = [];
  // Escaped pipes in table cells lose their backslash in content; remember where to add it back.
  const pipeFix: number[][] = [];
  let cstart = 0;
  let k = 0;
  for (;;) {
    const nl = content.indexOf('\n', cstart);
    const cline = content.slice(cstart, nl === -1 ? content.length : nl);
    const lineNo = Math.min(firstLine + k, src.lineCount - 1);
    const sline = src.line(lineNo);
    const lineStart = src.starts[lineNo]!;
    const body = cline.trimStart();
    const lead = cline.length - body.length;
    let at = -1;
    const pipes: number[] = [];
    if (k === 0 && from !== undefined) {
      at = sline.indexOf(body, from);
      if (at === -1 && body.includes('|')) {
        at = sline.indexOf(body.replaceAll('|', '\\|'), from);
        if (at !== -1) for (let i = body.indexOf('|'); i !== -1; i = body.indexOf('|', i + 1)) pipes.push(i + lead);
      }
    } else if (sline.endsWith(body)) at = sline.length - body.length;
    else {
      const t = sline.trimEnd();
      if (t.endsWith(body)) at = t.length - body.length;
      else at = sline.lastIndexOf(body);
    }
    if (at === -1) at = sline.length - sline.trimStart().length;
    bases.push(lineStart + at - lead);
    starts.push(cstart);
    pipeFix.push(pipes);
    if (nl === -1) break;
    cstart = nl + 1;
    k++;
  }
  return (offset: number): number => {
    let i = starts.length - 1;
    while (i > 0 && starts[i]! > offset) i--;
    const rel = offset - starts[i]!;
    let extra = 0;
    for (const p of pipeFix[i]!) if (p < rel) extra++;
    return bases[i]! + rel + extra;
  };
}
