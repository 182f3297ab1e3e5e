// `check --base REF` in real git repositories (SPEC §8): each finding new or existing, matched by
// file (through renames), kind and URL; what the change fixed; certain fixes only when certain.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { commitFiles, git, journeyRepo } from '../action/support/journey-repo.js';
import { runCli } from '../support/run-cli.js';
import { moduleReadme } from '../support/tmp-repo.js';

interface JsonFinding {
  file: string;
  line: number;
  url: string | null;
  kind: string;
  severity: string;
  change?: string;
  fix?: { url: string };
}
interface JsonOut {
  findings: JsonFinding[];
  fixed: JsonFinding[];
  counts: Record<string, number>;
}

const mod = (title: string, body: string) => moduleReadme({ title, status: 'todo' }, `# ${title}\n\n${body}`);

const BASE = {
  'README.md': '# Journey\n\nStart at [basics](modules/01-basics/README.md).\n',
  'modules/01-basics/README.md': mod('Basics', 'Read [the notes](notes.md) and [setup](notes.md#setup).\n'),
  'modules/01-basics/notes.md': '# Notes\n\n## Setup\n\nInstall things.\n\n## Usage\n\nUse things.\n',
  'modules/02-attention/README.md': mod('Attention', 'Builds on [the notes](../01-basics/notes.md).\n'),
};

/** A repository with `base` committed on main, then a branch `change` where `edit` is committed. */
async function changed(edit: (dir: string) => Promise<void>, base: Record<string, string> = BASE): Promise<{ dir: string; base: string }> {
  const r = await journeyRepo(base);
  await git(r.dir, ['checkout', '-q', '-b', 'change']);
  await edit(r.dir);
  await git(r.dir, ['add', '-A']);
  await git(r.dir, ['commit', '-q', '--allow-empty', '-m', 'change']);
  return { dir: r.dir, base: r.sha };
}

async function check(dir: string, ...args: string[]): Promise<JsonOut & { code: number }> {
  const r = await runCli(['check', '--base', 'main', '--format', 'json', ...args], dir);
  expect(r.stderr).toBe('');
  return { ...(JSON.parse(r.stdout) as JsonOut), code: r.code };
}

const pick = (f: JsonFinding) => ({ file: f.file, url: f.url, kind: f.kind, change: f.change, ...(f.fix ? { fix: f.fix.url } : {}) });

