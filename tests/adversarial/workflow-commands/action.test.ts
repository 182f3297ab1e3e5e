// Workflow-command injection through the action, run as GitHub runs it (bundle, child process):
// module folders, titles, link targets and URLs holding `::`, `%`, CR, LF; credentials in URLs;
// and on a GitHub Enterprise-shaped runner, every link a person clicks built from GITHUB_SERVER_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleReadme, ZONE } from '../../support/tmp-repo.js';
import { buildActionBundle } from '../../action/support/build-bundle.js';
import { actOn, actionWorld, expectSafeAction, strayCommands } from '../support/action.js';

let bundle: Awaited<ReturnType<typeof buildActionBundle>>;
beforeAll(async () => {
  bundle = await buildActionBundle();
});
afterAll(() => bundle.dispose());

const README = `# Journey\n\n${ZONE}\nThe end.\n`;
const topic = (title: string, extra: Record<string, string> = {}) => moduleReadme({ title, status: 'in-progress', started: '2020-01-02', ...extra }, '# T\n\n- [ ] x\n');

describe.concurrent('workflow commands via the action', () => {
  it('a module folder named with LF + ::error:: (stale step lines)', async (ctx) => {
    const w = await actionWorld(ctx, { 'README.md': README, 'modules/t\n::error::INJECTED-folder/README.md': topic('T') });
    const run = await actOn(bundle.file, w, 'push', { inputs: { stale: 'on' } });
    expect(run.stdout).toContain('folder');
    await expectSafeAction(w, run);
  });

  it('a module folder named with CR + ::warning:: (sync and stale lines)', async (ctx) => {
    const w = await actionWorld(ctx, { 'README.md': README, 'modules/t\r::warning::INJECTED-cr/README.md': topic('T') });
    const run = await actOn(bundle.file, w, 'push', { inputs: { stale: 'on' } });
    await expectSafeAction(w, run);
  });

  it('a title with a YAML-escaped newline + ::set-output:: in the stale step', async (ctx) => {
    const w = await actionWorld(ctx, { 'README.md': README, 'modules/01-a/README.md': topic('"A\\n::set-output name=pwned::1\\n::notice::INJECTED-title"') });
    const run = await actOn(bundle.file, w, 'push', { inputs: { stale: 'on' } });
    expect(run.outputs.pwned).toBeUndefined();
    await expectSafeAction(w, run);
  });

  it('a link target decoding to LF + ::error:: (annotations and log lines)', async (ctx) => {
    const w = await actionWorld(ctx, { 'README.md': `${README}\n[x](gone%0A::error::INJECTED-link.md)\n`, 'modules/01-a/README.md': topic('A') });
    const run = await actOn(bundle.file, w, 'pull_request', { payload: { pull_request: { number: 1 }, repository: { default_branch: 'main' } } });
    expect(run.annotations('error').length).toBeGreaterThan(0);
    await expectSafeAction(w, run);
  });

  it('credentials in a resource URL appear nowhere: annotations, summary, report', async (ctx) => {
    const w = await actionWorld(ctx, {
      'README.md': `${README}\n[x](https://bob:hunter2-action@placeholder.invalid/TODO)\n`,
      'modules/01-a/README.md': topic('A', { resources: '["[P](http://u:hunter2-res@localhost/link_to_paper)"]' }),
    });
    const run = await actOn(bundle.file, w, 'push', { inputs: { 'fail-on': 'never' } });
    const all = run.stdout + run.summary + JSON.stringify(run.report);
    expect(all.split('\n').filter((l) => l.includes('hunter2')), all).toEqual([]);
    await expectSafeAction(w, run);
  });

  it('GitHub Enterprise: summary links start at GITHUB_SERVER_URL and are pinned to the commit', async (ctx) => {
    const w = await actionWorld(ctx, { 'README.md': `${README}\n[x](missing.md)\n`, 'modules/01-a/README.md': topic('A') });
    const run = await actOn(bundle.file, w, 'push', { env: { GITHUB_SERVER_URL: 'https://ghe.example.test' } });
    const links = [...run.summary.matchAll(/\]\((https?:\/\/[^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l.startsWith('https://ghe.example.test/learner/journey/') || l.startsWith('https://github.test/')).toBe(true);
    expect(links, run.summary).toContain(`https://ghe.example.test/learner/journey/blob/${w.h.sha}/README.md#L8`);
    expect(run.summary).not.toContain('/blob/HEAD/');
    expect(run.summary).not.toContain(w.gh.url);
    expect(strayCommands(run)).toEqual([]);
    await expectSafeAction(w, run);
  });
});
