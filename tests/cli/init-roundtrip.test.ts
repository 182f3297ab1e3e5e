import { readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { tmpRepo } from '../support/tmp-repo.js';

const SEED = readFileSync(new URL('../core/init/fixtures/template-README.md', import.meta.url), 'utf8');
const ROW3 = /^\| Module 3: Transformer Architecture .*$/m;

// The template with values the table renderer has to escape: a pipe and markup in a resource
// title, HTML, emphasis, entities and escapes in the learnings, dates and a star confidence.
const TEMPLATE = SEED.replace(
  ROW3,
  '| Module 3: Transformer Architecture | 🚧 In Progress | [Notes](modules/03-transformer-architecture/README.md) | [Attention Is All You Need](link_to_paper), [Q \\| K \\*notes\\*](https://a.org/q) | 2026-01-05 | | ⭐⭐⭐ | Multi-head <b>attention</b> *is* a \\| b & c &amp; d \\_e\\_ |',
);
const M1 = 'modules/01-foundations/README.md';
const M3 = 'modules/03-transformer-architecture/README.md';

const read = (dir: string, rel: string) => readFile(path.join(dir, rel), 'utf8');
const warnings = (out: string) => out.split('\n').filter((l) => l.includes('warning'));

describe('init on a table odyssey generated (round trip)', () => {
  it('template → init → sync → delete a module → init: the same status block, and sync --check passes', async () => {
    expect(TEMPLATE).not.toBe(SEED);
    const dir = await tmpRepo({ 'README.md': TEMPLATE });
    const first = await runCli(['init'], dir);
    expect(first.code).toBe(0);
    const original = await read(dir, M3);
    expect(original).toContain('learnings: Multi-head <b>attention</b> *is* a | b & c & d _e_\n');
    expect(original).toContain('  - "[Q | K *notes*](https://a.org/q)"\n');
    expect(original).not.toContain('resources-text');

    // A module with tasks shows `(done/total)` after its status; it is kept, so init says nothing of it.
    await writeFile(path.join(dir, M1), (await read(dir, M1)).replace('status: todo', 'status: wip') + '\n- [x] vectors\n- [ ] calculus\n');
    const sync = await runCli(['sync'], dir);
    expect(sync.code).toBe(0);
    const readme = await read(dir, 'README.md');
    expect(readme).toContain('| 🚧 In Progress (1/2) |');
    expect(readme).toContain('&lt;b>attention&lt;/b>');

    await rm(path.join(dir, 'modules/03-transformer-architecture'), { recursive: true });
    const again = await runCli(['init'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`created ${M3}: create it with a status block from row 2 ("Module 3: Transformer Architecture")`);
    expect(warnings(again.stdout)).toEqual([]);
    expect(await read(dir, M3)).toBe(original);

    const check = await runCli(['sync', '--check'], dir);
    expect(check.stdout + check.stderr).not.toContain('out of date');
    expect(check.code).toBe(0);
    expect(await read(dir, 'README.md')).toBe(readme);

    const third = await runCli(['init'], dir);
    expect(third.stdout).toMatch(/nothing to do: 5 row\(s\) read/);
    expect(warnings(third.stdout)).toEqual([]);
  });

  it('a deleted module with tasks comes back with its status, not the table label', async () => {
    const dir = await tmpRepo({ 'README.md': SEED });
    expect((await runCli(['init'], dir)).code).toBe(0);
    await writeFile(path.join(dir, M1), (await read(dir, M1)).replace('status: todo', 'status: wip') + '\n- [ ] t\n');
    expect((await runCli(['sync'], dir)).code).toBe(0);
    await rm(path.join(dir, 'modules/01-foundations'), { recursive: true });
    const r = await runCli(['init'], dir);
    expect(warnings(r.stdout)).toEqual([]);
    expect(await read(dir, M1)).toContain('\nstatus: in-progress\n');
  });

  it('a module sync shows as ❓ Unknown gets `status: todo` and a warning saying so', async () => {
    const dir = await tmpRepo({ 'README.md': SEED });
    expect((await runCli(['init'], dir)).code).toBe(0);
    await writeFile(path.join(dir, M1), '# Foundations\n');
    await runCli(['sync'], dir);
    expect(await read(dir, 'README.md')).toContain('| ❓ Unknown ');
    const r = await runCli(['init'], dir);
    expect(r.stdout).toContain(`changed ${M1}: add a status block`);
    expect(warnings(r.stdout)).toEqual([expect.stringMatching(/row 1: "❓ Unknown" is what sync shows .* starts as `todo`/)]);
    expect(await read(dir, M1)).toMatch(/^---\ntitle: Foundations\nstatus: todo\n/);
  });

  it('an escaped pipe in a resource title stays in the link', async () => {
    const dir = await tmpRepo({
      'README.md': '## Progress Tracking Table\n\n| Module/Topic | Status | Key Resources |\n| --- | --- | --- |\n| Module 1: A | wip | [A \\| B](https://a.org) |\n',
    });
    const r = await runCli(['init'], dir);
    expect(r.code).toBe(0);
    expect(warnings(r.stdout)).toEqual([]);
    const mod = await read(dir, 'modules/01-a/README.md');
    expect(mod).toContain('resources:\n  - "[A | B](https://a.org)"\n');
    expect(mod).not.toContain('resources-text');
    expect((await runCli(['sync'], dir)).code).toBe(0);
    expect(await read(dir, 'README.md')).toContain('[A \\| B](https://a.org)');
  });
});
