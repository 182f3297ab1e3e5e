// The data of stale-topic handling: what git says, what each topic's verdict is, and the issue plan.
import type { Status } from '../model.js';

/** One file change in one commit, as `git log --name-status` reports it (paths relative to the root). */
export interface FileChange {
  /** `A`, `M`, `D`, `T`, `R` or `C` (the similarity score is in `similarity`). */
  status: string;
  path: string;
  /** The old path of a rename or copy. */
  from?: string;
  /** 0–100 for renames and copies. */
  similarity?: number;
}

export interface CommitChanges {
  sha: string;
  /** Committer time, milliseconds since the epoch. */
  at: number;
  changes: FileChange[];
}

/** What git history says about the topics under the modules folder. */
export interface ModuleHistory {
  /** Topic id → time (ms) of the last commit that changed something under its folder. */
  lastChange: Map<string, number>;
  /** Old topic id → the id it lives under now, from folder renames git detected. */
  renamedTo: Map<string, string>;
}

export type ActivitySource = 'git' | 'status-block';

/**
 * Why a topic is or is not stale. `unknown`: in progress, but neither history nor the
 * status block's dates say when it was last worked on; `broken`: the status block has an error.
 */
export type Verdict = 'stale' | 'active' | 'done' | 'paused' | 'todo' | 'broken' | 'unknown';

export interface TopicVerdict {
  id: string;
  title: string;
  /** Root-relative path of the module README. */
  file: string;
  status: Status | null;
  verdict: Verdict;
  /** Days without change after which the topic is stale (its `stale-after`, else `stale.days`). */
  threshold: number;
  /** `YYYY-MM-DD` (UTC) of the last activity, when known. */
  lastActivity?: string;
  /** Exact time of the last activity (ISO 8601), when known. */
  lastActivityAt?: string;
  source?: ActivitySource;
  /** Whole UTC calendar days from the last activity to `now`. */
  daysIdle?: number;
}

export interface OpenTask {
  text: string;
  /** 1-based line in the module README. */
  line: number;
}

export interface StaleTopic extends TopicVerdict {
  verdict: 'stale';
  lastActivity: string;
  lastActivityAt: string;
  source: ActivitySource;
  daysIdle: number;
  openTasks: OpenTask[];
  tasks: { done: number; total: number };
}

/** An issue carrying the stale label, as listed from GitHub (pull requests already left out). */
export interface ExistingIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason?: string | null;
  htmlUrl?: string;
  /** Login of the account that opened it: only odyssey's own issues are ever touched. */
  author?: string;
  /** Its label names (topic issues carry `topic` and maybe `stale-topic`). */
  labels?: string[];
}

export type CloseReason = 'active' | 'done' | 'paused' | 'todo' | 'removed' | 'renamed';

export type IssueAction =
  | { kind: 'create'; id: string; title: string; body: string; renamedFrom?: { id: string; number: number } }
  | { kind: 'update'; id: string; number: number; title: string; body: string; changed: Array<'title' | 'body'> }
  /** Reopens the topic's earlier issue (one PATCH that also refreshes its text). */
  | { kind: 'reopen'; id: string; number: number; title: string; body: string }
  /** A comment, then a close with `state_reason: completed`: two writes. */
  | { kind: 'close'; id: string; number: number; reason: CloseReason; comment: string };

/** An issue or topic the plan deliberately does not touch, with the reason (never silent). */
export interface LeftAlone {
  id?: string;
  number?: number;
  reason: string;
}

export interface IssuePlan {
  label: string;
  /** No listed issue carries the label: check it exists (one read) and create it if not (one write). */
  ensureLabel: boolean;
  /** What this run does, in order, within the write budget. */
  actions: IssueAction[];
  /** Over the budget: left for the next run. */
  deferred: IssueAction[];
  left: LeftAlone[];
  /** Stale topics whose open issue already says what it should. */
  unchanged: Array<{ id: string; number: number }>;
  /** `max-issue-operations`. */
  budget: number;
  /** Writes the actions take, the label's included when `ensureLabel`. */
  writes: number;
}

export type ActionOutcome =
  | { action: IssueAction; ok: true; number: number; url?: string }
  | { action: IssueAction; ok: false; error: string };

export interface ApplyResult {
  outcomes: ActionOutcome[];
  /** Actions not attempted: over budget, or writes stopped (read-only token, rate limit). */
  skipped: IssueAction[];
  labelCreated: boolean;
  /** Write requests sent (retries of one request count once). */
  writes: number;
  /** Set when the token cannot write issues: the run skipped the writes. */
  readOnly: boolean;
  notes: string[];
}

/** Write requests each action takes. */
export function actionCost(a: IssueAction): number {
  return a.kind === 'close' ? 2 : 1;
}
