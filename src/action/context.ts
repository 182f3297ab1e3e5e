// What GitHub tells a JavaScript action about its run, read from the environment once.
// (@actions/github's context does the same but brings a second Octokit into the bundle.)
import { readRunnerFile } from '../io/reader.js';

export interface RunContext {
  eventName: string;
  ref: string;
  sha: string;
  owner: string;
  repo: string;
  workspace: string;
  apiUrl: string;
  /** GITHUB_SERVER_URL (GitHub Enterprise: its own host): every URL a person clicks starts here. */
  serverUrl: string;
  /** Only when the runner gives one; otherwise Octokit derives it from `apiUrl`. */
  graphqlUrl?: string;
  defaultBranch?: string;
  /** The pull request's number on pull request events. */
  pullNumber?: number;
}

interface EventPayload {
  repository?: { default_branch?: string };
  pull_request?: { number?: number };
  number?: number;
}

async function readPayload(file: string | undefined): Promise<EventPayload> {
  if (!file) return {};
  try {
    return JSON.parse(readRunnerFile(file) ?? '{}') as EventPayload;
  } catch {
    return {};
  }
}

export async function readRunContext(env: NodeJS.ProcessEnv, cwd = process.cwd()): Promise<RunContext> {
  const payload = await readPayload(env.GITHUB_EVENT_PATH);
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const ctx: RunContext = {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    owner,
    repo,
    workspace: env.GITHUB_WORKSPACE || cwd,
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
  };
  if (env.GITHUB_GRAPHQL_URL) ctx.graphqlUrl = env.GITHUB_GRAPHQL_URL;
  const def = payload.repository?.default_branch;
  if (def) ctx.defaultBranch = def;
  const pr = payload.pull_request?.number ?? (payload.pull_request ? payload.number : undefined);
  if (typeof pr === 'number') ctx.pullNumber = pr;
  return ctx;
}
