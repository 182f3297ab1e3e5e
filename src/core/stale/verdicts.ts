// Modules + history + policy → a verdict per topic; the stale ones carry what their issue needs.
import type { Module } from '../model.js';
import { daysBetween, parseDay, utcDate } from './days.js';
import type { ActivitySource, StaleTopic, TopicVerdict } from './types.js';

export interface StalePolicy {
  /** `stale.days`: the repository's threshold. */
  days: number;
  now: Date;
}

export interface ActivityInput {
  /**
   * From git: topic id → time (ms) of its last change. An id with no entry (no history, a
   * shallow clone's cut-off, a folder not committed yet) falls back to its status block's dates.
   */
  lastChange: ReadonlyMap<string, number>;
}

export interface VerdictResult {
  topics: TopicVerdict[];
  stale: StaleTopic[];
  /** In-progress topics dated from their status block because history had nothing on them. */
  fromStatusBlock: string[];
}

export function judgeTopics(modules: readonly Module[], activity: ActivityInput, policy: StalePolicy): VerdictResult {
  const nowMs = policy.now.getTime();
  const topics: TopicVerdict[] = [];
  const stale: StaleTopic[] = [];
  const fromStatusBlock: string[] = [];
  for (const m of modules) {
    const threshold = m.staleAfter ?? policy.days;
    const base = { id: m.id, title: m.title, file: m.file, status: m.status, threshold };
    // Only an unreadable status stops the judgement: a bad `confidence` says nothing about idleness.
    if (m.status === null) {
      topics.push({ ...base, verdict: 'broken' });
      continue;
    }
    if (m.status !== 'in-progress') {
      topics.push({ ...base, verdict: m.status });
      continue;
    }
    const when = lastActivity(m, activity);
    if (!when) {
      topics.push({ ...base, verdict: 'unknown' });
      continue;
    }
    if (when.source === 'status-block') fromStatusBlock.push(m.id);
    const daysIdle = Math.max(0, daysBetween(when.at, nowMs));
    const dated = {
      ...base,
      lastActivity: utcDate(when.at),
      lastActivityAt: new Date(when.at).toISOString(),
      source: when.source,
      daysIdle,
    };
    if (daysIdle < threshold) {
      topics.push({ ...dated, verdict: 'active' });
      continue;
    }
    let done = 0;
    for (const t of m.tasks) if (t.done) done++;
    const topic: StaleTopic = {
      ...dated,
      verdict: 'stale',
      openTasks: m.tasks.filter((t) => !t.done).map((t) => ({ text: t.text, line: t.line })),
      tasks: { done, total: m.tasks.length },
    };
    topics.push(topic);
    stale.push(topic);
  }
  // Longest idle first: the order a learner would pick topics back up in.
  stale.sort((a, b) => b.daysIdle - a.daysIdle || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { topics, stale, fromStatusBlock };
}

function lastActivity(m: Module, activity: ActivityInput): { at: number; source: ActivitySource } | null {
  const fromGit = activity.lastChange.get(m.id);
  if (fromGit !== undefined) return { at: fromGit, source: 'git' };
  let newest: number | null = null;
  for (const d of [m.started, m.completed]) {
    const ms = d ? parseDay(d) : null;
    if (ms !== null && (newest === null || ms > newest)) newest = ms;
  }
  return newest === null ? null : { at: newest, source: 'status-block' };
}
