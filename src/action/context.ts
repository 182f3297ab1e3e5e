// What GitHub tells a JavaScript action about its run, read from the environment once.
// (@actions/github's context does the same but brings a second Octokit into the bundle.)
import { readRunnerFile } from '../io/reader.js';
import { webUrlFor } from '../io/web-url.js';

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
  /** On pull request events: the base branch's commit, the head commit, and whether the head lives in a fork. */
  baseSha?: string;
  headSha?: string;
  fromFork?: boolean;
  /** Milliseconds a GitHub request may take (`ODYSSEY_GITHUB_TIMEOUT`, seconds; default 30). */
  githubTimeoutMs?: number;
  /** On `issues` events: what happened to which issue, and who did it. */
  issueEvent?: IssueEvent;
}

export interface IssueEvent {
  action: string;
  number: number;
  title: string;
  body: string;
  /** The body before an `edited` event, when the body changed. */
  bodyBefore?: string;
  author: string;
  labels: string[];
  state: string;
  sender: string;
}

interface EventPayload {
  repository?: { default_branch?: string };
  pull_request?: {
    number?: number;
    base?: { sha?: string; repo?: { full_name?: string } };
    head?: { sha?: string; repo?: { full_name?: string } | null };
  };
  number?: number;
  action?: string;
  issue?: { number?: number; title?: string; body?: string | null; user?: { login?: string }; labels?: Array<{ name?: string } | string>; state?: string };
  changes?: { body?: { from?: string } };
  sender?: { login?: string };
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
  // Without GITHUB_SERVER_URL (a local run), the web address that goes with the API's.
  if (!env.GITHUB_SERVER_URL) ctx.serverUrl = webUrlFor(ctx.apiUrl);
  if (env.GITHUB_GRAPHQL_URL) ctx.graphqlUrl = env.GITHUB_GRAPHQL_URL;
  const timeout = Number(env.ODYSSEY_GITHUB_TIMEOUT);
  if (env.ODYSSEY_GITHUB_TIMEOUT && Number.isFinite(timeout) && timeout > 0 && timeout <= 600) ctx.githubTimeoutMs = Math.round(timeout * 1000);
  const issue = payload.issue;
  if (ctx.eventName === 'issues' && issue && typeof issue.number === 'number') {
    ctx.issueEvent = {
      action: payload.action ?? '',
      number: issue.number,
      title: issue.title ?? '',
      body: issue.body ?? '',
      ...(typeof payload.changes?.body?.from === 'string' ? { bodyBefore: payload.changes.body.from } : {}),
      author: issue.user?.login ?? '',
      labels: (issue.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
      state: issue.state ?? 'open',
      sender: payload.sender?.login ?? '',
    };
  }
  const def = payload.repository?.default_branch;
  if (def) ctx.defaultBranch = def;
  const pr = payload.pull_request?.number ?? (payload.pull_request ? payload.number : undefined);
  if (typeof pr === 'number') ctx.pullNumber = pr;
  const base = payload.pull_request?.base;
  const head = payload.pull_request?.head;
  if (typeof base?.sha === 'string' && /^[0-9a-f]{40}$/i.test(base.sha)) ctx.baseSha = base.sha;
  if (typeof head?.sha === 'string' && /^[0-9a-f]{40}$/i.test(head.sha)) ctx.headSha = head.sha;
  const headRepo = head?.repo?.full_name;
  const baseRepo = base?.repo?.full_name;
  if (head) ctx.fromFork = head.repo === null || (headRepo !== undefined && baseRepo !== undefined && headRepo.toLowerCase() !== baseRepo.toLowerCase());
  return ctx;
}
