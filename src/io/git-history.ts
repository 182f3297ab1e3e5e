// The journey's past from git: ONE `git log` over the module READMEs (first-parent line, raw
// output with blob ids and rename detection) and ONE `git cat-file --batch` for those blobs,
// whatever the number of commits. A cached state lets a rerun read only the commits since (a
// rewritten history, found out while those are read, costs one more pass from the start).
import { spawn } from 'node:child_process';
import { blockDates, emptyReplay, historyOf, makeBlobReader, replay, topicIdOf, type BlobReading, type JourneyHistory, type LogCommit, type ReplayState } from '../core/history/index.js';
import { isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { openBlobBatch, type BlobBatchResult } from './git-blobs.js';
import { runGit as git } from './git.js';
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
  const key = JSON.stringify({ modulesDir, READER_VERSION });
  // The cache is read while git finds HEAD (its process runs meanwhile).
  const [info, loaded] = await Promise.all([git(root, ['rev-parse', '--is-shallow-repository', '--show-prefix', 'HEAD']), cache ? cache.load(key) : null]);
  const lines = info.stdout.split('\n').map((l) => l.trim());
  const shallow = lines[0] === 'true';
  if (info.code !== 0) {
    if (/not a git repository/i.test(info.stderr)) return unavailable('not a git repository: history comes from git, so run odyssey inside the repository\'s clone');
    if (/ambiguous argument 'HEAD'|unknown revision|bad revision|needed a single revision/i.test(info.stderr)) {
      return { available: true, shallow, history: empty, blocks: new Map(), commitsRead: 0, commitsTotal: 0, cache: 'none', notes: ['the repository has no commits yet: history starts with the first commit'] };
    }
    return unavailable(info.stderr.trim().split('\n')[0] || `git rev-parse exited with ${info.code}`);
  }
  const prefix = lines[1] ?? '';
  const head = lines[2]!;
  const cached = shallow ? null : loaded;

  let state: ReplayState = emptyReplay();
  let mode: HistoryRead['cache'] = 'none';
  let pass: Pass;
  if (cached) {
    if (cached.head === head) return finish(cached.state, 0, 'hit');
    // Carry on only from an ancestor; a rewritten history is read again from the start. git
    // answers that while the new commits are read.
    const [anc, since] = await Promise.all([git(root, ['merge-base', '--is-ancestor', cached.head, head]), readPass(root, modulesDir, prefix, `${cached.head}..${head}`)]);
    if (anc.code === 0) {
      state = cached.state;
      mode = 'incremental';
      pass = since;
    } else {
      pass = await readPass(root, modulesDir, prefix, head);
    }
  } else {
    pass = await readPass(root, modulesDir, prefix, head);
  }
  const { log, batch, commits, readings } = pass;
  if (log.code !== 0) return unavailable(log.stderr.trim().split('\n')[0] || `git log exited with ${log.code}`);

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

interface Pass {
  log: { code: number; stderr: string };
  batch: BlobBatchResult;
  /** Oldest first. */
  commits: LogCommit[];
  /** `blob\0topic id` → what that version says. */
  readings: Map<string, BlobReading>;
}

/** One `git log` over `range` and one `git cat-file` for the module README versions it names. */
async function readPass(root: string, modulesDir: string, prefix: string, range: string): Promise<Pass> {
  // Path-limiting `git log` makes git test every commit for the paths (twice the time of a plain
  // walk): the walk lists every change and the module READMEs are picked out here instead.
  const wanted = new Map<string, Array<{ id: string; file: string }>>();
  const readings = new Map<string, BlobReading>();
  const read = makeBlobReader();
  const blobs = openBlobBatch(root, (blob, content) => {
    for (const w of wanted.get(blob) ?? []) readings.set(`${blob}\0${w.id}`, readContent(w.id, w.file, content, read));
  });
  const commits: LogCommit[] = [];
  const log = await streamGit(
    root,
    // Outside the repository's top folder, paths are made relative to the root (and limited to it).
    ['-c', 'log.showSignature=false', 'log', '--first-parent', '--diff-merges=first-parent', '--raw', '-M', '--no-abbrev', '-z', '--no-color', '--format=%x1e%H %ct', ...(prefix === '' ? [] : ['--relative']), range],
    (record) => {
      const c = parseRecord(record);
      if (c === null) return;
      let mine = 0;
      for (const ch of c.changes) if (topicIdOf(ch.path, modulesDir) !== null || (ch.from !== undefined && topicIdOf(ch.from, modulesDir) !== null)) mine++;
      if (mine === 0) return;
      if (mine < c.changes.length) c.changes = c.changes.filter((ch) => topicIdOf(ch.path, modulesDir) !== null || (ch.from !== undefined && topicIdOf(ch.from, modulesDir) !== null));
      commits.push(c);
      // Each version is read once, whatever the number of commits or paths it appears under;
      // git cat-file starts on the first ids while git log is still walking.
      for (const ch of c.changes) {
        if (ch.blob === undefined) continue;
        const id = topicIdOf(ch.path, modulesDir);
        if (id === null) continue;
        let list = wanted.get(ch.blob);
        if (list === undefined) {
          list = [];
          wanted.set(ch.blob, list);
          blobs.request(ch.blob);
        }
        if (!list.some((w) => w.id === id)) list.push({ id, file: ch.path });
      }
    },
  );
  const batch = await blobs.end();
  commits.reverse();
  return { log, batch, commits, readings };
}

function readContent(id: string, file: string, content: Buffer, readBlob: ReturnType<typeof makeBlobReader>): BlobReading {
  if (content.length > MAX_MODULE_README_BYTES) return { ok: false, line: 1, error: `${(content.length / 1048576).toFixed(1)} MB, over the ${MAX_MODULE_README_BYTES / 1048576} MB odyssey reads` };
  if (content.indexOf(0) !== -1) return { ok: false, line: 1, error: 'looks binary (a NUL byte): not read' };
  if (!isUtf8(content)) return { ok: false, line: 1, error: 'not valid UTF-8: not read' };
  // As a UTF-8 TextDecoder reads it: a byte order mark is dropped.
  const text = content.toString('utf8', content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? 3 : 0);
  return readBlob(id, file, text);
}

/** `git log --raw -z --format=%x1e%H %ct` output → commits, newest first. */
export function parseRawLog(out: string): LogCommit[] {
  const commits: LogCommit[] = [];
  for (const record of out.split('\x1e')) {
    const c = parseRecord(record);
    if (c !== null) commits.push(c);
  }
  return commits;
}

/** One commit's record (after the `\x1e`): `sha time\0` then `\n:modes blobs status\0path\0[path\0]`… */
function parseRecord(record: string): LogCommit | null {
  if (record === '') return null;
  let at = record.indexOf('\0');
  if (at === -1) at = record.length;
  const header = record.slice(0, at).trim();
  const space = header.indexOf(' ');
  const commit: LogCommit = { sha: header.slice(0, space), time: Number(header.slice(space + 1)), changes: [] };
  at++;
  while (at < record.length) {
    const colon = record.indexOf(':', at);
    if (colon === -1) break;
    const end = record.indexOf('\0', colon);
    if (end === -1) break;
    // `:old-mode new-mode old-blob new-blob status`
    const fields = record.slice(colon + 1, end).split(' ');
    const newBlob = fields[3] ?? '';
    const letter = (fields[4] ?? 'M')[0]!;
    const blob = letter === 'D' || /^0+$/.test(newBlob) ? undefined : newBlob;
    const p1End = record.indexOf('\0', end + 1);
    const p1 = record.slice(end + 1, p1End === -1 ? record.length : p1End);
    if (letter === 'R' || letter === 'C') {
      const p2End = record.indexOf('\0', p1End + 1);
      const p2 = record.slice(p1End + 1, p2End === -1 ? record.length : p2End);
      commit.changes.push({ status: letter, from: p1, path: p2, ...(blob ? { blob } : {}) });
      at = p2End === -1 ? record.length : p2End + 1;
    } else {
      commit.changes.push({ status: letter, path: p1, ...(blob ? { blob } : {}) });
      at = p1End === -1 ? record.length : p1End + 1;
    }
  }
  return commit;
}

/** Runs git, handing each `\x1e`-separated record of its output to `onRecord` as it arrives. */
function streamGit(cwd: string, args: string[], onRecord: (record: string) => void): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' } });
    const decoder = new StringDecoder('utf8');
    let rest = '';
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => {
      const text = rest + decoder.write(b);
      const parts = text.split('\x1e');
      rest = parts.pop()!;
      for (const p of parts) onRecord(p);
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => resolve({ code: -1, stderr: `cannot run git (${(e as NodeJS.ErrnoException).code ?? e.message})` }));
    child.on('close', (code) => {
      const last = rest + decoder.end();
      if (last !== '') onRecord(last);
      resolve({ code: code ?? -1, stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}
