// `odyssey check --external` end to end: markdown on disk → CLI → the external checker → a loopback farm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLinkFarm, type LinkFarm } from '../support/link-farm.js';
import { moduleReadme, tmpRepo, ZONE } from '../support/tmp-repo.js';
import { runCli } from '../support/run-cli.js';

let farm: LinkFarm;
beforeAll(async () => {
  farm = await startLinkFarm([{ ip: '127.0.0.5', routes: { '/ok': { kind: 'ok' }, '/gone': { kind: 'status', status: 404 } } }]);
});
afterAll(() => farm.close());

describe('odyssey check --external', () => {
  it('fetches each distinct URL once and reports every occurrence at its own line', async () => {
    const host = farm.host('127.0.0.5');
    host.reset();
    const ok = host.url('/ok');
    const gone = host.url('/gone');
    const dir = await tmpRepo({
      '.odyssey.yml': 'links:\n  allow-private: true\n  timeout: 3\n',
      'README.md': `# J\n\nSee [ok](${ok}) and [gone](${gone}).\n`,
      'modules/01-a/README.md': moduleReadme({ status: 'todo', resources: `["[Gone again](${gone})"]` }, `# A\n\n[same](${gone}#part)\n`),
    });
    const r = await runCli(['check', '--external', '--format', 'json', '--no-cache'], dir);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: Array<{ file: string; line: number; kind: string; url: string }> };
    expect(out.findings.map((f) => `${f.file}:${f.line} ${f.kind}`)).toEqual([
      'README.md:3 http-error',
      'modules/01-a/README.md:3 http-error',
      'modules/01-a/README.md:7 http-error',
    ]);
    expect(host.count('/gone')).toBe(1);
    expect(host.count('/ok')).toBe(1);
  });

  it('without allow-private, a loopback URL is a blocked-address warning and nothing is sent', async () => {
    const host = farm.host('127.0.0.5');
    host.reset();
    const dir = await tmpRepo({ 'README.md': `# J\n\n[ok](${host.url('/ok')})\n` });
    const r = await runCli(['check', '--external', '--format', 'json', '--no-cache'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings).toEqual([expect.objectContaining({ kind: 'blocked-address', severity: 'warning', line: 3 })]);
    expect(host.requests).toHaveLength(0);
  });

  it('does not report links inside the generated zone: they are reported where the status block has them', async () => {
    const dir = await tmpRepo({
      'README.md': `# J\n\n${ZONE}`,
      'modules/01-a/README.md': moduleReadme({ status: 'todo', resources: '["[Paper](link_to_paper)"]' }, '# A\n'),
    });
    expect((await runCli(['sync'], dir)).code).toBe(0);
    const r = await runCli(['check', '--format', 'json', '--no-cache'], dir);
    const out = JSON.parse(r.stdout) as { findings: Array<{ file: string; kind: string }>; counts: Record<string, number> };
    expect(out.findings.map((f) => `${f.file} ${f.kind}`)).toEqual(['modules/01-a/README.md placeholder']);
    expect(out.counts.generated).toBeGreaterThan(0);
  });
});
