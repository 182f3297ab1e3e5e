// The fake GitHub's identity and permission routes, and per-issue labels (topic issues, issue 13).
// `gh.login` is the token's own account. With `appToken` set, the token behaves as the workflow's
// GITHUB_TOKEN: `GET /user` refuses it, GraphQL `viewer` names the bot.
import type { FakeGitHub, FakeRequest, FakeResponse } from './fake-github.js';

/** Per-fake settings, kept beside the fake (not on its class) so this block stays separate. */
export interface IdentitySettings {
  /** Login → permission (`admin`, `maintain`, `write`, `triage`, `read`); anyone else: `read`. */
  permissions: Map<string, string>;
  /** The token is an installation token: `GET /user` answers 403. */
  appToken: boolean;
}

const settings = new WeakMap<FakeGitHub, IdentitySettings>();

export function identity(gh: FakeGitHub): IdentitySettings {
  let s = settings.get(gh);
  if (!s) {
    s = { permissions: new Map(), appToken: false };
    settings.set(gh, s);
  }
  return s;
}

const notFound: FakeResponse = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };

function issueOf(gh: FakeGitHub, req: FakeRequest) {
  const r = gh.repos.get(`${req.params.owner}/${req.params.repo}`.toLowerCase());
  return r?.issues.find((i) => String(i.number) === req.params.number);
}

export function registerIdentityRoutes(gh: FakeGitHub): void {
  gh.route('GET', '/user', () => {
    if (identity(gh).appToken) return { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user' } };
    return { status: 200, body: { login: gh.login, id: 1, type: gh.login.endsWith('[bot]') ? 'Bot' : 'User' } };
  });

  installViewer(gh);

  gh.route('GET', '/repos/:owner/:repo/collaborators/:user/permission', (req) => {
    const user = req.params.user ?? '';
    const p = user.toLowerCase() === gh.login.toLowerCase() ? 'admin' : (identity(gh).permissions.get(user.toLowerCase()) ?? 'read');
    const legacy = p === 'maintain' ? 'write' : p === 'triage' ? 'read' : p;
    return { status: 200, body: { permission: legacy, role_name: p, user: { login: user } } };
  });

  gh.route('POST', '/repos/:owner/:repo/issues/:number/labels', (req) => {
    const i = issueOf(gh, req);
    if (!i) return notFound;
    const b = req.body as { labels?: unknown } | unknown[] | undefined;
    const wanted = (Array.isArray(b) ? b : Array.isArray((b as { labels?: unknown })?.labels) ? (b as { labels: unknown[] }).labels : []).map(String);
    for (const l of wanted) if (!i.labels.some((x) => x.toLowerCase() === l.toLowerCase())) i.labels.push(l);
    i.updated_at = gh.now().toISOString();
    return { status: 200, body: i.labels.map((name) => ({ name })) };
  });

  gh.route('DELETE', '/repos/:owner/:repo/issues/:number/labels/:name', (req) => {
    const i = issueOf(gh, req);
    const name = (req.params.name ?? '').toLowerCase();
    if (!i || !i.labels.some((l) => l.toLowerCase() === name)) return notFound;
    i.labels = i.labels.filter((l) => l.toLowerCase() !== name);
    i.updated_at = gh.now().toISOString();
    return { status: 200, body: i.labels.map((n) => ({ name: n })) };
  });
}

/**
 * GraphQL `viewer`; any other query passes on to the routes registered before it. Routes added
 * later win, so call this again after `installGitRoutes` to answer `viewer` there too.
 */
export function installViewer(gh: FakeGitHub): void {
  gh.route('POST', '/graphql', (req) => {
    const q = String((req.body as { query?: unknown } | undefined)?.query ?? '');
    if (!/\bviewer\b/.test(q) || q.includes('createCommitOnBranch')) return undefined;
    const bot = gh.login.endsWith('[bot]');
    // GraphQL names a bot as REST does, with its `[bot]` suffix.
    return { status: 200, body: { data: { viewer: { login: gh.login, __typename: bot ? 'Bot' : 'User' } } } };
  });
}
