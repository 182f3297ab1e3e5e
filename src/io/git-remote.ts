// The repository's web address from `git remote get-url origin`, and the root's place inside it.
import { runGit } from './git.js';
import { webUrlFromRemote } from '../core/site/remote.js';

export interface RepoWeb {
  /** `https://github.com/owner/name`, or null when the remote is unknown or not a web host. */
  web: string | null;
  /** The root's path inside the repository, `''` or `sub/dir/`. */
  prefix: string;
}

async function git(cwd: string, args: string[]): Promise<string | null> {
  const r = await runGit(cwd, args);
  return r.code === 0 ? r.stdout.trim() : null;
}

export async function repoWeb(root: string): Promise<RepoWeb> {
  const [remote, prefix] = await Promise.all([git(root, ['remote', 'get-url', 'origin']), git(root, ['rev-parse', '--show-prefix'])]);
  return { web: remote ? webUrlFromRemote(remote) : null, prefix: prefix ?? '' };
}
