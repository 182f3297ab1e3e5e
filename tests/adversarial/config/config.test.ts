// Adversarial family: configuration. Bad types, huge and negative numbers, NaN and infinity,
// pathological globs and patterns, YAML bombs and deep nesting, prototype names as keys and
// columns, a configuration that is a folder, a FIFO, a link out of the repository, binary or huge.
// Each case: exit 0, 1 or 2; no stack trace; done within the bound; nothing read from outside;
// the user's bytes outside odyssey's zones unchanged.
import { chmod, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attack, expectSafe, hostile, SECRET } from '../support/harness.js';

const ZONE = '<!-- odyssey:progress:start -->\n<!-- odyssey:progress:end -->\n';
const README = `# My journey\n\nMy own words, kept as they are.\n\n${ZONE}\nMore of my words.\n`;
const MODULE = '---\nstatus: in-progress\nstarted: 2026-01-02\ndifficulty: hard\n---\n# Basics\n\n[docs](https://example.invalid/aaaa)\n';

const journey = (config: string | Buffer, extra: Record<string, string | Buffer> = {}) =>
  hostile({ 'README.md': README, 'modules/01-basics/README.md': MODULE, '.odyssey.yml': config, ...extra });

const T = 60_000;

/** A configuration error: exit 2, one line naming the file, the line and the key. */
async function refused(config: string | Buffer, message: RegExp, args = ['sync']): Promise<void> {
  const h = await journey(config);
  const r = await attack(h, args);
  await expectSafe(h, r, { codes: [2] });
  expect(r.stderr).toMatch(message);
  expect(r.stdout).toBe('');
}

