// Parser blow-ups: huge tables, 1 MB URLs, 10k links, deep nesting of brackets, emphasis, quotes
// and lists. Every run ends within its bound with a normal exit code and readable output.
// Run one at a time (each is CPU-heavy) with a generous bound: the machine running the suite may be
// loaded; the point is that none of them blows up (quadratic time, stack overflow, crash).
import { describe, expect, it } from 'vitest';
import { ZONE, moduleReadme } from '../../support/tmp-repo.js';
import { attack, expectSafe, hostile } from '../support/harness.js';

const BOUND = { boundMs: 60_000 };
const SLOW = { timeout: 120_000 };

async function checkOn(readme: string, extra: Record<string, string> = {}) {
  const h = await hostile({ 'README.md': readme, ...extra });
  const r = await attack(h, ['check', '--format', 'json', '--no-cache'], BOUND);
  await expectSafe(h, r);
  return { h, r, out: JSON.parse(r.stdout) as { findings: Array<{ kind: string; message: string }>; counts: Record<string, number> } };
}

describe('parser blow-ups', () => {
  it('a 5,000-row table outside the zone', SLOW, async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `| ${i} | [r${i}](#top) | x |`).join('\n');
    const { out } = await checkOn(`# top\n\n| a | b | c |\n| - | - | - |\n${rows}\n`);
    expect(out.counts.links).toBe(5000);
  });

  it('a link with a 1 MB URL: reported with a shortened address', SLOW, async () => {
    const { r, out } = await checkOn(`# J\n\n[big](${'a'.repeat(1 << 20)}.md)\n`);
    expect(out.findings[0]!.kind).toBe('missing-file');
    expect(out.findings[0]!.message.length).toBeLessThan(2000);
    expect(r.stdout.length).toBeLessThan(2.5 * (1 << 20));
  });

  it('10,000 links in one file', SLOW, async () => {
    const body = Array.from({ length: 10_000 }, (_, i) => `[l${i}](#h${i % 7})`).join(' ');
    const { out } = await checkOn(`# J\n\n## h1\n\n${body}\n`);
    expect(out.counts.links).toBe(10_000);
  });

  it('50,000 nested opening brackets', SLOW, async () => {
    await checkOn(`# J\n\n${'['.repeat(50_000)}x${']'.repeat(50_000)}(y.md)\n`);
  });

  it('20,000 alternating emphasis delimiters', SLOW, async () => {
    await checkOn(`# J\n\n${'*_'.repeat(10_000)}x${'_*'.repeat(10_000)}\n`);
  });

  it('5,000 nested block quotes holding a link', SLOW, async () => {
    await checkOn(`# J\n\n${'> '.repeat(5000)}[a](nowhere.md)\n`);
  });

  it('1,000 nested list items', SLOW, async () => {
    const list = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- [i](#j)`).join('\n');
    await checkOn(`# J\n\n${list}\n`);
  });

  it('a 256 KB single line of backticks and brackets', SLOW, async () => {
    await checkOn(`# J\n\n${'`['.repeat(1 << 17)}\n`);
  });

  it('100,000 link reference definitions and uses', SLOW, async () => {
    const defs = Array.from({ length: 20_000 }, (_, i) => `[r${i}]: #j`).join('\n');
    const uses = Array.from({ length: 20_000 }, (_, i) => `[x][r${i}]`).join(' ');
    await checkOn(`# J\n\n${uses}\n\n${defs}\n`);
  });

  it('sync with a 500-module journey and deep HTML in titles', { timeout: 90_000 }, async () => {
    const files: Record<string, string> = { 'README.md': `# J\n\n${ZONE}` };
    for (let i = 0; i < 500; i++) files[`modules/m${i}/README.md`] = moduleReadme({ title: `"${'<b>'.repeat(50)}T${i}"`, status: 'todo' }, '# M\n');
    const h = await hostile(files);
    const r = await attack(h, ['sync'], { boundMs: 60_000 });
    await expectSafe(h, r);
  });
});