describe('check --base', () => {
  it('a file renamed: links in files the change never touched are new, each with the new path as a certain fix', async () => {
    const { dir } = await changed((d) => git(d, ['mv', 'modules/01-basics/notes.md', 'modules/01-basics/guide.md']).then(() => undefined));
    const out = await check(dir);
    expect(out.code).toBe(1);
    expect(out.findings.map(pick)).toEqual([
      { file: 'modules/01-basics/README.md', url: 'notes.md', kind: 'missing-file', change: 'new', fix: 'guide.md' },
      { file: 'modules/01-basics/README.md', url: 'notes.md#setup', kind: 'missing-file', change: 'new', fix: 'guide.md#setup' },
      { file: 'modules/02-attention/README.md', url: '../01-basics/notes.md', kind: 'missing-file', change: 'new', fix: '../01-basics/guide.md' },
    ]);
    expect(out.fixed).toEqual([]);
    expect(out.counts).toMatchObject({ new: 3, existing: 0, fixed: 0 });
  });

  it('a file deleted: new findings, and no fix (nothing certain to point at)', async () => {
    const { dir } = await changed((d) => git(d, ['rm', '-q', 'modules/01-basics/notes.md']).then(() => undefined));
    const out = await check(dir);
    expect(out.findings.map(pick)).toEqual([
      { file: 'modules/01-basics/README.md', url: 'notes.md', kind: 'missing-file', change: 'new' },
      { file: 'modules/01-basics/README.md', url: 'notes.md#setup', kind: 'missing-file', change: 'new' },
      { file: 'modules/02-attention/README.md', url: '../01-basics/notes.md', kind: 'missing-file', change: 'new' },
    ]);
  });

  it('a heading retitled: the anchor link elsewhere is new, fixed to the heading at the same place in the outline', async () => {
    const { dir } = await changed((d) => commitFiles(d, { 'modules/01-basics/notes.md': BASE['modules/01-basics/notes.md'].replace('## Setup', '## Installation') }).then(() => undefined));
    const out = await check(dir);
    expect(out.findings.map(pick)).toEqual([{ file: 'modules/01-basics/README.md', url: 'notes.md#setup', kind: 'missing-anchor', change: 'new', fix: 'notes.md#installation' }]);
  });

  it('a heading removed (the outline changed): no fix, only the hint', async () => {
    const { dir } = await changed((d) => commitFiles(d, { 'modules/01-basics/notes.md': '# Notes\n\n## Usage\n\nUse things.\n' }).then(() => undefined));
    const out = await check(dir);
    expect(out.findings.map(pick)).toEqual([{ file: 'modules/01-basics/README.md', url: 'notes.md#setup', kind: 'missing-anchor', change: 'new' }]);
  });

  it('a path in the wrong letter case, and one that only lacks .md: new, with certain fixes', async () => {
    const { dir } = await changed((d) =>
      commitFiles(d, { 'modules/02-attention/README.md': mod('Attention', 'Builds on [the notes](../01-basics/notes.md).\n\nSee [Basics](../01-Basics/README.md) and [usage](../01-basics/notes#usage).\n') }).then(() => undefined),
    );
    const out = await check(dir);
    expect(out.findings.map(pick)).toEqual([
      { file: 'modules/02-attention/README.md', url: '../01-Basics/README.md', kind: 'missing-file', change: 'new', fix: '../01-basics/README.md' },
      { file: 'modules/02-attention/README.md', url: '../01-basics/notes#usage', kind: 'missing-file', change: 'new', fix: '../01-basics/notes.md#usage' },
    ]);
  });

  it('broken on the base and still broken: existing, reported, and the run passes; broken and fixed: in "fixed"', async () => {
    const base = { ...BASE, 'modules/02-attention/README.md': mod('Attention', 'See [paper](paper.md).\n\nAnd [slides](slides.md).\n') };
    const { dir } = await changed(
      (d) => commitFiles(d, { 'modules/02-attention/README.md': mod('Attention', 'A new first line.\n\nSee [paper](paper.md).\n\nAnd [slides](slides.md).\n'), 'modules/02-attention/slides.md': '# Slides\n' }).then(() => undefined),
      base,
    );
    const out = await check(dir);
    expect(out.code).toBe(0);
    expect(out.findings.map(pick)).toEqual([{ file: 'modules/02-attention/README.md', url: 'paper.md', kind: 'missing-file', change: 'existing' }]);
    // Matched by URL, not line: the link moved down two lines and is still the same finding.
    expect(out.findings[0]!.line).toBe(9);
    expect(out.fixed.map(pick)).toEqual([{ file: 'modules/02-attention/README.md', url: 'slides.md', kind: 'missing-file', change: undefined }]);
    expect(out.counts).toMatchObject({ new: 0, existing: 1, fixed: 1 });
    const all = await check(dir, '--pr-fail-on', 'all');
    expect(all.code).toBe(1);
  });

  it('a new placeholder is a new warning: fails only with --fail-on warning', async () => {
    const { dir } = await changed((d) => commitFiles(d, { 'README.md': `${BASE['README.md']}\nSee [the paper](link_to_paper).\n` }).then(() => undefined));
    const out = await check(dir);
    expect(out.code).toBe(0);
    expect(out.findings.map(pick)).toEqual([{ file: 'README.md', url: 'link_to_paper', kind: 'placeholder', change: 'new' }]);
    expect((await check(dir, '--fail-on', 'warning')).code).toBe(1);
  });

  it('a file renamed and edited: its own broken link stays existing (followed through the rename)', async () => {
    const notes = '# Notes\n\n## Setup\n\nInstall things. See [the old page](old-page.md).\n\n## Usage\n\nUse things.\n\nMore lines\nto keep\nthe rename\nrecognisable\nby git.\n';
    const base = { ...BASE, 'modules/01-basics/notes.md': notes };
    const { dir } = await changed(async (d) => {
      await git(d, ['mv', 'modules/01-basics/notes.md', 'modules/01-basics/guide.md']);
      await commitFiles(d, { 'modules/01-basics/guide.md': notes.replace('Use things.', 'Use things with care.').replace('## Setup', '## Getting set up') });
    }, base);
    const out = await check(dir);
    expect(out.findings.map(pick)).toEqual([
      { file: 'modules/01-basics/README.md', url: 'notes.md', kind: 'missing-file', change: 'new', fix: 'guide.md' },
      // Renamed and retitled: the path and the anchor both move.
      { file: 'modules/01-basics/README.md', url: 'notes.md#setup', kind: 'missing-file', change: 'new', fix: 'guide.md#getting-set-up' },
      { file: 'modules/01-basics/guide.md', url: 'old-page.md', kind: 'missing-file', change: 'existing' },
      { file: 'modules/02-attention/README.md', url: '../01-basics/notes.md', kind: 'missing-file', change: 'new', fix: '../01-basics/guide.md' },
    ]);
    expect(out.fixed).toEqual([]);
  });

  it('judges against the merge-base, not the tip of the base branch that moved on', async () => {
    const base = { ...BASE, 'README.md': '# Journey\n\nSee [the plan](plan.md).\n' };
    const r = await journeyRepo(base);
    await git(r.dir, ['checkout', '-q', '-b', 'change']);
    await commitFiles(r.dir, { 'modules/03-new/README.md': mod('New', 'Text.\n') });
    // Meanwhile main fixed its broken link: against main's tip the old link would look new.
    await git(r.dir, ['checkout', '-q', 'main']);
    await commitFiles(r.dir, { 'plan.md': '# Plan\n' });
    await git(r.dir, ['checkout', '-q', 'change']);
    const out = await check(r.dir);
    expect(out.code).toBe(0);
    expect(out.findings.map(pick)).toEqual([{ file: 'README.md', url: 'plan.md', kind: 'missing-file', change: 'existing' }]);
  });

  it('a second run gives the same answer from its caches', async () => {
    const { dir } = await changed((d) => git(d, ['mv', 'modules/01-basics/notes.md', 'modules/01-basics/guide.md']).then(() => undefined));
    const first = await check(dir);
    const again = await check(dir);
    expect(again.findings).toEqual(first.findings);
    expect(await readFile(`${dir}/.odyssey/base-findings.json`, 'utf8')).toContain('odyssey-base-findings-1');
  });

  it('an unknown base is a usage error that says how to get it', async () => {
    const { dir } = await changed(async () => undefined);
    const r = await runCli(['check', '--base', 'nope'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--base nope: no such commit in this repository');
  });
});

const run = promisify(execFile);

describe('fix', () => {
  const broken = mod('Attention', 'See [Basics](../01-Basics/README.md "the basics") and\n[notes](../01-basics/notes.md) and  [setup](../01-basics/notes.md#setup)  here.\r\nKeep [this](nowhere.md).\n');

  it('--dry-run prints the unified diff and writes nothing; without it only the link targets change', async () => {
    const { dir } = await changed(async (d) => {
      await git(d, ['mv', 'modules/01-basics/notes.md', 'modules/01-basics/guide.md']);
      await commitFiles(d, { 'modules/02-attention/README.md': broken });
    });
    const file = `${dir}/modules/02-attention/README.md`;
    const dry = await runCli(['fix', '--dry-run', '--base', 'main'], dir);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('--- a/modules/02-attention/README.md\n+++ b/modules/02-attention/README.md\n@@ ');
    expect(dry.stdout).toContain('-See [Basics](../01-Basics/README.md "the basics") and\n');
    expect(dry.stdout).toContain('+See [Basics](../01-basics/README.md "the basics") and\n');
    expect(dry.stderr).toContain('--dry-run: nothing written');
    expect(await readFile(file, 'utf8')).toBe(broken);

    const real = await runCli(['fix', '--base', 'main'], dir);
    expect(real.code).toBe(0);
    expect(real.stdout).toBe(dry.stdout);
    const after = await readFile(file, 'utf8');
    expect(after).toBe(
      broken
        .replace('../01-Basics/README.md', '../01-basics/README.md')
        .replace('[notes](../01-basics/notes.md)', '[notes](../01-basics/guide.md)')
        .replace('(../01-basics/notes.md#setup)', '(../01-basics/guide.md#setup)'),
    );
    // The other files' links to the renamed file are fixed too; a rerun has nothing left to do.
    expect(await readFile(`${dir}/modules/01-basics/README.md`, 'utf8')).toContain('Read [the notes](guide.md) and [setup](guide.md#setup).');
    const status = (await run('git', ['status', '--porcelain'], { cwd: dir })).stdout;
    expect(status.split('\n').filter(Boolean).sort()).toEqual([' M modules/01-basics/README.md', ' M modules/02-attention/README.md']);
    const rerun = await runCli(['fix', '--base', 'main'], dir);
    expect(rerun.stdout).toBe('');
    expect(rerun.stderr).toContain('nothing to fix with certainty; 1 broken link without a certain fix left for you');
  });

  it('without --base: letter case and a missing .md only', async () => {
    const { dir } = await changed((d) => commitFiles(d, { 'modules/02-attention/README.md': mod('Attention', '[a](../01-Basics/README.md) [b](../01-basics/notes)\n') }).then(() => undefined));
    const r = await runCli(['fix'], dir);
    expect(r.code).toBe(0);
    expect(await readFile(`${dir}/modules/02-attention/README.md`, 'utf8')).toContain('[a](../01-basics/README.md) [b](../01-basics/notes.md)');
  });

  it('exit 2 on a usage error', async () => {
    const { dir } = await changed(async () => undefined);
    expect((await runCli(['fix', '--base', ''], dir)).code).toBe(2);
    expect((await runCli(['fix', '--bogus'], dir)).code).toBe(2);
    expect((await runCli(['fix', '--base', 'no-such-ref'], dir)).code).toBe(2);
  });
});
