// A table's relative resource links point from the README; in a module README they must point from there.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpRepo } from '../support/tmp-repo.js';
import { runCli } from '../support/run-cli.js';

describe('init and relative resource links', () => {
  it('rewrites a table link relative to the module README, and sync writes it back as it was', async () => {
    const table = '## Progress Tracking Table\n\n| Module/Topic | Status | Key Resources |\n| --- | --- | --- |\n| Module 1: A | wip | [Notes](docs/a.md), [Paper](https://arxiv.org/abs/1706.03762) |\n';
    const dir = await tmpRepo({ 'README.md': table, 'docs/a.md': '# A\n' });
    expect((await runCli(['init'], dir)).code).toBe(0);
    const block = await readFile(path.join(dir, 'modules/01-a/README.md'), 'utf8');
    expect(block).toContain('"[Notes](../../docs/a.md)"');
    expect(block).toContain('"[Paper](https://arxiv.org/abs/1706.03762)"');
    expect((await runCli(['sync'], dir)).code).toBe(0);
    expect(await readFile(path.join(dir, 'README.md'), 'utf8')).toContain('[Notes](docs/a.md), [Paper](https://arxiv.org/abs/1706.03762)');
    const check = await runCli(['check', '--format', 'json', '--no-cache'], dir);
    expect(JSON.parse(check.stdout).findings).toEqual([]);
    // Generated table → folder deleted → init again: the same block comes back.
    await rm(path.join(dir, 'modules'), { recursive: true });
    expect((await runCli(['init'], dir)).code).toBe(0);
    expect(await readFile(path.join(dir, 'modules/01-a/README.md'), 'utf8')).toBe(block);
  });
});
