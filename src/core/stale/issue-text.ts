// The words of a stale-topic issue: its title, its body, the comment that closes it, and the
// hidden markers odyssey finds it by again. Pure strings.
import { findMarkerId, markerLine } from '../issues/marker-id.js';
import { codeSpan as code, neutralise, oneLine } from '../issues/neutralise.js';
import { comparableBody } from '../issues/same-body.js';
import type { CloseReason, StaleTopic, TopicVerdict } from './types.js';

export interface IssueTextContext {
  /**
   * Prefix that turns a root-relative path into a web link, pinned to the commit the body was
   * written from: `GITHUB_SERVER_URL/o/r/blob/SHA/` (never `HEAD`, which moves).
   */
  blobBase: string;
  /** The repository's `stale.days`, to say what `stale-after` overrides. */
  defaultDays: number;
  /** `YYYY-MM-DD` of this run: days idle are true "as of" it. */
  today: string;
}

/** GitHub refuses titles over 256 characters. */
const MAX_TITLE = 256;
/** Past this many open tasks the body links to the notes instead: it must stay well under GitHub's 65,536. */
const MAX_TASKS = 30;
const ACTIVITY_MARKER = /<!--\s*odyssey:last-activity\s+(\S+?)\s*-->/;
const IDLE_LINE = /^- Days idle: \d+ as of \d{4}-\d{2}-\d{2}$/m;

/** The hidden marker: the id percent-encoded, so no folder name can break it. */
export function marker(id: string): string {
  return markerLine('stale', id);
}

/** The topic id in an issue body's marker (old raw markers too), or null when a person edited it away. */
export function markerId(body: string | null | undefined): string | null {
  return findMarkerId('stale', body);
}

/** The exact last activity the issue was last written for, or null. */
export function recordedActivity(body: string | null | undefined): string | null {
  return body ? (ACTIVITY_MARKER.exec(body)?.[1] ?? null) : null;
}

export function issueTitle(t: Pick<StaleTopic, 'id' | 'title'>): string {
  // The id keeps two topics with one title apart.
  const suffix = ` (${t.id})`;
  const head = 'Stale topic: ';
  const room = MAX_TITLE - head.length - suffix.length;
  const title = neutralise(oneLine(t.title));
  return head + (title.length > room ? `${title.slice(0, room - 1)}…` : title) + suffix;
}

export function issueBody(t: StaleTopic, ctx: IssueTextContext, renamedFrom?: { id: string; number: number }): string {
  const folder = code(folderOf(t.file));
  const notes = ctx.blobBase + encodePath(t.file);
  const since =
    t.source === 'git'
      ? `the last commit that changed ${folder}`
      : `the newest date in its status block: this clone has no history for the folder`;
  const lines = [
    marker(t.id),
    `<!-- odyssey:last-activity ${t.lastActivityAt} -->`,
    `**[${inline(t.title)}](${notes})** is marked \`in-progress\`, but nothing under ${folder} has changed since ${t.lastActivity}.`,
    '',
    `- Last activity: ${t.lastActivity} (${since})`,
    `- Days idle: ${t.daysIdle} as of ${ctx.today}`,
    `- Stale after: ${t.threshold} days${t.threshold === ctx.defaultDays ? '' : ' (its `stale-after`)'}`,
    `- Tasks: ${t.tasks.total === 0 ? 'none listed' : `${t.tasks.done} of ${t.tasks.total} done`}`,
  ];
  if (renamedFrom) {
    lines.push(
      '',
      `The folder was renamed from ${code(`${folderOf(t.file).replace(/[^/]+\/$/, '')}${renamedFrom.id}/`)}, so this topic has a new issue: #${renamedFrom.number} tracked it under its old name and is closed.`,
    );
  }
  if (t.openTasks.length > 0) {
    lines.push('', '### Open tasks', '');
    for (const task of t.openTasks.slice(0, MAX_TASKS)) lines.push(`- ${inline(task.text, false)} ([line ${task.line}](${notes}#L${task.line}))`);
    const more = t.openTasks.length - MAX_TASKS;
    if (more > 0) lines.push(`- …and ${more} more in [the notes](${notes})`);
  }
  lines.push(
    '',
    '### What now',
    '',
    `- **Pick it up again**: the next run after a commit under ${folder} closes this issue.`,
    '- **Finished?** Set `status: done` (and `completed:`) in the status block: this issue closes.',
    '- **Taking a break?** Set `status: paused` in the status block: paused topics are never stale.',
    `- **Need more time?** Add \`stale-after: ${suggestDays(t.threshold)}\` (days) to the status block; the repository's default is ${ctx.defaultDays}.`,
    '',
    '<sub>Filed by odyssey, which finds this issue again by the hidden marker at the top of its body: keep that line.</sub>',
    '',
  );
  return lines.join('\n');
}

export function closeComment(reason: CloseReason, v: TopicVerdict | undefined, id: string, newFolder?: string): string {
  const folder = v ? code(folderOf(v.file)) : `the folder of ${code(id)}`;
  switch (reason) {
    case 'active':
      return v?.lastActivity
        ? `Active again: ${folder} changed on ${v.lastActivity} (${ago(v.daysIdle ?? 0)}; stale after ${v.threshold}). Closing.`
        : `Active again. Closing.`;
    case 'done':
      return `Marked \`done\`: well done! Closing.`;
    case 'paused':
      return `Marked \`paused\`: paused topics are never stale. Closing; set \`status: in-progress\` to pick it up again.`;
    case 'todo':
      return `Its status is now \`todo\`, not \`in-progress\`. Closing.`;
    case 'removed':
      return `The topic ${code(id)} no longer exists (its folder is gone). Closing.`;
    case 'renamed':
      return `The folder of ${code(id)} was renamed to ${code(newFolder ?? '?')}: the topic is tracked under its new name from now on (with a new issue if it is stale). Closing.`;
  }
}

/** Bodies equal but for the days-idle count: rewriting that alone every day would be churn. */
export function sameText(a: string, b: string): boolean {
  return normalise(a) === normalise(b);
}

function normalise(body: string): string {
  return comparableBody(body).replace(IDLE_LINE, '- Days idle');
}

function ago(days: number): string {
  return days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
}

function folderOf(file: string): string {
  return file.replace(/[^/]*$/, '');
}

function suggestDays(threshold: number): number {
  return Math.max(60, threshold * 2);
}

/**
 * User text inside our markdown: one line, no HTML (so no fake marker), no live mention or
 * issue reference; inside link text, no brackets either. A task's own markdown (links, code) is kept.
 */
function inline(s: string, brackets = true): string {
  const t = neutralise(oneLine(s));
  return brackets ? t.replace(/([[\]])/g, '\\$1') : t;
}


/** A root-relative path inside a URL: each segment percent-encoded (a space or `)` cannot end the link). */
export function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}
