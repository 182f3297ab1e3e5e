// The result cache: a rerun reuses a file's findings only while the file and everything they
// depend on (targets' existence, letter case, anchors; the configuration) are unchanged. Each
// scenario checks the rerun against a run without any cache: same findings, same counts.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Config } from '../../src/core/config.js';
import type { Finding } from '../../src/core/model.js';
import { runCheck, type CheckResult } from '../../src/run/check.js';
import { moduleReadme, tmpRepo, ZONE } from '../support/tmp-repo.js';

const lines = (r: { findings: Finding[] }) => r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.kind}`);
const CACHE_COUNTS = ['parsed-files', 'cached-files', 'reused-results'];
const withoutCacheCounts = (c: Record<string, number>) => Object.fromEntries(Object.entries(c).filter(([k]) => !CACHE_COUNTS.includes(k)));

/** Runs check with a cache file, each run "later" than the last so unchanged stats are trusted. */
function checker(root: string) {
  const cacheFile = path.join(root, '.odyssey/extract-cache.json');
  let clock = Date.now() + 60_000;
  return async (config: Config = defaultConfig()): Promise<CheckResult> => {
    clock += 60_000;
    const cached = await runCheck({ root, config, failOn: 'error' }, { cacheFile, now: () => clock, collectLinks: true });
    const fresh = await runCheck({ root, config, failOn: 'error' }, { cacheFile: null });
    expect(cached.findings).toEqual(fresh.findings);
    expect(withoutCacheCounts(cached.counts)).toEqual(withoutCacheCounts(fresh.counts));
    return cached;
  };
}

describe('runCheck result cache', () => {
  it('reuses every result when nothing changed, and writes nothing', async () => {
    const root = await tmpRepo({ 'README.md': '# J\n\n[a](a.md#one) [gone](gone.md) [x](link)\n', 'a.md': '# One\n' });
    const check = checker(root);
    const config = defaultConfig();
    config.links.include = ['*.md'];
    await check(config);
    const index = path.join(root, '.odyssey/check-run-index.json');
    const before = await readFile(index, 'utf8');
    const again = await check(config);
    expect(again.counts).toMatchObject({ 'reused-results': 2, 'parsed-files': 0, 'missing-file': 1, placeholder: 1 });
    expect(again.links).toEqual([]);
    expect(await readFile(index, 'utf8')).toBe(before);
  });

  it('a renamed heading in B fails the link to B#old in an unchanged A, and only A is judged again', async () => {
    const root = await tmpRepo({
      'modules/m/README.md': moduleReadme({ title: 'M', status: 'todo' }, '# M\n\n[b](b.md#old-name) [c](c.md)\n'),
      'modules/m/b.md': '# B\n\n## Old name\n',
      'modules/m/c.md': '# C\n\n[b](b.md)\n',
    });
    const check = checker(root);
    expect(lines(await check())).toEqual([]);
    await writeFile(path.join(root, 'modules/m/b.md'), '# B\n\n## New name\n');
    const r = await check();
    expect(lines(r)).toEqual(['modules/m/README.md:7:1 missing-anchor']);
    expect(r.findings[0]!.message).toContain('has no heading or anchor #old-name');
    // b.md changed; README.md depends on b's anchors; c.md only on b existing; resources on nothing.
    // README.md is judged again from a fresh parse (the store keeps anchors, not every file's links).
    expect(r.counts).toMatchObject({ 'parsed-files': 2, 'reused-results': 2 });
    // Renaming it back heals A without touching A.
    await writeFile(path.join(root, 'modules/m/b.md'), '# B\n\n## Old name\n');
    expect(lines(await check())).toEqual([]);
  });

  it('keeps results when B changes but its anchors do not', async () => {
    const root = await tmpRepo({ 'README.md': '[b](b.md#part)\n', 'b.md': '## Part\n\ntext\n' });
    const config = defaultConfig();
    config.links.include = ['*.md'];
    const check = checker(root);
    await check(config);
    await writeFile(path.join(root, 'b.md'), '## Part\n\nmore text\n');
    const r = await check(config);
    expect(r.counts).toMatchObject({ 'parsed-files': 1, 'reused-results': 1 });
  });

  it('reports a link to a deleted file, and clears it when a file appears', async () => {
    const root = await tmpRepo({ 'README.md': '[c](docs/c.md) [d](docs/d.md) [dir](docs/sub)\n', 'docs/c.md': '# C\n' });
    const check = checker(root);
    expect(lines(await check())).toEqual(['README.md:1:16 missing-file', 'README.md:1:31 missing-file']);
    await rm(path.join(root, 'docs/c.md'));
    await writeFile(path.join(root, 'docs/d.md'), '# D\n');
    expect(lines(await check())).toEqual(['README.md:1:1 missing-file', 'README.md:1:31 missing-file']);
    await mkdir(path.join(root, 'docs/sub'));
    expect(lines(await check())).toEqual(['README.md:1:1 missing-file']);
  });

  it('follows letter case: a file that appears in another case gives the hint; renamed right, no finding', async () => {
    const root = await tmpRepo({ 'README.md': '[n](notes/guide.md)\n', 'notes/other.md': '' });
    const check = checker(root);
    expect((await check()).findings[0]!.message).toContain('does not exist');
    await writeFile(path.join(root, 'notes/Guide.md'), '# G\n');
    expect((await check()).findings[0]!.message).toContain('exists only as notes/Guide.md');
    await rename(path.join(root, 'notes/Guide.md'), path.join(root, 'notes/guide.md'));
    expect(lines(await check())).toEqual([]);
  });

  it('judges again when .odyssey.yml changes placeholders, ignore, include or exclude', async () => {
    const root = await tmpRepo({ 'README.md': '[a](later/stuff.md) [b](https://skip.org/x)\n', 'modules/m/notes.md': '[c](gone.md)\n' });
    const check = checker(root);
    const base = defaultConfig();
    expect(lines(await check(base))).toEqual(['README.md:1:1 missing-file', 'modules/m/notes.md:1:1 missing-file']);
    const placeholders = defaultConfig();
    placeholders.links.placeholders = ['later/*'];
    expect(lines(await check(placeholders))).toEqual(['README.md:1:1 placeholder', 'modules/m/notes.md:1:1 missing-file']);
    const ignore = defaultConfig();
    ignore.links.ignore = ['later/*'];
    const ignored = await check(ignore);
    expect(lines(ignored)).toEqual(['modules/m/notes.md:1:1 missing-file']);
    expect(ignored.counts.ignored).toBe(1);
    const exclude = defaultConfig();
    exclude.links.exclude = ['modules/m/**'];
    expect(lines(await check(exclude))).toEqual(['README.md:1:1 missing-file']);
    const include = defaultConfig();
    include.links.include = ['modules/**/*.md'];
    expect(lines(await check(include))).toEqual(['modules/m/notes.md:1:1 missing-file']);
    expect(lines(await check(base))).toEqual(['README.md:1:1 missing-file', 'modules/m/notes.md:1:1 missing-file']);
  });

  it('follows status-block resources and the README zones', async () => {
    const root = await tmpRepo({
      'README.md': `# J\n\n${ZONE}`,
      'modules/01-a/README.md': moduleReadme({ title: 'A', status: 'todo', resources: '\n  - title: Notes\n    url: notes.md#intro' }, '# A\n'),
      'modules/01-a/notes.md': '# Intro\n',
    });
    const check = checker(root);
    expect(lines(await check())).toEqual([]);
    await writeFile(path.join(root, 'modules/01-a/notes.md'), '# Outro\n');
    expect(lines(await check())).toEqual(['modules/01-a/README.md:6:10 missing-anchor']);
    await writeFile(path.join(root, 'modules/01-a/README.md'), moduleReadme({ title: 'A', status: 'todo', resources: '\n  - "[Paper](link)"' }, '# A\n'));
    expect(lines(await check())).toEqual(['modules/01-a/README.md:5:14 placeholder']);
    // A link inside the progress zone is odyssey's own output: not reported, counted as generated.
    await writeFile(path.join(root, 'README.md'), `# J\n\n${ZONE.replace('\n', '\n[x](gone.md)\n')}`);
    const r = await check();
    expect(r.counts.generated).toBe(1);
    expect(lines(r)).toEqual(['modules/01-a/README.md:5:14 placeholder']);
  });

  it('keeps the broken-UTF-8 warning of an unchanged file', async () => {
    const root = await tmpRepo({ 'README.md': Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n\n[x](gone.md)\n')]) });
    const check = checker(root);
    expect(lines(await check())).toEqual(['README.md:1:6 unreadable', 'README.md:3:1 missing-file']);
    expect(lines(await check())).toEqual(['README.md:1:6 unreadable', 'README.md:3:1 missing-file']);
  });

  it('starts afresh from a broken index or a broken shard', async () => {
    const root = await tmpRepo({ 'README.md': '[b](b.md#x)\n', 'b.md': '# X\n' });
    const config = defaultConfig();
    config.links.include = ['*.md'];
    const check = checker(root);
    await check(config);
    await writeFile(path.join(root, '.odyssey/check-run-index.json'), '{"format": "odyssey-check-2", "files": ');
    expect(lines(await check(config))).toEqual([]);
    const shards = path.join(root, '.odyssey/file-results');
    const { readdir } = await import('node:fs/promises');
    for (const s of await readdir(shards)) await writeFile(path.join(shards, s), 'not json');
    await writeFile(path.join(root, 'b.md'), '# Y\n');
    expect(lines(await check(config))).toEqual(['README.md:1:1 missing-anchor']);
  });
});
