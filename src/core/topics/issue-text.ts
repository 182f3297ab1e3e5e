// The words of a topic issue: title, body (status, dates, resources, the checklist mirroring the
// module's task list), comments, and the hidden markers odyssey finds it by. Pure strings; every
// piece of user text goes through `neutralise` (no mention, reference or HTML).
import { findMarkerId, markerLine } from '../issues/marker-id.js';
import { codeSpan, linkText, neutralise, oneLine } from '../issues/neutralise.js';
import type { StaleNotice, TopicModule, TopicTask, TopicTextContext } from './types.js';

const MAX_TITLE = 256;
/** Keeps the body well under GitHub's 65,536 characters. */
export const MAX_CHECKLIST = 400;
export const TASKS_START = '<!-- odyssey:tasks -->';
export const TASKS_END = '<!-- odyssey:tasks:end -->';
/** ` · [line 12](…#L12)` ends every checklist item. */
const ITEM = /^((?: {2})*)- \[([ xX])\] (.*) · \[line (\d+)\]\([^)]*\)$/;

export function topicMarker(id: string): string {
  return markerLine('topic', id);
}

export function topicMarkerId(body: string | null | undefined): string | null {
  return findMarkerId('topic', body);
}

export function topicTitle(m: Pick<TopicModule, 'title'>): string {
  const t = neutralise(oneLine(m.title)) || 'Untitled topic';
  return t.length > MAX_TITLE ? `${t.slice(0, MAX_TITLE - 1)}…` : t;
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

export function permalink(ctx: TopicTextContext, file: string, line?: number): string {
  return `${ctx.repoUrl}/blob/${ctx.sha}/${encodePath(ctx.prefix + file)}${line ? `#L${line}` : ''}`;
}

/** The text of a task as the checklist shows it (and as a ticked box is matched back). */
export function itemText(task: Pick<TopicTask, 'text'>): string {
  return neutralise(oneLine(task.text)).replace(/ · \[line /g, ' · \\[line ');
}

function resourceLine(r: TopicModule['resources'][number], ctx: TopicTextContext, file: string): string {
  const title = linkText(r.title || r.url);
  if (/^https?:\/\//i.test(r.url) && !/[\s<>]/.test(r.url)) return `- [${title}](${r.url.replace(/\)/g, '%29')})`;
  if (r.url !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(r.url) && !r.url.startsWith('/') && !r.url.startsWith('#')) {
    const dir = file.replace(/[^/]*$/, '');
    const resolved = normalisePath(dir + r.url.replace(/[?#].*$/, ''));
    if (resolved !== null) return `- [${title}](${permalink(ctx, resolved)})`;
  }
  return `- ${title}${r.url && r.url !== r.title ? ` (${codeSpan(r.url)})` : ''}`;
}

function normalisePath(p: string): string | null {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

export function checklistLines(m: Pick<TopicModule, 'tasks' | 'file'>, ctx: TopicTextContext): string[] {
  return m.tasks.slice(0, MAX_CHECKLIST).map((t) => `${'  '.repeat(Math.min(t.depth, 8))}- [${t.done ? 'x' : ' '}] ${itemText(t)} · [line ${t.line}](${permalink(ctx, m.file, t.line)})`);
}

export function topicBody(m: TopicModule, ctx: TopicTextContext, stale?: StaleNotice): string {
  const lines = [
    topicMarker(m.id),
    `**[${linkText(m.title)}](${permalink(ctx, m.file)})** · ${codeSpan(m.status ?? 'unknown')}`,
    '',
    `- Status: ${codeSpan(m.status ?? 'unknown')}`,
    `- Started: ${m.started ? neutralise(m.started) : '—'}`,
    `- Completed: ${m.completed ? neutralise(m.completed) : '—'}`,
    `- Confidence: ${m.confidence !== undefined ? `${m.confidence}/5` : '—'}`,
  ];
  // No "N of M done" line: GitHub counts the checklist itself, and a count here would make a box
  // ticked in the issue differ from the notes until the next write.
  if (stale) {
    lines.push('', `<!-- odyssey:stale-notice ${encodeURIComponent(stale.lastActivityAt)} -->`, `> [!NOTE]`, `> Stale: nothing under ${codeSpan(m.file.replace(/[^/]*$/, ''))} has changed since ${stale.lastActivity} (stale after ${stale.threshold} days).`);
  }
  if (m.resources.length > 0) {
    lines.push('', '### Resources', '');
    for (const r of m.resources) lines.push(resourceLine(r, ctx, m.file));
  }
  lines.push('', '### Tasks', '');
  if (m.tasks.length === 0) lines.push('No task list in the notes yet: add `- [ ] …` lines to the module README and they appear here.');
  else {
    lines.push(TASKS_START, ...checklistLines(m, ctx), TASKS_END);
    if (m.tasks.length > MAX_CHECKLIST) lines.push('', `…and ${m.tasks.length - MAX_CHECKLIST} more in [the notes](${permalink(ctx, m.file)}).`);
  }
  lines.push(
    '',
    '<sub>Kept by odyssey. Tick a box here and odyssey ticks it in the notes (one commit); tick it in the notes and the next push ticks it here. Keep the hidden lines.</sub>',
    '',
  );
  return lines.join('\n');
}

export interface ChecklistItem {
  /** Position among the checklist's items, from 0. */
  index: number;
  depth: number;
  done: boolean;
  text: string;
  /** The README line the item links to. */
  line: number;
}

/** The checklist of a topic issue's body (between the hidden task markers), as GitHub stores it. */
export function readChecklist(body: string | null | undefined): ChecklistItem[] {
  if (!body) return [];
  const text = body.replace(/\r\n?/g, '\n');
  const start = text.indexOf(TASKS_START);
  const end = start === -1 ? -1 : text.indexOf(TASKS_END, start);
  if (start === -1 || end === -1) return [];
  const items: ChecklistItem[] = [];
  for (const line of text.slice(start + TASKS_START.length, end).split('\n')) {
    const m = ITEM.exec(line.trimEnd());
    if (!m) continue;
    items.push({ index: items.length, depth: m[1]!.length / 2, done: m[2] !== ' ', text: m[3]!, line: Number(m[4]) });
  }
  return items;
}

export function doneComment(): string {
  return 'Marked `done` in the notes: well done! Closing.';
}

export function reopenNote(): string {
  return 'reopened: the topic is active again';
}

export function removedComment(id: string): string {
  return `The topic ${codeSpan(id)} no longer exists (its folder is gone). Closing as not planned.`;
}

export function staleComment(m: Pick<TopicModule, 'file'>, s: StaleNotice): string {
  return `This topic looks stale: nothing under ${codeSpan(m.file.replace(/[^/]*$/, ''))} has changed since ${s.lastActivity} (stale after ${s.threshold} days). Pick it up again, set \`status: paused\`, or mark it \`done\`.`;
}
