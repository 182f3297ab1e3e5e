import { readFile, readdir, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findProgressTable, type ProgressTable } from '../../src/core/init/progress-table.js';
import { normalizeStatus, parseStatusBlock } from '../../src/core/status/index.js';
import { runCli } from '../support/run-cli.js';
import { tmpRepo } from '../support/tmp-repo.js';

const SEED = readFileSync(new URL('../core/init/fixtures/template-README.md', import.meta.url), 'utf8');
const START = '<!-- odyssey:progress:start -->';
const END = '<!-- odyssey:progress:end -->';

const read = (dir: string, rel: string) => readFile(path.join(dir, rel), 'utf8');
const exists = (dir: string, rel: string) => stat(path.join(dir, rel)).then(() => true, () => false);

function table(text: string): ProgressTable {
  const r = findProgressTable(text);
  if (r.kind !== 'found') throw new Error(JSON.stringify(r));
  return r.table;
}

/** What a reader sees in each row: topic, status, resource links, dates, confidence, learnings. */
function rowsSeen(text: string) {
  const t = table(text);
  const col = (role: string) => t.columns.find((c) => c.role === role)!.index;
  return t.rows.map((r) => ({
    topic: r.cells[col('topic')]!.plain,
    status: normalizeStatus(r.cells[col('status')]!.plain.replace(/\s*\d+\/\d+$/, '')),
    resources: r.cells[col('resources')]!.links.map((l) => [l.text, l.url]),
    started: r.cells[col('started')]!.plain,
    completed: r.cells[col('completed')]!.plain,
    confidence: r.cells[col('confidence')]!.plain,
    learnings: r.cells[col('learnings')]!.plain,
  }));
}

