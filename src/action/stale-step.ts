// The stale-topic part of a run: list the topics, and reconcile their issues when a token is there.
import type { Config } from '../core/config.js';
import type { IssueAction } from '../core/stale/types.js';
import type { GitHubClient } from '../io/github.js';
import type { WriteGate } from '../io/permissions.js';
import { runStale } from '../run/stale.js';
import type { RunContext } from './context.js';
import type { SummaryStaleTopic } from './summary.js';
import type { LoadedModules } from '../io/modules.js';

export interface StaleStepResult {
  stale: SummaryStaleTopic[];
  issues: string[];
  notes: string[];
}

function describeAction(a: IssueAction, verb: 'did' | 'would'): string {
  const would = verb === 'would';
  switch (a.kind) {
    case 'create':
      return `${would ? 'would open' : 'opened'} an issue for ${a.id}`;
    case 'update':
      return `${would ? 'would update' : 'updated'} #${a.number} for ${a.id} (${a.changed.join(', ')})`;
    case 'reopen':
      return `${would ? 'would reopen' : 'reopened'} #${a.number} for ${a.id}`;
    case 'close':
      return `${would ? 'would close' : 'closed'} #${a.number} for ${a.id} (${a.reason})`;
  }
}

export async function staleStep(s: {
  ctx: RunContext;
  config: Config;
  root: string;
  dryRun: boolean;
  octokit: () => GitHubClient | null;
  gate: WriteGate;
  now?: Date;
  /** The sync step's modules, so they are not read and parsed a second time. */
  loaded?: LoadedModules;
  /** False when topic issues are on: a stale topic's notice then lives in its topic issue. */
  issues?: boolean;
}): Promise<StaleStepResult> {
  const octokit = s.issues === false ? null : s.octokit();
  const res = await runStale({
    root: s.root,
    config: s.config,
    now: s.now ?? new Date(),
    ...(s.loaded ? { loaded: s.loaded } : {}),
    ...(octokit
      ? {
          issues: {
            octokit,
            owner: s.ctx.owner,
            repo: s.ctx.repo,
            dryRun: s.dryRun,
            webUrl: s.ctx.serverUrl,
            ...(s.ctx.sha ? { sha: s.ctx.sha } : {}),
            ...(s.ctx.graphqlUrl ? { graphqlUrl: s.ctx.graphqlUrl } : {}),
          },
        }
      : {}),
  });
  const issues: string[] = [];
  // The gate says "read-only token" once for the whole run; the runner's own line would repeat it.
  let notes = res.notes;
  if (res.applied?.readOnly) {
    s.gate.refuse('issues');
    notes = notes.filter((n) => !n.startsWith('read-only token'));
  }
  if (s.issues === false) notes = [...notes, 'topic issues are on: a stale topic\'s notice goes into its topic issue'];
  else if (!octokit) notes = [...notes, 'no token: stale topics listed, issues not touched (give the `token` input)'];
  if (res.applied) {
    for (const o of res.applied.outcomes) {
      const line = describeAction(o.action, 'did');
      issues.push(o.ok ? (o.action.kind === 'create' ? `${line}: #${o.number}` : line) : `failed: ${line.replace(/^\w+/, (v) => `to ${v}`)}: ${o.error}`);
    }
    if (res.applied.labelCreated) issues.push(`created the label \`${s.config.stale.label}\``);
  } else if (res.plan) {
    for (const a of res.plan.actions) issues.push(`dry run: ${describeAction(a, 'would')}`);
  }
  for (const u of res.plan?.unchanged ?? []) issues.push(`#${u.number} for ${u.id} already says what it should`);
  return {
    stale: res.stale.map((t) => ({ id: t.id, title: t.title, daysIdle: t.daysIdle, lastActivity: t.lastActivity })),
    issues,
    notes,
  };
}
