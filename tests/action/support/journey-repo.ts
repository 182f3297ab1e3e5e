// A learning journey in a real temp git repository, committed at a chosen date so topics can be
// idle for as long as a test needs.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { tmpRepo } from '../../support/tmp-repo.js';

const run = promisify(execFile);

export async function git(dir: string, args: string[], date = '2020-01-15T12:00:00Z'): Promise<string> {
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    GIT_AUTHOR_NAME: 'Learner',
    GIT_AUTHOR_EMAIL: 'learner@example.com',
    GIT_COMMITTER_NAME: 'Learner',
    GIT_COMMITTER_EMAIL: 'learner@example.com',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
    GIT_CONFIG_NOSYSTEM: '1',
  };
  const { stdout } = await run('git', args, { cwd: dir, env });
  return stdout.trim();
}

/** A repository holding `files`, committed once at `date`; returns its folder and HEAD. */
export async function journeyRepo(files: Record<string, string>, date?: string): Promise<{ dir: string; sha: string }> {
  const dir = await tmpRepo(files);
  await git(dir, ['init', '-q', '-b', 'main']);
  await git(dir, ['add', '-A']);
  await git(dir, ['commit', '-q', '-m', 'journey'], date);
  return { dir, sha: await git(dir, ['rev-parse', 'HEAD']) };
}

/** Writes files and commits them; returns the new HEAD. */
export async function commitFiles(dir: string, files: Record<string, string>, date?: string): Promise<string> {
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  await git(dir, ['add', '-A']);
  await git(dir, ['commit', '-q', '-m', 'more'], date);
  return git(dir, ['rev-parse', 'HEAD']);
}
