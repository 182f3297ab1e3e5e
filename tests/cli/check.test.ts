import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/commands/check.js';
import { defaultConfig } from '../../src/core/config.js';
import { tmpRepo } from '../support/tmp-repo.js';

async function run(root: string, options: Record<string, string | boolean>, isTTY = false) {
  let stdout = '';
  let stderr = '';
  const code = await checkCommand.run(
    { root, config: defaultConfig(), configFile: null, options: { format: 'text', 'fail-on': 'error', 'no-cache': true, ...options } },
    { cwd: root, env: {}, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY, color: isTTY },
  );
  return { code, stdout, stderr };
}

const files = { 'README.md': '# R\n\n[Coursera ML](link) [n](modules/x.md)\n<!-- odyssey-disable-next-line -->\n[quiet](gone.md)\n' };

describe('odyssey check', () => {
  it('prints one `path:line:col: severity kind message` line per finding, no colour off a terminal, and exits 1 on errors', async () => {
    const r = await run(await tmpRepo(files), {});
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('\u001b[');
    expect(r.stdout.split('\n').slice(0, 3)).toEqual([
      expect.stringMatching(/^README\.md:3:1: warning placeholder `link` is a bare word.*"Coursera ML"/),
      expect.stringMatching(/^README\.md:3:21: error missing-file `modules\/x.md`: modules\/x.md does not exist/),
      '',
    ]);
    expect(r.stdout).toContain('✖ 1 error, 1 warning in 1 file (2 links in 1 file; 1 silenced by odyssey-disable comments)');
  });

  it('colours only on a terminal', async () => {
    expect((await run(await tmpRepo(files), {}, true)).stdout).toContain('\u001b[31m');
  });

  it('prints SPEC §5 JSON', async () => {
    const r = await run(await tmpRepo(files), { format: 'json' });
    const j = JSON.parse(r.stdout) as { findings: Array<Record<string, unknown>>; counts: Record<string, number> };
    expect(j.findings[0]).toEqual({ file: 'README.md', line: 3, column: 1, url: 'link', kind: 'placeholder', severity: 'warning', message: expect.any(String) });
    expect(j.counts).toMatchObject({ files: 1, links: 2, placeholder: 1, 'missing-file': 1, errors: 1, warnings: 1, suppressed: 1 });
  });

  it('prints SARIF 2.1.0 with a rule per kind and located results', async () => {
    const r = await run(await tmpRepo(files), { format: 'sarif' });
    const s = JSON.parse(r.stdout);
    expect(s.version).toBe('2.1.0');
    const run0 = s.runs[0];
    const ids = run0.tool.driver.rules.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining(['placeholder', 'missing-file', 'missing-anchor', 'outside-repo']));
    expect(run0.results[1]).toEqual({
      ruleId: 'missing-file',
      ruleIndex: ids.indexOf('missing-file'),
      level: 'error',
      message: { text: expect.stringContaining('modules/x.md does not exist') },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'README.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 21 } } }],
    });
  });

  it('honours --fail-on', async () => {
    const root = await tmpRepo({ 'README.md': '[x](TODO)\n' });
    expect((await run(root, {})).code).toBe(0);
    expect((await run(root, { 'fail-on': 'warning' })).code).toBe(1);
    expect((await run(await tmpRepo(files), { 'fail-on': 'never' })).code).toBe(0);
  });

  it('says so when there is nothing to report', async () => {
    const r = await run(await tmpRepo({ 'README.md': '# R\n\n[self](#r)\n' }), {});
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('✓ no link problems (1 link in 1 file)\n');
  });
});
