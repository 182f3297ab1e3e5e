// The journey's past from git: ONE `git log` over the module READMEs (first-parent line, raw
// output with blob ids and rename detection) and ONE `git cat-file --batch` for those blobs,
// whatever the number of commits. A cached state lets a rerun read only the commits since.
import { spawn } from 'node:child_process';
import { blockDates, emptyReplay, historyOf, readBlob, replay, topicIdOf, type BlobReading, type JourneyHistory, type LogCommit, type ReplayState } from '../core/history/index.js';
import { readBlobs } from './git-blobs.js';
import type { HistoryCache } from './history-cache.js';
import { MAX_MODULE_README_BYTES } from './modules.js';

export interface HistoryRead {
  /** False outside a git work tree or without git; `reason` says which. */
  available: boolean;
  reason?: string;
  /** A shallow clone: history starts at the cut-off commit. */
  shallow: boolean;
  /** The commit read up to; absent before the first commit. */
  head?: string;
  history: JourneyHistory;
  /** Each topic's `started`/`completed` in its last readable version (for durations). */
  blocks: Map<string, { started?: string; completed?: string }>;
  /** Commits read by git this run (0 when all came from the cache). */
  commitsRead: number;
  /** Module README commits in the whole history read. */
  commitsTotal: number;
  cache: 'none' | 'hit' | 'incremental';
  /** What the user should know: shallow clone, dates going backwards, missing blobs. */
  notes: string[];
}

/** Bump when the reading of a blob changes, so cached states from an older reader are not reused. */
const READER_VERSION = 1;

