// Saving the rebuilt table through the GitHub API, never with git: one commit based on the
// pushed SHA. `createCommitOnBranch` commits are signed by GitHub (verified, and allowed by
// branch rules that require signed commits); `expectedHeadOid` makes a moved branch a refusal
// instead of a lost update.
import { createHash } from 'node:crypto';
import type { Octokit } from '@octokit/core';

export type CommitClient = Pick<Octokit, 'request' | 'graphql'>;

export interface CommitFile {
  /** Root-relative to the repository, `/`-separated. */
  path: string;
  after: string;
}

export interface CommitTarget {
  owner: string;
  repo: string;
  branch: string;
  /** The pushed SHA the change was computed from. */
  expectedHeadOid: string;
  message: string;
  files: CommitFile[];
  /** GITHUB_GRAPHQL_URL, when the run gives one (GitHub Enterprise). */
  graphqlUrl?: string;
}

export interface PullRequestTarget extends CommitTarget {
  /** The branch odyssey owns, e.g. `odyssey/progress`. */
  headBranch: string;
  title: string;
  body: string;
}

export type CommitOutcome =
  | { kind: 'committed'; sha: string; url?: string }
  /** The branch already holds this change on top of the pushed SHA (a rerun of the same push). */
  | { kind: 'already'; sha: string }
  | { kind: 'moved'; head: string | null; message: string }
  /** A branch rule (classic protection or a ruleset) refused the commit: GitHub's words in `message`. */
  | { kind: 'protected'; message: string }
  | { kind: 'pull-request'; sha: string; number: number; url: string; created: boolean; branchUpdated: boolean; prUpdated: boolean };

export const short = (sha: string): string => sha.slice(0, 7);

export function movedMessage(branch: string, from: string): string {
  return `${branch} moved on from ${short(from)}; the run for the newer push will update the table`;
}

/** The SHA git gives a file's content: lets a rerun see that the branch already holds it, without writing. */
export function gitBlobSha(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

const MUTATION = `mutation odysseyCommit($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid url } }
}`;

interface GraphqlishError {
  errors?: Array<{ type?: string; message?: string }>;
}

function isStaleData(err: unknown): boolean {
  const errors = (err as GraphqlishError)?.errors;
  return Array.isArray(errors) && errors.some((e) => e.type === 'STALE_DATA' || /expected branch to point to/i.test(e.message ?? ''));
}

/**
 * A refusal by a branch rule. Classic branch protection answers the mutation with an error of
 * type BRANCH_PROTECTION_RULE_VIOLATION ("protected branch 'main' check failed: At least 1
 * approving review is required…"); a ruleset with "Repository rule violations found …
 * Changes must be made through a pull request."; the REST ref API with 409/422 "Protected
 * branch update failed" / "Changes must be made through a pull request".
 */
export function branchRuleRefusal(err: unknown): string | null {
  const e = err as GraphqlishError & { status?: number; message?: string };
  const texts = [...(Array.isArray(e?.errors) ? e.errors : []).map((x) => ({ type: x.type, message: x.message ?? '' })), { type: undefined, message: e?.message ?? '' }];
  const rule = /protected branch|repository rule violation|changes must be made through a pull request|required status check|approving review is required/i;
  const hit = texts.find((t) => t.type === 'BRANCH_PROTECTION_RULE_VIOLATION' || rule.test(t.message));
  if (!hit) return null;
  return hit.message.replace(/^Request failed due to following response errors:\s*-?\s*/i, '').replace(/\s+/g, ' ').trim() || 'refused by a branch rule';
}

function splitMessage(message: string): { headline: string; body?: string } {
  const [headline = '', ...rest] = message.split('\n');
  const body = rest.join('\n').trim();
  return body ? { headline: headline.trim(), body } : { headline: headline.trim() };
}

async function headOf(octokit: CommitClient, owner: string, repo: string, branch: string): Promise<string | null> {
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { owner, repo, ref: `heads/${branch}` });
    return data.object.sha;
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null;
    throw err;
  }
}

/** True when `sha`'s first parent is `parent` and it holds every file as `files` say. */
async function holdsChange(octokit: CommitClient, t: Pick<CommitTarget, 'owner' | 'repo' | 'files'>, sha: string, parent: string): Promise<boolean> {
  const { data: commit } = await octokit.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { owner: t.owner, repo: t.repo, commit_sha: sha });
  if (commit.parents[0]?.sha !== parent) return false;
  for (const f of t.files) {
    try {
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', { owner: t.owner, repo: t.repo, path: f.path, ref: sha });
      if (Array.isArray(data) || data.sha !== gitBlobSha(f.after)) return false;
    } catch (err) {
      if ((err as { status?: number }).status === 404) return false;
      throw err;
    }
  }
  return true;
}

