// Who the token is, and what a person may do: the two questions that decide which issues odyssey
// trusts. GraphQL `viewer` answers for personal tokens and for the workflow's GITHUB_TOKEN alike
// (`github-actions[bot]`); REST `GET /user` refuses installation tokens, so it is the fallback.
import type { GitHubClient } from './github.js';

/** The token's own login, or null when GitHub will not say (then no existing issue is trusted). */
export async function ownLogin(octokit: GitHubClient, graphqlUrl?: string): Promise<string | null> {
  try {
    const res = await octokit.graphql<{ viewer?: { login?: string; __typename?: string } }>({
      query: 'query odysseyViewer { viewer { login __typename } }',
      ...(graphqlUrl ? { url: graphqlUrl } : {}),
    });
    const login = res.viewer?.login;
    if (login) return res.viewer?.__typename === 'Bot' && !login.endsWith('[bot]') ? `${login}[bot]` : login;
  } catch (err) {
    if ((err as Error)?.name === 'GitHubTimeoutError') throw err;
  }
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login ?? null;
  } catch (err) {
    if ((err as Error)?.name === 'GitHubTimeoutError') throw err;
    return null;
  }
}

/** True when `login` may write to the repository (admin, maintain or write). */
export async function canWrite(octokit: GitHubClient, ref: { owner: string; repo: string }, login: string): Promise<boolean> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...ref, username: login });
    const role = (data as { role_name?: string }).role_name ?? '';
    return data.permission === 'admin' || data.permission === 'write' || ['admin', 'maintain', 'write'].includes(role);
  } catch (err) {
    if ((err as Error)?.name === 'GitHubTimeoutError') throw err;
    return false;
  }
}
