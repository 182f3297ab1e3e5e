// Topic issues in the action: on push (and schedule) each active topic's issue mirrors its notes;
// on an `issues` event a ticked box becomes one commit. Both write nothing when nothing changed.
import type { Config } from '../core/config.js';
import type { Module } from '../core/model.js';
import type { StaleTopic } from '../core/stale/types.js';
import type { GitHubClient } from '../io/github.js';
import { ownLogin } from '../io/identity.js';
import { loadModules } from '../io/modules.js';
import type { WriteGate } from '../io/permissions.js';
import { describeTopicAction } from '../io/topic-issues.js';
import { runStale } from '../run/stale.js';
import { runTick, type IssueCommitOptions } from '../run/tick.js';
import { runTopicIssues } from '../run/topics.js';
import { runNewTopic } from '../run/new-topic.js';
import { NEW_TOPIC_LABEL } from '../core/topics/new-topic-form.js';
import type { IssueEvent, RunContext } from './context.js';

export interface TopicsStepResult {
  lines: string[];
  notes: string[];
}

interface StepInput {
  ctx: RunContext;
  config: Config;
  root: string;
  prefix: string;
  dryRun: boolean;
  octokit: () => GitHubClient | null;
  gate: WriteGate;
  modules?: Module[];
  /** Stale topics when the stale step already judged them. */
  stale?: StaleTopic[];
}

/** Push and schedule: one issue per active topic, mirroring its notes. */
export async function topicIssuesStep(s: StepInput): Promise<TopicsStepResult> {
  const out: TopicsStepResult = { lines: [], notes: [] };
  const octokit = s.octokit();
  if (!octokit) {
    out.notes.push('no token: topic issues not touched (give the `token` input)');
    return out;
  }
  // Judged on every run, so a stale topic's notice does not come and go with the event.
  const judged = s.stale && s.modules ? { stale: s.stale, modules: s.modules } : await judge(s);
  const r = await runTopicIssues({
    root: s.root,
    config: s.config,
    modules: judged.modules,
    stale: judged.stale,
    octokit,
    owner: s.ctx.owner,
    repo: s.ctx.repo,
    serverUrl: s.ctx.serverUrl,
    ...(s.ctx.graphqlUrl ? { graphqlUrl: s.ctx.graphqlUrl } : {}),
    sha: s.ctx.sha,
    prefix: s.prefix,
    dryRun: s.dryRun,
  });
  out.notes.push(...r.notes.filter((n) => !n.startsWith('read-only token')));
  if (r.applied?.readOnly) s.gate.refuse('issues');
  if (r.applied) {
    for (const o of r.applied.outcomes) out.lines.push(o.ok ? describeTopicAction(o.action, 'did', o.number) : `failed: ${describeTopicAction(o.action, 'would')}: ${o.error}`);
  } else if (r.plan) {
    for (const a of r.plan.actions) out.lines.push(`dry run: ${describeTopicAction(a, 'would')}`);
  }
  for (const u of r.plan?.unchanged ?? []) out.lines.push(`topic issue #${u.number} for ${u.id} already says what it should`);
  return out;
}

async function judge(s: StepInput): Promise<{ stale: StaleTopic[]; modules: Module[] }> {
  const loaded = s.modules ? { modules: s.modules, findings: [] } : await loadModules(s.root, s.config);
  const res = await runStale({ root: s.root, config: s.config, now: new Date(), loaded });
  return { stale: res.stale, modules: loaded.modules };
}

/** `issues` events: a ticked box in a topic issue becomes one commit to its module README. */
export async function issueEventStep(s: StepInput): Promise<TopicsStepResult> {
  const out: TopicsStepResult = { lines: [], notes: [] };
  const ev = s.ctx.issueEvent;
  if (!ev) return out;
  if (ev.action === 'opened' && ev.labels.some((l) => l.toLowerCase() === NEW_TOPIC_LABEL)) return newTopicStep(s, ev);
  if (ev.action !== 'edited') {
    out.lines.push(`issues event \`${ev.action}\` on #${ev.number}: nothing for odyssey to do`);
    return out;
  }
  const octokit = s.octokit();
  if (!octokit) {
    out.notes.push('no token: a ticked box cannot be committed (give the `token` input)');
    return out;
  }
  const self = await ownLogin(octokit, s.ctx.graphqlUrl);
  if (self === null) {
    out.notes.push('could not learn which account the token belongs to: the issue is not trusted, nothing changed');
    return out;
  }
  return commitFromIssue(s, octokit, out, (base) =>
    runTick({
      ...base,
      self,
      event: { number: ev.number, body: ev.body, ...(ev.bodyBefore !== undefined ? { bodyBefore: ev.bodyBefore } : {}), author: ev.author, sender: ev.sender },
    }),
  );
}

/** `issues` `opened` with the `new-topic` label: a collaborator's form becomes a module and its topic issue. */
async function newTopicStep(s: StepInput, ev: IssueEvent): Promise<TopicsStepResult> {
  const out: TopicsStepResult = { lines: [], notes: [] };
  const octokit = s.octokit();
  if (!octokit) {
    out.notes.push('no token: a new-topic issue cannot become a topic (give the `token` input)');
    return out;
  }
  return commitFromIssue(s, octokit, out, (base) =>
    runNewTopic({ ...base, serverUrl: s.ctx.serverUrl, event: { number: ev.number, body: ev.body, author: ev.author, labels: ev.labels } }),
  );
}

/**
 * What both commits from an issue event (a tick, a new topic) share: the branch, the checkout,
 * and the write behind the contents gate, so a read-only token is said once, the same way.
 */
async function commitFromIssue(
  s: StepInput,
  octokit: GitHubClient,
  out: TopicsStepResult,
  commit: (base: IssueCommitOptions) => Promise<{ lines: string[] }>,
): Promise<TopicsStepResult> {
  const branch = s.ctx.defaultBranch ?? (await octokit.rest.repos.get({ owner: s.ctx.owner, repo: s.ctx.repo })).data.default_branch;
  const base: IssueCommitOptions = {
    root: s.root,
    config: s.config,
    octokit,
    owner: s.ctx.owner,
    repo: s.ctx.repo,
    branch,
    checkoutSha: s.ctx.sha,
    prefix: s.prefix,
    dryRun: s.dryRun,
    ...(s.ctx.graphqlUrl ? { graphqlUrl: s.ctx.graphqlUrl } : {}),
  };
  const gated = await s.gate.attempt('contents', () => commit(base));
  if (!gated.ok) {
    out.lines.push(`nothing written: the token may not write ${gated.skipped}`);
    return out;
  }
  out.lines.push(...gated.value.lines);
  return out;
}
