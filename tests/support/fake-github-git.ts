// The git side of the fake GitHub API: GraphQL `createCommitOnBranch` (with its STALE_DATA
// refusal when the branch moved), git refs, commits, trees, blobs, contents, pulls and the
// repository itself. Its state is one FakeGitRepo; `installGitRoutes` plugs it into a FakeGitHub.
import { createHash } from 'node:crypto';
import type { FakeGitHub, FakeRequest, FakeResponse } from './fake-github.js';

type Reply = FakeResponse | undefined;
type GitRequest = Pick<FakeRequest, 'method' | 'path' | 'query' | 'body'>;

interface FakeCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  signed: boolean;
}

export interface FakePull {
  number: number;
  head: string;
  base: string;
  title: string;
  body: string;
  state: 'open' | 'closed';
}

const sha1 = (s: string | Buffer): string => createHash('sha1').update(s).digest('hex');
const blobSha = (b: Buffer): string => sha1(Buffer.concat([Buffer.from(`blob ${b.length}\0`), b]));
const notFound: FakeResponse = { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } };

export class FakeGitRepo {
  readonly blobs = new Map<string, Buffer>();
  /** Tree sha → path → blob sha (flat: paths with `/`). */
  readonly trees = new Map<string, Map<string, string>>();
  readonly commits = new Map<string, FakeCommit>();
  readonly refs = new Map<string, string>();
  readonly pulls: FakePull[] = [];
  /** Pull request number → the paths it changes (for GET …/pulls/:number/files). */
  readonly pullFiles = new Map<number, string[]>();
  /** Commits made through the API, oldest first. */
  readonly made: string[] = [];
  /**
   * Branches a rule protects, and how GitHub words the refusal: `classic` branch protection
   * (GraphQL type BRANCH_PROTECTION_RULE_VIOLATION) or a `ruleset` ("Repository rule violations
   * found"). Writes to them through the API are refused; merging a pull request is the way in.
   */
  readonly protectedBranches = new Map<string, 'classic' | 'ruleset'>();

  constructor(
    readonly owner: string,
    readonly repo: string,
    readonly defaultBranch = 'main',
  ) {}

  private putBlob(b: Buffer): string {
    const sha = blobSha(b);
    this.blobs.set(sha, b);
    return sha;
  }

