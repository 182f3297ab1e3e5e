// The root README as odyssey finds it: a BOM, a folder, bytes that are not UTF-8, columns nobody has.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config.js';
import { UsageError } from '../../src/core/exit.js';
import { runSync } from '../../src/run/sync.js';
import { moduleReadme, tmpRepo, ZONE } from '../support/tmp-repo.js';

const modules = { 'modules/01-a/README.md': moduleReadme({ status: 'wip' }, '# A\n') };

describe('runSync and the root README', () => {
  it('keeps a byte order mark at the start of the README', async () => {
    const dir = await tmpRepo({ ...modules, 'README.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`# J\n${ZONE}`)]) });
    await runSync({ root: dir, config: defaultConfig(), check: false, today: '2026-11-28' });
    const bytes = await readFile(path.join(dir, 'README.md'));
    expect([...bytes.subarray(0, 6)]).toEqual([0xef, 0xbb, 0xbf, 0x23, 0x20, 0x4a]);
    expect(bytes.toString('utf8')).toContain('[A](modules/01-a/README.md)');
  });

  it('a README that is not UTF-8 or is a folder is a usage error naming it, and nothing is written', async () => {
    const latin1 = Buffer.from(`# Caf\xe9\n${ZONE}`, 'latin1');
    const dir = await tmpRepo({ ...modules, 'README.md': latin1 });
    const err = await runSync({ root: dir, config: defaultConfig(), check: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as Error).message).toBe('README.md is not valid UTF-8: odyssey will not rewrite it, since bytes outside its zones could change; save the file as UTF-8');
    expect(await readFile(path.join(dir, 'README.md'))).toEqual(latin1);
    await rm(path.join(dir, 'README.md'));
    await mkdir(path.join(dir, 'README.md'));
    await expect(runSync({ root: dir, config: defaultConfig(), check: false })).rejects.toThrow(/^README\.md is a folder/);
  });

  it('warns about a configured column that no module has, naming the built-in columns', async () => {
    const dir = await tmpRepo({ ...modules, 'README.md': `# J\n${ZONE}` });
    const config = defaultConfig();
    config.table.columns = [{ key: 'topic' }, { key: 'stauts' }];
    const r = await runSync({ root: dir, config, check: false, today: '2026-11-28' });
    expect(r.exitCode).toBe(0);
    expect(r.findings).toEqual([
      expect.objectContaining({ file: '.odyssey.yml', kind: 'config', severity: 'warning' }),
    ]);
    expect(r.findings[0]!.message).toBe(
      '`table.columns` has `stauts`, which is neither a built-in column (topic, status, notes, resources, started, completed, confidence, learnings, dates) nor a field of any status block: check its spelling',
    );
    await writeFile(path.join(dir, 'modules/01-a/README.md'), moduleReadme({ status: 'wip', stauts: 'x' }, '# A\n'));
    expect((await runSync({ root: dir, config, check: false, today: '2026-11-28' })).findings).toEqual([]);
  });

  it('a README whose only markers are in a code block is told so', async () => {
    const dir = await tmpRepo({ ...modules, 'README.md': `# J\n\n\`\`\`\n${ZONE}\`\`\`\n` });
    await expect(runSync({ root: dir, config: defaultConfig(), check: false })).rejects.toThrow(
      /^README\.md:1:1: README\.md has no progress zone\. The marker text on lines 4, 5 does not count: on line 4, column 1, it is inside a fenced code block/,
    );
  });
});
