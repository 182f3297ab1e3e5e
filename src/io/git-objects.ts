// A repository read straight from git's objects: no checkout, no worktree. One `git ls-tree -r`
// lists a commit's paths and blob ids; ONE long-lived `git cat-file --batch` process answers every
// blob read of the run, in batches (never one process per file). Also the few one-shot questions a
// pull-request check asks: which commit a name means, the merge-base, what changed since (with
// git's rename detection), and fetching a commit a shallow clone lacks.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { runGit } from './git.js';

export interface TreeEntry {
  /** Relative to the root the objects were opened at, `/`-separated. */
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
}

/** One line of `git diff --name-status -M`: A, M, D, T, or R with the old path. */
export type PathChange = { status: 'A' | 'M' | 'D' | 'T'; path: string } | { status: 'R'; from: string; path: string; similarity: number };

const GIT_ENV = { GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' };

const firstLine = (s: string): string => s.trim().split('\n')[0] ?? '';

/** `ls-tree -r -z` output → entries. */
export function parseTree(out: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const rec of out.split('\0')) {
    if (rec === '') continue;
    const tab = rec.indexOf('\t');
    const [mode = '', type = '', oid = ''] = rec.slice(0, tab).split(' ');
    entries.push({ path: rec.slice(tab + 1), mode, type: type as TreeEntry['type'], oid });
  }
  return entries;
}

/** `diff --name-status -M -z` output → changes. */
export function parseNameStatus(out: string): PathChange[] {
  const f = out.split('\0');
  const changes: PathChange[] = [];
  for (let i = 0; i < f.length; ) {
    const status = f[i] ?? '';
    if (status === '') {
      i++;
      continue;
    }
    if (status[0] === 'R' || status[0] === 'C') {
      // A copy leaves the old file in place: for links it is an addition.
      if (status[0] === 'R') changes.push({ status: 'R', from: f[i + 1] ?? '', path: f[i + 2] ?? '', similarity: Number(status.slice(1)) || 0 });
      else changes.push({ status: 'A', path: f[i + 2] ?? '' });
      i += 3;
    } else {
      changes.push({ status: status[0] as 'A' | 'M' | 'D' | 'T', path: f[i + 1] ?? '' });
      i += 2;
    }
  }
  return changes;
}

/** Incremental parser of `cat-file --batch` output: `<oid> <type> <size>\n<bytes>\n` or `<name> missing\n`. */
class BatchReader {
  private buf: Buffer = Buffer.alloc(0);
  private waiting: Array<{ resolve: (b: Buffer | null) => void }> = [];

  push(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    while (this.waiting.length > 0) {
      const nl = this.buf.indexOf(0x0a);
      if (nl === -1) return;
      const header = this.buf.subarray(0, nl).toString('utf8');
      const parts = header.split(' ');
      if (parts.length === 2 && (parts[1] === 'missing' || parts[1] === 'ambiguous')) {
        this.buf = this.buf.subarray(nl + 1);
        this.waiting.shift()!.resolve(null);
        continue;
      }
      const size = Number(parts[2]);
      if (this.buf.length < nl + 1 + size + 1) return;
      const body = Buffer.from(this.buf.subarray(nl + 1, nl + 1 + size));
      this.buf = this.buf.subarray(nl + 1 + size + 1);
      this.waiting.shift()!.resolve(parts[1] === 'blob' ? body : null);
    }
  }

  expect(): Promise<Buffer | null> {
    return new Promise((resolve) => this.waiting.push({ resolve }));
  }

  failAll(): void {
    for (const w of this.waiting.splice(0)) w.resolve(null);
  }
}

export class GitObjects {
  private cat: ChildProcessWithoutNullStreams | null = null;
  private reader = new BatchReader();
  /** Processes started (for tests and the bench: one cat-file, however many reads). */
  readonly spawned = { catFile: 0, lsTree: 0 };

  /** `root`: a folder inside a git work tree; paths are relative to it. */
  constructor(readonly root: string) {}

  /** The full commit id a name means, or null when the repository has no such commit. */
  async commit(rev: string): Promise<string | null> {
    const r = await runGit(this.root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
    return r.code === 0 ? r.stdout.trim() : null;
  }

  async mergeBase(a: string, b: string): Promise<string | null> {
    const r = await runGit(this.root, ['merge-base', a, b]);
    return r.code === 0 ? r.stdout.trim() || null : null;
  }

  async isShallow(): Promise<boolean> {
    const r = await runGit(this.root, ['rev-parse', '--is-shallow-repository']);
    return r.stdout.trim() === 'true';
  }

  /** Every file under the root at `commit` (recursively), as `git ls-tree -r` lists them. */
  async tree(commit: string): Promise<TreeEntry[]> {
    this.spawned.lsTree++;
    const r = await runGit(this.root, ['-c', 'core.quotePath=false', 'ls-tree', '-r', '-z', commit]);
    if (r.code !== 0) throw new Error(`git ls-tree ${commit} failed: ${firstLine(r.stderr)}`);
    return parseTree(r.stdout);
  }

  /** What changed from `commit` to the working tree, relative to the root, renames found by `-M`. */
  async changesSince(commit: string): Promise<PathChange[]> {
    const r = await runGit(this.root, ['-c', 'core.quotePath=false', 'diff', '--no-ext-diff', '--name-status', '-M', '-z', '--relative', commit, '--']);
    if (r.code !== 0) throw new Error(`git diff ${commit} failed: ${firstLine(r.stderr)}`);
    return parseNameStatus(r.stdout);
  }

  /** Fetches one commit from `remote` without its history (what a shallow checkout lacks). */
  async fetchCommit(sha: string, remote = 'origin'): Promise<{ ok: boolean; message: string }> {
    const r = await runGit(this.root, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', remote, sha]);
    return { ok: r.code === 0, message: firstLine(r.stderr) };
  }

  /** Blob contents by id, all through the one `cat-file --batch` process; absent ids are left out. */
  async read(oids: readonly string[]): Promise<Map<string, Buffer>> {
    const out = new Map<string, Buffer>();
    const wanted = [...new Set(oids)];
    if (wanted.length === 0) return out;
    const cat = this.start();
    const pending = wanted.map((oid) => this.reader.expect().then((b) => b && out.set(oid, b)));
    cat.stdin.write(wanted.join('\n') + '\n');
    await Promise.all(pending);
    return out;
  }

  private start(): ChildProcessWithoutNullStreams {
    if (this.cat) return this.cat;
    this.spawned.catFile++;
    const cat = spawn('git', ['cat-file', '--batch'], { cwd: this.root, env: { ...process.env, ...GIT_ENV } });
    cat.stdout.on('data', (b: Buffer) => this.reader.push(b));
    cat.stderr.resume();
    cat.stdin.on('error', () => this.reader.failAll());
    cat.on('error', () => this.reader.failAll());
    cat.on('close', () => {
      this.reader.failAll();
      if (this.cat === cat) this.cat = null;
    });
    this.cat = cat;
    return cat;
  }

  /** Ends the cat-file process (it exits when its input closes). */
  close(): void {
    this.cat?.stdin.end();
    this.cat = null;
    this.reader = new BatchReader();
  }
}
