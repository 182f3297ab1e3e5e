// Stale topics end to end: modules + git history → verdicts → (optionally) the issue plan → apply.
// Used by `odyssey stale` and by the action.
import type { Config } from '../core/config.js';
import type { Finding } from '../core/model.js';
import { utcDate } from '../core/stale/days.js';
import { moduleHistory } from '../core/stale/history.js';
import { planIssues } from '../core/stale/plan.js';
import type { ApplyResult, IssuePlan, StaleTopic, TopicVerdict } from '../core/stale/types.js';
import { judgeTopics } from '../core/stale/verdicts.js';
import { headSha, readModulesHistory } from '../io/git.js';
import { ownLogin } from '../io/identity.js';
import { webUrlFor, type GitHubClient } from '../io/github.js';
import { loadModules, type LoadedModules } from '../io/modules.js';
import { applyIssuePlan, listLabelledIssues } from '../io/stale-issues.js';

export interface RunStaleOptions {
  root: string;
  config: Config;
  /** The moment idle days are counted to (`--now`, or the clock). */
  now: Date;
  /** Modules already loaded this run (the action's sync step); read from disk when absent. */
  loaded?: LoadedModules;
  /** Present to reconcile GitHub issues; absent to only list stale topics. */
  issues?: {
    octokit: GitHubClient;
    owner: string;
    repo: string;
    /** Plan only: list the issues, write nothing. */
    dryRun: boolean;
    /** `GITHUB_SERVER_URL`: where links in issue bodies point; default derived from the client's API address. */
    webUrl?: string;
    /** The commit line links are pinned to; default the checkout's HEAD. */
    sha?: string;
    /** `GITHUB_GRAPHQL_URL`, to ask who the token is. */
    graphqlUrl?: string;
  };
}

export interface RunStaleResult {
  /** Longest idle first. */
  stale: StaleTopic[];
  /** Every topic's verdict (active, done, paused, todo, broken, unknown, stale). */
  topics: TopicVerdict[];
  /** Set when issues were asked for and the labelled issues could be listed. */
  plan?: IssuePlan;
  /** Set when the plan was carried out (not in a dry run). */
  applied?: ApplyResult;
  /** Status-block problems met while reading the modules. */
  findings: Finding[];
  /** What the user should know: fallbacks, skipped topics, issues left alone, writes skipped. */
  notes: string[];
}

export async function runStale(opts: RunStaleOptions): Promise<RunStaleResult> {
  const { root, config, now } = opts;
  const notes: string[] = [];
  const [{ modules, findings }, history] = await Promise.all([opts.loaded ?? loadModules(root, config), readModulesHistory(root, config.modules)]);
  const ids = new Set(modules.map((m) => m.id));
  const { lastChange, renamedTo } = moduleHistory(history.commits, config.modules, ids);
  const verdicts = judgeTopics(modules, { lastChange }, { days: config.stale.days, now });

  const fallback = verdicts.fromStatusBlock.length;
  if (!history.available) {
    notes.push(`no git history (${history.reason ?? 'unknown reason'}): last activity taken from each status block's newest date`);
  } else if (history.shallow && fallback > 0) {
    notes.push(
      `shallow clone: ${fallback} topic(s) dated from their status block's newest date, not from history; fetch the full history (actions/checkout with \`fetch-depth: 0\`) for exact dates`,
    );
  } else if (fallback > 0) {
    notes.push(`${fallback} topic(s) with no commit yet (${verdicts.fromStatusBlock.slice(0, 5).join(', ')}${fallback > 5 ? ', …' : ''}): dated from their status block`);
  }
  const unknown = verdicts.topics.filter((t) => t.verdict === 'unknown').map((t) => t.id);
  if (unknown.length > 0) notes.push(`${unknown.length} in-progress topic(s) with no date to go by (no commit, no \`started:\`): not judged (${unknown.join(', ')})`);
  const broken = verdicts.topics.filter((t) => t.verdict === 'broken').length;
  if (broken > 0) notes.push(`${broken} topic(s) with a broken status block: not judged (see odyssey sync)`);

  const result: RunStaleResult = { stale: verdicts.stale, topics: verdicts.topics, findings, notes };
  if (!opts.issues) return result;

  const { octokit, owner, repo, dryRun } = opts.issues;
  const label = config.stale.label;
  if (label.includes(',')) {
    notes.push(`stale.label '${label}' holds a comma, which GitHub reads as two labels: choose a label without one; issues skipped`);
    return result;
  }
  let existing;
  let self: string | null;
  try {
    self = await ownLogin(octokit, opts.issues.graphqlUrl);
    if (self === null) {
      notes.push(`could not learn which account the token belongs to (GraphQL viewer and GET /user both refused): issues skipped, so no issue someone else opened is ever taken for odyssey's`);
      return result;
    }
    existing = await listLabelledIssues(octokit, { owner, repo }, label);
  } catch (err) {
    const s = (err as { status?: number }).status;
    notes.push(`could not list the issues of ${owner}/${repo}${s ? ` (GitHub answered ${s})` : ''}: ${(err as Error).message}; issues skipped`);
    return result;
  }
  const webUrl = (opts.issues.webUrl ?? webUrlFor(octokit.request.endpoint.DEFAULTS.baseUrl)).replace(/\/+$/, '');
  const sha = opts.issues.sha ?? (await headSha(root)) ?? 'HEAD';
  const plan = planIssues({
    topics: verdicts.topics,
    stale: verdicts.stale,
    issues: existing,
    renamedTo,
    label,
    budget: config.stale.maxIssueOperations,
    self,
    text: { blobBase: `${webUrl}/${owner}/${repo}/blob/${sha}/${history.prefix.split('/').map(encodeURIComponent).join('/')}`, defaultDays: config.stale.days, today: utcDate(now.getTime()) },
  });
  result.plan = plan;
  for (const l of plan.left) notes.push(`${l.number ? `#${l.number}` : l.id}: ${l.reason}`);
  if (dryRun) {
    if (plan.deferred.length > 0) notes.push(`dry run: ${plan.deferred.length} operation(s) would be left for the next run (max-issue-operations: ${plan.budget})`);
    return result;
  }
  result.applied = await applyIssuePlan(octokit, { owner, repo }, plan, { self });
  notes.push(...result.applied.notes);
  return result;
}
