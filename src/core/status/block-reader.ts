// Positions and findings for one status block: YAML offsets become file line and column.
import type { LineCounter, Node } from 'yaml';
import { finding, type Finding, type Severity } from '../model.js';

export const KIND = 'status-block';

export class BlockReader {
  readonly findings: Finding[] = [];

  /** `openLine` is the file line of the opening `---`: YAML line 1 is the line after it. */
  constructor(
    readonly file: string,
    readonly yaml: string,
    readonly lines: LineCounter,
    readonly openLine: number,
  ) {}

  at(offset: number): { line: number; column: number } {
    const p = this.lines.linePos(offset);
    return { line: p.line + this.openLine, column: p.col };
  }

  report(offset: number, severity: Severity, message: string): void {
    const { line, column } = this.at(offset);
    this.findings.push(finding(this.file, line, column, KIND, severity, message));
  }

  /** Reports at the node, or at `fallback` (an offset) when the node has no position. */
  error(node: Node | null | undefined, fallback: number, message: string): void {
    this.report(node?.range?.[0] ?? fallback, 'error', message);
  }

  /** The text of the YAML line holding `offset`, without its line ending. */
  lineText(offset: number): string {
    const start = this.yaml.lastIndexOf('\n', offset - 1) + 1;
    const nl = this.yaml.indexOf('\n', offset);
    return this.yaml.slice(start, nl === -1 ? this.yaml.length : nl).replace(/\r$/, '');
  }

  /** How a value was written, for messages: its source text, shortened. */
  source(node: Node | null | undefined): string {
    const r = node?.range;
    const text = r ? this.yaml.slice(r[0], r[1]).trim() : '';
    return shorten(text);
  }
}

export function shorten(text: string, max = 40): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
