// javascript:, vbscript:, data: (not images) and file: targets: a finding (`unsafe-url`), never
// fetched, and never a live link in the progress table.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { moduleReadme, ZONE } from '../../support/tmp-repo.js';
import { attack, expectSafe, hostile } from '../support/harness.js';

interface Json {
  findings: Array<{ kind: string; severity: string; line: number; file: string }>;
  counts: Record<string, number>;
}

describe.concurrent('unsafe URLs', () => {
  for (const [name, url] of [
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['vbscript:', 'VBScript:msgbox(1)'],
    ['data: (html)', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['file:', 'file:///etc/passwd'],
  ] as const) {
    it(`a ${name} link in a README is an unsafe-url error`, async () => {
      const h = await hostile({ 'README.md': `# J\n\n[click](${url})\n` });
      const r = await attack(h, ['check', '--format', 'json']);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout) as Json;
      expect(out.findings).toEqual([expect.objectContaining({ kind: 'unsafe-url', severity: 'error', line: 3 })]);
      expect(out.counts['unsafe-url']).toBe(1);
      await expectSafe(h, r);
    });
  }

  it('a data: image is fine; an HTML <a href="javascript:"> is not', async () => {
    const h = await hostile({ 'README.md': '# J\n\n![dot](data:image/png;base64,iVBORw0KGgo=)\n\n<a href="jav&#x09;ascript:alert(1)">x</a>\n' });
    const r = await attack(h, ['check', '--format', 'json']);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.findings.map((f) => `${f.line} ${f.kind}`)).toEqual(['5 unsafe-url']);
    await expectSafe(h, r);
  });

  it('a javascript: resource is a finding and the table shows it as text, not a link', async () => {
    const h = await hostile({
      'README.md': `# J\n\n${ZONE}`,
      'modules/01-a/README.md': moduleReadme({ title: 'A', status: 'todo', resources: '["[Evil](javascript:alert(1))", "[Good](https://arxiv.org/abs/1706.03762)"]' }, '# A\n'),
    });
    const s = await attack(h, ['sync']);
    await expectSafe(h, s, { allowChanged: ['README.md'] });
    const readme = await readFile(path.join(h.root, 'README.md'), 'utf8');
    expect(readme).not.toMatch(/\]\(\s*javascript:/i);
    expect(readme).toContain('Evil');
    expect(readme).toContain('[Good](https://arxiv.org/abs/1706.03762)');
    const c = await attack(h, ['check', '--format', 'json']);
    const out = JSON.parse(c.stdout) as Json;
    expect(out.findings.map((f) => `${f.file} ${f.kind}`)).toEqual(['modules/01-a/README.md unsafe-url']);
    await expectSafe(h, c);
  });

  it('SARIF names the unsafe-url rule', async () => {
    const h = await hostile({ 'README.md': '# J\n\n[x](javascript:void(0))\n' });
    const r = await attack(h, ['check', '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; name: string }> } }; results: Array<{ ruleId: string }> }> };
    expect(sarif.runs[0]!.results.map((x) => x.ruleId)).toEqual(['unsafe-url']);
    expect(sarif.runs[0]!.tool.driver.rules.find((x) => x.id === 'unsafe-url')?.name).toBe('UnsafeUrl');
    await expectSafe(h, r);
  });
});