/** Where the branch is now, read after a refusal or before a write: ours already, or moved on. */
async function settle(octokit: CommitClient, t: CommitTarget, head: string | null): Promise<CommitOutcome> {
  if (head !== null && (await holdsChange(octokit, t, head, t.expectedHeadOid))) return { kind: 'already', sha: head };
  return { kind: 'moved', head, message: movedMessage(t.branch, t.expectedHeadOid) };
}

/** One signed commit on `branch`, on top of `expectedHeadOid`; no commit when the branch moved. */
export async function commitOnBranch(octokit: CommitClient, t: CommitTarget): Promise<CommitOutcome> {
  const head = await headOf(octokit, t.owner, t.repo, t.branch);
  if (head !== t.expectedHeadOid) return settle(octokit, t, head);
  const input = {
    branch: { repositoryNameWithOwner: `${t.owner}/${t.repo}`, branchName: t.branch },
    message: splitMessage(t.message),
    expectedHeadOid: t.expectedHeadOid,
    fileChanges: { additions: t.files.map((f) => ({ path: f.path, contents: Buffer.from(f.after, 'utf8').toString('base64') })) },
  };
  try {
    // `url` is only accepted in the object form (as a string query's option it reads as a variable).
    const res = await octokit.graphql<{ createCommitOnBranch: { commit: { oid: string; url: string } } }>({
      query: MUTATION,
      input,
      ...(t.graphqlUrl ? { url: t.graphqlUrl } : {}),
    });
    return { kind: 'committed', sha: res.createCommitOnBranch.commit.oid, url: res.createCommitOnBranch.commit.url };
  } catch (err) {
    const refusal = branchRuleRefusal(err);
    if (refusal !== null) return { kind: 'protected', message: refusal };
    // A retried request whose first attempt landed also ends here: settle tells the two apart.
    if (!isStaleData(err)) throw err;
    return settle(octokit, t, await headOf(octokit, t.owner, t.repo, t.branch));
  }
}

/**
 * The change on `headBranch` (one commit on top of the pushed SHA, force-moved there) and one
 * open pull request into `branch`, opened or updated. A rerun that finds both as they should be
 * writes nothing.
 */
export async function commitToPullRequest(octokit: CommitClient, t: PullRequestTarget): Promise<CommitOutcome> {
  const { owner, repo } = t;
  const base = await headOf(octokit, owner, repo, t.branch);
  if (base !== t.expectedHeadOid) return { kind: 'moved', head: base, message: movedMessage(t.branch, t.expectedHeadOid) };

  const current = await headOf(octokit, owner, repo, t.headBranch);
  let sha = current;
  let branchUpdated = false;
  if (current === null || !(await holdsChange(octokit, t, current, t.expectedHeadOid))) {
    const { data: baseCommit } = await octokit.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', { owner, repo, commit_sha: t.expectedHeadOid });
    const tree = [];
    for (const f of t.files) {
      const { data: blob } = await octokit.request('POST /repos/{owner}/{repo}/git/blobs', {
        owner,
        repo,
        content: Buffer.from(f.after, 'utf8').toString('base64'),
        encoding: 'base64',
      });
      tree.push({ path: f.path, mode: '100644' as const, type: 'blob' as const, sha: blob.sha });
    }
    const { data: newTree } = await octokit.request('POST /repos/{owner}/{repo}/git/trees', { owner, repo, base_tree: baseCommit.tree.sha, tree });
    const { data: commit } = await octokit.request('POST /repos/{owner}/{repo}/git/commits', {
      owner,
      repo,
      message: t.message,
      tree: newTree.sha,
      parents: [t.expectedHeadOid],
    });
    sha = commit.sha;
    if (current === null) {
      await octokit.request('POST /repos/{owner}/{repo}/git/refs', { owner, repo, ref: `refs/heads/${t.headBranch}`, sha });
    } else {
      await octokit.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', { owner, repo, ref: `heads/${t.headBranch}`, sha, force: true });
    }
    branchUpdated = true;
  }

  const { data: open } = await octokit.request('GET /repos/{owner}/{repo}/pulls', { owner, repo, state: 'open', head: `${owner}:${t.headBranch}`, base: t.branch });
  const existing = open[0];
  if (existing) {
    const prUpdated = existing.title !== t.title || (existing.body ?? '') !== t.body;
    if (prUpdated) await octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', { owner, repo, pull_number: existing.number, title: t.title, body: t.body });
    return { kind: 'pull-request', sha: sha!, number: existing.number, url: existing.html_url, created: false, branchUpdated, prUpdated };
  }
  const { data: pr } = await octokit.request('POST /repos/{owner}/{repo}/pulls', { owner, repo, title: t.title, body: t.body, head: t.headBranch, base: t.branch });
  return { kind: 'pull-request', sha: sha!, number: pr.number, url: pr.html_url, created: true, branchUpdated, prUpdated: false };
}
