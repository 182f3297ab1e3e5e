// The work of a run, once the inputs are read: config → table → links → stale topics → reports.
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from '@actions/core';
import { info } from './log.js';
import { compareFindings, type Finding, type Module } from '../core/model.js';
import { loadConfig } from '../io/config-file.js';
import { makeOctokit, type GitHubClient } from '../io/github.js';
import { WriteGate } from '../io/permissions.js';
import { runCheck } from '../run/check.js';
import { runHistory } from '../run/history.js';
import { runSite } from '../run/site.js';
import { journeyMarkdown } from '../core/history/index.js';
import type { Config } from '../core/config.js';
import { VERSION } from '../version.js';
import { annotationProperties, chooseAnnotations, moreInSummary } from './annotations.js';
import type { RunContext } from './context.js';
import { planRun } from './events.js';
import { pullRequestLinks, reviewStep, type PrLinksResult } from './pr-step.js';
import { renderPullRequestSection } from './pr-summary.js';
import { InputError, linkMode, mergeInputs, type ActionInputs } from './inputs.js';
import { reportPath, writeReport } from './report.js';
import { staleStep, type StaleStepResult } from './stale-step.js';
import { issueEventStep, topicIssuesStep } from './topics-step.js';
import { renderSummary } from './summary.js';
import { syncStep, type SyncStepResult } from './sync-step.js';

const quiet = (...parts: unknown[]): void => core.debug(parts.filter((p) => typeof p === 'string').join(' '));

async function defaultBranchOf(ctx: RunContext, octokit: GitHubClient | null): Promise<string | undefined> {
  if (ctx.defaultBranch || !octokit || !ctx.owner) return ctx.defaultBranch;
  try {
    const { data } = await octokit.rest.repos.get({ owner: ctx.owner, repo: ctx.repo });
    return data.default_branch;
  } catch (err) {
    info(`could not read the default branch of ${ctx.owner}/${ctx.repo}: ${(err as Error).message}`);
    return undefined;
  }
}

