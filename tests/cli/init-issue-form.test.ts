// init writes the "New topic" issue form (issue 13) once, and never over the user's own.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../support/run-cli.js';
import { tmpRepo } from '../support/tmp-repo.js';

const FORM = '.github/ISSUE_TEMPLATE/new-topic.yml';
const README = '# Journey\n\n| Topic | Status |\n|---|---|\n| Basics | done |\n';
const read = (dir: string, rel: string) => readFile(path.join(dir, rel), 'utf8');
const exists = (dir: string, rel: string) => stat(path.join(dir, rel)).then(() => true, () => false);

describe('odyssey init: the new-topic issue form', () => {
  it('writes the form once; a second run keeps it', async () => {
    const dir = await tmpRepo({ 'README.md': README });
    const first = await runCli(['init'], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`created ${FORM}`);
    const form = parse(await read(dir, FORM)) as { name: string; labels: string[]; title: string; body: Array<{ type: string; id?: string }> };
    expect(form).toMatchObject({ name: 'New topic', labels: ['new-topic'], title: 'Topic: ' });
    expect(form.body.filter((b) => b.type !== 'markdown').map((b) => b.id)).toEqual(['title', 'resources', 'tasks']);
    const text = await read(dir, FORM);
    const second = await runCli(['init'], dir);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).not.toContain(`created ${FORM}`);
    expect(await read(dir, FORM)).toBe(text);
  });

  it('never overwrites the user\'s own form', async () => {
    const mine = 'name: Mine\ndescription: my form\nbody: []\n';
    const dir = await tmpRepo({ 'README.md': README, [FORM]: mine });
    const r = await runCli(['init'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain(`created ${FORM}`);
    expect(await read(dir, FORM)).toBe(mine);
  });

  it('--dry-run names it and writes nothing', async () => {
    const dir = await tmpRepo({ 'README.md': README });
    const r = await runCli(['init', '--dry-run'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`would create ${FORM}`);
    expect(await exists(dir, FORM)).toBe(false);
  });
});
