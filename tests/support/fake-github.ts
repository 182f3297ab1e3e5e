// A fake GitHub REST API on loopback, spoken to over real HTTP by the real Octokit client.
// Shapes follow GitHub's documentation (Link pagination, 403/404/422 bodies, secondary limits).
// Extend it with `gh.route(method, '/path/:param', handler)`: GraphQL, git refs and pull requests
// slot in the same way as the issue routes below, with their state kept on `FakeRepo.extra`.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export interface FakeComment {
  id: number;
  body: string;
  created_at: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  comments: FakeComment[];
  /** Pull requests come back from the issues list too, as on GitHub. */
  pullRequest?: boolean;
  /** Login of whoever opened it (default: the fake's `login`, the token's own account). */
  author?: string;
}

export interface FakeRepo {
  owner: string;
  name: string;
  issues: FakeIssue[];
  labels: Map<string, FakeLabel>;
  /** Room for other routes' state (refs, pull requests…). */
  extra: Record<string, unknown>;
}

export interface FakeRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: http.IncomingHttpHeaders;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  headers: http.IncomingHttpHeaders;
}

/** A handler that answers undefined passes the request on to the next matching route. */
export type RouteHandler = (req: FakeRequest, gh: FakeGitHub) => FakeResponse | undefined | Promise<FakeResponse | undefined>;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: RouteHandler;
}

interface Fault {
  remaining: number;
  match: (method: string, path: string) => boolean;
  respond: () => FakeResponse;
}

const DOCS = 'https://docs.github.com/rest';
export const INTEGRATION_403 = 'Resource not accessible by integration';
export const SECONDARY_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000.';

export class FakeGitHub {
  readonly requests: RecordedRequest[] = [];
  readonly repos = new Map<string, FakeRepo>();
  /** Writes answer 403 "Resource not accessible by integration" (a token without write access). */
  readOnly = false;
  /** When set, requests must carry this token. */
  token: string | null = null;
  /** The token's own account: the author of issues created through the API, and GraphQL's `viewer`. */
  login = 'learner';
  /** The fake's clock for created/updated/closed times. */
  now: () => Date = () => new Date();
  private readonly routes: Route[] = [];
  private readonly faults: Fault[] = [];
  private nextId = 1000;

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {
    registerIssueRoutes(this);
    registerIdentityRoutes(this);
  }

  static async start(host = '127.0.0.1'): Promise<FakeGitHub> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const { port } = server.address() as AddressInfo;
    const gh = new FakeGitHub(server, `http://${host}:${port}`);
    server.on('request', (req, res) => void gh.handle(req, res));
    return gh;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  repo(owner: string, name: string): FakeRepo {
    const key = `${owner}/${name}`.toLowerCase();
    let r = this.repos.get(key);
    if (!r) {
      r = { owner, name, issues: [], labels: new Map(), extra: {} };
      this.repos.set(key, r);
    }
    return r;
  }

  /** Adds a route; `:name` segments become params. Later routes win, so a test can override one. */
  route(method: string, path: string, handler: RouteHandler): void {
    const names: string[] = [];
    const source = path.replace(/:([A-Za-z_]+)/g, (_m, n: string) => {
      names.push(n);
      return '([^/]+)';
    });
    this.routes.unshift({ method: method.toUpperCase(), pattern: new RegExp(`^${source}$`), names, handler });
  }

  /** The next `times` matching requests answer 502 Bad Gateway. */
  failNext(times: number, match: { method?: string; path?: RegExp } = {}, status = 502): void {
    this.faults.push({
      remaining: times,
      match: matcher(match),
      respond: () => ({ status, body: { message: status === 502 ? 'Server Error' : 'Service Unavailable' } }),
    });
  }

