// Modules + the issues labelled `topic` → what to write, as data. Only issues odyssey opened
// (author is the token's own account, marker present) — or the issue a README names in its
// `issue:` field — are ever touched; a marker copied into someone else's issue is left alone.
import { sameAccount, sameBody } from '../issues/same-body.js';
import { doneComment, removedComment, staleComment, topicBody, topicMarkerId, topicTitle } from './issue-text.js';
import { topicActionCost, type StaleNotice, type TopicAction, type TopicIssue, type TopicIssueMode, type TopicModule, type TopicPlan, type TopicTextContext } from './types.js';

export interface TopicPlanInput {
  mode: Exclude<TopicIssueMode, 'off'>;
  modules: readonly TopicModule[];
  issues: readonly TopicIssue[];
  /** The token's own login: the author of every issue odyssey opened. */
  self: string;
  label: string;
  staleLabel: string;
  /** Stale topics (id → notice): their notice lives in their topic issue. */
  stale: ReadonlyMap<string, StaleNotice>;
  budget: number;
  text: TopicTextContext;
}

const ORDER: Record<TopicAction['kind'], number> = { close: 0, reopen: 1, create: 2, update: 3, stale: 4, unstale: 5 };

/** Whether this issue is one odyssey may manage for topic `id`. */
export function trusted(issue: Pick<TopicIssue, 'author' | 'number'>, self: string, module: Pick<TopicModule, 'issue'> | undefined): boolean {
  return sameAccount(issue.author, self) || (module?.issue !== undefined && module.issue === issue.number);
}

export function planTopicIssues(input: TopicPlanInput): TopicPlan {
  const left: TopicPlan['left'] = [];
  const unchanged: TopicPlan['unchanged'] = [];
  const modules = new Map(input.modules.map((m) => [m.id, m]));
  const groups = new Map<string, TopicIssue[]>();
  for (const issue of input.issues) {
    const id = topicMarkerId(issue.body);
    if (id === null) {
      left.push({ number: issue.number, reason: 'carries the label but no odyssey marker: left alone' });
      continue;
    }
    if (!trusted(issue, input.self, modules.get(id))) {
      left.push({ number: issue.number, id, reason: `opened by ${issue.author}, not by odyssey (${input.self}): its marker is ignored` });
      continue;
    }
    const g = groups.get(id) ?? [];
    g.push(issue);
    groups.set(id, g);
  }
  const byId = new Map<string, TopicIssue>();
  for (const [id, g] of groups) {
    const named = modules.get(id)?.issue;
    const open = g.filter((i) => i.state === 'open').sort((a, b) => a.number - b.number);
    const primary = g.find((i) => i.number === named) ?? open[0] ?? [...g].sort((a, b) => b.number - a.number)[0]!;
    byId.set(id, primary);
    for (const other of g) if (other !== primary) left.push({ id, number: other.number, reason: `duplicate marker: #${primary.number} tracks ${id}; left alone` });
  }

  const inScope = (m: TopicModule): boolean =>
    m.status === 'in-progress' || m.status === 'paused' || (input.mode === 'all' && m.status === 'todo');
  const actions: TopicAction[] = [];
  for (const m of input.modules) {
    const issue = byId.get(m.id);
    if (m.status === null) {
      if (issue) left.push({ id: m.id, number: issue.number, reason: 'its status block has an error: left as it is until it is fixed' });
      continue;
    }
    const stale = input.stale.get(m.id);
    const title = topicTitle(m);
    const body = topicBody(m, input.text, stale);
    const hasStaleLabel = issue?.labels.some((l) => l.toLowerCase() === input.staleLabel.toLowerCase()) ?? false;
    if (m.status === 'done') {
      if (issue?.state === 'open') actions.push({ kind: 'close', id: m.id, number: issue.number, reason: 'completed', comment: doneComment(), body });
      continue;
    }
    if (!issue) {
      if (inScope(m)) actions.push({ kind: 'create', id: m.id, title, body, labels: stale ? [input.label, input.staleLabel] : [input.label] });
      continue;
    }
    if (issue.state === 'closed') {
      if (!inScope(m)) continue;
      if (issue.stateReason === 'not_planned') {
        left.push({ id: m.id, number: issue.number, reason: 'closed as not planned by a person: left closed; reopen it to track the topic again' });
        continue;
      }
      actions.push({ kind: 'reopen', id: m.id, number: issue.number, title, body });
    } else if (issue.title !== title || !sameBody(issue.body, body)) {
      actions.push({ kind: 'update', id: m.id, number: issue.number, title, body });
    } else unchanged.push({ id: m.id, number: issue.number });
    if (stale && !hasStaleLabel) actions.push({ kind: 'stale', id: m.id, number: issue.number, label: input.staleLabel, comment: staleComment(m, stale) });
    if (!stale && hasStaleLabel) actions.push({ kind: 'unstale', id: m.id, number: issue.number, label: input.staleLabel });
  }
  for (const [id, issue] of byId) {
    if (modules.has(id) || issue.state !== 'open') continue;
    actions.push({ kind: 'close', id, number: issue.number, reason: 'not_planned', comment: removedComment(id) });
  }
  actions.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  let writes = 0;
  const within: TopicAction[] = [];
  const deferred: TopicAction[] = [];
  for (const a of actions) {
    if (deferred.length === 0 && writes + topicActionCost(a) <= input.budget) {
      within.push(a);
      writes += topicActionCost(a);
    } else deferred.push(a);
  }
  return { actions: within, deferred, left, unchanged, budget: input.budget, writes };
}
