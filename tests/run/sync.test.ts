import { execFileSync } from 'node:child_process';
import { readFile, stat, symlink, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import { UsageError } from '../../src/core/exit.js';
import { runSync } from '../../src/run/sync.js';
import { moduleReadme, tmpRepo, ZONE } from '../support/tmp-repo.js';

const config = defaultConfig();
const readme = (dir: string) => readFile(path.join(dir, 'README.md'), 'utf8');

function journey(extra: Record<string, string | Buffer> = {}, readmeText = `# My journey\n\n${ZONE}\nAfter the table.\n`) {
  return tmpRepo({
    'README.md': readmeText,
    'modules/01-basics/README.md': moduleReadme(
      { title: 'Basics', status: 'done', started: '2026-01-02', completed: '2026-02-03', confidence: '4' },
      '# Basics\n\n- [x] one\n- [x] two\n',
    ),
    'modules/02-attention/README.md': moduleReadme({ status: '🚧 In Progress', started: '2026-03-01' }, '# Attention\n\n- [x] read\n- [ ] code\n- [ ] write\n'),
    ...extra,
  });
}

describe('runSync', () => {
  it('writes one row per module inside the zone and keeps the rest of the README', async () => {
    const dir = await journey();
    const result = await runSync({ root: dir, config, check: false, today: '2026-11-28' });
    expect(result.exitCode).toBe(0);
    expect(result.written).toBe(true);
    const text = await readme(dir);
    expect(text.startsWith('# My journey\n\n<!-- odyssey:progress:start -->\n')).toBe(true);
    expect(text.endsWith('<!-- odyssey:progress:end -->\n\nAfter the table.\n')).toBe(true);
    expect(text).toContain('[Basics](modules/01-basics/README.md)');
    expect(text).toContain('[Attention](modules/02-attention/README.md)');
    expect(text).toMatch(/In Progress \(1\/3\)/);
    expect(text.indexOf('01-basics')).toBeLessThan(text.indexOf('02-attention'));
  });

  it('is idempotent: a second run writes nothing and --check then passes', async () => {
    const dir = await journey();
    await runSync({ root: dir, config, check: false, today: '2026-11-28' });
    const first = await readme(dir);
    const mtime = (await stat(path.join(dir, 'README.md'))).mtimeMs;
    const again = await runSync({ root: dir, config, check: false, today: '2026-11-28' });
    expect(again.changes).toEqual([]);
    expect(again.written).toBe(false);
    expect(await readme(dir)).toBe(first);
    expect((await stat(path.join(dir, 'README.md'))).mtimeMs).toBe(mtime);
    const check = await runSync({ root: dir, config, check: true, today: '2026-11-28' });
    expect(check.exitCode).toBe(0);
  });

  it('--check reports an out-of-date README with exit 1 and writes nothing', async () => {
    const dir = await journey();
    const before = await readme(dir);
    const result = await runSync({ root: dir, config, check: true, today: '2026-11-28' });
    expect(result.exitCode).toBe(1);
    expect(result.changes.map((c) => c.path)).toEqual(['README.md']);
    expect(await readme(dir)).toBe(before);
  });

  it('still writes the table when a status block is broken, marks the row ❓ and exits 1', async () => {
    const dir = await journey({ 'modules/03-broken/README.md': '---\nstatus: [unclosed\n---\n# Broken\n' });
    const result = await runSync({ root: dir, config, check: false, today: '2026-11-28' });
    expect(result.exitCode).toBe(1);
    const errs = result.findings.filter((f) => f.severity === 'error');
    expect(errs.length).toBeGreaterThan(0);
    expect(errs.every((f) => f.file === 'modules/03-broken/README.md')).toBe(true);
    const text = await readme(dir);
    const row = text.split('\n').find((l) => l.includes('modules/03-broken/README.md'));
    expect(row).toContain('❓');
    expect(text).toContain('[Basics](modules/01-basics/README.md)');
  });

  it('keeps CRLF line endings and a missing trailing newline byte for byte', async () => {
    const original = '# Journey\r\n\r\n<!-- odyssey:progress:start -->\r\nold\r\n<!-- odyssey:progress:end -->\r\n\r\ntail without newline';
    const dir = await journey({}, original);
    await runSync({ root: dir, config, check: false, today: '2026-11-28' });
    const text = await readme(dir);
    expect(text.startsWith('# Journey\r\n\r\n<!-- odyssey:progress:start -->\r\n')).toBe(true);
    expect(text.endsWith('<!-- odyssey:progress:end -->\r\n\r\ntail without newline')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('ignores markers shown inside a code block', async () => {
    const text = `# J\n\n\`\`\`markdown\n${ZONE}\`\`\`\n\n${ZONE}`;
    const dir = await journey({}, text);
    await runSync({ root: dir, config, check: false, today: '2026-11-28' });
    const out = await readme(dir);
    expect(out.startsWith(`# J\n\n\`\`\`markdown\n${ZONE}\`\`\`\n\n<!-- odyssey:progress:start -->\n`)).toBe(true);
    expect(out).toContain('[Basics]');
  });

  it('a README without a zone is a usage error whose message shows the markers to paste', async () => {
    const dir = await journey({}, '# No zone here\n');
    const err = await runSync({ root: dir, config, check: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toContain('<!-- odyssey:progress:start -->\n<!-- odyssey:progress:end -->');
    expect((err as Error).message).toContain('odyssey init');
    expect(await readme(dir)).toBe('# No zone here\n');
  });

  it('two start markers are a usage error and nothing is written', async () => {
    const text = `# J\n\n<!-- odyssey:progress:start -->\n${ZONE}`;
    const dir = await journey({}, text);
    await expect(runSync({ root: dir, config, check: false })).rejects.toThrow(/^README\.md:4:1: a second <!-- odyssey:progress:start -->/);
    expect(await readme(dir)).toBe(text);
  });

  it('a missing root README is a usage error that names the config key', async () => {
    const dir = await tmpRepo({ 'modules/01-a/README.md': moduleReadme({ status: 'todo' }) });
    await expect(runSync({ root: dir, config, check: false })).rejects.toThrow(/README\.md does not exist.*readme:/);
  });

  it('reports a README that is a folder, a dangling link, binary or broken UTF-8, and still lists the module', async () => {
    const dir = await journey({
      'modules/05-binary/README.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]),
      'modules/06-latin1/README.md': Buffer.from('---\nstatus: todo\ntitle: Caf\xe9\n---\n', 'latin1'),
      'modules/07-empty/notes.md': 'no README here\n',
    });
    await mkdir(path.join(dir, 'modules/03-folder/README.md'), { recursive: true });
    await mkdir(path.join(dir, 'modules/04-dangling'), { recursive: true });
    await symlink('../nowhere.md', path.join(dir, 'modules/04-dangling/README.md'));
    const result = await runSync({ root: dir, config, check: false, today: '2026-11-28' });
    expect(result.exitCode).toBe(1);
    const byFile = Object.fromEntries(result.findings.map((f) => [f.file, f.message]));
    expect(byFile['modules/03-folder/README.md']).toMatch(/is a folder/);
    expect(byFile['modules/04-dangling/README.md']).toMatch(/symbolic link to nothing/);
    expect(byFile['modules/05-binary/README.md']).toMatch(/looks binary/);
    expect(byFile['modules/06-latin1/README.md']).toMatch(/not valid UTF-8 \(line 3\)/);
    expect(byFile['modules/07-empty/README.md']).toMatch(/does not exist: create it/);
    const text = await readme(dir);
    for (const id of ['03-folder', '04-dangling', '05-binary', '06-latin1', '07-empty']) {
      const row = text.split('\n').find((l) => l.includes(`modules/${id}/README.md`));
      expect(row, id).toContain('❓');
    }
  });

  it('reports a README that is a named pipe instead of waiting for a writer', async () => {
    const dir = await journey();
    await mkdir(path.join(dir, 'modules/03-pipe'), { recursive: true });
    execFileSync('mkfifo', [path.join(dir, 'modules/03-pipe/README.md')]);
    const result = await runSync({ root: dir, config, check: true, today: '2026-11-28' });
    expect(result.exitCode).toBe(1);
    expect(result.findings.map((f) => `${f.file} ${f.message}`)).toContain('modules/03-pipe/README.md modules/03-pipe/README.md is not a regular file: replace it with a markdown file');
    expect(result.modules.map((m) => m.id)).toEqual(['01-basics', '02-attention', '03-pipe']);
  });

  it('a journey without a modules folder gets a warning and an empty table, not a failure', async () => {
    const dir = await tmpRepo({ 'README.md': `# J\n\n${ZONE}` });
    const result = await runSync({ root: dir, config, check: false, today: '2026-11-28' });
    expect(result.exitCode).toBe(0);
    expect(result.findings).toEqual([expect.objectContaining({ file: 'modules', kind: 'modules', severity: 'warning' })]);
    expect(result.findings[0]!.message).toMatch(/odyssey init/);
  });

  it('reads a module README through a symlinked module folder', async () => {
    const dir = await journey({ 'elsewhere/topic/README.md': moduleReadme({ status: 'paused' }, '# Elsewhere\n') });
    await symlink(path.join(dir, 'elsewhere/topic'), path.join(dir, 'modules/08-linked'));
    const result = await runSync({ root: dir, config, check: false, today: '2026-11-28' });
    expect(result.modules.map((m) => m.id)).toContain('08-linked');
    expect(result.modules.find((m) => m.id === '08-linked')?.status).toBe('paused');
  });

  it('handles a 10 MB module README', async () => {
    const body = '# Big\n\n' + '- [ ] a task line that repeats itself\n'.repeat(280_000);
    const dir = await journey({ 'modules/09-big/README.md': moduleReadme({ status: 'todo' }, body) });
    expect(Buffer.byteLength(body)).toBeGreaterThan(10_000_000);
    const result = await runSync({ root: dir, config, check: false, today: '2026-11-28' });
    const big = result.modules.find((m) => m.id === '09-big')!;
    expect(big.tasks.length).toBe(280_000);
    // A correctness case, not a speed one: 280,000 list items take markdown-it a while on a busy machine.
  }, 180_000);

  it('writes the configured columns only', async () => {
    const dir = await journey();
    const cfg = defaultConfig();
    cfg.table.columns = [{ key: 'topic' }, { key: 'status' }, { key: 'difficulty', header: 'How hard' }];
    await writeFile(path.join(dir, 'modules/01-basics/README.md'), moduleReadme({ status: 'done', difficulty: 'easy' }, '# Basics\n'));
    await runSync({ root: dir, config: cfg, check: false, today: '2026-11-28' });
    const text = await readme(dir);
    const header = text.split('\n').find((l) => l.startsWith('|'))!;
    expect(header.split('|').map((c) => c.trim()).filter(Boolean)).toEqual(['Module/Topic', 'Status', 'How hard']);
    expect(text).toMatch(/\|\s*easy\s*\|/);
  });
});
