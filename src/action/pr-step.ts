// Links on a pull request (SPEC §8): judged against the pull request's base commit, fetched when a
// shallow checkout lacks it; certain fixes posted as one review of suggestions (at most one per
// head commit), or shown in the job summary when the token cannot write (a fork's pull request).
import { withCertainFixes, type FixReason } from '../core/change/certain-fix.js';
import { rightSideLines } from '../core/change/diff-lines.js';
import { buildReview, REVIEW_MARKER, suggestionsFrom, suggestionsMarkdown, type Suggestion } from '../core/change/review.js';
import type { Config } from '../core/config.js';
import type { Finding } from '../core/model.js';
import { readRepoText } from '../io/files.js';
import { RepoReader } from '../io/reader.js';
import { GitObjects } from '../io/git-objects.js';
import type { GitHubClient } from '../io/github.js';
import type { WriteGate } from '../io/permissions.js';
import { runCheckWithBase } from '../run/check-base.js';
import { runCheck, type FailOn } from '../run/check.js';
import type { RunContext } from './context.js';
import { info } from './log.js';
import type { PrFailOn } from './inputs.js';

export interface PrLinksInput {
  ctx: RunContext;
  config: Config;
  root: string;
  /** The root's path in the repository (`''` or `sub/dir/`): GitHub's paths start with it. */
  prefix: string;
  external: boolean;
  failOn: FailOn;
  prFailOn: PrFailOn;
}

export interface PrLinksResult {
  findings: Finding[];
  /** Null when the findings could not be judged against the base (every finding counts). */
  fixed: Finding[] | null;
  reasons: Map<Finding, FixReason>;
  notes: string[];
}

const short = (sha: string): string => sha.slice(0, 7);

/** Makes sure the base commit is here: a shallow checkout (fetch-depth: 1) lacks it. */
async function haveBase(git: GitObjects, sha: string): Promise<{ ok: true } | { ok: false; why: string }> {
  if (await git.commit(sha)) return { ok: true };
  info(`fetching the base commit ${short(sha)} (git fetch --depth=1 origin ${sha})`);
  const r = await git.fetchCommit(sha);
  if (r.ok && (await git.commit(sha))) return { ok: true };
  return { ok: false, why: r.message || 'git fetch failed' };
}

export async function pullRequestLinks(input: PrLinksInput): Promise<PrLinksResult> {
  const { ctx, config, root } = input;
  const opts = { root, config, external: input.external, failOn: input.failOn };
  const plain = async (note: string): Promise<PrLinksResult> => {
    const r = await runCheck(opts);
    const fixed = withCertainFixes(r.findings, { view: r.repo.view, renamed: new Map() });
    return { findings: fixed.findings, fixed: null, reasons: fixed.reasons, notes: [note] };
  };
  if (!ctx.baseSha) return plain('the event names no base commit: every link finding is judged, not only those this change brings');
  const git = new GitObjects(root);
  let have: Awaited<ReturnType<typeof haveBase>>;
  try {
    have = await haveBase(git, ctx.baseSha);
  } finally {
    git.close();
  }
  if (!have.ok) {
    return plain(
      `could not fetch the base commit ${short(ctx.baseSha)} (${have.why}): every link finding is judged, not only those this pull request brings. ` +
        'Give actions/checkout `fetch-depth: 0` so the base is in the clone.',
    );
  }
  const r = await runCheckWithBase({ ...opts, base: ctx.baseSha, prFailOn: input.prFailOn });
  return { findings: r.findings, fixed: r.fixed, reasons: r.fixReasons, notes: [] };
}

/** The texts of the files holding certain fixes (the suggestions quote whole lines). */
function textsOf(root: string, findings: readonly Finding[]): Map<string, string> {
  const texts = new Map<string, string>();
  const reader = new RepoReader(root);
  for (const f of findings) {
    if (!f.fix || texts.has(f.file)) continue;
    let t: string | null = null;
    try {
      t = readRepoText(reader, f.file);
    } catch {
      // A file odyssey may not rewrite gets no suggestion either.
    }
    if (t !== null) texts.set(f.file, t);
  }
  return texts;
}

export interface ReviewStepInput {
  ctx: RunContext;
  root: string;
  prefix: string;
  findings: Finding[];
  reasons: Map<Finding, FixReason>;
  octokit: GitHubClient | null;
  gate: WriteGate;
  dryRun: boolean;
}

export interface ReviewStepResult {
  suggestions: Suggestion[];
  /** Markdown for the job summary when the suggestions could not be posted (empty otherwise). */
  summary: string[];
  notes: string[];
}

/** Certain fixes → one review of suggestions on the pull request's head commit. */
export async function reviewStep(input: ReviewStepInput): Promise<ReviewStepResult> {
  const { ctx, octokit, prefix } = input;
  const texts = textsOf(input.root, input.findings);
  const suggestions = suggestionsFrom(input.findings, texts, input.reasons);
  const pathOf = (f: string): string => `${prefix}${f}`;
  const inSummary = (why: string): ReviewStepResult => ({ suggestions, summary: suggestionsMarkdown(suggestions, pathOf), notes: [why] });
  if (suggestions.length === 0) return { suggestions, summary: [], notes: [] };
  const n = suggestions.length;
  const what = `${n} suggested fix${n === 1 ? '' : 'es'}`;
  if (input.dryRun) return inSummary(`dry run: ${what} not posted as a review`);
  if (!octokit || ctx.pullNumber === undefined || !ctx.headSha) return inSummary(`${what} shown here: no token or pull request to post a review to`);
  if (ctx.fromFork) return inSummary(`${what} shown here: a pull request from a fork gets a read-only token, which cannot post a review`);
  const pull = { owner: ctx.owner, repo: ctx.repo, pull_number: ctx.pullNumber };
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { ...pull, per_page: 100 });
  if (reviews.some((r) => r.commit_id === ctx.headSha && (r.body ?? '').includes(REVIEW_MARKER))) {
    return { suggestions, summary: [], notes: [`the review with ${what} for ${short(ctx.headSha)} is already posted`] };
  }
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, { ...pull, per_page: 100 });
  const diffLines = new Map(files.map((f) => [f.filename, rightSideLines(f.patch)]));
  const review = buildReview(suggestions, (file, line) => diffLines.get(pathOf(file))?.has(line) === true, pathOf)!;
  const posted = await input.gate.attempt('pull-requests', () =>
    octokit.rest.pulls.createReview({ ...pull, commit_id: ctx.headSha!, event: 'COMMENT', body: review.body, comments: review.comments }),
  );
  if (!posted.ok) return inSummary(`${what} shown here: the token cannot post a review`);
  return { suggestions, summary: [], notes: [`posted one review with ${what} on ${short(ctx.headSha)}`] };
}