  /** The next `times` matching requests hit a secondary rate limit (403 with `retry-after`). */
  secondaryLimitNext(times: number, retryAfterSeconds = 1, match: { method?: string; path?: RegExp } = {}): void {
    this.faults.push({
      remaining: times,
      match: matcher(match),
      respond: () => ({
        status: 403,
        headers: { 'retry-after': String(retryAfterSeconds) },
        body: { message: SECONDARY_LIMIT_MESSAGE, documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits` },
      }),
    });
  }

  /** Forgets recorded requests and pending faults (state such as issues stays). */
  reset(): void {
    this.requests.length = 0;
    this.faults.length = 0;
    this.readOnly = false;
  }

  /** Requests whose method and path match (all when no filter). */
  count(match: { method?: string; path?: RegExp } = {}): number {
    const m = matcher(match);
    return this.requests.filter((r) => m(r.method, r.path)).length;
  }

  /** Requests that change something: every non-GET, except GraphQL queries (only mutations write). */
  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD' && !isGraphqlQuery(r));
  }

  newId(): number {
    return this.nextId++;
  }

  /** Seeds an issue as if someone had filed it earlier. */
  addIssue(owner: string, name: string, issue: Partial<FakeIssue> & { title: string }): FakeIssue {
    const r = this.repo(owner, name);
    const at = this.now().toISOString();
    const full: FakeIssue = {
      number: r.issues.length + 1,
      body: null,
      state: 'open',
      state_reason: null,
      labels: [],
      created_at: at,
      updated_at: at,
      closed_at: issue.state === 'closed' ? at : null,
      comments: [],
      ...issue,
    };
    for (const l of full.labels) ensureLabel(this, r, l);
    r.issues.push(full);
    return full;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = undefined;
    let out: FakeResponse;
    try {
      body = raw ? JSON.parse(raw) : undefined;
      out = await this.respond(req, url, body);
    } catch (err) {
      out = err instanceof SyntaxError ? { status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS } } : { status: 500, body: { message: String(err) } };
    }
    const method = req.method ?? 'GET';
    this.requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), body, status: out.status, headers: req.headers });
    const payload = out.body === undefined ? '' : JSON.stringify(out.body);
    res.writeHead(out.status, {
      ...(payload ? { 'content-type': 'application/json; charset=utf-8' } : {}),
      'x-github-api-version-selected': '2022-11-28',
      ...out.headers,
    });
    res.end(payload);
  }

  private async respond(req: http.IncomingMessage, url: URL, body: unknown): Promise<FakeResponse> {
    const method = req.method ?? 'GET';
    const fault = this.faults.find((f) => f.remaining > 0 && f.match(method, url.pathname));
    if (fault) {
      fault.remaining--;
      return fault.respond();
    }
    if (this.token !== null) {
      const auth = req.headers.authorization ?? '';
      if (auth.replace(/^(token|bearer)\s+/i, '') !== this.token) return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS } };
    }
    for (const r of this.routes) {
      if (r.method !== method) continue;
      const m = r.pattern.exec(url.pathname);
      if (!m) continue;
      if (this.readOnly && method !== 'GET' && method !== 'HEAD') return forbidden(url.pathname);
      const params = Object.fromEntries(r.names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
      const out = await r.handler({ method, path: url.pathname, params, query: url.searchParams, body, headers: req.headers }, this);
      if (out !== undefined) return out;
    }
    return notFound();
  }
}

function isGraphqlQuery(r: RecordedRequest): boolean {
  if (r.method !== 'POST' || !/\/graphql$/.test(r.path)) return false;
  const q = String((r.body as { query?: unknown } | undefined)?.query ?? '').trim();
  return !/^mutation\b/.test(q);
}

function matcher(match: { method?: string; path?: RegExp }): (method: string, path: string) => boolean {
  return (method, path) => (!match.method || match.method.toUpperCase() === method) && (!match.path || match.path.test(path));
}

export function notFound(): FakeResponse {
  return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
}

function forbidden(path: string): FakeResponse {
  return { status: 403, body: { message: INTEGRATION_403, documentation_url: `${DOCS}${path.includes('/labels') ? '/issues/labels' : '/issues/issues'}`, status: '403' } };
}

export function validationFailed(resource: string, field: string, code: string, message?: string): FakeResponse {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [{ resource, code, field, ...(message ? { message } : {}) }],
      documentation_url: `${DOCS}/issues`,
      status: '422',
    },
  };
}

function ensureLabel(gh: FakeGitHub, r: FakeRepo, name: string): FakeLabel {
  const key = name.toLowerCase();
  let l = r.labels.get(key);
  if (!l) {
    l = { id: gh.newId(), name, color: 'ededed', description: null };
    r.labels.set(key, l);
  }
  return l;
}

/** Pagination as GitHub does it: `per_page` (default 30, at most 100), `page`, and a `Link` header. */
export function paginate<T>(gh: FakeGitHub, req: FakeRequest, items: T[]): FakeResponse {
  const perPage = Math.min(100, Math.max(1, Number(req.query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(req.query.get('page') ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (p: number, rel: string): string => {
    const q = new URLSearchParams(req.query);
    q.set('page', String(p));
    q.set('per_page', String(perPage));
    return `<${gh.url}${req.path}?${q}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
  if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(', ') } : {},
  };
}

function issueJson(gh: FakeGitHub, r: FakeRepo, i: FakeIssue): Record<string, unknown> {
  const api = `${gh.url}/repos/${r.owner}/${r.name}/issues/${i.number}`;
  return {
    id: 100000 + i.number,
    node_id: `I_${i.number}`,
    url: api,
    html_url: `${gh.url}/${r.owner}/${r.name}/${i.pullRequest ? 'pull' : 'issues'}/${i.number}`,
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.state_reason,
    locked: false,
    user: { login: i.author ?? gh.login, id: 1, type: (i.author ?? gh.login).endsWith('[bot]') ? 'Bot' : 'User' },
    labels: i.labels.map((n) => labelJson(ensureLabel(gh, r, n))),
    comments: i.comments.length,
    created_at: i.created_at,
    updated_at: i.updated_at,
    closed_at: i.closed_at,
    ...(i.pullRequest ? { pull_request: { url: `${gh.url}/repos/${r.owner}/${r.name}/pulls/${i.number}` } } : {}),
  };
}

function labelJson(l: FakeLabel): Record<string, unknown> {
  return { id: l.id, node_id: `LA_${l.id}`, name: l.name, color: l.color, default: false, description: l.description };
}

function findRepo(gh: FakeGitHub, req: FakeRequest): FakeRepo | undefined {
  return gh.repos.get(`${req.params.owner}/${req.params.repo}`.toLowerCase());
}

function findIssue(r: FakeRepo, n: string | undefined): FakeIssue | undefined {
  return r.issues.find((i) => String(i.number) === n);
}

type Fields = Record<string, unknown>;

function checkIssueFields(b: Fields, creating: boolean): FakeResponse | null {
  const title = b.title === undefined || b.title === null ? undefined : String(b.title);
  if ((creating && title === undefined) || (title !== undefined && title.trim() === '')) return validationFailed('Issue', 'title', 'missing_field');
  if (title !== undefined && title.length > 256) return validationFailed('Issue', 'title', 'custom', 'title is too long (maximum is 256 characters)');
  if (typeof b.body === 'string' && b.body.length > 65536) return validationFailed('Issue', 'body', 'custom', 'body is too long (maximum is 65536 characters)');
  if (b.state !== undefined && b.state !== 'open' && b.state !== 'closed') return validationFailed('Issue', 'state', 'invalid');
  if (b.state_reason !== undefined && b.state_reason !== null && !['completed', 'not_planned', 'reopened'].includes(String(b.state_reason))) {
    return validationFailed('Issue', 'state_reason', 'invalid');
  }
  return null;
}

function registerIssueRoutes(gh: FakeGitHub): void {
  gh.route('GET', '/repos/:owner/:repo/issues', (req) => {
    const r = findRepo(gh, req);
    if (!r) return notFound();
    const state = req.query.get('state') ?? 'open';
    const wanted = (req.query.get('labels') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    let list = r.issues.filter((i) => (state === 'all' || i.state === state) && wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)));
    const asc = req.query.get('direction') === 'asc';
    list = [...list].sort((a, b) => (asc ? a.number - b.number : b.number - a.number));
    return paginate(gh, req, list.map((i) => issueJson(gh, r, i)));
  });

  gh.route('GET', '/repos/:owner/:repo/issues/:number', (req) => {
    const r = findRepo(gh, req);
    const i = r && findIssue(r, req.params.number);
    return r && i ? { status: 200, body: issueJson(gh, r, i) } : notFound();
  });

  gh.route('POST', '/repos/:owner/:repo/issues', (req) => {
    const r = findRepo(gh, req);
    if (!r) return notFound();
    const b = (req.body ?? {}) as Fields;
    const bad = checkIssueFields(b, true);
    if (bad) return bad;
    const labels = Array.isArray(b.labels) ? b.labels.map((l) => (typeof l === 'string' ? l : String((l as { name?: string }).name))) : [];
    const issue = gh.addIssue(r.owner, r.name, { title: String(b.title), body: typeof b.body === 'string' ? b.body : null, labels, author: gh.login });
    return { status: 201, body: issueJson(gh, r, issue) };
  });

  gh.route('PATCH', '/repos/:owner/:repo/issues/:number', (req) => {
    const r = findRepo(gh, req);
    const i = r && findIssue(r, req.params.number);
    if (!r || !i) return notFound();
    const b = (req.body ?? {}) as Fields;
    const bad = checkIssueFields(b, false);
    if (bad) return bad;
    const at = gh.now().toISOString();
    if (b.title !== undefined) i.title = String(b.title);
    if (b.body !== undefined) i.body = b.body === null ? null : String(b.body);
    if (Array.isArray(b.labels)) i.labels = b.labels.map(String);
    if (b.state === 'closed' && i.state === 'open') {
      i.state = 'closed';
      i.closed_at = at;
      i.state_reason = (b.state_reason as string | undefined) ?? 'completed';
    } else if (b.state === 'open' && i.state === 'closed') {
      i.state = 'open';
      i.closed_at = null;
      i.state_reason = 'reopened';
    } else if (b.state_reason !== undefined) i.state_reason = b.state_reason as string | null;
    i.updated_at = at;
    return { status: 200, body: issueJson(gh, r, i) };
  });

  gh.route('GET', '/repos/:owner/:repo/issues/:number/comments', (req) => {
    const r = findRepo(gh, req);
    const i = r && findIssue(r, req.params.number);
    return r && i ? paginate(gh, req, i.comments) : notFound();
  });

  gh.route('POST', '/repos/:owner/:repo/issues/:number/comments', (req) => {
    const r = findRepo(gh, req);
    const i = r && findIssue(r, req.params.number);
    if (!r || !i) return notFound();
    const b = (req.body ?? {}) as Fields;
    if (typeof b.body !== 'string' || b.body === '') return validationFailed('IssueComment', 'body', 'missing_field');
    const c: FakeComment = { id: gh.newId(), body: b.body, created_at: gh.now().toISOString() };
    i.comments.push(c);
    i.updated_at = c.created_at;
    return { status: 201, body: c };
  });

  gh.route('GET', '/repos/:owner/:repo/labels', (req) => {
    const r = findRepo(gh, req);
    return r ? paginate(gh, req, [...r.labels.values()].map(labelJson)) : notFound();
  });

  gh.route('GET', '/repos/:owner/:repo/labels/:name', (req) => {
    const r = findRepo(gh, req);
    const l = r?.labels.get((req.params.name ?? '').toLowerCase());
    return l ? { status: 200, body: labelJson(l) } : notFound();
  });

  gh.route('POST', '/repos/:owner/:repo/labels', (req) => {
    const r = findRepo(gh, req);
    if (!r) return notFound();
    const b = (req.body ?? {}) as Fields;
    if (typeof b.name !== 'string' || b.name.trim() === '') return validationFailed('Label', 'name', 'missing_field');
    if (b.color !== undefined && !/^[0-9a-fA-F]{6}$/.test(String(b.color))) return validationFailed('Label', 'color', 'invalid');
    if (r.labels.has(b.name.toLowerCase())) return validationFailed('Label', 'name', 'already_exists');
    const l: FakeLabel = { id: gh.newId(), name: b.name, color: String(b.color ?? 'ededed').toLowerCase(), description: typeof b.description === 'string' ? b.description : null };
    r.labels.set(b.name.toLowerCase(), l);
    return { status: 201, body: labelJson(l) };
  });
}

// ---- Identity, permissions and issue labels (topic issues, issue 13) --------------------------
// Kept in their own block: who the token is (`GET /user`, GraphQL `viewer`), what a person may do
// (the collaborator permission endpoint), labels added to and removed from one issue.
import { registerIdentityRoutes } from './fake-github-identity.js';