describe('odyssey init (CLI)', () => {
  it('turns the template into an odyssey repository; a second run does nothing', async () => {
    const dir = await tmpRepo({ 'README.md': SEED });
    const first = await runCli(['init'], dir);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('created modules/01-foundations/README.md: create it with a status block from row 1 ("Module 1: Foundations")');
    expect(first.stdout).toContain('5 row(s) read: 5 module(s) created, 0 status block(s) added, 0 file(s) kept');
    expect((await readdir(path.join(dir, 'modules'))).sort()).toEqual([
      '01-foundations',
      '03-transformer-architecture',
      '04-llm-pretraining',
      '05-llm-fine-tuning',
      '10-ethical-considerations',
    ]);
    const readme = await read(dir, 'README.md');
    expect(readme.replace(`${START}\n`, '').replace(`\n${END}\n`, '')).toBe(SEED);
    for (const id of await readdir(path.join(dir, 'modules'))) {
      const file = `modules/${id}/README.md`;
      expect(parseStatusBlock({ id, file, text: await read(dir, file) }).findings).toEqual([]);
    }

    const second = await runCli(['init'], dir);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/nothing to do: 5 row\(s\) read/);
    expect(await read(dir, 'README.md')).toBe(readme);
  });

  it('--dry-run prints the plan and writes nothing', async () => {
    const dir = await tmpRepo({ 'README.md': SEED });
    const r = await runCli(['init', '--dry-run'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('would change README.md: wrap the progress table (line 94, 5 row(s))');
    expect(r.stdout).toContain('would create modules/10-ethical-considerations/README.md');
    expect(r.stdout).toContain('(dry run: nothing written)');
    expect(await read(dir, 'README.md')).toBe(SEED);
    expect(await exists(dir, 'modules')).toBe(false);
  });

  it('exits 2 and says what it looks for when the table has no Status column', async () => {
    const text = '# Me\n\n## Progress Tracking Table\n\n| Module/Topic | Notes |\n|---|---|\n| Module 1: A | x |\n';
    const dir = await tmpRepo({ 'README.md': text });
    const r = await runCli(['init'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^odyssey init: README\.md:5:1: error [a-z-]+ the table under "Progress Tracking Table" has no Status column: /);
    expect(r.stderr).toContain('one says Status');
    expect(await read(dir, 'README.md')).toBe(text);
    expect(await exists(dir, 'modules')).toBe(false);
  });

  it('exits 2 when there is no table at all, naming the heading and the columns it looks for', async () => {
    const dir = await tmpRepo({ 'README.md': '# Just prose\n' });
    const r = await runCli(['init'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('init looks for a table under a heading such as "## Progress Tracking Table"');
    expect(r.stderr).toContain('Module/Topic column and a Status column');
  });

  it('exits 2 when the README is missing', async () => {
    const dir = await tmpRepo({});
    const r = await runCli(['init'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('README.md does not exist');
  });

  it('keeps CRLF and the bodies of module folders that already exist', async () => {
    const crlf = SEED.replace(/\n/g, '\r\n');
    const body = '# Foundations notes\r\n\r\n- [x] linear algebra\r\n';
    const dir = await tmpRepo({ 'README.md': crlf, 'modules/01-foundations/README.md': body });
    const r = await runCli(['init'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('changed modules/01-foundations/README.md: add a status block from row 1 at the top');
    const readme = await read(dir, 'README.md');
    expect(readme.replace(`${START}\r\n`, '').replace(`\r\n${END}\r\n`, '')).toBe(crlf);
    const mod = await read(dir, 'modules/01-foundations/README.md');
    expect(mod.endsWith(`---\r\n${body}`)).toBe(true);
    expect(mod.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('after init, sync renders the rows the user had and sync --check passes', async () => {
    const dir = await tmpRepo({ 'README.md': SEED });
    expect((await runCli(['init'], dir)).code).toBe(0);
    const sync = await runCli(['sync'], dir);
    expect(sync.stderr).toBe('');
    expect(sync.code).toBe(0);
    const after = await read(dir, 'README.md');
    expect(rowsSeen(after)).toEqual(rowsSeen(SEED));
    // Outside the zone, the README is still the template byte for byte.
    expect(after.slice(0, after.indexOf(START))).toBe(SEED.slice(0, SEED.indexOf('| Module/Topic')));
    expect(after.slice(after.indexOf(END) + END.length + 1)).toBe(SEED.slice(SEED.indexOf('\n\n*(Note:') + 1));
    const check = await runCli(['sync', '--check'], dir);
    expect(check.code).toBe(0);
    // The rendered table links every topic to its module, so init still finds the same modules.
    const again = await runCli(['init'], dir);
    expect(again.stdout).toMatch(/nothing to do: 5 row\(s\) read/);
    expect(await read(dir, 'README.md')).toBe(after);
  });

  it('a table with extra and renamed columns: init writes .odyssey.yml, and sync keeps those headers and cells', async () => {
    const text = [
      '# J',
      '',
      '## Progress',
      '',
      '| Topic | Hours | Status | Started | Finished |',
      '|---|---|---|---|---|',
      '| Module 2: Python | 12 | ✅ Done | 2026-01-02 | 2026-01-20 |',
      '| Attention, at last! 🤖 | | 🚧 in progress | 2026-01-21 | |',
      '',
    ].join('\n');
    const dir = await tmpRepo({ 'README.md': text });
    const r = await runCli(['init'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("created .odyssey.yml: list your table's columns");
    expect((await runCli(['sync'], dir)).code).toBe(0);
    const t = table(await read(dir, 'README.md'));
    expect(t.columns.map((c) => c.header)).toEqual(['Topic', 'Hours', 'Status', 'Started', 'Finished']);
    expect(t.rows.map((row) => row.cells.map((c) => c.plain))).toEqual([
      ['Module 2: Python', '12', '✅ Done', '2026-01-02', '2026-01-20'],
      ['Attention, at last! 🤖', '', '🚧 In Progress', '2026-01-21', ''],
    ]);
    expect(t.rows[1]!.cells[0]!.links[0]!.url).toBe('modules/attention-at-last/README.md');
    expect((await runCli(['sync', '--check'], dir)).code).toBe(0);
  });

  it('--charts adds the chart zone, which sync then fills with a pie and a gantt', async () => {
    const dir = await tmpRepo({ 'README.md': SEED });
    const r = await runCli(['init', '--charts'], dir);
    expect(r.code).toBe(0);
    expect(await read(dir, 'README.md')).toContain('<!-- odyssey:chart:start -->\n<!-- odyssey:chart:end -->\n');
    expect((await runCli(['sync'], dir)).code).toBe(0);
    const after = await read(dir, 'README.md');
    expect(after).toMatch(/<!-- odyssey:chart:start -->\n```mermaid\n%%\{init: [^\n]*\}%%\npie showData\n/);
  });

  it('--help explains what init looks for and its --dry-run option', async () => {
    const r = await runCli(['init', '--help'], '/');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--dry-run');
    expect(r.stdout).toContain('Progress Tracking Table');
  });
});
