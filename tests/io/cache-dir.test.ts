import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCacheDir, makeCacheDirSync } from '../../src/io/cache-dir.js';
import { tmpRepo } from '../support/tmp-repo.js';
import { runCli } from '../support/run-cli.js';

describe('cache folders', () => {
  it('a folder odyssey creates ignores itself; an existing folder is left as it was', async () => {
    const dir = await tmpRepo({});
    makeCacheDirSync(path.join(dir, '.odyssey/sub'));
    expect(await readFile(path.join(dir, '.odyssey/.gitignore'), 'utf8')).toMatch(/^\*$/m);
    await mkdir(path.join(dir, '.github'));
    await makeCacheDir(path.join(dir, '.github'));
    expect(await readdir(path.join(dir, '.github'))).toEqual([]);
  });

  it('a plain `check` leaves no untracked cache for git to show', async () => {
    const dir = await tmpRepo({ 'README.md': '# J\n\n[x](README.md)\n' });
    expect((await runCli(['check'], dir)).code).toBe(0);
    expect(await readdir(path.join(dir, '.odyssey'))).toContain('.gitignore');
  });
});
