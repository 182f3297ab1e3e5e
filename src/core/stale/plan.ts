// Desired state (the stale topics) against the issues that exist → what to write, as data.
import { sameAccount } from '../issues/same-body.js';
import { closeComment, issueBody, issueTitle, markerId, recordedActivity, sameText, type IssueTextContext } from './issue-text.js';
import { actionCost, type CloseReason, type ExistingIssue, type IssueAction, type IssuePlan, type LeftAlone, type StaleTopic, type TopicVerdict } from './types.js';

export interface PlanInput {
  /** Every topic's verdict (stale ones included). */
  topics: readonly TopicVerdict[];
  stale: readonly StaleTopic[];
  /** Every issue carrying the label, open and closed. */
  issues: readonly ExistingIssue[];
  /** Old topic id → its id now (folder renames). */
  renamedTo: ReadonlyMap<string, string>;
  label: string;
  /** `max-issue-operations`: writes this run may make. */
  budget: number;
  text: IssueTextContext;
  /** The token's own login: issues anyone else opened are left alone, marker or not. */
  self?: string;
}

const ORDER: Record<IssueAction['kind'], number> = { close: 0, reopen: 1, create: 2, update: 3 };

export function planIssues(input: PlanInput): IssuePlan {
  const left: LeftAlone[] = [];
  const unchanged: IssuePlan['unchanged'] = [];
  const byId = new Map<string, ExistingIssue>();
  const groups = new Map<string, ExistingIssue[]>();
  for (const issue of input.issues) {
    const id = markerId(issue.body);
    // Only the marker identifies our issues: a look-alike title written by a person is never touched.
    if (id === null) {
      left.push({ number: issue.number, reason: 'carries the label but no odyssey marker: left alone' });
      continue;
    }
    if (input.self !== undefined && !sameAccount(issue.author, input.self)) {
      left.push({ number: issue.number, reason: `opened by ${issue.author ?? 'someone else'}, not by odyssey (${input.self}): its marker is ignored` });
      continue;
    }
    const g = groups.get(id) ?? [];
    g.push(issue);
    groups.set(id, g);
  }
  for (const [id, g] of groups) {
    // The open one (the oldest when several) tracks the topic; else the latest closed one.
    const open = g.filter((i) => i.state === 'open').sort((a, b) => a.number - b.number);
    const primary = open[0] ?? [...g].sort((a, b) => b.number - a.number)[0]!;
    byId.set(id, primary);
    for (const other of g) {
      if (other !== primary) left.push({ id, number: other.number, reason: `duplicate marker: #${primary.number} tracks ${id}; left alone` });
    }
  }

  const verdicts = new Map(input.topics.map((t) => [t.id, t]));
  const actions: IssueAction[] = [];
  const staleIds = new Set(input.stale.map((t) => t.id));

  for (const t of input.stale) {
    const issue = byId.get(t.id);
    const renamedFrom = issue ? undefined : renamedFromIssue(t.id, input.renamedTo, byId);
    const title = issueTitle(t);
    const body = issueBody(t, input.text, renamedFrom);
    if (!issue) {
      actions.push({ kind: 'create', id: t.id, title, body, ...(renamedFrom ? { renamedFrom } : {}) });
    } else if (issue.state === 'open') {
      const changed: Array<'title' | 'body'> = [];
      if (issue.title !== title) changed.push('title');
      if (!sameText(issue.body, body)) changed.push('body');
      if (changed.length > 0) actions.push({ kind: 'update', id: t.id, number: issue.number, title, body, changed });
      else unchanged.push({ id: t.id, number: issue.number });
    } else if (recordedActivity(issue.body) === t.lastActivityAt) {
      // Closed while this same idle period went on: someone closed it by hand. Respect that.
      left.push({ id: t.id, number: issue.number, reason: `closed during this idle period (since ${t.lastActivity}): left closed; reopen it to be reminded again` });
    } else {
      actions.push({ kind: 'reopen', id: t.id, number: issue.number, title, body });
    }
  }

  for (const [id, issue] of byId) {
    if (staleIds.has(id) || issue.state !== 'open') continue;
    const v = verdicts.get(id);
    let reason: CloseReason;
    let newFolder: string | undefined;
    if (!v) {
      const now = currentId(id, input.renamedTo);
      const target = now === undefined ? undefined : verdicts.get(now);
      if (target) {
        reason = 'renamed';
        newFolder = target.file.replace(/[^/]*$/, '');
      } else reason = 'removed';
    } else if (v.verdict === 'broken' || v.verdict === 'unknown') {
      left.push({
        id,
        number: issue.number,
        reason: v.verdict === 'broken' ? 'its status block has an error: left open until it is fixed' : 'no date for its last activity: left open',
      });
      continue;
    } else if (v.verdict === 'stale') continue;
    else reason = v.verdict;
    actions.push({ kind: 'close', id, number: issue.number, reason, comment: closeComment(reason, v, id, newFolder) });
  }

  actions.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || (a.kind === 'create' ? 0 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return withinBudget(actions, input.issues.length === 0, input.label, input.budget, left, unchanged);
}

function withinBudget(
  all: IssueAction[],
  labelMayBeMissing: boolean,
  label: string,
  budget: number,
  left: LeftAlone[],
  unchanged: IssuePlan['unchanged'],
): IssuePlan {
  const needsLabel = labelMayBeMissing && all.some((a) => a.kind === 'create');
  let writes = needsLabel ? 1 : 0;
  const actions: IssueAction[] = [];
  const deferred: IssueAction[] = [];
  for (const a of all) {
    // In order: the first that does not fit and all after it wait for the next run.
    if (deferred.length === 0 && writes + actionCost(a) <= budget) {
      actions.push(a);
      writes += actionCost(a);
    } else deferred.push(a);
  }
  const ensureLabel = needsLabel && actions.some((a) => a.kind === 'create');
  if (needsLabel && !ensureLabel) writes -= 1;
  return { label, ensureLabel, actions, deferred, left, unchanged, budget, writes };
}

function currentId(id: string, renamedTo: ReadonlyMap<string, string>): string | undefined {
  return renamedTo.get(id);
}

function renamedFromIssue(
  id: string,
  renamedTo: ReadonlyMap<string, string>,
  byId: ReadonlyMap<string, ExistingIssue>,
): { id: string; number: number } | undefined {
  for (const [old, now] of renamedTo) {
    const issue = now === id ? byId.get(old) : undefined;
    if (issue) return { id: old, number: issue.number };
  }
  return undefined;
}
