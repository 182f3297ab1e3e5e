// A box ticked or unticked in a topic issue → the one character of the module README that
// changes. Only the boxes this edit changed count (the body before and after the edit),
// so two quick ticks, whatever order their runs take, each carry only their own box.
import { itemText, readChecklist, type ChecklistItem } from './issue-text.js';
import type { TopicTask } from './types.js';

export interface Tick {
  /** The item as the issue shows it after the edit. */
  item: ChecklistItem;
  done: boolean;
}

/** The boxes whose state differs between the body before and after an edit. */
export function ticksBetween(before: string | null | undefined, after: string | null | undefined): Tick[] {
  const old = readChecklist(before);
  const now = readChecklist(after);
  const ticks: Tick[] = [];
  for (const item of now) {
    const was = old[item.index];
    if (was && was.done !== item.done && was.text === item.text) ticks.push({ item, done: item.done });
  }
  return ticks;
}

export interface TickResult {
  /** The README with the ticks applied; equal to the input when nothing changed. */
  text: string;
  /** Ticks that changed a box, with the README line. */
  applied: Array<{ tick: Tick; line: number; task: string }>;
  /** Ticks already so in the README (say, the push that mirrored them). */
  already: Tick[];
  /** Ticks whose task text no longer matches any task in the README. */
  mismatched: Tick[];
}

const BOX = /^((?: {0,3}>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[)([ xX])(\])/;

/** The task a checklist item stands for: the same position and text, else the one task with that text. */
function taskFor(item: ChecklistItem, tasks: readonly TopicTask[]): TopicTask | undefined {
  const same = tasks[item.index];
  if (same && itemText(same) === item.text) return same;
  const byText = tasks.filter((t) => itemText(t) === item.text);
  return byText.length === 1 ? byText[0] : undefined;
}

export function applyTicks(readme: string, tasks: readonly TopicTask[], ticks: readonly Tick[]): TickResult {
  const lines = readme.split('\n');
  const result: TickResult = { text: readme, applied: [], already: [], mismatched: [] };
  for (const tick of ticks) {
    const task = taskFor(tick.item, tasks);
    const m = task ? BOX.exec(lines[task.line - 1] ?? '') : null;
    if (!task || !m) {
      result.mismatched.push(tick);
      continue;
    }
    const isDone = m[2] !== ' ';
    if (isDone === tick.done) {
      result.already.push(tick);
      continue;
    }
    const line = lines[task.line - 1]!;
    const at = m[1]!.length;
    lines[task.line - 1] = line.slice(0, at) + (tick.done ? 'x' : ' ') + line.slice(at + 1);
    result.applied.push({ tick, line: task.line, task: task.text });
  }
  result.text = lines.join('\n');
  return result;
}

export function mismatchComment(ticks: readonly Tick[]): string {
  const list = ticks.map((t) => `- ${t.done ? 'ticked' : 'unticked'}: ${t.item.text}`).join('\n');
  return `This box${ticks.length === 1 ? '' : 'es'} no longer match${ticks.length === 1 ? 'es' : ''} a task in the notes, so nothing was changed:\n\n${list}\n\nThe next push brings this list up to date with the notes; tick the box again then.`;
}
