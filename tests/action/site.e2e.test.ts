// The built action with `site-dir`: the page is written into the workspace, and the job summary
// carries the journey over time.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../support/fake-github.js';
import { moduleReadme, ZONE } from '../support/tmp-repo.js';
import { buildActionBundle } from './support/build-bundle.js';
import { commitFiles, journeyRepo } from './support/journey-repo.js';
import { runAction } from './support/run-action.js';

let bundle: Awaited<ReturnType<typeof buildActionBundle>>;
let gh: FakeGitHub;
beforeAll(async () => {
  bundle = await buildActionBundle();
  gh = await FakeGitHub.start();
});
afterAll(async () => {
  await gh.close();
  bundle.dispose();
});

describe('the action with site-dir', () => {
  it('writes DIR/index.html and shows the journey over time in the job summary', async () => {
    const r = await journeyRepo(
      {
        'README.md': `# Journey\n\n${ZONE}`,
        'modules/01-basics/README.md': moduleReadme({ title: 'Basics', status: 'in-progress' }, '# Basics\n\n- [ ] a\n- [ ] b\n'),
      },
      '2026-01-05T12:00:00Z',
    );
    const sha = await commitFiles(r.dir, { 'modules/01-basics/README.md': moduleReadme({ title: 'Basics', status: 'in-progress' }, '# Basics\n\n- [x] a\n- [ ] b\n') }, '2026-01-12T12:00:00Z');
    const run = await runAction({
      bundle: bundle.file,
      workspace: r.dir,
      apiUrl: gh.url,
      event: 'pull_request',
      sha,
      ref: 'refs/pull/3/merge',
      payload: { pull_request: { number: 3 }, repository: { default_branch: 'main' } },
      inputs: { 'site-dir': '_site', stale: 'off' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const page = path.join(r.dir, '_site', 'index.html');
    expect(existsSync(page)).toBe(true);
    const html = await readFile(page, 'utf8');
    expect(html).toContain('<table id="topics">');
    expect(html).toContain('Basics');
    expect(run.summary).toContain('### The journey over time');
    expect(run.summary).toContain('xychart-beta');
    expect(run.summary).toContain('**Streak:**');
    expect(run.summary).toContain("- Basics: 1/2 tasks; not enough data (2 points; a forecast needs 3)");
  });

  it('refuses a site-dir outside the workspace', async () => {
    const r = await journeyRepo({ 'README.md': `# Journey\n\n${ZONE}` });
    const run = await runAction({ bundle: bundle.file, workspace: r.dir, apiUrl: gh.url, event: 'workflow_dispatch', sha: r.sha, inputs: { 'site-dir': '../elsewhere', stale: 'off' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('input `site-dir` is "../elsewhere": it must stay inside the workspace');
  });
});
