// Terminal manners: colour (NO_COLOR, FORCE_COLOR, a terminal), one-line clickable locations for
// every command, did-you-mean, `help <command>`, --output and --format on every reporting command.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useColor } from '../../src/cli/color.js';
import { runCli } from '../support/run-cli.js';
import { moduleReadme, tmpRepo, ZONE } from '../support/tmp-repo.js';

const ESC = '\u001b[';
const LOCATION_LINE = /^[^\s:]+:\d+:\d+: (error|warning) [a-z-]+ \S/;

const broken = () =>
  tmpRepo({
    'README.md': `# J\n\n[gone](modules/none.md) and [later](TODO)\n\n${ZONE}\n`,
    'modules/01-a/README.md': moduleReadme({ title: 'A', status: 'done', started: '2020-01-02', completed: '2020-01-05' }, '# A\n\n[x](missing.md)\n'),
    'modules/02-b/README.md': '# B without a status block\n',
  });

describe('colour', () => {
  it('follows the terminal, turns off with NO_COLOR and on with FORCE_COLOR (FORCE_COLOR=0 turns it off)', () => {
    expect(useColor({}, true)).toBe(true);
    expect(useColor({}, false)).toBe(false);
    expect(useColor({ NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor({ NO_COLOR: '' }, true)).toBe(true);
    expect(useColor({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(useColor({ FORCE_COLOR: '' }, false)).toBe(true);
    expect(useColor({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(useColor({ FORCE_COLOR: 'false' }, true)).toBe(false);
  });

  it('paints check on a terminal, not with NO_COLOR, and off a terminal only with FORCE_COLOR', async () => {
    const root = await broken();
    expect((await runCli(['check'], root, {}, { isTTY: true })).stdout).toContain(`${ESC}31m`);
    expect((await runCli(['check'], root, { NO_COLOR: '1' }, { isTTY: true })).stdout).not.toContain(ESC);
    expect((await runCli(['check'], root, {})).stdout).not.toContain(ESC);
    expect((await runCli(['check'], root, { FORCE_COLOR: '1' })).stdout).toContain(`${ESC}31m`);
    expect((await runCli(['sync', '--check'], root, { FORCE_COLOR: '1' })).stdout).toContain(`${ESC}31m`);
    expect((await runCli(['sync', '--check'], root, { NO_COLOR: 'yes' }, { isTTY: true })).stdout).not.toContain(ESC);
  });
});

describe('one-line locations', () => {
  it('check and sync print each finding as `path:line:col: severity kind message`, files apart by a blank line', async () => {
    const root = await broken();
    const check = await runCli(['check'], root);
    const checkLines = check.stdout.split('\n').filter((l) => LOCATION_LINE.test(l));
    expect(checkLines).toEqual([
      expect.stringMatching(/^README\.md:3:1: error missing-file /),
      expect.stringMatching(/^README\.md:3:29: warning placeholder /),
      expect.stringMatching(/^modules\/01-a\/README\.md:\d+:1: error missing-file /),
    ]);
    expect(check.stdout).toMatch(/warning placeholder .*\n\nmodules\/01-a/);
    const sync = await runCli(['sync', '--check'], root);
    expect(sync.stdout.split('\n')[0]).toMatch(/^modules\/02-b\/README\.md:1:1: error status-block no status block/);
  });
});

describe('--format on every reporting command', () => {
  it('github: workflow commands with file, line and col', async () => {
    const root = await broken();
    const r = await runCli(['check', '--format', 'github'], root);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^::error file=README\.md,line=3,col=1,title=odyssey missing-file::`modules\/none\.md`/);
    const s = await runCli(['sync', '--check', '--format', 'github'], root);
    expect(s.stdout).toMatch(/^::error file=modules\/02-b\/README\.md,line=1,col=1,title=odyssey status-block::no status block/);
    // stdout holds the annotations alone; what sync did goes to stderr.
    expect(s.stdout.split('\n').filter(Boolean).every((l) => l.startsWith('::'))).toBe(true);
    expect(s.stderr).toContain('README.md is out of date');
  });

  it('github: a value that looks like an escape or a command stays inside its one command', async () => {
    const root = await tmpRepo({ 'README.md': '# J\n\n[x](gone%0A::error::pwned.md) [y](<a,b:c.md>)\n' });
    const r = await runCli(['check', '--format', 'github'], root);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => /^::error file=README\.md,line=3,col=\d+,title=odyssey missing-file::/.test(l))).toBe(true);
    expect(lines[0]).toContain('gone%250A::error::pwned.md');
  });

  it('json from sync is one object; markdown is a table', async () => {
    const root = await broken();
    const j = JSON.parse((await runCli(['sync', '--check', '--format', 'json'], root)).stdout) as { findings: Array<{ kind: string }>; counts: Record<string, number> };
    expect(j.findings.map((f) => f.kind)).toEqual(['status-block']);
    expect(j.counts).toMatchObject({ modules: 2, errors: 1 });
    const md = (await runCli(['check', '--format', 'markdown'], root)).stdout;
    expect(md).toMatch(/^### odyssey check: 2 errors, 1 warning\n\n\| Where \| Severity \| Kind \| What to do \|\n\| --- /);
    expect(md).toContain('| `README.md:3:1` | ❌ error | `missing-file` |');
  });

  it('stale annotates each stale topic in the github format', async () => {
    const root = await tmpRepo({
      'README.md': `# J\n\n${ZONE}\n`,
      'modules/01-a/README.md': moduleReadme({ title: 'A', status: 'in-progress', started: '2020-01-02' }, '# A\n'),
    });
    const r = await runCli(['stale', '--now', '2030-01-01', '--format', 'github'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^::warning file=modules\/01-a\/README\.md,line=1,col=1,title=odyssey stale-topic::A is in progress but idle for \d+ days/);
  });
});

describe('--output FILE', () => {
  it('writes the report to the file, nothing to stdout, and keeps the exit code', async () => {
    const root = await broken();
    const r = await runCli(['check', '--format', 'sarif', '--output', 'out/report.sarif'], root, { FORCE_COLOR: undefined });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const sarif = JSON.parse(await readFile(path.join(root, 'out/report.sarif'), 'utf8')) as { runs: Array<{ results: unknown[] }> };
    expect(sarif.runs[0]!.results).toHaveLength(3);
    const t = await runCli(['check', '--output', 'report.txt'], root, {}, { isTTY: true });
    expect(await readFile(path.join(root, 'report.txt'), 'utf8')).not.toContain(ESC);
    expect(t.code).toBe(1);
  });

  it('is a usage error (exit 2) when the file cannot be written', async () => {
    const root = await broken();
    const r = await runCli(['check', '--output', 'README.md/x.txt'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--output README\.md\/x\.txt: cannot write the report/);
  });
});

describe('did you mean', () => {
  it.each([
    [['chek'], "unknown command 'chek' (did you mean 'check'?)"],
    [['synk', '--check'], "(did you mean 'sync'?)"],
    [['check', '--extrnal'], "Unknown option '--extrnal' (did you mean '--external'?)"],
    [['check', '--fromat', 'json'], "(did you mean '--format'?)"],
    [['check', '--format', 'jsno'], "--format takes text, json, sarif, github, markdown; got 'jsno' (did you mean 'json'?)"],
    [['help', 'stal'], "unknown command 'stal' (did you mean 'stale'?)"],
  ])('%j', async (args, message) => {
    const r = await runCli(args, await broken());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });

  it('suggests nothing for a word far from every name', async () => {
    const r = await runCli(['deploy'], await broken());
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('did you mean');
  });
});

describe('help <command>', () => {
  it("prints the command's help, the same as <command> --help, and exits 0", async () => {
    const root = await broken();
    const a = await runCli(['help', 'check'], root);
    const b = await runCli(['check', '--help'], root);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/^usage: odyssey check \[options\]/);
    expect(a.stdout).toContain('--output FILE');
    expect(a.stdout).toBe(b.stdout);
    const general = await runCli(['help'], root);
    expect(general.stdout).toContain("run 'odyssey help <command>'");
    expect(general.stdout).toContain('exit codes: 0 clean, 1 findings');
  });
});
