import { describe, expect, it } from 'vitest';
import { renderSummary, type SummaryInput } from '../../src/action/summary.js';
import { finding, type Module, type Status } from '../../src/core/model.js';

const mod = (id: string, status: Status | null): Module => ({ id, file: `modules/${id}/README.md`, title: id, status, resources: [], order: 0, extra: {}, tasks: [], broken: status === null });
const base: SummaryInput = { modules: null, tableChanges: [], written: [], findings: [], stale: null, issues: [], notes: [] };

describe('renderSummary', () => {
  it('has the progress line, the table change in words, what was written, stale topics and findings', () => {
    const text = renderSummary({
      ...base,
      modules: [mod('03-transformers', 'in-progress')],
      tableChanges: ['03-transformers: todo → in-progress'],
      written: ['committed abc1234 to main: README.md'],
      stale: [{ id: '05-x', title: 'Fine | tuning', daysIdle: 40, lastActivity: '2026-01-01' }],
      issues: ['opened an issue for 05-x: #3'],
      findings: [finding('README.md', 3, 5, 'placeholder', 'warning', 'write a real URL <here> | please')],
    });
    expect(text).toContain('**Progress:** ░░░░░░░░░░ 0% · ✅ 0 done · 🚧 1 in progress');
    expect(text).toMatch(/```mermaid\n(?:%%.*\n)?pie showData\n(?:.*\n)*? {2}"🚧 In Progress" : 1\n```/);
    expect(text).not.toContain('gantt');
    expect(text).toContain('- 03-transformers: todo → in-progress');
    expect(text).toContain('- committed abc1234 to main: README.md');
    expect(text).toContain('| Fine \\| tuning (`05-x`) | 40 days | 2026-01-01 |');
    expect(text).toContain('- opened an issue for 05-x: #3');
    expect(text).toContain('| ⚠️ | `README.md:3:5` | placeholder | write a real URL &lt;here&gt; \\| please |');
  });

  it('stays under the limit with a huge number of findings and says where the rest is', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => finding(`modules/m${i}/README.md`, i + 1, 1, 'missing-file', 'error', `no file number ${i} ${'x'.repeat(60)}`));
    const text = renderSummary({ ...base, findings: many, reportPath: '/tmp/r.json' });
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
    expect(text).toContain('20000 errors, 0 warnings.');
    expect(text).toMatch(/… and \d+ more findings, left out to keep this summary under GitHub's 1 MiB limit: see the JSON report \(`report` output, \/tmp\/r\.json\)/);
  });
});

describe('summary cells', () => {
  it('escape HTML outside code spans only, and pipes everywhere', async () => {
    const { cell } = await import('../../src/action/summary.js');
    expect(cell('use `a&b|c` not <b>x|y</b>')).toBe('use `a&b\\|c` not &lt;b&gt;x\\|y&lt;/b&gt;');
    expect(cell('two\nlines `and\ncode`')).toBe('two<br>lines `and code`');
  });
});
