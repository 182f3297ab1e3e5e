// A box ticked in a topic issue → one commit to the module README changing only that box (and
// the progress table's count, so the push that follows has nothing left to write). Through the
// API like the table commit: `expectedHeadOid`, and on a moved branch re-read and try again.
import type { Config } from '../core/config.js';
import { neutralise } from '../core/issues/neutralise.js';
import { sameAccount } from '../core/issues/same-body.js';
import { parseStatusBlock } from '../core/status/index.js';
import { planSync } from '../core/sync/plan.js';
import { topicMarkerId } from '../core/topics/issue-text.js';
import { topicTasks } from '../core/topics/from-module.js';
import { applyTicks, mismatchComment, ticksBetween, type TickResult } from '../core/topics/tick.js';
import { commitOnBranch, short } from '../io/commit.js';
import { readRepoText } from '../io/files.js';
import { RepoReader } from '../io/reader.js';
import type { GitHubClient } from '../io/github.js';
import { canWrite } from '../io/identity.js';
import { loadModules } from '../io/modules.js';

/** Attempts when the branch keeps moving under us (each re-reads the README). */
export const TICK_ATTEMPTS = 4;

export interface TickEvent {
  number: number;
  body: string;
  bodyBefore?: string;
  author: string;
  sender: string;
}

/** What every commit made from an issue event (a tick, a new topic) needs to know. */
export interface IssueCommitOptions {
  root: string;
  config: Config;
  octokit: GitHubClient;
  owner: string;
  repo: string;
  branch: string;
  /** The SHA the runner checked out: the table is recomputed only when the branch is still there. */
  checkoutSha: string;
  prefix: string;
  dryRun: boolean;
  graphqlUrl?: string;
}

export interface RunTickOptions extends IssueCommitOptions {
  self: string;
  event: TickEvent;
}

export interface RunTickResult {
  lines: string[];
  /** Writes made (commits and comments). */
  writes: number;
  commitSha?: string;
}

export async function headOf(o: Pick<RunTickOptions, 'octokit' | 'owner' | 'repo' | 'branch'>): Promise<string> {
  const { data } = await o.octokit.rest.git.getRef({ owner: o.owner, repo: o.repo, ref: `heads/${o.branch}` });
  return data.object.sha;
}

export async function fileAt(o: Pick<RunTickOptions, 'octokit' | 'owner' | 'repo'>, file: string, sha: string): Promise<string | null> {
  try {
    const { data } = await o.octokit.rest.repos.getContent({ owner: o.owner, repo: o.repo, path: file, ref: sha });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data)) return null;
    return Buffer.from(data.content, 'base64').toString('utf8');
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null;
    throw err;
  }
}

/** The root README (and badge) as they would be with `file` (module `id`, new or not) holding `text`: read from the checkout. */
export async function tableChanges(o: Pick<RunTickOptions, 'root' | 'config'>, id: string, file: string, text: string): Promise<Array<{ path: string; after: string }>> {
  const reader = new RepoReader(o.root);
  const readme = readRepoText(reader, o.config.readme);
  if (readme === null) return [];
  const loaded = await loadModules(o.root, o.config, reader);
  const modules = loaded.modules.some((m) => m.file === file)
    ? loaded.modules.map((m) => (m.file === file ? parseStatusBlock({ id: m.id, file, text }).module : m))
    : [...loaded.modules, parseStatusBlock({ id, file, text }).module];
  const badgeBefore = o.config.badge ? readRepoText(reader, o.config.badge) : undefined;
  const plan = planSync({ readme: { path: o.config.readme, text: readme }, modules, config: o.config, today: new Date().toISOString().slice(0, 10), badgeBefore });
  return plan.ok ? plan.changes.map((c) => ({ path: c.path, after: c.after })) : [];
}

