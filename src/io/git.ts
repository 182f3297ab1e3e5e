// Git history of the modules folder: ONE `git log` for the whole repository (one process,
// whatever the number of topics), plus one `git rev-parse` to see where we are.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { readRunnerFile } from './reader.js';
import type { CommitChanges, FileChange } from '../core/stale/types.js';

export interface GitHistory {
  /** False when `root` is not in a git work tree or git is missing; `reason` says which. */
  available: boolean;
  reason?: string;
  /** A shallow clone: commits at the cut-off are left out (they look as if they added every file). */
  shallow: boolean;
  /** The root's path inside the repository (`''` at the top, else `sub/dir/`), for web links. */
  prefix: string;
  /** Newest first, children before parents. Paths relative to `root`, `/`-separated. */
  commits: CommitChanges[];
}

export async function readModulesHistory(root: string, modulesDir: string): Promise<GitHistory> {
  const info = await runGit(root, ['rev-parse', '--is-shallow-repository', '--show-prefix', '--git-path', 'shallow']);
  if (info.code !== 0) {
    const why = /not a git repository/i.test(info.stderr) ? 'not a git repository' : info.stderr.trim().split('\n')[0] || `git exited with ${info.code}`;
    return { available: false, reason: why, shallow: false, prefix: '', commits: [] };
  }
  const [shallowLine = 'false', prefix = '', shallowPath = ''] = info.stdout.split('\n');
  const shallow = shallowLine.trim() === 'true';
  let boundary = new Set<string>();
  if (shallow) {
    const text = readRunnerFile(path.resolve(root, shallowPath.trim())) ?? '';
    boundary = new Set(text.split('\n').map((s) => s.trim()).filter(Boolean));
  }
  const log = await runGit(root, [
    '-c', 'core.quotePath=false',
    'log', '--topo-order', '-z', '--format=%x1e%H %ct', '--name-status', '-M', '--relative', '--no-ext-diff',
    '--', modulesDir,
  ]);
  if (log.code !== 0) {
    // A repository without commits yet is history with nothing in it, not a failure.
    if (/does not have any commits|bad default revision|unknown revision/i.test(log.stderr)) {
      return { available: true, shallow, prefix: prefix.trim(), commits: [] };
    }
    return { available: false, reason: log.stderr.trim().split('\n')[0] || `git log exited with ${log.code}`, shallow, prefix: prefix.trim(), commits: [] };
  }
  return { available: true, shallow, prefix: prefix.trim(), commits: parseLog(log.stdout, boundary) };
}

/** `git log -z --format=%x1e%H %ct --name-status` output → commits. Boundary commits are dropped. */
export function parseLog(out: string, boundary: ReadonlySet<string> = new Set()): CommitChanges[] {
  const commits: CommitChanges[] = [];
  for (const chunk of out.split('\x1e')) {
    if (chunk === '') continue;
    const fields = chunk.split('\0');
    const [sha = '', secs = '0'] = (fields[0] ?? '').split(' ');
    if (boundary.has(sha)) continue;
    const changes: FileChange[] = [];
    for (let i = 1; i < fields.length; ) {
      const status = (fields[i] ?? '').replace(/^\n+/, '');
      if (status === '') {
        i++;
        continue;
      }
      const letter = status[0]!;
      if (letter === 'R' || letter === 'C') {
        changes.push({ status: letter, from: fields[i + 1] ?? '', path: fields[i + 2] ?? '', similarity: Number(status.slice(1)) || 0 });
        i += 3;
      } else {
        changes.push({ status: letter, path: fields[i + 1] ?? '' });
        i += 2;
      }
    }
    commits.push({ sha, at: Number(secs) * 1000, changes });
  }
  return commits;
}

/** Runs git once, quietly (no optional locks, C locale, never a password prompt), and gathers its output. */
export function runGit(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => resolve({ code: -1, stdout: '', stderr: `cannot run git (${(e as NodeJS.ErrnoException).code ?? e.message})` }));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/**
 * The UTC day of the last commit (HEAD), or null outside a repository or before the first commit.
 * Charts end open bars on this day, so the README changes with the journey, not with the calendar.
 */
export async function headCommitDay(root: string): Promise<string | null> {
  const r = await runGit(root, ['log', '-1', '--format=%ct']);
  const secs = Number(r.stdout.trim());
  if (r.code !== 0 || !Number.isFinite(secs) || secs <= 0) return null;
  return new Date(secs * 1000).toISOString().slice(0, 10);
}

/** The full SHA of HEAD, or null outside a repository or before the first commit. */
export async function headSha(root: string): Promise<string | null> {
  const r = await runGit(root, ['rev-parse', '--verify', '-q', 'HEAD']);
  const sha = r.stdout.trim();
  return r.code === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : null;
}
