// Pull request files (with their `patch`) and reviews for the fake GitHub API, kept apart from the
// issue and git routes so other helpers can extend those freely. Install after installGitRoutes:
// later routes win, so this one's `GET …/pulls/:number/files` (with patches) replaces the git one.
// Shapes and refusals follow GitHub's REST documentation (a review comment off the diff is a 422).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { notFound, paginate, validationFailed, type FakeGitHub } from './fake-github.js';

export interface FakePullFile {
  filename: string;
  status: 'added' | 'modified' | 'removed' | 'renamed';
  previous_filename?: string;
  patch?: string;
}

export interface FakeReviewComment {
  path: string;
  line: number;
  side: string;
  body: string;
}

export interface FakeReview {
  id: number;
  commit_id: string;
  body: string;
  state: string;
  comments: FakeReviewComment[];
}

export class FakePulls {
  readonly files = new Map<number, FakePullFile[]>();
  readonly reviews = new Map<number, FakeReview[]>();
}

function rightLines(patch: string | undefined): Set<number> {
  const out = new Set<number>();
  let line = 0;
  for (const l of (patch ?? '').split('\n')) {
    const h = /^@@ -\d+(?:,\d+)? \+(\d+)/.exec(l);
    if (h) line = Number(h[1]);
    else if (line > 0 && (l.startsWith('+') || l.startsWith(' '))) out.add(line++);
  }
  return out;
}

export function installPullRoutes(gh: FakeGitHub, owner: string, repo: string): FakePulls {
  const pulls = new FakePulls();
  const mine = (p: Record<string, string>) => p.owner?.toLowerCase() === owner.toLowerCase() && p.repo?.toLowerCase() === repo.toLowerCase();
  gh.route('GET', '/repos/:owner/:repo/pulls/:number/files', (req) => {
    const files = mine(req.params) ? pulls.files.get(Number(req.params.number)) : undefined;
    if (!files) return notFound();
    return paginate(gh, req, files.map((f) => ({ sha: '0'.repeat(40), additions: 1, deletions: 1, changes: 2, ...f })));
  });
  gh.route('GET', '/repos/:owner/:repo/pulls/:number/reviews', (req) => {
    if (!mine(req.params) || !pulls.files.has(Number(req.params.number))) return notFound();
    const list = pulls.reviews.get(Number(req.params.number)) ?? [];
    return paginate(gh, req, list.map((r) => ({ id: r.id, body: r.body, state: r.state, commit_id: r.commit_id, user: { login: 'github-actions[bot]' } })));
  });
  gh.route('POST', '/repos/:owner/:repo/pulls/:number/reviews', (req) => {
    const n = Number(req.params.number);
    const files = mine(req.params) ? pulls.files.get(n) : undefined;
    if (!files) return notFound();
    const b = (req.body ?? {}) as { commit_id?: string; body?: string; event?: string; comments?: FakeReviewComment[] };
    const comments = b.comments ?? [];
    if (b.event === 'COMMENT' && !b.body && comments.length === 0) return validationFailed('PullRequestReview', 'body', 'missing_field');
    for (const c of comments) {
      const f = files.find((x) => x.filename === c.path);
      if (!f || !rightLines(f.patch).has(c.line)) {
        return { status: 422, body: { message: 'Unprocessable Entity', errors: ['Pull request review thread line must be part of the diff'], documentation_url: 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request', status: '422' } };
      }
    }
    const review: FakeReview = { id: gh.newId(), commit_id: b.commit_id ?? '', body: b.body ?? '', state: b.event === 'COMMENT' ? 'COMMENTED' : 'PENDING', comments };
    pulls.reviews.set(n, [...(pulls.reviews.get(n) ?? []), review]);
    return { status: 200, body: { id: review.id, body: review.body, state: review.state, commit_id: review.commit_id } };
  });
  return pulls;
}

const run = promisify(execFile);

/** The pull request files API's answer for `base..head` in a real repository, patches included. */
export async function pullFilesFromGit(dir: string, base: string, head: string): Promise<FakePullFile[]> {
  const { stdout: names } = await run('git', ['diff', '--name-status', '-M', base, head], { cwd: dir });
  const out: FakePullFile[] = [];
  for (const line of names.trim().split('\n').filter(Boolean)) {
    const [status = '', a = '', b] = line.split('\t');
    const filename = b ?? a;
    const { stdout: diff } = await run('git', ['diff', '-M', base, head, '--', ...(b ? [a, b] : [a])], { cwd: dir });
    const at = diff.indexOf('\n@@');
    const patch = at === -1 ? undefined : diff.slice(at + 1).replace(/\n$/, '');
    const kind = status[0] === 'A' ? 'added' : status[0] === 'D' ? 'removed' : status[0] === 'R' ? 'renamed' : 'modified';
    out.push({ filename, status: kind, ...(b ? { previous_filename: a } : {}), ...(patch ? { patch } : {}) });
  }
  return out;
}