describe('adversarial: configuration', () => {
  it('a timeout past what Node timers hold (1e9 s) is refused, naming the range', async () => {
    await refused('links:\n  timeout: 1e9\n', /\.odyssey\.yml:2:12: `links\.timeout`: expected a number above 0, up to 600/, ['check']);
  }, T);

  it('huge counts (concurrency 1e308, per-host 2^53, max-issue-operations 10^10) are refused', async () => {
    await refused('links:\n  concurrency: 1e308\n', /`links\.concurrency`: expected a whole number from 1 to 256/, ['check']);
    await refused('links:\n  per-host: 9007199254740993\n', /`links\.per-host`: expected a whole number from 1 to 64/, ['check']);
    await refused('stale:\n  max-issue-operations: 10000000000\n', /`stale\.max-issue-operations`: expected a whole number from 0 to 1000/, ['stale']);
  }, T);

  it('negative numbers are refused (days, retries, cache-age)', async () => {
    await refused('stale:\n  days: -5\n', /`stale\.days`: expected a whole number from 1 to 3650/, ['stale']);
    await refused('links:\n  retries: -1\n', /`links\.retries`: expected a whole number from 0 to 10/, ['check']);
    await refused('links:\n  cache-age: -0.5\n', /`links\.cache-age`: expected a number from 0 to 8760/, ['check']);
  }, T);

  it('NaN-ish values (.nan, .inf, "NaN", "15s", null) are refused', async () => {
    await refused('links:\n  timeout: .nan\n', /`links\.timeout`: expected a number above 0, up to 600/, ['check']);
    await refused('links:\n  timeout: -.inf\n', /`links\.timeout`: expected a number above 0/, ['check']);
    await refused('stale:\n  days: "NaN"\n', /`stale\.days`: expected a whole number/, ['stale']);
    await refused('links:\n  timeout: 15s\n', /`links\.timeout`: expected a number/, ['check']);
    await refused('links:\n  concurrency: ~\n', /`links\.concurrency`: expected a whole number/, ['check']);
  }, T);

  it('wrong types everywhere (a list for a section, a mapping for a string, a number for a list) are refused', async () => {
    await refused('links: [a, b]\n', /^odyssey sync: \.odyssey\.yml:1:8: `links`: expected a mapping with keys include, exclude/);
    await refused('readme: {file: README.md}\n', /`readme`: expected a non-empty string/);
    await refused('links:\n  include: 42\n', /`links\.include`: expected a list of strings/, ['check']);
    await refused('table:\n  columns: [topic, [status]]\n', /`table\.columns\[1\]`: expected a column name or \{key, header\}/);
    await refused('- readme\n- modules\n', /expected a mapping of keys/);
  }, T);

  it('a billion-laughs YAML bomb is refused at once, not expanded', async () => {
    const levels = 'abcdefghij'.split('');
    const bomb = [`a: &a ["${'lol'.repeat(10)}"]`, ...levels.slice(1).map((k, i) => `${k}: &${k} [${Array(10).fill(`*${levels[i]}`).join(', ')}]`), 'links: *j', ''].join('\n');
    await refused(bomb, /the YAML aliases \(\*name\) expand to too much/);
  }, T);

  it('a configuration nested 5,000 deep is a YAML error, not a crash', async () => {
    await refused(`table: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, /\.odyssey\.yml:\d+:\d+: /);
  }, T);

  it('prototype names as keys (__proto__, constructor, toString) are unknown keys, and pollute nothing', async () => {
    await refused('__proto__:\n  readme: ../outside.md\n', /`__proto__`: unknown key; the top level takes readme, modules/);
    await refused('links:\n  constructor: {}\n', /`links\.constructor`: unknown key; `links` takes include/, ['check']);
    await refused('stale:\n  toString: 3\n', /`stale\.toString`: unknown key/, ['stale']);
    expect(({} as Record<string, unknown>).readme).toBeUndefined();
  }, T);

  it('prototype names as columns are fields like any other: sync renders them, nothing crashes', async () => {
    const h = await journey('table:\n  columns: [topic, constructor, __proto__, toString, hasOwnProperty, valueOf, difficulty]\n');
    const r = await attack(h, ['sync']);
    await expectSafe(h, r, { codes: [0] });
    const text = await readFile(path.join(h.root, 'README.md'), 'utf8');
    expect(text).toMatch(/\| Module\/Topic +\| Constructor +\| Proto +\| To String +\| Has Own Property +\| Value Of +\| Difficulty +\|/);
    expect(text).toMatch(/\| \[Basics\]\(modules\/01-basics\/README\.md\) +\| +\| +\| +\| +\| +\| hard +\|/);
    expect(r.stdout + r.stderr).toMatch(/`table\.columns` has `constructor`, which is neither a built-in column/);
  }, T);

  it('pathological globs (**/ ×200, {a,b} ×20, */ ×40 over a 30-deep tree) finish', async () => {
    const deep = `modules/01-basics/${Array(30).fill('d').join('/')}/n.md`;
    for (const glob of [`${'**/'.repeat(200)}*.md`, `${'{a,b}'.repeat(20)}*.md`, `modules/${'*/'.repeat(40)}*.md`, `${'**/'.repeat(30)}{a,b,c,d,e}{f,g,h}*.md`]) {
      const h = await journey(`links:\n  include: ["README.md", ${JSON.stringify(glob)}]\n  exclude: [${JSON.stringify(glob)}]\n`, { [deep]: '# deep\n\n[x](nowhere.md)\n' });
      const r = await attack(h, ['check']);
      await expectSafe(h, r);
    }
  }, 120_000);

  it('a many-star URL glob against a long URL answers at once (no regex backtracking)', async () => {
    const long = `https://${'a'.repeat(3000)}.example/`;
    const h = await journey(`links:\n  ignore: ["${'*a'.repeat(30)}*b"]\n  placeholders: ["${'*a'.repeat(30)}*c"]\n`, {
      'modules/02-long/README.md': `---\nstatus: todo\n---\n# Long\n\n[long](${long})\n`,
    });
    const r = await attack(h, ['check']);
    await expectSafe(h, r);
  }, T);

  it('strings and lists past their bound (a 5,000-character label, 2,000 include globs) are refused', async () => {
    await refused(`stale:\n  label: ${'x'.repeat(5000)}\n`, /`stale\.label`: expected at most 50 characters/, ['stale']);
    await refused(`links:\n  include: [${Array(2000).fill('"a.md"').join(', ')}]\n`, /`links\.include`: expected at most 500 items/, ['check']);
  }, T);

  it('a configuration that is a folder is a configuration error', async () => {
    const h = await hostile({ 'README.md': README, 'modules/01-basics/README.md': MODULE, '.odyssey.yml/x': 'readme: README.md\n' });
    const r = await attack(h, ['sync']);
    await expectSafe(h, r, { codes: [2] });
    expect(r.stderr).toMatch(/\.odyssey\.yml/);
  }, T);

  it('a FIFO named .odyssey.yml does not block the run', async () => {
    const h = await journey('placeholder');
    const fifo = path.join(h.root, '.odyssey.yml');
    await rm(fifo);
    execFileSync('mkfifo', [fifo]);
    await h.resnapshot();
    const r = await attack(h, ['check']);
    await expectSafe(h, r, { codes: [2] });
    expect(r.stderr).toMatch(/\.odyssey\.yml/);
  }, T);

  it('a configuration linked out of the repository is not read, nor quoted', async () => {
    const h = await journey('placeholder');
    const cfg = path.join(h.root, '.odyssey.yml');
    await rm(cfg);
    await symlink(h.secretFile, cfg);
    await h.resnapshot();
    const r = await attack(h, ['sync']);
    await expectSafe(h, r, { codes: [2] });
    expect(r.stderr).not.toContain(SECRET);
  }, T);

  it('an unreadable configuration (mode 000) is refused when the user cannot read it, read when root can', async () => {
    const h = await journey('links:\n  timeout: 5\n');
    await chmod(path.join(h.root, '.odyssey.yml'), 0o000);
    const r = await attack(h, ['check']);
    await chmod(path.join(h.root, '.odyssey.yml'), 0o644);
    const root = process.getuid?.() === 0;
    await expectSafe(h, r, { codes: root ? [0, 1] : [2] });
    if (!root) expect(r.stderr).toMatch(/\.odyssey\.yml/);
  }, T);

  it('binary bytes and a 3 MB configuration are refused without being echoed', async () => {
    await refused(Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x13, 0x37, 0x00]), /\.odyssey\.yml/);
    await refused(`# ${'x'.repeat(3 * 1024 * 1024)}\n`, /\.odyssey\.yml/);
  }, T);

  it('--config naming a missing file or a folder is a usage error', async () => {
    const h = await journey('readme: README.md\n');
    await mkdir(path.join(h.root, 'cfgdir'));
    await writeFile(path.join(h.root, 'cfgdir', 'a'), 'x');
    await h.resnapshot();
    for (const args of [['check', '--config', 'nope.yml'], ['check', '--config', 'cfgdir']]) {
      const r = await attack(h, args);
      await expectSafe(h, r, { codes: [2] });
      expect(r.stderr).toMatch(/nope\.yml|cfgdir/);
    }
  }, T);
});