export async function runTick(o: RunTickOptions): Promise<RunTickResult> {
  const out: RunTickResult = { lines: [], writes: 0 };
  const ev = o.event;
  const id = topicMarkerId(ev.body);
  if (id === null) {
    out.lines.push(`#${ev.number} is not a topic issue (no odyssey marker): nothing to do`);
    return out;
  }
  if (sameAccount(ev.sender, o.self)) {
    out.lines.push(`#${ev.number} was edited by odyssey itself (mirroring the notes): nothing to do`);
    return out;
  }
  const ticks = ticksBetween(ev.bodyBefore, ev.body);
  if (ticks.length === 0) {
    out.lines.push(`#${ev.number}: no box changed in this edit: nothing to do`);
    return out;
  }
  const file = `${o.config.modules}/${id}/README.md`;
  const repoFile = o.prefix + file;
  if (!sameAccount(ev.author, o.self)) {
    // An issue turned into a topic's issue is trusted only when its README names it.
    const text = await fileAt(o, repoFile, await headOf(o));
    const named = text === null ? undefined : parseStatusBlock({ id, file, text }).module.extra.issue;
    if (named !== ev.number) {
      out.lines.push(`#${ev.number} was opened by ${ev.author}, not by odyssey, and ${file} does not name it (\`issue: ${ev.number}\`): its marker is ignored, nothing changed`);
      return out;
    }
  }
  if (!(await canWrite(o.octokit, { owner: o.owner, repo: o.repo }, ev.sender))) {
    out.lines.push(`#${ev.number} was edited by ${ev.sender}, who cannot write to ${o.owner}/${o.repo}: nothing changed`);
    return out;
  }

  let commented = false;
  for (let attempt = 1; attempt <= TICK_ATTEMPTS; attempt++) {
    const head = await headOf(o);
    const text = await fileAt(o, repoFile, head);
    if (text === null) {
      out.lines.push(`${repoFile} is not on ${o.branch} any more: nothing changed`);
      return out;
    }
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const tasks = topicTasks(text);
    // Task lines count from the text without its BOM; the BOM stays where it is.
    const r: TickResult = applyTicks(text.slice(bom), tasks, ticks);
    const after = text.slice(0, bom) + r.text;
    if (r.mismatched.length > 0 && !commented) {
      commented = true;
      out.lines.push(`#${ev.number}: ${r.mismatched.length} box(es) no longer match a task in ${file}: nothing changed for them`);
      if (!o.dryRun) {
        out.writes++;
        await o.octokit.rest.issues.createComment({ owner: o.owner, repo: o.repo, issue_number: ev.number, body: neutralise(mismatchComment(r.mismatched)) });
      }
    }
    if (r.applied.length === 0) {
      if (r.already.length > 0) out.lines.push(`${file} already says what #${ev.number} says: nothing to commit`);
      return out;
    }
    const what = r.applied.map((a) => `${a.tick.done ? 'tick' : 'untick'} "${a.task.length > 60 ? `${a.task.slice(0, 59)}…` : a.task}"`).join(', ');
    if (o.dryRun) {
      out.lines.push(`dry run: would commit to ${o.branch}: ${what} in ${repoFile}`);
      return out;
    }
    const files = [{ path: repoFile, after }];
    if (head === o.checkoutSha) for (const c of await tableChanges(o, id, file, after)) files.push({ path: o.prefix + c.path, after: c.after });
    const outcome = await commitOnBranch(o.octokit, {
      owner: o.owner,
      repo: o.repo,
      branch: o.branch,
      expectedHeadOid: head,
      message: `docs(${id}): ${what} (from #${ev.number})`,
      files,
      ...(o.graphqlUrl ? { graphqlUrl: o.graphqlUrl } : {}),
    });
    if (outcome.kind === 'committed' || outcome.kind === 'already') {
      out.writes += outcome.kind === 'committed' ? 1 : 0;
      out.commitSha = outcome.sha;
      out.lines.push(`committed ${short(outcome.sha)} to ${o.branch}: ${what} in ${repoFile}${files.length > 1 ? ' (and the progress table)' : ''}`);
      return out;
    }
    if (outcome.kind !== 'moved') break;
    out.lines.push(`${o.branch} moved on from ${short(head)} while committing; reading it again (${attempt}/${TICK_ATTEMPTS})`);
  }
  out.lines.push(`${o.branch} kept moving: the tick in #${ev.number} was not committed; tick the box again`);
  return out;
}
