// The data of topic issues (SPEC §9): one issue per active topic, as a plan of writes.
import type { Module } from '../model.js';

export type TopicIssueMode = 'off' | 'active' | 'all';
export const TOPIC_ISSUE_MODES = ['off', 'active', 'all'] as const;

/** One task-list item of a module README, with its nesting. */
export interface TopicTask {
  text: string;
  done: boolean;
  /** 1-based line in the module README. */
  line: number;
  /** 0 for a top-level item, 1 for one nested under it, … */
  depth: number;
}

/** A module as its topic issue shows it: the status block's fields, and its tasks with nesting. */
export interface TopicModule extends Pick<Module, 'id' | 'file' | 'title' | 'status' | 'started' | 'completed' | 'confidence' | 'resources'> {
  tasks: TopicTask[];
  /** The issue the README names in its status block (`issue: 12`): an issue turned into the topic's. */
  issue?: number;
}

/** A stale topic's notice, carried by its topic issue when topic issues are on. */
export interface StaleNotice {
  lastActivity: string;
  lastActivityAt: string;
  threshold: number;
}

/** An issue carrying the `topic` label, as listed from GitHub. */
export interface TopicIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  /** Login of the account that opened it. */
  author: string;
  labels: string[];
}

export interface TopicTextContext {
  /** `GITHUB_SERVER_URL/owner/repo`: where every link a person clicks starts. */
  repoUrl: string;
  /** The commit line links are pinned to. */
  sha: string;
  /** The odyssey root inside the repository, '' or `sub/dir/`. */
  prefix: string;
}

export type TopicAction =
  | { kind: 'create'; id: string; title: string; body: string; labels: string[] }
  | { kind: 'update'; id: string; number: number; title: string; body: string }
  /** One PATCH: open again, with the current text. */
  | { kind: 'reopen'; id: string; number: number; title: string; body: string }
  /** A comment, then one PATCH closing it (with the final text). */
  | { kind: 'close'; id: string; number: number; reason: 'completed' | 'not_planned'; comment: string; body?: string }
  /** The stale notice: the label added, and one comment. */
  | { kind: 'stale'; id: string; number: number; label: string; comment: string }
  /** Active again: the stale label removed. */
  | { kind: 'unstale'; id: string; number: number; label: string };

export interface TopicPlan {
  actions: TopicAction[];
  deferred: TopicAction[];
  /** Issues deliberately not touched, with the reason. */
  left: Array<{ number?: number; id?: string; reason: string }>;
  /** Topics whose issue already says what it should. */
  unchanged: Array<{ id: string; number: number }>;
  budget: number;
  writes: number;
}

export function topicActionCost(a: TopicAction): number {
  return a.kind === 'close' || a.kind === 'stale' ? 2 : 1;
}
