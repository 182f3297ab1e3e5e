import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleReadme, tmpRepo, ZONE } from '../support/tmp-repo.js';
import { runCli, runDistCli } from '../support/run-cli.js';

const files = () => ({
  'README.md': `# J\n\n${ZONE}`,
  'modules/01-a/README.md': moduleReadme({ status: 'done', completed: '2026-01-01' }, '# A\n'),
});

describe('odyssey sync (CLI)', () => {
  it('writes, then reports up to date, then --check passes', async () => {
    const dir = await tmpRepo(files());
    const first = await runCli(['sync'], dir);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toBe('updated README.md (1 module).\n');
    const second = await runCli(['sync', '--check'], dir);
    expect(second.stdout).toBe('README.md is up to date (1 module).\n');
    expect(second.code).toBe(0);
  });

  it('--check on an out-of-date README exits 1, shows what changes, writes nothing', async () => {
    const dir = await tmpRepo(files());
    const r = await runCli(['sync', '--check'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('README.md is out of date: run `odyssey sync` to update it.');
    expect(r.stdout).toMatch(/^ {2}\+ .*\[A\]\(modules\/01-a\/README\.md\)/m);
    expect(await readFile(path.join(dir, 'README.md'), 'utf8')).toBe(`# J\n\n${ZONE}`);
  });

  it('--root points at another folder', async () => {
    const dir = await tmpRepo(files());
    const r = await runCli(['sync', '--root', dir], '/');
    expect(r.code).toBe(0);
    expect(await readFile(path.join(dir, 'README.md'), 'utf8')).toContain('[A](modules/01-a/README.md)');
  });

  it('prints a broken status block as file:line:col with the fix and exits 1', async () => {
    const dir = await tmpRepo({ ...files(), 'modules/02-b/README.md': '# B without a block\n' });
    const r = await runCli(['sync'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^modules\/02-b\/README\.md:1:1: error: no status block: .*\[status-block\]\n {4}---\n {4}title: B\n {4}status: todo\n {4}---\n/m);
  });

  it('exit 2 for an unknown option, an unknown command, a bad --root and a bad config value', async () => {
    const dir = await tmpRepo(files());
    const unknownOption = await runCli(['sync', '--chek'], dir);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/--chek/);
    const unknownCommand = await runCli(['synk'], dir);
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toMatch(/unknown command 'synk'.*sync, check, stale, init/);
    const badRoot = await runCli(['sync', '--root', path.join(dir, 'nope')], dir);
    expect(badRoot.code).toBe(2);
    await writeFile(path.join(dir, '.odyssey.yml'), 'stale:\n  days: soon\n');
    const badConfig = await runCli(['sync'], dir);
    expect(badConfig.code).toBe(2);
    expect(badConfig.stderr).toBe('odyssey sync: .odyssey.yml:2:9: `stale.days`: expected a whole number from 1 to 3650\n');
    await writeFile(path.join(dir, '.odyssey.yml'), 'tabel:\n  columns: [topic]\n');
    const unknownKey = await runCli(['sync'], dir);
    expect(unknownKey.stderr).toMatch(/`tabel`: unknown key; the top level takes readme, modules, table/);
    const missingConfig = await runCli(['sync', '--config', 'nope.yml'], dir);
    expect(missingConfig.code).toBe(2);
    expect(missingConfig.stderr).toMatch(/nope\.yml: cannot read the configuration file: it does not exist/);
  });

  it('a missing zone exits 2 and prints the two marker lines to paste', async () => {
    const dir = await tmpRepo({ ...files(), 'README.md': '# J\n' });
    const r = await runCli(['sync'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('<!-- odyssey:progress:start -->\n<!-- odyssey:progress:end -->');
  });
});

describe('the built dist/cli.js', () => {
  it('runs sync with no node_modules around it and answers --version and --help', async () => {
    const dir = await tmpRepo(files());
    const r = await runDistCli(['sync'], dir);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(await readFile(path.join(dir, 'README.md'), 'utf8')).toContain('[A](modules/01-a/README.md)');
    const v = await runDistCli(['--version'], dir);
    expect(v.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    const h = await runDistCli(['sync', '--help'], dir);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('--check');
    const none = await runDistCli([], dir);
    expect(none.code).toBe(2);
  });
});