/** Everything after the inputs: loaded only once they are known good, so a bad input fails fast. */
export async function execute(env: NodeJS.ProcessEnv, inputs: ActionInputs, ctx: RunContext): Promise<void> {
  const root = path.resolve(ctx.workspace, inputs.root);
  const rel = path.relative(ctx.workspace, root).split(path.sep).join('/');
  if (rel.startsWith('..')) throw new InputError(`input \`root\` is "${inputs.root}": it must stay inside the workspace (${ctx.workspace})`);
  const prefix = rel === '' ? '' : `${rel}/`;
  const { config: fileConfig } = await loadConfig(root, inputs.config, ctx.workspace);
  const config = mergeInputs(fileConfig, inputs);

  let client: GitHubClient | null | undefined;
  const octokit = (): GitHubClient | null => {
    if (client === undefined) {
      client = inputs.token
        ? makeOctokit({
            token: inputs.token,
            baseUrl: ctx.apiUrl,
            env,
            ...(ctx.githubTimeoutMs ? { timeoutMs: ctx.githubTimeoutMs } : {}),
            // Octokit logs every request at info and every 4xx at error; the run reports what matters itself.
            log: { debug: quiet, info: quiet, warn: (m) => info(`GitHub: ${m}`), error: quiet },
          })
        : null;
    }
    return client;
  };
  const defaultBranch = inputs.sync && ctx.eventName === 'push' ? await defaultBranchOf(ctx, octokit()) : ctx.defaultBranch;
  const plan = planRun({ name: ctx.eventName, ref: ctx.ref, ...(defaultBranch ? { defaultBranch } : {}) }, inputs, linkMode(config, inputs));
  info(`event ${ctx.eventName || '(none)'} on ${ctx.ref || '(no ref)'}: sync ${plan.sync}, links ${plan.links}, stale topics ${plan.stale ? 'on' : 'off'}${inputs.dryRun ? ', dry run' : ''}`);
  const gate = new WriteGate();
  const notes = [...plan.notes];
  const notices: string[] = [];

  let sync: SyncStepResult | null = null;
  if (plan.sync !== 'off') {
    // One collapsible log group per step, so a long run's log reads as its steps.
    sync = await core.group('odyssey: progress table', async () => {
      const r = await syncStep({ ctx, inputs, plan, config, root, prefix, octokit, gate });
      info(`${r.modules.length} modules; ${r.changedFiles.length ? `out of date: ${r.changedFiles.join(', ')}` : 'the table is up to date'}`);
      for (const line of r.written) info(line);
      return r;
    });
    notices.push(...sync.notices);
  }

  let linkFindings: Finding[] = [];
  let pr: PrLinksResult | null = null;
  if (plan.links !== 'off' && plan.pullRequest) {
    // SPEC §8: judged by what the pull request changes.
    pr = await core.group(`odyssey: links (${plan.links}, against the base commit)`, () =>
      pullRequestLinks({ ctx, config, root, prefix, external: plan.links === 'external', failOn: inputs.failOn, prFailOn: inputs.prFailOn }),
    );
    linkFindings = pr.findings;
    notes.push(...pr.notes);
  } else if (plan.links !== 'off') {
    const check = await core.group(`odyssey: links (${plan.links})`, async () => {
      const r = await runCheck({ root, config, external: plan.links === 'external', failOn: inputs.failOn });
      info(`${r.counts.links ?? 0} links in ${r.counts.files ?? 0} files: ${r.counts.errors ?? 0} errors, ${r.counts.warnings ?? 0} warnings`);
      return r;
    });
    linkFindings = check.findings;
  }
  const review = pr ? await reviewStep({ ctx, root, prefix, findings: pr.findings, reasons: pr.reasons, octokit: octokit(), gate, dryRun: inputs.dryRun }) : null;
  if (review) notes.push(...review.notes);

  let stale: StaleStepResult | null = null;
  if (plan.stale) {
    const loaded = sync ? { loaded: { modules: sync.modules, findings: sync.findings } } : {};
    stale = await core.group('odyssey: stale topics', async () => {
      // With topic issues on, a stale topic's notice lives in its topic issue (SPEC §9).
      const r = await staleStep({ ctx, config, root, dryRun: inputs.dryRun, octokit, gate, issues: config.issues.topics === 'off', ...loaded });
      info(`${r.stale.length} stale topic${r.stale.length === 1 ? '' : 's'}`);
      for (const line of r.issues) info(line);
      return r;
    });
    notes.push(...stale.notes);
  }

  // Topic issues: mirrored on a push to the default branch and on stale runs; ticks on `issues` events.
  const topicLines: string[] = [];
  if (config.issues.topics !== 'off' && !plan.pullRequest) {
    const step = { ctx, config, root, prefix, dryRun: inputs.dryRun, octokit, gate, ...(sync ? { modules: sync.modules } : {}) };
    const onDefaultPush = ctx.eventName === 'push' && defaultBranch !== undefined && ctx.ref === `refs/heads/${defaultBranch}`;
    const t =
      ctx.eventName === 'issues'
        ? await core.group('odyssey: topic issues (issue event)', () => issueEventStep(step))
        : onDefaultPush || plan.stale
          ? await core.group('odyssey: topic issues', () => topicIssuesStep(step))
          : null;
    if (t) {
      for (const line of t.lines) info(line);
      topicLines.push(...t.lines);
      notes.push(...t.notes);
    }
  }

  const readOnly = gate.notice();
  if (readOnly) notices.push(readOnly);
  for (const n of notices) core.notice(n);

  const findings = dedupe([...(sync?.findings ?? []), ...linkFindings]).sort(
    (a, b) => (a.severity === b.severity ? compareFindings(a, b) : a.severity === 'error' ? -1 : 1),
  );
  const changedFiles = plan.pullRequest && findings.length > 10 ? await pullRequestFiles(ctx, octokit(), prefix) : undefined;
  // Findings already there on the base are listed in the summary, never annotated.
  const annotated = findings.filter((f) => f.change !== 'existing');
  const chosen = chooseAnnotations(annotated, changedFiles ? { changedFiles } : {});
  for (const f of chosen.errors) core.error(f.message, annotationProperties(f, prefix));
  for (const f of chosen.warnings) core.warning(f.message, annotationProperties(f, prefix));
  const more = moreInSummary(chosen);
  if (more) info(more);

  const journey = sync ? await journeySection(root, config) : undefined;
  if (inputs.siteDir) {
    const out = path.resolve(ctx.workspace, inputs.siteDir);
    if (path.relative(ctx.workspace, out).startsWith('..')) throw new InputError(`input \`site-dir\` is "${inputs.siteDir}": it must stay inside the workspace (${ctx.workspace})`);
    const site = await runSite({ root, config, out, now: new Date() });
    info(`wrote ${path.relative(ctx.workspace, site.file)} (${site.modules} topics)`);
    notes.push(`the journey's page: ${path.relative(ctx.workspace, site.file)}`);
  }
  const report = reportPath(env);
  const modules: Module[] | null = sync?.modules ?? null;
  const written = sync?.written ?? [];
  const allNotes = [...notices, ...notes];
  const summary = renderSummary({
    modules,
    tableChanges: sync?.tableChanges ?? [],
    written,
    findings,
    stale: stale?.stale ?? null,
    issues: [...(stale?.issues ?? []), ...topicLines],
    notes: allNotes,
    reportPath: report,
    ...(journey ? { journey } : {}),
    ...(ctx.owner && ctx.sha ? { links: { repoUrl: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}`, sha: ctx.sha, prefix } } : {}),
    ...(pr ? { pullRequest: renderPullRequestSection({ findings: pr.findings, fixed: pr.fixed, suggestions: review?.summary ?? [], prefix }) } : {}),
  });
  if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, summary + '\n');
  for (const n of notes) info(n);

  const errors = findings.filter((f) => f.severity === 'error').length;
  const brokenLinks = linkFindings.filter((f) => f.severity === 'error').length;
  const placeholderLinks = linkFindings.filter((f) => f.kind === 'placeholder').length;
  const staleIds = (stale?.stale ?? []).map((t) => t.id);
  const changed = (sync?.changedFiles.length ?? 0) > 0;
  await writeReport(report, {
    version: VERSION,
    event: ctx.eventName,
    sha: ctx.sha,
    changed,
    commitSha: sync?.commitSha ?? '',
    tableChanges: sync?.tableChanges ?? [],
    written,
    modules: (modules ?? []).map((m) => ({ id: m.id, status: m.status })),
    findings,
    ...(pr?.fixed ? { fixed: pr.fixed } : {}),
    counts: { errors, warnings: findings.length - errors, brokenLinks, placeholderLinks },
    staleTopics: stale?.stale ?? [],
    issues: [...(stale?.issues ?? []), ...topicLines],
    notes: allNotes,
  });

  core.setOutput('changed', String(changed));
  core.setOutput('commit-sha', sync?.commitSha ?? '');
  core.setOutput('broken-links', String(brokenLinks));
  core.setOutput('placeholder-links', String(placeholderLinks));
  core.setOutput('stale-topics', JSON.stringify(staleIds));
  core.setOutput('report', report);

  // On a pull request judged against its base, link findings already there do not fail it (pr-fail-on: new).
  const counted = pr?.fixed && inputs.prFailOn === 'new' ? findings.filter((f) => f.change !== 'existing') : findings;
  const failing = inputs.failOn === 'never' ? 0 : inputs.failOn === 'warning' ? counted.length : counted.filter((f) => f.severity === 'error').length;
  if (failing > 0) {
    core.setFailed(`${failing} finding${failing === 1 ? '' : 's'} at or above fail-on: ${inputs.failOn} (see the annotations and the job summary)`);
  }
}

/** Root-relative paths the pull request changes, so its annotations go to them first; undefined when unknown. */
async function pullRequestFiles(ctx: RunContext, octokit: GitHubClient | null, prefix: string): Promise<Set<string> | undefined> {
  if (!octokit || ctx.pullNumber === undefined) return undefined;
  try {
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: ctx.owner, repo: ctx.repo, pull_number: ctx.pullNumber, per_page: 100 });
    return new Set(files.filter((f) => f.filename.startsWith(prefix)).map((f) => f.filename.slice(prefix.length)));
  } catch (err) {
    core.debug(`could not list the pull request's files: ${(err as Error).message}`);
    return undefined;
  }
}

/** The journey over time for the job summary; never fails the run. */
async function journeySection(root: string, config: Config): Promise<string[] | undefined> {
  try {
    const h = await runHistory({ root, config }, new Date().toISOString().slice(0, 10));
    return journeyMarkdown(h.stats, h.notes);
  } catch (err) {
    info(`history could not be read: ${(err as Error).message}`);
    return undefined;
  }
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.file}\0${f.line}\0${f.column}\0${f.kind}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
