// Resources are written relative to their module README and checked there; the progress table
// shows them in another README. Once synced, the table's links must reach the same files and
// headings from where it is: check them as ordinary links by taking the zone markers away.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../src/core/config.js';
import { runCheck } from '../../src/run/check.js';
import { runSync } from '../../src/run/sync.js';
import { moduleReadme, tmpRepo, ZONE } from '../support/tmp-repo.js';

const RESOURCES = [
  '[notes](notes.md)',
  '[here](#part-two)',
  '[deep](sub/deep.md#deep-dive)',
  '[b](../02-b/README.md#b-section)',
  '[b folder](../02-b/)',
  '[license](/LICENSE)',
  '[spaced](<my notes.md>)',
  '[lines](notes.md#L2)',
  '[mail](mailto:me@127.0.0.1)',
  '[paper](link_to_paper)',
];

function journey(readme: string): Promise<string> {
  return tmpRepo({
    [readme]: `# Journey\n\n${ZONE}`,
    LICENSE: 'MIT\n',
    'modules/01-a/README.md': moduleReadme(
      { status: 'in-progress', resources: RESOURCES.map((r) => `\n  - "${r}"`).join('') },
      '# A\n\n## Part Two\n',
    ),
    'modules/01-a/notes.md': '# Notes\n\nline two\n',
    'modules/01-a/my notes.md': '# Mine\n',
    'modules/01-a/sub/deep.md': '# Deep Dive\n',
    'modules/02-b/README.md': moduleReadme({ status: 'todo' }, '# B\n\n## B Section\n'),
  });
}

const summary = (r: { findings: { file: string; kind: string; url?: string }[] }) => r.findings.map((f) => `${f.file} ${f.kind} ${f.url ?? ''}`);

describe.each([
  ['README.md', ['README.md', 'modules/**/*.md']],
  ['docs/README.md', ['docs/**/*.md', 'modules/**/*.md']],
])('resources in the progress table of %s', (readme, include) => {
  const config = (): Config => {
    const c = defaultConfig();
    c.readme = readme;
    c.links.include = include;
    return c;
  };

  it('reach from the table the files and headings they reach from their module', async () => {
    const root = await journey(readme);
    expect((await runSync({ root, config: config(), check: false, today: '2026-11-28' })).exitCode).toBe(0);

    // Where they are written, only the placeholder is reported; the zone itself is not checked.
    const atSource = await runCheck({ root, config: config(), failOn: 'error' }, { cacheFile: null, collectLinks: true });
    expect(summary(atSource)).toEqual(['modules/01-a/README.md placeholder link_to_paper']);

    const file = path.join(root, readme);
    const synced = await readFile(file, 'utf8');
    const unzoned = synced.replace(/^<!-- odyssey:progress:(?:start|end) -->\n/gm, '');
    expect(unzoned).not.toBe(synced);
    await writeFile(file, unzoned);
    const fromTable = await runCheck({ root, config: config(), failOn: 'error' }, { cacheFile: null, collectLinks: true });
    // The table shows the placeholder as written, and every other link resolves from the README.
    expect(summary(fromTable)).toEqual([`${readme} placeholder link_to_paper`, 'modules/01-a/README.md placeholder link_to_paper']);
    const tableLinks = fromTable.links.filter((l) => l.file === readme).map((l) => l.text);
    expect(tableLinks).toEqual(expect.arrayContaining(['notes', 'here', 'deep', 'b', 'b folder', 'license', 'spaced', 'lines', 'mail', 'paper']));
  });
});