  private putTree(entries: Map<string, string>): string {
    const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : 1));
    const sha = sha1('tree ' + JSON.stringify(sorted));
    this.trees.set(sha, new Map(sorted));
    return sha;
  }

  /** Registers a commit with a given sha (say, HEAD of a local test repository) holding `files`. */
  seed(sha: string, files: Record<string, string>, parents: string[] = []): void {
    const entries = new Map<string, string>();
    for (const [p, text] of Object.entries(files)) entries.set(p, this.putBlob(Buffer.from(text)));
    this.commits.set(sha, { sha, tree: this.putTree(entries), parents, message: 'seed', signed: false });
  }

  setBranch(branch: string, sha: string): void {
    this.refs.set(`refs/heads/${branch}`, sha);
  }

  head(branch: string): string | undefined {
    return this.refs.get(`refs/heads/${branch}`);
  }

  /** The files of a commit, as text. */
  files(sha: string): Record<string, string> {
    const c = this.commits.get(sha);
    if (!c) throw new Error(`no commit ${sha}`);
    const out: Record<string, string> = {};
    for (const [p, b] of this.trees.get(c.tree)!) out[p] = this.blobs.get(b)!.toString('utf8');
    return out;
  }

  commit(sha: string): FakeCommit | undefined {
    return this.commits.get(sha);
  }

  private newCommit(tree: string, parents: string[], message: string, signed: boolean): string {
    const sha = sha1(`commit ${tree} ${parents.join(',')} ${message} ${this.commits.size}`);
    this.commits.set(sha, { sha, tree, parents, message, signed });
    this.made.push(sha);
    return sha;
  }

  private commitJson(c: FakeCommit) {
    return { sha: c.sha, message: c.message, tree: { sha: c.tree }, parents: c.parents.map((sha) => ({ sha })), verification: { verified: c.signed } };
  }

  private pullJson(p: FakePull) {
    return {
      number: p.number,
      title: p.title,
      body: p.body,
      state: p.state,
      html_url: `https://github.test/${this.owner}/${this.repo}/pull/${p.number}`,
      head: { ref: p.head, label: `${this.owner}:${p.head}` },
      base: { ref: p.base },
    };
  }

  private graphql(body: { query?: string; variables?: { input?: CommitInput } }): FakeResponse {
    if (!body.query?.includes('createCommitOnBranch')) return { status: 200, body: { errors: [{ message: 'fake: only createCommitOnBranch is served' }] } };
    const input = body.variables?.input;
    if (!input) return { status: 200, body: { errors: [{ type: 'INVALID', message: 'missing input' }] } };
    if (input.branch.repositoryNameWithOwner !== `${this.owner}/${this.repo}`) {
      return { status: 200, body: { data: { createCommitOnBranch: null }, errors: [{ type: 'NOT_FOUND', message: 'Could not resolve to a Repository' }] } };
    }
    const ref = `refs/heads/${input.branch.branchName}`;
    const head = this.refs.get(ref);
    const rule = this.protectedBranches.get(input.branch.branchName);
    if (rule) {
      const error =
        rule === 'classic'
          ? { type: 'BRANCH_PROTECTION_RULE_VIOLATION', path: ['createCommitOnBranch'], message: `protected branch '${input.branch.branchName}' check failed:\n  Changes must be made through a pull request.` }
          : { type: 'UNPROCESSABLE', path: ['createCommitOnBranch'], message: 'Repository rule violations found\n\nChanges must be made through a pull request.\n\n' };
      return { status: 200, body: { data: { createCommitOnBranch: null }, errors: [error] } };
    }
    if (head !== input.expectedHeadOid) {
      return {
        status: 200,
        body: {
          data: { createCommitOnBranch: null },
          errors: [{ type: 'STALE_DATA', path: ['createCommitOnBranch'], message: `Expected branch to point to "${input.expectedHeadOid}" but it did not. Pull and try again.` }],
        },
      };
    }
    const entries = new Map(this.trees.get(this.commits.get(head)!.tree));
    for (const a of input.fileChanges.additions ?? []) entries.set(a.path, this.putBlob(Buffer.from(a.contents, 'base64')));
    for (const d of input.fileChanges.deletions ?? []) entries.delete(d.path);
    const message = input.message.body ? `${input.message.headline}\n\n${input.message.body}` : input.message.headline;
    const sha = this.newCommit(this.putTree(entries), [head], message, true);
    this.refs.set(ref, sha);
    return { status: 200, body: { data: { createCommitOnBranch: { commit: { oid: sha, url: `https://github.test/${this.owner}/${this.repo}/commit/${sha}` } } } } };
  }

  /** Answers the git side of the API; undefined for a request that is not its own. */
  readonly handle = (req: GitRequest): Reply => {
    if (req.method === 'POST' && req.path === '/graphql') return this.graphql(req.body as never);
    const prefix = `/repos/${this.owner}/${this.repo}`;
    if (!req.path.startsWith(prefix)) return undefined;
    const rest = req.path.slice(prefix.length);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const m = (re: RegExp) => re.exec(rest);
    let g: RegExpExecArray | null;

    if (rest === '' && req.method === 'GET') {
      return { status: 200, body: { full_name: `${this.owner}/${this.repo}`, name: this.repo, owner: { login: this.owner }, default_branch: this.defaultBranch } };
    }
    if (req.method === 'GET' && (g = m(/^\/git\/ref\/(.+)$/))) {
      const sha = this.refs.get(`refs/${decodeURIComponent(g[1]!)}`);
      return sha ? { status: 200, body: { ref: `refs/${g[1]}`, object: { sha, type: 'commit' } } } : notFound;
    }
    if (req.method === 'POST' && rest === '/git/refs') {
      const ref = String(body.ref);
      if (this.refs.has(ref)) return { status: 422, body: { message: 'Reference already exists' } };
      if (!this.commits.has(String(body.sha))) return { status: 422, body: { message: 'Object does not exist' } };
      this.refs.set(ref, String(body.sha));
      return { status: 201, body: { ref, object: { sha: body.sha, type: 'commit' } } };
    }
    if (req.method === 'PATCH' && (g = m(/^\/git\/refs\/(.+)$/))) {
      const ref = `refs/${decodeURIComponent(g[1]!)}`;
      if (!this.refs.has(ref)) return { status: 422, body: { message: 'Reference does not exist' } };
      if (this.protectedBranches.has(ref.replace(/^refs\/heads\//, ''))) {
        return { status: 422, body: { message: 'Protected branch update failed for ' + ref + '. Changes must be made through a pull request.' } };
      }
      this.refs.set(ref, String(body.sha));
      return { status: 200, body: { ref, object: { sha: body.sha, type: 'commit' } } };
    }
    if (req.method === 'GET' && (g = m(/^\/git\/commits\/([0-9a-f]{40})$/))) {
      const c = this.commits.get(g[1]!);
      return c ? { status: 200, body: this.commitJson(c) } : notFound;
    }
    if (req.method === 'POST' && rest === '/git/blobs') {
      const enc = body.encoding === 'base64' ? 'base64' : 'utf8';
      const sha = this.putBlob(Buffer.from(String(body.content), enc));
      return { status: 201, body: { sha } };
    }
    if (req.method === 'POST' && rest === '/git/trees') {
      const baseTree = body.base_tree ? this.trees.get(String(body.base_tree)) : new Map<string, string>();
      if (!baseTree) return { status: 422, body: { message: 'base_tree does not exist' } };
      const entries = new Map(baseTree);
      for (const e of (body.tree as Array<{ path: string; sha?: string; content?: string }>) ?? []) {
        entries.set(e.path, e.sha ?? this.putBlob(Buffer.from(e.content ?? '')));
      }
      return { status: 201, body: { sha: this.putTree(entries) } };
    }
    if (req.method === 'POST' && rest === '/git/commits') {
      const tree = String(body.tree);
      if (!this.trees.has(tree)) return { status: 422, body: { message: 'tree does not exist' } };
      const sha = this.newCommit(tree, (body.parents as string[]) ?? [], String(body.message), false);
      return { status: 201, body: this.commitJson(this.commits.get(sha)!) };
    }
    if (req.method === 'GET' && (g = m(/^\/contents\/(.+)$/))) {
      const at = req.query.get('ref') ?? this.head(this.defaultBranch)!;
      const sha = this.commits.has(at) ? at : this.refs.get(`refs/heads/${at}`);
      const c = sha ? this.commits.get(sha) : undefined;
      const p = decodeURIComponent(g[1]!);
      const blob = c ? this.trees.get(c.tree)!.get(p) : undefined;
      if (!blob) return notFound;
      return { status: 200, body: { type: 'file', path: p, sha: blob, encoding: 'base64', content: this.blobs.get(blob)!.toString('base64') } };
    }
    if (req.method === 'GET' && rest === '/pulls') {
      const head = req.query.get('head');
      const base = req.query.get('base');
      const state = req.query.get('state') ?? 'open';
      const list = this.pulls.filter(
        (p) => (state === 'all' || p.state === state) && (!head || `${this.owner}:${p.head}` === head) && (!base || p.base === base),
      );
      return { status: 200, body: list.map((p) => this.pullJson(p)) };
    }
    if (req.method === 'POST' && rest === '/pulls') {
      const head = String(body.head);
      if (!this.refs.has(`refs/heads/${head}`)) return { status: 422, body: { message: 'Validation Failed', errors: [{ field: 'head', code: 'invalid' }] } };
      if (this.pulls.some((p) => p.state === 'open' && p.head === head && p.base === body.base)) {
        return { status: 422, body: { message: `A pull request already exists for ${this.owner}:${head}.` } };
      }
      const pr: FakePull = { number: 100 + this.pulls.length, head, base: String(body.base), title: String(body.title), body: String(body.body ?? ''), state: 'open' };
      this.pulls.push(pr);
      return { status: 201, body: this.pullJson(pr) };
    }
    if (req.method === 'GET' && (g = m(/^\/pulls\/(\d+)\/files$/))) {
      const files = this.pullFiles.get(Number(g[1]));
      if (!files) return notFound;
      return { status: 200, body: files.map((filename) => ({ filename, status: 'modified', additions: 1, deletions: 0, changes: 1 })) };
    }
    if (req.method === 'PATCH' && (g = m(/^\/pulls\/(\d+)$/))) {
      const pr = this.pulls.find((p) => p.number === Number(g![1]));
      if (!pr) return notFound;
      if (typeof body.title === 'string') pr.title = body.title;
      if (typeof body.body === 'string') pr.body = body.body;
      return { status: 200, body: this.pullJson(pr) };
    }
    return undefined;
  };
}

interface CommitInput {
  branch: { repositoryNameWithOwner: string; branchName: string };
  message: { headline: string; body?: string };
  expectedHeadOid: string;
  fileChanges: { additions?: Array<{ path: string; contents: string }>; deletions?: Array<{ path: string }> };
}

const GIT_ROUTES: Array<[string, string]> = [
  ['POST', '/graphql'],
  ['GET', '/repos/:owner/:repo'],
  ['GET', '/repos/:owner/:repo/git/ref/:ref'],
  ['POST', '/repos/:owner/:repo/git/refs'],
  ['PATCH', '/repos/:owner/:repo/git/refs/:ref'],
  ['GET', '/repos/:owner/:repo/git/commits/:sha'],
  ['POST', '/repos/:owner/:repo/git/blobs'],
  ['POST', '/repos/:owner/:repo/git/trees'],
  ['POST', '/repos/:owner/:repo/git/commits'],
  ['GET', '/repos/:owner/:repo/contents/:path'],
  ['GET', '/repos/:owner/:repo/pulls'],
  ['POST', '/repos/:owner/:repo/pulls'],
  ['PATCH', '/repos/:owner/:repo/pulls/:number'],
  ['GET', '/repos/:owner/:repo/pulls/:number/files'],
];

/** Serves `repo`'s git routes from `gh` (Octokit sends `/` inside `{ref}` and `{path}` as %2F). */
export function installGitRoutes(gh: FakeGitHub, repo: FakeGitRepo): void {
  gh.repo(repo.owner, repo.repo);
  for (const [method, path] of GIT_ROUTES) {
    gh.route(method, path, (req) => repo.handle(req) ?? { status: 404, body: { message: 'Not Found' } });
  }
}
