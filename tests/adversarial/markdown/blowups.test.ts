// Parser blow-ups: huge tables, 1 MB URLs, 10k links, deep nesting of brackets, emphasis, quotes
// and lists. Every run ends within its bound with a normal exit code and readable output.
import { describe, expect, it } from 'vitest';
import { ZONE, moduleReadme } from '../../support/tmp-repo.js';
import { attack, expectSafe, hostile } from '../support/harness.js';

const BOUND = { boundMs: 25_000 };

async function checkOn(readme: string, extra: Record<string, string> = {}) {
  const h = await hostile({ 'README.md': readme, ...extra });
  const r = await attack(h, ['check', '--format', 'json', '--no-cache'], BOUND);
  await expectSafe(h, r);
  return { h, r, out: JSON.parse(r.stdout) as { findings: Array<{ kind: string; message: string }>; counts: Record<string, number> } };
}

describe.concurrent('parser blow-ups', () => {
  it('a 5,000-row table outside the zone', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `| ${i} | [r${i}](#top) | x |`).join('\n');
    const { out } = await checkOn(`# top\n\n| a | b | c |\n| - | - | - |\n${rows}\n`);
    expect(out.counts.links).toBe(5000);
  });

  it('a link with a 1 MB URL: reported with a shortened address', async () => {
    const { r, out } = await checkOn(`# J\n\n[big](${'a'.repeat(1 << 20)}.md)\n`);
    expect(out.findings[0]!.kind).toBe('missing-file');
    expect(out.findings[0]!.message.length).toBeLessThan(2000);
    expect(r.stdout.length).toBeLessThan(2.5 * (1 << 20));
  });

  it('10,000 links in one file', async () => {
    const body = Array.from({ length: 10_000 }, (_, i) => `[l${i}](#h${i % 7})`).join(' ');
    const { out } = await checkOn(`# J\n\n## h1\n\n${body}\n`);
    expect(out.counts.links).toBe(10_000);
  });

  it('50,000 nested opening brackets', async () => {
    await checkOn(`# J\n\n${'['.repeat(50_000)}x${']'.repeat(50_000)}(y.md)\n`);
  });

  it('20,000 alternating emphasis delimiters', async () => {
    await checkOn(`# J\n\n${'*_'.repeat(10_000)}x${'_*'.repeat(10_000)}\n`);
  });

  it('5,000 nested block quotes holding a link', async () => {
    await checkOn(`# J\n\n${'> '.repeat(5000)}[a](nowhere.md)\n`);
  });

  it('3,000 nested list items', async () => {
    const list = Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- [i](#j)`).join('\n');
    await checkOn(`# J\n\n${list}\n`);
  });

  it('a 2 MB single line of backticks and brackets', async () => {
    await checkOn(`# J\n\n${'`['.repeat(1 << 20)}\n`);
  });

  it('100,000 link reference definitions and uses', async () => {
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
