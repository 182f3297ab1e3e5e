// A learning journey, a fake GitHub (REST, GraphQL, git) and the built action, for topic issues:
// each step runs dist as GitHub would and keeps the local checkout at the fake's branch head.
import { createHash } from 'node:crypto';
import { FakeGitHub, type RecordedRequest } from '../../support/fake-github.js';
import { FakeGitRepo, installGitRoutes } from '../../support/fake-github-git.js';
import { identity, installViewer } from '../../support/fake-github-identity.js';
import { moduleReadme, ZONE } from '../../support/tmp-repo.js';
import { commitFiles, journeyRepo } from './journey-repo.js';
import { runAction, type ActionRun } from './run-action.js';

export const TOKEN = 'ghs_faketoken0123456789';
export const BOT = 'github-actions[bot]';
export const SERVER = 'http://127.0.0.5:8443';
export const ATTENTION = 'modules/02-attention/README.md';

export function journeyFiles(): Record<string, string> {
  return {
    'README.md': `# My journey\n\n${ZONE}\nThe end.\n`,
    'modules/01-basics/README.md': moduleReadme({ title: 'Basics', status: 'done', started: '2020-01-02', completed: '2020-01-05' }, '# Basics\n\n- [x] all\n'),
    [ATTENTION]: moduleReadme(
      { title: 'Attention @team', status: 'in-progress', started: '2020-01-10', confidence: '3' },
      '# Attention\n\n- [x] read the paper\n- [ ] code it, see #12\n  - [ ] nested: softmax\n- [ ] test it\n',
    ),
    'modules/03-later/README.md': moduleReadme({ title: 'Later', status: 'todo' }, '# Later\n\n- [ ] someday\n'),
  };
}

export interface TopicWorld {
  gh: FakeGitHub;
  repo: FakeGitRepo;
  dir: string;
  /** The SHA the fake and the checkout agree the branch is at. */
  sha: string;
  bundle: string;
  serverUrl: string;
  /** Every step's requests, in order, as `METHOD path?query body`. */
  log: string[];
}

export async function startWorld(bundle: string, o: { host?: string; serverUrl?: string; files?: Record<string, string> } = {}): Promise<TopicWorld> {
  const gh = await FakeGitHub.start(o.host);
  gh.token = TOKEN;
  gh.login = BOT;
  identity(gh).appToken = true;
  identity(gh).permissions.set('learner', 'admin');
  const repo = new FakeGitRepo('learner', 'journey');
  installGitRoutes(gh, repo);
  installViewer(gh);
  const files = o.files ?? journeyFiles();
  const r = await journeyRepo(files, '2026-01-15T12:00:00Z');
  repo.seed(r.sha, files);
  repo.setBranch('main', r.sha);
  return { gh, repo, dir: r.dir, sha: r.sha, bundle, serverUrl: o.serverUrl ?? SERVER, log: [] };
}

function line(r: RecordedRequest): string {
  const q = new URLSearchParams(r.query).toString();
  return `${r.method} ${r.path}${q ? `?${q}` : ''} ${r.body === undefined ? '' : JSON.stringify(r.body)}`.trimEnd();
}

export async function act(w: TopicWorld, event: string, extra: { payload?: Record<string, unknown>; inputs?: Record<string, string>; sha?: string } = {}): Promise<ActionRun & { requests: RecordedRequest[] }> {
  const from = w.gh.requests.length;
  const run = await runAction({
    bundle: w.bundle,
    workspace: w.dir,
    apiUrl: w.gh.url,
    event,
    sha: extra.sha ?? w.sha,
    payload: extra.payload ?? { repository: { default_branch: 'main' } },
    inputs: { 'topic-issues': 'active', 'stale-days': '3650', ...extra.inputs },
    env: { GITHUB_SERVER_URL: w.serverUrl, GITHUB_GRAPHQL_URL: `${w.gh.url}/graphql` },
  });
  const requests = w.gh.requests.slice(from);
  w.log.push(`# ${event}`, ...requests.map(line));
  return { ...run, requests };
}

/** Writes done by one run: REST writes and GraphQL mutations. */
export function writesOf(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => r.method !== 'GET' && !(r.path.endsWith('/graphql') && !/^\s*mutation/.test(String((r.body as { query?: string })?.query ?? ''))));
}

/** Brings the checkout to the fake's branch head (what actions/checkout does on the next run). */
export async function pull(w: TopicWorld): Promise<void> {
  const head = w.repo.head('main')!;
  if (head === w.sha) return;
  const files = w.repo.files(head);
  await commitFiles(w.dir, files, '2026-01-16T12:00:00Z');
  w.sha = head;
}

/** A person pushes `files` (to the checkout and the fake alike). */
export async function push(w: TopicWorld, files: Record<string, string>): Promise<void> {
  await pull(w);
  const all = { ...w.repo.files(w.sha), ...files };
  await commitFiles(w.dir, files, '2026-01-17T12:00:00Z');
  const sha = createHash('sha1').update(`${w.sha}\0${JSON.stringify(all)}`).digest('hex');
  w.repo.seed(sha, all, [w.sha]);
  w.repo.setBranch('main', sha);
  w.sha = sha;
}

/** The `issues` event GitHub sends when `sender` edits issue `number`'s body from `before` to `after`. */
export function editedPayload(w: TopicWorld, number: number, before: string, after: string, sender = 'learner'): Record<string, unknown> {
  const i = w.gh.repo('learner', 'journey').issues.find((x) => x.number === number)!;
  return {
    action: 'edited',
    issue: { number, title: i.title, body: after, user: { login: i.author ?? BOT }, labels: i.labels.map((name) => ({ name })), state: i.state },
    changes: { body: { from: before } },
    sender: { login: sender },
    repository: { default_branch: 'main' },
  };
}

/** A person ticks (or unticks) the box of `task` in issue `number` on GitHub; returns the event. */
export function tickInIssue(w: TopicWorld, number: number, task: string, done = true, sender = 'learner'): Record<string, unknown> {
  const i = w.gh.repo('learner', 'journey').issues.find((x) => x.number === number)!;
  const before = i.body ?? '';
  const from = done ? '[ ]' : '[x]';
  const at = before.split('\n').findIndex((l) => l.includes(`${from} ${task} · [line`));
  if (at === -1) throw new Error(`no box for ${task}`);
  const lines = before.split('\n');
  lines[at] = lines[at]!.replace(from, done ? '[x]' : '[ ]');
  i.body = lines.join('\n');
  return editedPayload(w, number, before, i.body, sender);
}
