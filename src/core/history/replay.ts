// Commits oldest first → each topic's events. Pure: git and the blob reader are handed in. The
// state is plain data so a rerun can carry on from where the last one stopped (the cache).
import { orderFromId, readableId } from '../status/index.js';
import type { BlobReading, HistoryEvent, JourneyHistory, LogCommit, SkippedCommit, TopicHistory } from './types.js';

export interface Track {
  id: string;
  title: string;
  order: number;
  events: HistoryEvent[];
  /** The status block's dates in the last version that parsed. */
  started?: string;
  completed?: string;
  /** Versions of this topic's README whose block did not parse; `n` orders them across topics. */
  skipped: Array<Omit<SkippedCommit, 'id'> & { n: number }>;
}

export interface ReplayState {
  /** Module README path (as of the last commit read) → its topic. */
  tracks: Record<string, Track>;
  /** Committer time (s) of the last commit read, to notice dates that go backwards. */
  lastTime: number;
  /** Commits whose date is before the commit read before them. */
  backwards: Array<{ commit: string; date: string; after: string }>;
  commits: number;
}

export function emptyReplay(): ReplayState {
  return { tracks: {}, lastTime: 0, backwards: [], commits: 0 };
}

/** Committer time (s) → its UTC day, `YYYY-MM-DD` (the last few days remembered: commits come in runs of the same day). */
export function utcDay(seconds: number): string {
  const day = Math.floor(seconds / 86400);
  let s = dayNames.get(day);
  if (s === undefined) {
    s = new Date(seconds * 1000).toISOString().slice(0, 10);
    if (dayNames.size >= 64) dayNames.clear();
    dayNames.set(day, s);
  }
  return s;
}
const dayNames = new Map<number, string>();

// The prefix of the last modules folder asked about (one per run): not rebuilt for every path.
let lastDir = '';
let lastPrefix = '/';
/** `modules/<id>/README.md` → `<id>`; null for any other path. */
export function topicIdOf(path: string, modulesDir: string): string | null {
  if (modulesDir !== lastDir) {
    lastDir = modulesDir;
    lastPrefix = modulesDir.replace(/\/+$/, '') + '/';
  }
  const prefix = lastPrefix;
  if (!path.startsWith(prefix) || !path.endsWith('/README.md')) return null;
  const id = path.slice(prefix.length, -'/README.md'.length);
  return id !== '' && !id.includes('/') ? id : null;
}

export type ReadBlob = (blob: string, id: string, file: string) => BlobReading;

/** Reads `commits` (oldest first) on top of `state`, which it changes and returns. */
export function replay(state: ReplayState, commits: readonly LogCommit[], modulesDir: string, read: ReadBlob): ReplayState {
  for (const c of commits) {
    const date = utcDay(c.time);
    if (state.commits > 0 && c.time < state.lastTime) state.backwards.push({ commit: c.sha, date, after: utcDay(state.lastTime) });
    state.lastTime = Math.max(state.lastTime, c.time);
    state.commits++;

    // Moves first, all sources taken out before any destination is filled, so a swap of two
    // folders in one commit moves both histories.
    const moved: Array<[string, Track]> = [];
    for (const ch of c.changes) {
      if (ch.status === 'D') delete state.tracks[ch.path];
      if (ch.status === 'R' && ch.from !== undefined) {
        const t = state.tracks[ch.from];
        delete state.tracks[ch.from];
        if (t) moved.push([ch.path, t]);
      }
    }
    for (const [to, t] of moved) {
      const id = topicIdOf(to, modulesDir);
      if (id !== null) state.tracks[to] = { ...t, id };
    }

    for (const ch of c.changes) {
      if (ch.status === 'D' || ch.blob === undefined) continue;
      const id = topicIdOf(ch.path, modulesDir);
      if (id === null) continue;
      let track = state.tracks[ch.path];
      // A copy is a new topic that starts with the copied text, not with the other topic's past.
      if (!track || ch.status === 'C') {
        track = { id, title: readableId(id), order: orderFromId(id), events: [], skipped: [] };
        state.tracks[ch.path] = track;
      }
      const r = read(ch.blob, id, ch.path);
      if (!r.ok) {
        track.skipped.push({ commit: c.sha, date, file: ch.path, line: r.line, error: r.error, n: state.commits });
        continue;
      }
      track.title = r.title;
      track.order = r.order;
      if (r.started) track.started = r.started;
      else delete track.started;
      if (r.completed) track.completed = r.completed;
      else delete track.completed;
      const last = track.events[track.events.length - 1];
      if (last && last.status === r.status && last.tasksDone === r.tasksDone && last.tasksTotal === r.tasksTotal) continue;
      track.events.push({ date, status: r.status, tasksDone: r.tasksDone, tasksTotal: r.tasksTotal, commit: c.sha });
    }
  }
  return state;
}

/** The topics as they stand after the last commit read, in table order (order, then id). */
export function historyOf(state: ReplayState): JourneyHistory {
  const tracks = Object.values(state.tracks).sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const topics: TopicHistory[] = tracks.map((t) => ({ id: t.id, title: t.title, events: t.events.map((e) => ({ ...e })) }));
  // A skipped version names its topic by the id it has today (a renamed folder keeps its past).
  const skipped = tracks
    .flatMap((t) => t.skipped.map((s) => ({ ...s, id: t.id })))
    .sort((a, b) => a.n - b.n || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map(({ commit, date, id, file, line, error }): SkippedCommit => ({ commit, date, id, file, line, error }));
  return { topics, skipped };
}

/** Only what happened on or after `since` (YYYY-MM-DD); every topic stays listed. */
export function historySince(h: JourneyHistory, since: string): JourneyHistory {
  return {
    topics: h.topics.map((t) => ({ ...t, events: t.events.filter((e) => e.date >= since) })),
    skipped: h.skipped.filter((s) => s.date >= since),
  };
}

/** Each topic's `started` and `completed` as its last readable version wrote them. */
export function blockDates(state: ReplayState): Map<string, { started?: string; completed?: string }> {
  const out = new Map<string, { started?: string; completed?: string }>();
  for (const t of Object.values(state.tracks)) {
    const d: { started?: string; completed?: string } = {};
    if (t.started) d.started = t.started;
    if (t.completed) d.completed = t.completed;
    out.set(t.id, d);
  }
  return out;
}
