// Topic issues on GitHub: list the labelled ones, carry out a plan. The only place topic issues
// are written; a dry run never gets here.
import { topicMarkerId } from '../core/topics/issue-text.js';
import { sameAccount } from '../core/issues/same-body.js';
import { topicActionCost, type TopicAction, type TopicIssue, type TopicPlan } from '../core/topics/types.js';
import { createIssueOnce } from './create-issue.js';
import type { GitHubClient } from './github.js';
import { isPermissionError } from './permissions.js';
import { listLabelledIssues, type RepoRef } from './stale-issues.js';

export type { RepoRef };

/** The labelled issues, listed as the stale ones are (one paged listing), in the topics' shape. */
export async function listTopicIssues(octokit: GitHubClient, ref: RepoRef, label: string): Promise<TopicIssue[]> {
  const items = await listLabelledIssues(octokit, ref, label);
  return items.map((i) => ({
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    stateReason: i.stateReason ?? null,
    author: i.author ?? '',
    labels: i.labels ?? [],
  }));
}

export interface TopicOutcome {
  action: TopicAction;
  ok: boolean;
  number?: number;
  error?: string;
}

export interface TopicApplyResult {
  outcomes: TopicOutcome[];
  skipped: TopicAction[];
  writes: number;
  readOnly: boolean;
  notes: string[];
}

export async function applyTopicPlan(octokit: GitHubClient, ref: RepoRef, plan: TopicPlan, opts: { self: string; label: string }): Promise<TopicApplyResult> {
  const result: TopicApplyResult = { outcomes: [], skipped: [...plan.deferred], writes: 0, readOnly: false, notes: [] };
  let stop: string | null = null;
  const counted = (): void => {
    result.writes++;
  };
  for (const a of plan.actions) {
    if (stop !== null || result.writes + topicActionCost(a) > plan.budget) {
      result.skipped.push(a);
      continue;
    }
    try {
      result.outcomes.push({ action: a, ok: true, number: await carryOut(octokit, ref, a, opts, counted) });
    } catch (err) {
      if (isPermissionError(err)) {
        result.readOnly = true;
        stop = 'read-only token';
        result.skipped.push(a);
      } else if ((err as Error)?.name === 'GitHubTimeoutError' || (err as { status?: number })?.status === 401) {
        stop = (err as Error).message;
        result.skipped.push(a);
      } else result.outcomes.push({ action: a, ok: false, error: (err as Error)?.message ?? String(err) });
    }
  }
  const notDone = result.skipped.length - plan.deferred.length;
  if (result.readOnly) result.notes.push(`read-only token: skipped writes (issues); ${notDone} topic issue operation(s) not done. Give the workflow \`permissions: issues: write\`.`);
  else if (stop !== null) result.notes.push(`${stop}: ${notDone} topic issue operation(s) left for the next run`);
  if (plan.deferred.length > 0) result.notes.push(`${plan.deferred.length} topic issue operation(s) over max-issue-operations (${plan.budget}): left for the next run`);
  return result;
}

async function carryOut(octokit: GitHubClient, ref: RepoRef, a: TopicAction, opts: { self: string; label: string }, counted: () => void): Promise<number> {
  const write = async <T>(call: () => Promise<T>): Promise<T> => {
    counted();
    return call();
  };
  switch (a.kind) {
    case 'create': {
      const find = async () => {
        const all = await listTopicIssues(octokit, ref, opts.label);
        const hit = all.find((i) => topicMarkerId(i.body) === a.id && i.state === 'open' && sameAccount(i.author, opts.self));
        return hit ? { number: hit.number } : null;
      };
      return (await createIssueOnce(octokit, ref, { title: a.title, body: a.body, labels: a.labels }, find, counted)).number;
    }
    case 'update':
      await write(() => octokit.rest.issues.update({ ...ref, issue_number: a.number, title: a.title, body: a.body }));
      return a.number;
    case 'reopen':
      await write(() => octokit.rest.issues.update({ ...ref, issue_number: a.number, state: 'open', title: a.title, body: a.body }));
      return a.number;
    case 'close':
      await write(() => octokit.rest.issues.createComment({ ...ref, issue_number: a.number, body: a.comment }));
      await write(() => octokit.rest.issues.update({ ...ref, issue_number: a.number, state: 'closed', state_reason: a.reason, ...(a.body ? { body: a.body } : {}) }));
      return a.number;
    case 'stale':
      await write(() => octokit.rest.issues.addLabels({ ...ref, issue_number: a.number, labels: [a.label] }));
      await write(() => octokit.rest.issues.createComment({ ...ref, issue_number: a.number, body: a.comment }));
      return a.number;
    case 'unstale':
      await write(() => octokit.rest.issues.removeLabel({ ...ref, issue_number: a.number, name: a.label }));
      return a.number;
  }
}

export function describeTopicAction(a: TopicAction, verb: 'did' | 'would', number?: number): string {
  const w = verb === 'would';
  switch (a.kind) {
    case 'create':
      return `${w ? 'would open' : 'opened'} a topic issue for ${a.id}${number !== undefined && !w ? `: #${number}` : ''}`;
    case 'update':
      return `${w ? 'would update' : 'updated'} topic issue #${a.number} for ${a.id}`;
    case 'reopen':
      return `${w ? 'would reopen' : 'reopened'} topic issue #${a.number} for ${a.id}`;
    case 'close':
      return `${w ? 'would close' : 'closed'} topic issue #${a.number} for ${a.id} (${a.reason === 'completed' ? 'done' : 'module removed'})`;
    case 'stale':
      return `${w ? 'would mark' : 'marked'} topic issue #${a.number} for ${a.id} stale`;
    case 'unstale':
      return `${w ? 'would take' : 'took'} the stale label off topic issue #${a.number} for ${a.id}`;
  }
}
