// A collaborator's "new topic" issue → one commit adding `modules/NN-slug/README.md` (and the
// progress table's new row), then that issue turned into the topic's issue: the body the topic
// planner would write (marker, checklist pinned to the new commit) and the topic label, so the
// push that follows writes nothing. A form that cannot become a topic gets one comment.
import { neutralise } from '../core/issues/neutralise.js';
import { parseStatusBlock } from '../core/status/index.js';
import { topicModule } from '../core/topics/from-module.js';
import { topicBody, topicTitle } from '../core/topics/issue-text.js';
import { readNewTopicForm } from '../core/topics/new-topic-form.js';
import { planNewTopic, type NewTopicPlan } from '../core/topics/new-topic.js';
import { commitOnBranch, short } from '../io/commit.js';
import { canWrite } from '../io/identity.js';
import { loadModules } from '../io/modules.js';
import { fileAt, headOf, tableChanges, type IssueCommitOptions } from './tick.js';

/** Attempts when the branch keeps moving under us. */
export const NEW_TOPIC_ATTEMPTS = 4;

export interface RunNewTopicOptions extends IssueCommitOptions {
  /** `GITHUB_SERVER_URL`, without a trailing slash. */
  serverUrl: string;
  event: { number: number; body: string; author: string; labels: string[] };
}

export interface RunNewTopicResult {
  lines: string[];
  writes: number;
  commitSha?: string;
  plan?: NewTopicPlan;
}

export async function runNewTopic(o: RunNewTopicOptions): Promise<RunNewTopicResult> {
  const out: RunNewTopicResult = { lines: [], writes: 0 };
  const ev = o.event;
  const ref = { owner: o.owner, repo: o.repo };
  if (!(await canWrite(o.octokit, ref, ev.author))) {
    out.lines.push(`#${ev.number} was opened by ${ev.author}, who cannot write to ${o.owner}/${o.repo}: no topic created, nothing changed`);
    return out;
  }
  const comment = async (problem: string): Promise<RunNewTopicResult> => {
    out.lines.push(`#${ev.number}: ${problem}`);
    if (o.dryRun) out.lines.push(`dry run: would comment on #${ev.number}`);
    else {
      await o.octokit.rest.issues.createComment({ ...ref, issue_number: ev.number, body: neutralise(`odyssey could not create this topic: ${problem}`) });
      out.writes++;
    }
    return out;
  };
  const form = readNewTopicForm(ev.body);
  if (!form.ok) return comment(form.problem);
  const loaded = await loadModules(o.root, o.config);
  const plan = planNewTopic({ form: form.form, existing: loaded.modules.map((m) => m.id), modulesDir: o.config.modules.replace(/^\.\//, ''), issue: ev.number });
  out.plan = plan;
  if (!plan.ok) return comment(plan.problem);
  const repoFile = o.prefix + plan.file;

  for (let attempt = 1; attempt <= NEW_TOPIC_ATTEMPTS; attempt++) {
    const head = await headOf(o);
    if ((await fileAt(o, repoFile, head)) !== null) return comment(`\`${plan.file}\` already exists on ${o.branch}: nothing was created; give the new topic another title.`);
    if (o.dryRun) {
      out.lines.push(`dry run: would commit ${repoFile} to ${o.branch} and turn #${ev.number} into the topic issue of ${plan.id}`, ...plan.text.split('\n').map((l) => `  ${l}`));
      return out;
    }
    const files = [{ path: repoFile, after: plan.text }];
    if (head === o.checkoutSha) for (const c of await tableChanges(o, plan.id, plan.file, plan.text)) files.push({ path: o.prefix + c.path, after: c.after });
    const outcome = await commitOnBranch(o.octokit, {
      ...ref,
      branch: o.branch,
      expectedHeadOid: head,
      message: `docs(${plan.id}): new topic (from #${ev.number})`,
      files,
      ...(o.graphqlUrl ? { graphqlUrl: o.graphqlUrl } : {}),
    });
    if (outcome.kind === 'committed' || outcome.kind === 'already') {
      out.writes += outcome.kind === 'committed' ? 1 : 0;
      out.commitSha = outcome.sha;
      out.lines.push(`committed ${short(outcome.sha)} to ${o.branch}: ${repoFile}${files.length > 1 ? ' (and the progress table)' : ''}`);
      // The body the topic planner writes for this module at that commit: the next push leaves it as it is.
      const m = topicModule(parseStatusBlock({ id: plan.id, file: plan.file, text: plan.text }).module, plan.text);
      const body = topicBody(m, { repoUrl: `${o.serverUrl}/${o.owner}/${o.repo}`, sha: outcome.sha, prefix: o.prefix });
      const label = o.config.issues.label;
      const labels = ev.labels.some((l) => l.toLowerCase() === label.toLowerCase()) ? ev.labels : [...ev.labels, label];
      await o.octokit.rest.issues.update({ ...ref, issue_number: ev.number, title: topicTitle(m), body, labels });
      out.writes++;
      out.lines.push(`#${ev.number} is now the topic issue of ${plan.id} (marker and label \`${label}\` added)`);
      return out;
    }
    if (outcome.kind !== 'moved') {
      out.lines.push(`${o.branch} refused the commit (${outcome.kind === 'protected' ? outcome.message : outcome.kind}): no topic created`);
      return out;
    }
    out.lines.push(`${o.branch} moved on from ${short(head)} while committing; reading it again (${attempt}/${NEW_TOPIC_ATTEMPTS})`);
  }
  out.lines.push(`${o.branch} kept moving: the topic of #${ev.number} was not created; open the issue again`);
  return out;
}
