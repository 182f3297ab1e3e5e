// Nesting of task-list items, read from their own lines: an item indented past an earlier
// item's marker is nested under it. (The status parser's tasks carry text and line only.)
import type { Task } from '../model.js';
import type { TopicTask } from './types.js';

const ITEM_START = /^((?: {0,3}>[ \t]?)*)([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]/;

function columns(ws: string): number {
  let n = 0;
  for (const c of ws) n = c === '\t' ? n + 4 - (n % 4) : n + 1;
  return n;
}

export function withDepths(text: string, tasks: readonly Task[]): TopicTask[] {
  const lines = text.split('\n');
  const open: number[] = [];
  return tasks.map((t) => {
    const m = ITEM_START.exec((lines[t.line - 1] ?? '').replace(/\r$/, ''));
    const indent = m ? columns(m[2]!) : 0;
    while (open.length > 0 && open[open.length - 1]! >= indent) open.pop();
    const depth = open.length;
    open.push(indent);
    return { text: t.text, done: t.done, line: t.line, depth };
  });
}
