// The table part of a run: rebuild in memory (the runner's working tree is not the commit), then
// save it as one commit through the API, a pull request, or only say what merging will change.
import path from 'node:path';
import type { Config } from '../core/config.js';
import type { Finding, Module } from '../core/model.js';
import { commitOnBranch, commitToPullRequest, short, type CommitClient, type CommitOutcome } from '../io/commit.js';
import type { WriteGate } from '../io/permissions.js';
import { runSync } from '../run/sync.js';
import type { RunContext } from './context.js';
import type { ActionPlan } from './events.js';
import type { ActionInputs } from './inputs.js';
import { describeTableChange } from './table-diff.js';

export const PROGRESS_BRANCH = 'odyssey/progress';

export interface SyncStepResult {
  modules: Module[];
  findings: Finding[];
  changedFiles: string[];
  tableChanges: string[];
  commitSha: string;
  written: string[];
  /** Shown as notices: the user should see them on the run page. */
  notices: string[];
}

export interface SyncStepInput {
  ctx: RunContext;
  inputs: ActionInputs;
  plan: ActionPlan;
  config: Config;
  root: string;
  /** The root's path inside the repository, '' or `sub/dir/`. */
  prefix: string;
  octokit: () => CommitClient | null;
  gate: WriteGate;
}

export async function syncStep(s: SyncStepInput): Promise<SyncStepResult> {
  const { ctx, inputs, plan, config } = s;
  const sync = await runSync({ root: s.root, config, check: true });
  const readme = sync.changes.find((c) => c.path === config.readme.split(path.sep).join('/'));
  const tableChanges = readme ? describeTableChange(readme.before ?? '', readme.after, config.modules) : [];
  const out: SyncStepResult = {
    modules: sync.modules,
    findings: sync.findings,
    changedFiles: sync.changes.map((c) => c.path),
    tableChanges: readme && tableChanges.length === 0 ? ['the table text changed (no row changed status)'] : tableChanges,
    commitSha: '',
    written: [],
    notices: [...sync.notes],
  };
  if (sync.changes.length === 0) return out;
  const files = sync.changes.map((c) => `${s.prefix}${c.path}`).join(', ');
  const words = out.tableChanges.slice(0, 5).join('; ') + (out.tableChanges.length > 5 ? `; and ${out.tableChanges.length - 5} more` : '');

  if (plan.pullRequest) {
    out.notices.push(`merging this pull request will update the progress table: ${words}`);
    out.written.push(`nothing written (pull request run): ${files} will be rebuilt on merge`);
    return out;
  }
  if (plan.sync !== 'commit' || !plan.branch) {
    out.written.push(`nothing written: ${files} ${files.includes(',') ? 'are' : 'is'} out of date; ${inputs.commit === 'off' ? 'commit: off' : 'a push to the default branch updates it'}`);
    return out;
  }
  if (inputs.dryRun) {
    out.written.push(`dry run: would ${plan.commitVia === 'pull-request' ? `push ${files} to ${PROGRESS_BRANCH} and open a pull request into ${plan.branch}` : `commit ${files} to ${plan.branch}`}`);
    return out;
  }
  const octokit = s.octokit();
  if (!octokit) {
    out.notices.push('no token: the table was rebuilt but not committed (give the `token` input)');
    return out;
  }
  const target = {
    owner: ctx.owner,
    repo: ctx.repo,
    branch: plan.branch,
    expectedHeadOid: ctx.sha,
    message: inputs.commitMessage,
    files: sync.changes.map((c) => ({ path: `${s.prefix}${c.path}`, after: c.after })),
    ...(ctx.graphqlUrl ? { graphqlUrl: ctx.graphqlUrl } : {}),
  };
  const area = plan.commitVia === 'pull-request' ? 'pull-requests' : 'contents';
  const gated = await s.gate.attempt(area, (): Promise<CommitOutcome> =>
    plan.commitVia === 'pull-request'
      ? commitToPullRequest(octokit, {
          ...target,
          headBranch: PROGRESS_BRANCH,
          title: 'Update the learning progress table',
          body: `Rebuilt by odyssey from the status blocks at ${ctx.sha}.\n\n${out.tableChanges.map((l) => `- ${l}`).join('\n')}\n`,
        })
      : commitOnBranch(octokit, target),
  );
  if (!gated.ok) {
    out.written.push(`nothing written: the token may not write ${gated.skipped}`);
    return out;
  }
  const o = gated.value;
  switch (o.kind) {
    case 'committed':
      out.commitSha = o.sha;
      out.written.push(`committed ${short(o.sha)} to ${plan.branch}: ${files}`);
      break;
    case 'already':
      out.commitSha = o.sha;
      out.written.push(`nothing written: ${plan.branch} already holds this table (${short(o.sha)})`);
      break;
    case 'moved':
      out.notices.push(o.message);
      out.written.push(`nothing written: ${o.message}`);
      break;
    case 'pull-request': {
      out.commitSha = o.sha;
      const what = o.created ? 'opened' : o.prUpdated || o.branchUpdated ? 'updated' : 'left as it was';
      out.written.push(`${o.branchUpdated ? `pushed ${short(o.sha)} to ${PROGRESS_BRANCH}; ` : ''}${what} pull request #${o.number} (${o.url})`);
      break;
    }
  }
  return out;
}
