import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import { finding, type Finding } from '../../src/core/model.js';
import { runCheck } from '../../src/run/check.js';
import { moduleReadme, tmpRepo } from '../support/tmp-repo.js';

const lines = (r: { findings: Finding[] }) => r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.kind}`);

async function journey(): Promise<string> {
  return tmpRepo({
    'README.md': '# Journey\n\n[A](modules/01-a/README.md) [Coursera ML](link)\n[gone](modules/02-b/README.md)\n[case](Modules/01-a/README.md)\n',
    'modules/01-a/README.md': moduleReadme(
      { title: 'A', status: 'in-progress', resources: '\n  - "[Paper](link_to_paper)"\n  - title: Notes\n    url: notes.md' },
      '# Module A\n\n## Overview\n\n[notes](notes.md#part-2) [bad](notes.md#part-9) [self](#overview) [out](../../../x.md)\n',
    ),
    'modules/01-a/notes.md': '# Notes\n\n## Part 2\n\n`[code](gone.md)`\n',
  });
}

describe('runCheck', () => {
  it('reports every local problem with file, line and column, resources included', async () => {
    const root = await journey();
    const r = await runCheck({ root, config: defaultConfig(), failOn: 'error' }, { cacheFile: null, collectLinks: true });
    expect(lines(r)).toEqual([
      'README.md:3:29 placeholder',
      'README.md:4:1 missing-file',
      'README.md:5:1 missing-file',
      'modules/01-a/README.md:5:14 placeholder',
      'modules/01-a/README.md:13:26 missing-anchor',
      'modules/01-a/README.md:13:67 outside-repo',
    ]);
    expect(r.counts).toMatchObject({ files: 3, errors: 4, warnings: 2, placeholder: 2, 'missing-file': 2, 'missing-anchor': 1, 'outside-repo': 1 });
    expect(r.exitCode).toBe(1);
    expect(r.links.some((l) => l.form === 'resource' && l.url === 'notes.md')).toBe(true);
  });

  it('exits by --fail-on: never → 0, warning → 1 on warnings alone', async () => {
    const root = await tmpRepo({ 'README.md': '[x](link)\n' });
    const cfg = defaultConfig();
    expect((await runCheck({ root, config: cfg, failOn: 'error' }, { cacheFile: null })).exitCode).toBe(0);
    expect((await runCheck({ root, config: cfg, failOn: 'warning' }, { cacheFile: null })).exitCode).toBe(1);
    expect((await runCheck({ root, config: cfg, failOn: 'never' }, { cacheFile: null })).exitCode).toBe(0);
  });

  it('follows include and exclude globs', async () => {
    const root = await tmpRepo({ 'README.md': 'ok\n', 'docs/a.md': '[x](gone.md)\n', 'docs/skip/b.md': '[y](gone.md)\n', 'modules/m/README.md': '[z](gone.md)\n' });
    const config = defaultConfig();
    config.links.include = ['docs/**/*.md'];
    config.links.exclude = ['docs/skip/**'];
    const r = await runCheck({ root, config, failOn: 'error' }, { cacheFile: null, loadModules: async () => ({ modules: [], findings: [] }) });
    expect(lines(r)).toEqual(['docs/a.md:1:1 missing-file']);
  });

  it('reports binary, oversized-free broken UTF-8 and symlink loops, and still checks the rest', async () => {
    const root = await tmpRepo({
      'README.md': '[ok](modules/a/README.md)\n',
      'modules/a/README.md': '# A\n',
      'modules/bin.md': Buffer.from([0x23, 0x00, 0x01, 0x02]),
      'modules/latin1.md': Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from('\n\n[x](gone.md)\n')]),
    });
    await symlink('..', path.join(root, 'modules/a/loop'));
    await mkdir(path.join(root, 'modules/dir.md'));
    await writeFile(path.join(root, 'modules/dir.md/inner.md'), '[y](nope.md)\n');
    const r = await runCheck({ root, config: defaultConfig(), failOn: 'error' }, { cacheFile: null });
    const got = r.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.kind} ${f.message.split(':')[0]}`);
    expect(got).toContain('modules/bin.md:1:1 unreadable modules/bin.md looks binary (it holds NUL bytes)');
    expect(got).toContain('modules/latin1.md:1:6 unreadable modules/latin1.md is not valid UTF-8 (first bad byte here)');
    expect(got).toContain('modules/latin1.md:3:1 missing-file `gone.md`');
    expect(got).toContain('modules/dir.md/inner.md:1:1 missing-file `nope.md`');
    expect(got.some((g) => g.startsWith('modules/a/loop:1:1 unreadable'))).toBe(true);
  });

  it('reports a file over the size bound instead of reading it', async () => {
    const root = await tmpRepo({ 'README.md': `${'x'.repeat(9 * 1024 * 1024)}\n` });
    const r = await runCheck({ root, config: defaultConfig(), failOn: 'error' }, { cacheFile: null });
    expect(r.findings.map((f) => f.message)).toEqual([expect.stringContaining('over the 8 MB bound')]);
  });

  it('reruns from the content cache, parsing only the file that changed and those whose links reach into it', async () => {
    const root = await journey();
    const cacheFile = path.join(root, '.odyssey/extract-cache.json');
    const t0 = Date.now() - 60_000;
    const first = await runCheck({ root, config: defaultConfig(), failOn: 'error' }, { cacheFile, now: () => t0 + 120_000 });
    expect(first.counts['parsed-files']).toBe(3);
    await writeFile(path.join(root, 'modules/01-a/notes.md'), '# Notes\n\n## Part 9\n');
    const second = await runCheck({ root, config: defaultConfig(), failOn: 'error' }, { cacheFile, now: () => t0 + 240_000 });
    // notes.md changed; README.md links to its anchors, so it is judged again (from a fresh parse:
    // the store keeps each content's anchors, not its links); notes of 02-b are not read.
    expect(second.counts['parsed-files']).toBe(2);
    expect(second.counts['cached-files']).toBe(1);
    // notes.md#part-9 now exists, notes.md#part-2 no longer does: the result follows the new content.
    expect(lines(second).filter((l) => l.includes('missing-anchor'))).toEqual(['modules/01-a/README.md:13:1 missing-anchor']);
  });

  it('hands the http(s) links, placeholders and ignored ones removed, to the external check', async () => {
    const root = await tmpRepo({ 'README.md': '[a](https://a.org/x) [b](https://example.com) https://c.org/y [d](https://skip.org/z)\n' });
    const config = defaultConfig();
    config.links.ignore = ['https://skip.org/*'];
    let seen: string[] = [];
    const r = await runCheck(
      { root, config, external: true, failOn: 'error' },
      {
        cacheFile: null,
        checkExternal: async (links) => {
          seen = links.map((l) => `${l.line}:${l.column} ${l.url}`);
          const l = links[0]!;
          return { findings: [finding(l.file, l.line, l.column, 'http-error', 'error', '404', { url: l.url })], stats: { checked: links.length } };
        },
      },
    );
    expect(seen).toEqual(['1:1 https://a.org/x', '1:47 https://c.org/y']);
    expect(lines(r)).toEqual(['README.md:1:1 http-error', 'README.md:1:22 placeholder']);
    expect(r.counts['external-checked']).toBe(2);
  });
});
