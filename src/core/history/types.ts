// The journey over time (SPEC §10): what `history` reports and what the charts and stats read.
import type { Status } from '../model.js';

/** One commit where a topic's status or task counts changed. */
export interface HistoryEvent {
  /** Committer date, UTC, `YYYY-MM-DD`. */
  date: string;
  status: Status;
  tasksDone: number;
  tasksTotal: number;
  /** Full commit SHA. */
  commit: string;
}

export interface TopicHistory {
  /** The topic's folder name today (a renamed folder keeps the history of its old name). */
  id: string;
  title: string;
  events: HistoryEvent[];
}

/** A commit where a module README's status block did not parse: left out of the events. */
export interface SkippedCommit {
  commit: string;
  date: string;
  /** The topic's id today. */
  id: string;
  /** The README's path in that commit. */
  file: string;
  line: number;
  error: string;
}

export interface JourneyHistory {
  topics: TopicHistory[];
  skipped: SkippedCommit[];
}

/** A module README change in one commit, as `git log --raw` gives it (paths relative to the root). */
export interface BlobChange {
  /** `A`, `M`, `D`, `T`, `R` or `C`. */
  status: string;
  path: string;
  /** Old path of a rename or copy. */
  from?: string;
  /** Blob id of the new content (absent for a deletion). */
  blob?: string;
}

export interface LogCommit {
  sha: string;
  /** Committer time, seconds since the epoch. */
  time: number;
  changes: BlobChange[];
}

/** What one version of a module README says, or why it says nothing. */
export type BlobReading =
  | { ok: true; status: Status; tasksDone: number; tasksTotal: number; title: string; order: number; started?: string; completed?: string }
  | { ok: false; line: number; error: string };
