// Topic issues on push (and on schedule): modules + the issues labelled `topic` → plan → apply.
import type { Config } from '../core/config.js';
import type { Module } from '../core/model.js';
import type { StaleTopic } from '../core/stale/types.js';
import { topicModule } from '../core/topics/from-module.js';
import { planTopicIssues } from '../core/topics/plan.js';
import type { StaleNotice, TopicPlan } from '../core/topics/types.js';
import { readRepoText } from '../io/files.js';
import { RepoReader } from '../io/reader.js';
import type { GitHubClient } from '../io/github.js';
import { ownLogin } from '../io/identity.js';
import { applyTopicPlan, listTopicIssues, type TopicApplyResult } from '../io/topic-issues.js';

export interface RunTopicsOptions {
  root: string;
  config: Config;
  modules: readonly Module[];
  /** Stale topics: their notice goes into their topic issue. */
  stale: readonly StaleTopic[];
  octokit: GitHubClient;
  owner: string;
  repo: string;
  /** `GITHUB_SERVER_URL`, without a trailing slash. */
  serverUrl: string;
  graphqlUrl?: string;
  /** The commit line links are pinned to. */
  sha: string;
  /** The root inside the repository, '' or `sub/dir/`. */
  prefix: string;
  dryRun: boolean;
}

export interface RunTopicsResult {
  plan?: TopicPlan;
  applied?: TopicApplyResult;
  notes: string[];
}

export async function runTopicIssues(o: RunTopicsOptions): Promise<RunTopicsResult> {
  const notes: string[] = [];
  const mode = o.config.issues.topics;
  if (mode === 'off') return { notes };
  const self = await ownLogin(o.octokit, o.graphqlUrl);
  if (self === null) {
    notes.push('could not learn which account the token belongs to: topic issues skipped, so no issue someone else opened is taken for odyssey\'s');
    return { notes };
  }
  const issues = await listTopicIssues(o.octokit, { owner: o.owner, repo: o.repo }, o.config.issues.label);
  const topics = [];
  const reader = new RepoReader(o.root);
  for (const m of o.modules) {
    let text = '';
    try {
      text = readRepoText(reader, m.file) ?? '';
    } catch {
      // A README odyssey may not read (a link out of the repository…) shows no tasks.
    }
    topics.push(topicModule(m, text));
  }
  const stale = new Map<string, StaleNotice>(o.stale.map((t) => [t.id, { lastActivity: t.lastActivity, lastActivityAt: t.lastActivityAt, threshold: t.threshold }]));
  const plan = planTopicIssues({
    mode,
    modules: topics,
    issues,
    self,
    label: o.config.issues.label,
    staleLabel: o.config.stale.label,
    stale,
    budget: o.config.stale.maxIssueOperations,
    text: { repoUrl: `${o.serverUrl}/${o.owner}/${o.repo}`, sha: o.sha, prefix: o.prefix },
  });
  for (const l of plan.left) notes.push(`${l.number ? `#${l.number}` : l.id}: ${l.reason}`);
  if (o.dryRun) return { plan, notes };
  const applied = await applyTopicPlan(o.octokit, { owner: o.owner, repo: o.repo }, plan, { self, label: o.config.issues.label });
  notes.push(...applied.notes);
  return { plan, applied, notes };
}
