// Real git repositories in temp folders with backdated commits, for stale-topic tests and the bench.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface ModuleSpec {
  title?: string;
  status?: string;
  started?: string;
  completed?: string;
  staleAfter?: number;
  /** `[x] text` or `[ ] text`. */
  tasks?: string[];
}

export function moduleReadme(spec: ModuleSpec): string {
  const lines = ['---'];
  if (spec.title !== undefined) lines.push(`title: ${spec.title}`);
  lines.push(`status: ${spec.status ?? 'in-progress'}`);
  if (spec.started) lines.push(`started: ${spec.started}`);
  if (spec.completed) lines.push(`completed: ${spec.completed}`);
  if (spec.staleAfter !== undefined) lines.push(`stale-after: ${spec.staleAfter}`);
  lines.push('---', `# ${spec.title ?? 'Notes'}`, '');
  for (const t of spec.tasks ?? []) lines.push(`- ${t}`);
  return lines.join('\n') + '\n';
}

export async function tempDir(prefix = 'odyssey-stale-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export async function initRepo(dir?: string): Promise<string> {
  const root = dir ?? (await tempDir());
  git(root, ['init', '-q', '-b', 'main']);
  git(root, ['config', 'user.name', 'Learner']);
  git(root, ['config', 'user.email', 'learner@example.invalid']);
  git(root, ['config', 'commit.gpgsign', 'false']);
  return root;
}

export async function writeFileIn(root: string, rel: string, text: string): Promise<void> {
  const abs = path.join(root, rel);
  await mkdir(path.dirname(abs), { recursive: true });
  await writeFile(abs, text);
}

export async function writeModule(root: string, id: string, spec: ModuleSpec): Promise<void> {
  await writeFileIn(root, `modules/${id}/README.md`, moduleReadme(spec));
}

/** Commits everything, dated `when` (author and committer), e.g. `2026-01-10T12:00:00Z`. */
export function commitAll(root: string, when: string, message = `work on ${when}`): void {
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '--allow-empty', '-m', message], { GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when });
}
