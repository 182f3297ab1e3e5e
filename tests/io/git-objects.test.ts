// GitObjects reads a commit straight from git's objects: one ls-tree, one cat-file --batch
// process for every blob read of the run; and fetches a commit a shallow clone lacks.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { GitObjects, parseNameStatus } from '../../src/io/git-objects.js';
import { pullRequestLinks } from '../../src/action/pr-step.js';
import { defaultConfig } from '../../src/core/config.js';
import { commitFiles, git, journeyRepo } from '../action/support/journey-repo.js';

const run = promisify(execFile);
const clones: string[] = [];
afterAll(() => Promise.all(clones.map((d) => rm(d, { recursive: true, force: true }))));

describe('GitObjects', () => {
  it('lists a commit and reads 120 blobs (with binary bytes and newlines) through one cat-file process', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`docs/f${i}.md`] = `# File ${i}\n\n${'x\n'.repeat(i)}\u0000tail ${i}`;
    const { dir, sha } = await journeyRepo(files);
    await commitFiles(dir, { 'docs/f0.md': 'changed now' });
    const g = new GitObjects(dir);
    try {
      const tree = await g.tree(sha);
      expect(tree).toHaveLength(120);
      const half = tree.slice(0, 60);
      const a = await g.read(half.map((e) => e.oid));
      const b = await g.read([...tree.slice(60).map((e) => e.oid), '0'.repeat(40)]);
      expect(a.size + b.size).toBe(120);
      for (const e of tree) expect((a.get(e.oid) ?? b.get(e.oid))!.toString('utf8')).toBe(files[e.path]);
      expect(g.spawned).toEqual({ catFile: 1, lsTree: 1 });
      // The working tree moved on: the commit still reads as it was.
      expect(await g.changesSince(sha)).toEqual([{ status: 'M', path: 'docs/f0.md' }]);
    } finally {
      g.close();
    }
  });

  it('lists paths relative to a root inside the repository', async () => {
    const { dir, sha } = await journeyRepo({ 'journey/README.md': '# J\n', 'other/x.md': '# X\n' });
    const g = new GitObjects(path.join(dir, 'journey'));
    expect((await g.tree(sha)).map((e) => e.path)).toEqual(['README.md']);
    g.close();
  });

  it('parses renames and copies from --name-status -z', () => {
    expect(parseNameStatus('R087\0a.md\0b.md\0M\0c.md\0C100\0d.md\0e.md\0D\0f.md\0')).toEqual([
      { status: 'R', from: 'a.md', path: 'b.md', similarity: 87 },
      { status: 'M', path: 'c.md' },
      { status: 'A', path: 'e.md' },
      { status: 'D', path: 'f.md' },
    ]);
  });
});

/** An origin with main and a pull request branch; a clone of the branch alone with --depth 1. */
async function shallowPullRequest() {
  const origin = await journeyRepo({ 'README.md': '# J\n\nSee [plan](plan.md) and [notes](notes.md).\n', 'notes.md': '# Notes\n' });
  await git(origin.dir, ['checkout', '-q', '-b', 'pr']);
  await git(origin.dir, ['mv', 'notes.md', 'guide.md']);
  await git(origin.dir, ['commit', '-q', '-m', 'rename']);
  const parent = await mkdtemp(path.join(os.tmpdir(), 'odyssey-shallow-'));
  clones.push(parent);
  const clone = path.join(parent, 'clone');
  await run('git', ['clone', '-q', '--depth', '1', '--branch', 'pr', `file://${origin.dir}`, clone]);
  return { origin, clone };
}

describe('the action on a shallow checkout', () => {
  const input = (root: string, baseSha: string) => ({
    ctx: { eventName: 'pull_request', ref: '', sha: '', owner: 'o', repo: 'r', workspace: root, apiUrl: '', serverUrl: 'https://github.com', baseSha },
    config: defaultConfig(),
    root,
    prefix: '',
    external: false,
    failOn: 'error' as const,
    prFailOn: 'new' as const,
  });

  it('fetches the base commit it lacks, then judges only what the pull request brings', async () => {
    const { origin, clone } = await shallowPullRequest();
    expect(await new GitObjects(clone).commit(origin.sha)).toBeNull();
    const r = await pullRequestLinks(input(clone, origin.sha));
    expect(r.notes).toEqual([]);
    expect(r.findings.map((f) => [f.url, f.change, f.fix?.url])).toEqual([
      ['plan.md', 'existing', undefined],
      ['notes.md', 'new', 'guide.md'],
    ]);
    expect(r.fixed).toEqual([]);
  });

  it('when the base cannot be fetched: says to set fetch-depth: 0 and judges every finding', async () => {
    const { origin, clone } = await shallowPullRequest();
    await run('git', ['remote', 'set-url', 'origin', `file://${origin.dir}-gone`], { cwd: clone });
    const r = await pullRequestLinks(input(clone, origin.sha));
    expect(r.fixed).toBeNull();
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatch(/^could not fetch the base commit [0-9a-f]{7} \(.+\): every link finding is judged/);
    expect(r.notes[0]).toContain('`fetch-depth: 0`');
    expect(r.findings.map((f) => [f.url, f.change])).toEqual([
      ['plan.md', undefined],
      ['notes.md', undefined],
    ]);
  });
});
