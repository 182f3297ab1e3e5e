// Install way 3: the pre-commit hooks, run by the real pre-commit with `language: node` and
// `language_version: system`. pre-commit installs a node hook by running `npm install --dev --prod`
// in the hook's repository, then `npm pack` and `npm install -g` of that pack. No network here:
// the hook repository is this project's release tree (the files the package ships, the hooks file,
// the manifest without devDependencies), committed in a temp clone, never in this repository.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tmpRepo } from '../support/tmp-repo.js';
import { JOURNEY, offlineNpm, REPO, run, tarball } from './support/pack.js';

const hasPreCommit = (() => {
  try {
    execFileSync('pre-commit', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const GIT = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1' };

interface Hook {
  id: string;
  entry: string;
  language: string;
  pass_filenames?: boolean;
  files?: string;
}

describe('.pre-commit-hooks.yaml', () => {
  it('defines odyssey-sync and odyssey-check as node hooks that take no file names', async () => {
    const hooks = parse(await readFile(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
    expect(hooks.map((h) => [h.id, h.entry, h.language, h.pass_filenames])).toEqual([
      ['odyssey-sync', 'odyssey sync', 'node', false],
      ['odyssey-check', 'odyssey check', 'node', false],
    ]);
    const files = new RegExp(hooks[0]!.files!);
    expect(['README.md', 'modules/a/README.md', '.odyssey.yml', 'docs/x.markdown'].every((f) => files.test(f))).toBe(true);
    expect(['src/a.ts', 'package.json'].some((f) => files.test(f))).toBe(false);
  });
});

describe.skipIf(!hasPreCommit)('the hooks under the real pre-commit', () => {
  let hookRepo: string;
  let sha: string;
  let work: string;

  beforeAll(async () => {
    work = await tmpRepo({});
    hookRepo = path.join(work, 'odyssey');
    await mkdir(hookRepo);
    const r = await run('tar', ['-xzf', await tarball(), '-C', hookRepo, '--strip-components=1'], work);
    expect(r.code, r.stderr).toBe(0);
    await cp(path.join(REPO, '.pre-commit-hooks.yaml'), path.join(hookRepo, '.pre-commit-hooks.yaml'));
    const manifest = JSON.parse(await readFile(path.join(hookRepo, 'package.json'), 'utf8')) as Record<string, unknown>;
    delete manifest.devDependencies;
    delete manifest.scripts;
    await writeFile(path.join(hookRepo, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['commit', '-qm', 'release']]) {
      expect((await run('git', args, hookRepo, GIT)).code).toBe(0);
    }
    sha = (await run('git', ['rev-parse', 'HEAD'], hookRepo)).stdout.trim();
  }, 180_000);

  const journey = async (): Promise<string> => {
    const dir = await tmpRepo(JOURNEY);
    const config = [
      'repos:',
      `  - repo: ${hookRepo}`,
      `    rev: ${sha}`,
      '    hooks:',
      '      - id: odyssey-sync',
      '        language_version: system',
      '      - id: odyssey-check',
      '        language_version: system',
      '',
    ].join('\n');
    await writeFile(path.join(dir, '.pre-commit-config.yaml'), config);
    for (const args of [['init', '-q', '-b', 'main'], ['add', '-A']]) expect((await run('git', args, dir, GIT)).code).toBe(0);
    return dir;
  };
  const env = () => ({ ...GIT, ...offlineNpm(path.join(work, 'npm-cache')), PRE_COMMIT_HOME: path.join(work, 'pre-commit-home'), NO_COLOR: '1' });

  it('sync fixes the table in place and check fails on the broken link; both pass once fixed', async () => {
    const dir = await journey();
    const first = await run('pre-commit', ['run', '--all-files'], dir, env(), 300_000);
    expect(first.code, first.stdout + first.stderr).toBe(1);
    expect(first.stdout).toMatch(/odyssey sync \(progress table\)\.+Failed[\s\S]*files were modified by this hook/);
    expect(first.stdout).toMatch(/odyssey check \(links\)\.+Failed[\s\S]*modules\/01-basics\/README\.md[\s\S]*missing-file/);
    const readme = await readFile(path.join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('| [Basics](modules/01-basics/README.md) |');
    expect(readme.startsWith('# My journey\n\n<!-- odyssey:progress:start -->\n')).toBe(true);

    await writeFile(path.join(dir, 'modules/01-basics/notes.md'), '# Notes\n');
    expect((await run('git', ['add', '-A'], dir, GIT)).code).toBe(0);
    const second = await run('pre-commit', ['run', '--all-files'], dir, env(), 300_000);
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.stdout).toMatch(/odyssey sync \(progress table\)\.+Passed/);
    expect(second.stdout).toMatch(/odyssey check \(links\)\.+Passed/);
  }, 600_000);

  it('as a git hook, it stops a commit that leaves the table stale, and lets the fixed one through', async () => {
    const dir = await journey();
    await writeFile(path.join(dir, 'modules/01-basics/notes.md'), '# Notes\n');
    expect((await run('git', ['add', '-A'], dir, GIT)).code).toBe(0);
    expect((await run('pre-commit', ['install'], dir, env())).code).toBe(0);
    const refused = await run('git', ['commit', '-qm', 'journey'], dir, env(), 300_000);
    expect(refused.code).not.toBe(0);
    expect((await run('git', ['rev-parse', '--verify', '-q', 'HEAD'], dir)).code).not.toBe(0);
    expect((await run('git', ['add', '-A'], dir, GIT)).code).toBe(0);
    const accepted = await run('git', ['commit', '-qm', 'journey'], dir, env(), 300_000);
    expect(accepted.code, accepted.stdout + accepted.stderr).toBe(0);
  }, 600_000);
});
