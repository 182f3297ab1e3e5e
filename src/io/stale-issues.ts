// Carries out an issue plan on GitHub. The only place stale-topic issues are written: a dry run
// never gets here.
import { actionCost, type ActionOutcome, type ApplyResult, type ExistingIssue, type IssueAction, type IssuePlan } from '../core/stale/types.js';
import { sameAccount } from '../core/issues/same-body.js';
import { markerId } from '../core/stale/issue-text.js';
import { createIssueOnce } from './create-issue.js';
import type { GitHubClient } from './github.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

const LABEL_COLOR = 'c5def5';
const LABEL_DESCRIPTION = 'A topic marked in progress with no recent activity (filed by odyssey)';

/**
 * Every issue carrying `label`, open and closed, in as few reads as GitHub allows
 * (100 a page). Pull requests, which the issues API also returns, are left out.
 */
export async function listLabelledIssues(octokit: GitHubClient, ref: RepoRef, label: string): Promise<ExistingIssue[]> {
  const items = await octokit.paginate(octokit.rest.issues.listForRepo, {
    ...ref,
    labels: label,
    state: 'all',
    per_page: 100,
  });
  const out: ExistingIssue[] = [];
  for (const i of items) {
    if (i.pull_request) continue;
    out.push({
      number: i.number,
      title: i.title,
      body: i.body ?? '',
      state: i.state === 'closed' ? 'closed' : 'open',
      stateReason: i.state_reason ?? null,
      htmlUrl: i.html_url,
      ...(i.user?.login ? { author: i.user.login } : {}),
      labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
    });
  }
  return out;
}

type Stop = { readOnly: true; message: string } | { readOnly: false; message: string };

export async function applyIssuePlan(octokit: GitHubClient, ref: RepoRef, plan: IssuePlan, opts: { self?: string } = {}): Promise<ApplyResult> {
  const result: ApplyResult = { outcomes: [], skipped: [...plan.deferred], labelCreated: false, writes: 0, readOnly: false, notes: [] };
  let stop: Stop | null = null;
  const write = async <T>(call: () => Promise<T>): Promise<T> => {
    result.writes++;
    return call();
  };

  if (plan.ensureLabel && plan.actions.some((a) => a.kind === 'create')) {
    try {
      result.labelCreated = await ensureLabel(octokit, ref, plan.label, () => (result.writes < plan.budget ? write : null));
    } catch (err) {
      stop = stopFor(err);
      if (!stop) result.notes.push(`could not create the label '${plan.label}': ${describe(err)}`);
    }
  }

  for (const action of plan.actions) {
    if (stop) {
      result.skipped.push(action);
      continue;
    }
    if (result.writes + actionCost(action) > plan.budget) {
      result.skipped.push(action);
      continue;
    }
    try {
      result.outcomes.push(await carryOut(octokit, ref, plan.label, action, write, opts.self, () => result.writes++));
    } catch (err) {
      stop = stopFor(err);
      if (stop) result.skipped.push(action);
      else result.outcomes.push({ action, ok: false, error: describe(err) });
    }
  }

  if (stop?.readOnly) {
    result.readOnly = true;
    result.notes.push(`read-only token: skipped writes (issues): ${stop.message}; ${result.skipped.length - plan.deferred.length} operation(s) not done. Give the workflow \`permissions: issues: write\`.`);
  } else if (stop) {
    result.notes.push(`${stop.message}: ${result.skipped.length - plan.deferred.length} operation(s) left for the next run`);
  }
  if (plan.deferred.length > 0) {
    result.notes.push(`${plan.deferred.length} issue operation(s) over max-issue-operations (${plan.budget}): left for the next run`);
  }
  const failed = result.outcomes.filter((o) => !o.ok).length;
  if (failed > 0) result.notes.push(`${failed} issue operation(s) failed (see above); the next run tries again`);
  return result;
}