export async function readJourneyHistory(root: string, modulesDir: string, cache: HistoryCache | null): Promise<HistoryRead> {
  const empty: JourneyHistory = { topics: [], skipped: [] };
  const info = await git(root, ['rev-parse', '--is-shallow-repository', 'HEAD']);
  const lines = info.stdout.split('\n').map((l) => l.trim());
  const shallow = lines[0] === 'true';
  if (info.code !== 0) {
    if (/not a git repository/i.test(info.stderr)) return unavailable('not a git repository: history comes from git, so run odyssey inside the repository\'s clone');
    if (/ambiguous argument 'HEAD'|unknown revision|bad revision|needed a single revision/i.test(info.stderr)) {
      return { available: true, shallow, history: empty, blocks: new Map(), commitsRead: 0, commitsTotal: 0, cache: 'none', notes: ['the repository has no commits yet: history starts with the first commit'] };
    }
    return unavailable(info.stderr.trim().split('\n')[0] || `git rev-parse exited with ${info.code}`);
  }
  const head = lines[1]!;
  const key = JSON.stringify({ modulesDir, READER_VERSION });
  const cached = cache && !shallow ? await cache.load(key) : null;

  let state: ReplayState = emptyReplay();
  let range = head;
  let mode: HistoryRead['cache'] = 'none';
  if (cached) {
    if (cached.head === head) return finish(cached.state, 0, 'hit');
    // Carry on only from an ancestor; a rewritten history is read again from the start.
    const anc = await git(root, ['merge-base', '--is-ancestor', cached.head, head]);
    if (anc.code === 0) {
      state = cached.state;
      range = `${cached.head}..${head}`;
      mode = 'incremental';
    }
  }

  const log = await git(root, [
    '-c', 'log.showSignature=false',
    'log', '--first-parent', '--diff-merges=first-parent', '--raw', '-M', '--relative', '--no-abbrev', '-z', '--no-color',
    '--format=%x1e%H %ct', range, '--', `:(glob)${modulesDir}/*/README.md`,
  ]);
  if (log.code !== 0) return unavailable(log.stderr.trim().split('\n')[0] || `git log exited with ${log.code}`);
  const commits = parseRawLog(log.stdout).reverse();

  // Each version is read once, whatever the number of commits or paths it appears under.
  const wanted = new Map<string, Array<{ id: string; file: string }>>();
  for (const c of commits) {
    for (const ch of c.changes) {
      if (ch.blob === undefined) continue;
      const id = topicIdOf(ch.path, modulesDir);
      if (id === null) continue;
      const list = wanted.get(ch.blob) ?? [];
      if (!list.some((w) => w.id === id)) list.push({ id, file: ch.path });
      wanted.set(ch.blob, list);
    }
  }
  const readings = new Map<string, BlobReading>();
  const batch = await readBlobs(root, [...wanted.keys()], (blob, content) => {
    for (const w of wanted.get(blob) ?? []) readings.set(`${blob}\0${w.id}`, readContent(w.id, w.file, content));
  });
  const notes: string[] = [];
  if (!batch.ok) notes.push(`git cat-file failed (${batch.error}): the versions it did not return are listed as skipped`);
  if (batch.missing.length > 0) notes.push(`git does not have ${batch.missing.length} version(s) of module READMEs (a partial clone?): they are listed as skipped`);

  state = replay(state, commits, modulesDir, (blob, id) => readings.get(`${blob}\0${id}`) ?? { ok: false, line: 1, error: 'this version could not be read from git' });
  if (!shallow && cache) await cache.save({ key, head, state });
  return finish(state, commits.length, mode, notes);

  function finish(s: ReplayState, read: number, how: HistoryRead['cache'], extra: string[] = []): HistoryRead {
    const out: HistoryRead = { available: true, shallow, head, history: historyOf(s), blocks: blockDates(s), commitsRead: read, commitsTotal: s.commits, cache: how, notes: [...extra] };
    if (shallow) {
      const first = out.history.topics.flatMap((t) => t.events).reduce<string | null>((a, e) => (a === null || e.date < a ? e.date : a), null);
      out.notes.unshift(
        `this is a shallow clone: history starts at its oldest commit${first ? ` (${first})` : ''} and everything before it is missing; history needs the whole history: actions/checkout with \`fetch-depth: 0\`, or \`git fetch --unshallow\``,
      );
    }
    if (s.backwards.length > 0) {
      const shown = s.backwards.slice(0, 5).map((b) => `${b.commit.slice(0, 7)} is dated ${b.date}, before ${b.after}`);
      out.notes.push(
        `commit dates go backwards (${shown.join('; ')}${s.backwards.length > 5 ? `; and ${s.backwards.length - 5} more` : ''}): their events keep their own dates, and the burn-up counts them from the later date`,
      );
    }
    return out;
  }

  function unavailable(reason: string): HistoryRead {
    return { available: false, reason, shallow, history: empty, blocks: new Map(), commitsRead: 0, commitsTotal: 0, cache: 'none', notes: [`no history: ${reason}`] };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readContent(id: string, file: string, content: Buffer): BlobReading {
  if (content.length > MAX_MODULE_README_BYTES) return { ok: false, line: 1, error: `${(content.length / 1048576).toFixed(1)} MB, over the ${MAX_MODULE_README_BYTES / 1048576} MB odyssey reads` };
  if (content.indexOf(0) !== -1) return { ok: false, line: 1, error: 'looks binary (a NUL byte): not read' };
  let text: string;
  try {
    text = utf8.decode(content);
  } catch {
    return { ok: false, line: 1, error: 'not valid UTF-8: not read' };
  }
  return readBlob(id, file, text);
}

/** `git log --raw -z --format=%x1e%H %ct` output → commits, newest first. */
export function parseRawLog(out: string): LogCommit[] {
  const commits: LogCommit[] = [];
  for (const chunk of out.split('\x1e')) {
    if (chunk === '') continue;
    const fields = chunk.split('\0');
    const [sha = '', secs = '0'] = (fields[0] ?? '').trim().split(' ');
    const commit: LogCommit = { sha, time: Number(secs), changes: [] };
    for (let i = 1; i < fields.length; ) {
      const raw = (fields[i] ?? '').replace(/^\n+/, '');
      if (!raw.startsWith(':')) {
        i++;
        continue;
      }
      // `:old-mode new-mode old-blob new-blob status`
      const [, , , newBlob = '', status = ''] = raw.slice(1).split(' ');
      const letter = status[0] ?? 'M';
      const blob = /^0+$/.test(newBlob) || letter === 'D' ? undefined : newBlob;
      if (letter === 'R' || letter === 'C') {
        commit.changes.push({ status: letter, from: fields[i + 1] ?? '', path: fields[i + 2] ?? '', ...(blob ? { blob } : {}) });
        i += 3;
      } else {
        commit.changes.push({ status: letter, path: fields[i + 1] ?? '', ...(blob ? { blob } : {}) });
        i += 2;
      }
    }
    commits.push(commit);
  }
  return commits;
}

function git(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => resolve({ code: -1, stdout: '', stderr: `cannot run git (${(e as NodeJS.ErrnoException).code ?? e.message})` }));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}
