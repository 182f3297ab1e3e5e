import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { commitAll, initRepo, tempDir, writeFileIn, writeModule } from '../support/stale-repo.js';

const README = '# Journey\n\n<!-- odyssey:progress:start -->\n<!-- odyssey:progress:end -->\n\n<!-- odyssey:chart:start -->\n<!-- odyssey:chart:end -->\n';

async function zone(root: string): Promise<string> {
  const text = await readFile(path.join(root, 'README.md'), 'utf8');
  return text.slice(text.indexOf('<!-- odyssey:chart:start -->'), text.indexOf('<!-- odyssey:chart:end -->'));
}

describe('sync draws the burn-up chart from git history', () => {
  it('stays up to date after the commit that carries it, and on any later day', async () => {
    const root = await initRepo();
    await writeFileIn(root, 'README.md', README);
    await writeModule(root, '01-a', { title: 'A', status: 'in-progress', started: '2026-01-05', tasks: ['[ ] one', '[ ] two'] });
    await writeModule(root, '02-b', { title: 'B', status: 'todo' });
    commitAll(root, '2026-01-05T12:00:00Z');
    await writeModule(root, '01-a', { title: 'A', status: 'done', started: '2026-01-05', completed: '2026-01-06', tasks: ['[x] one', '[x] two'] });
    // The working tree's change is counted today: committed today, the weeks are the same.
    expect((await runCli(['sync'], root)).code).toBe(0);
    const now = new Date().toISOString();
    commitAll(root, now);
    const check = await runCli(['sync', '--check'], root);
    expect(check.stdout).toContain('is up to date');
    expect(check.code).toBe(0);
    const drawn = await zone(root);
    expect(drawn).toContain('xychart-beta');
    expect(drawn).toMatch(/line \[2(, 2)*\]\n {2}line \[0(, 0)*, 1\]/);

    // A commit that touches no module, a week later: the chart does not move.
    await writeFileIn(root, 'notes.md', 'x\n');
    commitAll(root, new Date(Date.now() + 8 * 86_400_000).toISOString());
    expect((await runCli(['sync', '--check'], root)).code).toBe(0);
    expect(await zone(root)).toBe(drawn);

    // A shallow clone has no history to draw from: it keeps the chart and says how to fetch it.
    const clone = path.join(await tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}`, clone]);
    const shallow = await runCli(['sync', '--check'], clone);
    expect(shallow.code).toBe(0);
    expect(shallow.stderr).toContain('the burn-up chart was left as it was: this is a shallow clone (fetch the whole history with `fetch-depth: 0` to redraw it)');
  });

  it('chart.burnup: false leaves it out', async () => {
    const root = await initRepo();
    await writeFileIn(root, 'README.md', README);
    await writeFileIn(root, '.odyssey.yml', 'chart:\n  burnup: false\n');
    await writeModule(root, '01-a', { title: 'A', status: 'todo' });
    commitAll(root, '2026-01-05T12:00:00Z');
    await runCli(['sync'], root);
    expect(await zone(root)).not.toContain('xychart-beta');
    expect(await zone(root)).toContain('pie showData');
  });
});