async function carryOut(
  octokit: GitHubClient,
  ref: RepoRef,
  label: string,
  a: IssueAction,
  write: <T>(call: () => Promise<T>) => Promise<T>,
  self: string | undefined,
  counted: () => void,
): Promise<ActionOutcome> {
  switch (a.kind) {
    case 'create': {
      // Never a blind retry: a lost reply is followed by a look-up of the marker.
      const find = async () => {
        const all = await listLabelledIssues(octokit, ref, label);
        const hit = all.find((i) => markerId(i.body) === a.id && i.state === 'open' && (self === undefined || sameAccount(i.author, self)));
        return hit ? { number: hit.number, ...(hit.htmlUrl ? { url: hit.htmlUrl } : {}) } : null;
      };
      const made = await createIssueOnce(octokit, ref, { title: a.title, body: a.body, labels: [label] }, find, counted);
      return { action: a, ok: true, number: made.number, ...(made.url ? { url: made.url } : {}) };
    }
    case 'update': {
      const { data } = await write(() => octokit.rest.issues.update({ ...ref, issue_number: a.number, title: a.title, body: a.body }));
      return { action: a, ok: true, number: data.number, url: data.html_url };
    }
    case 'reopen': {
      const { data } = await write(() => octokit.rest.issues.update({ ...ref, issue_number: a.number, state: 'open', title: a.title, body: a.body }));
      return { action: a, ok: true, number: data.number, url: data.html_url };
    }
    case 'close': {
      await write(() => octokit.rest.issues.createComment({ ...ref, issue_number: a.number, body: a.comment }));
      const { data } = await write(() =>
        octokit.rest.issues.update({ ...ref, issue_number: a.number, state: 'closed', state_reason: 'completed' }),
      );
      return { action: a, ok: true, number: data.number, url: data.html_url };
    }
  }
}

/** True when it created the label. One read; one write only when the label is missing. */
async function ensureLabel(
  octokit: GitHubClient,
  ref: RepoRef,
  name: string,
  writer: () => (<T>(call: () => Promise<T>) => Promise<T>) | null,
): Promise<boolean> {
  try {
    await octokit.rest.issues.getLabel({ ...ref, name });
    return false;
  } catch (err) {
    if (status(err) !== 404) throw err;
  }
  const write = writer();
  if (!write) return false;
  try {
    await write(() => octokit.rest.issues.createLabel({ ...ref, name, color: LABEL_COLOR, description: LABEL_DESCRIPTION }));
    return true;
  } catch (err) {
    // Someone made it between our read and our write: that is what we wanted.
    if (status(err) === 422 && /already_exists/.test(JSON.stringify(data(err)))) return false;
    throw err;
  }
}

/** Errors after which no further write can succeed this run. */
function stopFor(err: unknown): Stop | null {
  if ((err as Error)?.name === 'GitHubTimeoutError') return { readOnly: false, message: (err as Error).message };
  const s = status(err);
  const msg = String((data(err) as { message?: unknown } | undefined)?.message ?? (err as Error)?.message ?? err);
  if (s === 403 && /rate limit/i.test(msg)) return { readOnly: false, message: 'GitHub rate limit still in force after retries' };
  if (s === 429) return { readOnly: false, message: 'GitHub rate limit still in force after retries' };
  if (s === 401) return { readOnly: false, message: `GitHub answered 401 "${msg}": check the token` };
  if (s === 403) return { readOnly: true, message: `GitHub answered 403 "${msg}"` };
  return null;
}

function describe(err: unknown): string {
  const s = status(err);
  const d = data(err) as { message?: string; errors?: Array<{ field?: string; code?: string; message?: string }> } | undefined;
  if (s && d?.message) {
    const details = (d.errors ?? []).map((e) => e.message ?? `${e.field ?? '?'}: ${e.code ?? '?'}`).join('; ');
    return `GitHub answered ${s} "${d.message}"${details ? ` (${details})` : ''}`;
  }
  return err instanceof Error ? err.message : String(err);
}

function status(err: unknown): number | undefined {
  const s = (err as { status?: unknown })?.status;
  return typeof s === 'number' ? s : undefined;
}

function data(err: unknown): unknown {
  return (err as { response?: { data?: unknown } })?.response?.data;
}
