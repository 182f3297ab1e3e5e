// The built action (dist-like bundle, child process) on a hostile repository against the fake
// GitHub: for the workflow-command and GitHub-fault families. `expectSafeAction` adds the action's
// own guarantees to the harness's: no unintended workflow command on stdout (only annotations,
// notices, masks, outputs and debug lines odyssey itself issues via @actions/core), the token
// nowhere but in its `add-mask`, and the summary and report free of the secret.
import { expect, type TestContext } from 'vitest';
import { FakeGitHub } from '../../support/fake-github.js';
import { FakeGitRepo, installGitRoutes } from '../../support/fake-github-git.js';
import { runAction, type ActionRun } from '../../action/support/run-action.js';
import { expectSafe, hostile, type Hostile } from './harness.js';

export const TOKEN = 'ghs_faketoken0123456789';
/** The commands @actions/core issues for odyssey; anything else on stdout is an injection. */
export const OWN_COMMANDS = new Set(['add-mask', 'error', 'warning', 'notice', 'debug', 'group', 'endgroup']);

export interface ActionWorld {
  gh: FakeGitHub;
  repo: FakeGitRepo;
  h: Hostile;
}

/** A hostile journey committed in 2020, pushed to a fresh fake GitHub at the same SHA. */
export async function actionWorld(ctx: TestContext, files: Record<string, string>): Promise<ActionWorld> {
  const gh = await FakeGitHub.start();
  gh.token = TOKEN;
  const repo = new FakeGitRepo('learner', 'journey');
  installGitRoutes(gh, repo);
  ctx.onTestFinished(() => gh.close());
  const h = await hostile(files, { git: true, date: '2020-01-15T12:00:00Z' });
  repo.seed(h.sha, files);
  repo.setBranch('main', h.sha);
  return { gh, repo, h };
}

export function actOn(bundle: string, w: ActionWorld, event: string, o: { inputs?: Record<string, string>; env?: Record<string, string>; payload?: Record<string, unknown> } = {}): Promise<ActionRun> {
  return runAction({ bundle, workspace: w.h.root, apiUrl: w.gh.url, event, sha: w.h.sha, ...o });
}

/** What injected commands in these cases carry first in their data, so they are told from odyssey's own. */
export const INJECTED = 'INJECTED';

/**
 * Lines the runner would run as commands that odyssey did not mean to issue: a command odyssey
 * never issues, a `##[` command, or one whose data starts with the cases' INJECTED marker (odyssey's
 * own annotations may quote the payload, escaped, but never start with it).
 */
export function strayCommands(run: ActionRun): string[] {
  return run.stdout
    .split(/\r\n|\r|\n/)
    .filter((l) => /^\s*::/.test(l) || l.includes('##['))
    .filter((l) => {
      const m = /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(l);
      return !(m && OWN_COMMANDS.has(m[1]!) && !m[2]!.startsWith(INJECTED));
    });
}

export async function expectSafeAction(w: ActionWorld, run: ActionRun, codes = [0, 1]): Promise<void> {
  expect(strayCommands(run), run.stdout).toEqual([]);
  expect(run.stdout.split('\n').filter((l) => l.includes(TOKEN) && !l.startsWith('::add-mask::'))).toEqual([]);
  expect(run.summary).not.toContain(TOKEN);
  await expectSafe(w.h, { code: run.code, stdout: run.stdout, stderr: run.stderr }, { codes, texts: [run.summary, JSON.stringify(run.report ?? {})] });
}
