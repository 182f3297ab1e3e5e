import { describe, expect, it } from 'vitest';
import { moduleReadme, tmpRepo, ZONE } from '../support/tmp-repo.js';
import { runCli } from '../support/run-cli.js';

describe('small things users type', () => {
  it('-h works on a command as --help does', async () => {
    const dir = await tmpRepo({});
    for (const cmd of ['sync', 'check', 'stale', 'init']) {
      const r = await runCli([cmd, '-h'], dir);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout, cmd).toMatch(new RegExp(`^usage: odyssey ${cmd} \\[options\\]`));
    }
  });

  it('a module README named readme.md gets the letter-case hint', async () => {
    const dir = await tmpRepo({ 'README.md': `# J\n${ZONE}`, 'modules/01-a/readme.md': moduleReadme({ status: 'todo' }, '# A\n') });
    const r = await runCli(['sync'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('modules/01-a/README.md:1:1: error status-block modules/01-a/README.md does not exist, but readme.md does: rename it to README.md (GitHub is case-sensitive, and odyssey reads README.md)');
  });
});
