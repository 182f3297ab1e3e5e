import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type Column } from '../../../src/core/config.js';
import { planInit, prepareInit, type InitPlan } from '../../../src/core/init/index.js';
import { parseStatusBlock } from '../../../src/core/status/index.js';

const SEED = readFileSync(new URL('./fixtures/template-README.md', import.meta.url), 'utf8');
const START = '<!-- odyssey:progress:start -->';
const END = '<!-- odyssey:progress:end -->';

/** Plans against an in-memory repository (path → text) and returns the plan and the files after applying it. */
function initOnce(
  files: Record<string, string>,
  opts: { columns?: Column[]; configPath?: string | null; charts?: boolean } = {},
): { plan: InitPlan; files: Record<string, string> } {
  const prepared = prepareInit({ path: 'README.md', text: files['README.md']! }, 'modules');
  if (prepared.kind !== 'ready') throw new Error(prepared.finding.message);
  const existing = Object.fromEntries(prepared.drafts.map((d) => [d.file, files[d.file] ?? null]));
  const plan = planInit({ prepared, existing, configColumns: opts.columns ?? defaultConfig().table.columns, configPath: opts.configPath ?? null, charts: opts.charts ?? false });
  const after = { ...files };
  for (const c of plan.changes) after[c.path] = c.after;
  return { plan, files: after };
}

function parsed(files: Record<string, string>, file: string) {
  const id = file.split('/')[1]!;
  return parseStatusBlock({ id, file, text: files[file]! });
}

describe('planInit on the template README', () => {
  const { plan, files } = initOnce({ 'README.md': SEED });

  it('wraps the table in the zone and changes no other byte', () => {
    const wrap = plan.changes.find((c) => c.kind === 'wrap-table')!;
    const readme = files['README.md']!;
    expect(readme.replace(`${START}\n`, '').replace(`\n${END}\n`, '')).toBe(SEED);
    expect(readme).toMatch(/## Progress Tracking Table\n.*\n\n<!-- odyssey:progress:start -->\n\| Module\/Topic[^\n]*\n(\|[^\n]*\n){6}\n<!-- odyssey:progress:end -->\n\n\*\(Note:/);
    expect(wrap.before).toBe(SEED);
  });

  it('creates one module README per row, named from the notes link or else the topic', () => {
    expect(plan.changes.filter((c) => c.kind === 'create-module').map((c) => c.path)).toEqual([
      'modules/01-foundations/README.md',
      'modules/03-transformer-architecture/README.md',
      'modules/04-llm-pretraining/README.md',
      'modules/05-llm-fine-tuning/README.md',
      'modules/10-ethical-considerations/README.md',
    ]);
    expect(plan.changes.some((c) => c.kind === 'create-config')).toBe(false);
  });

  it('writes status blocks that the status parser reads back without findings, placeholders kept for check', () => {
    const r = parsed(files, 'modules/03-transformer-architecture/README.md');
    expect(r.findings).toEqual([]);
    expect(r.module).toMatchObject({
      title: 'Module 3: Transformer Architecture',
      status: 'todo',
      learnings: 'Multi-head attention details.',
      order: 3,
      broken: false,
    });
    expect(r.module.resources.map((x) => [x.title, x.url])).toEqual([
      ['Attention Is All You Need', 'link_to_paper'],
      ['Illustrated Transformer', 'link_to_blog'],
    ]);
    for (const c of plan.changes.filter((x) => x.kind === 'create-module')) {
      expect(parsed(files, c.path).findings).toEqual([]);
      expect(c.after).toMatch(/\n---\n# Module \d+: [^\n]+\n$/);
    }
  });

  it('plans nothing the second time', () => {
    const again = initOnce(files);
    expect(again.plan.changes).toEqual([]);
    expect(again.plan.kept.map((k) => k.reason)).toEqual([
      'its progress table is already inside the odyssey zone',
      ...Array(5).fill('already has a status block'),
    ]);
  });
});

describe('planInit on variants', () => {
  it('keeps CRLF: markers and new files use CRLF, no lone LF appears, other bytes unchanged', () => {
    const crlf = SEED.replace(/\n/g, '\r\n');
    const { files } = initOnce({ 'README.md': crlf });
    const readme = files['README.md']!;
    expect(readme.replace(`${START}\r\n`, '').replace(`\r\n${END}\r\n`, '')).toBe(crlf);
    for (const [p, text] of Object.entries(files)) expect(text.replace(/\r\n/g, '').includes('\n'), p).toBe(false);
    const r = parsed(files, 'modules/01-foundations/README.md');
    expect(r.findings).toEqual([]);
    expect(r.module.title).toBe('Module 1: Foundations');
  });

  it('reads status aliases, dates, confidence and extra columns, and lists the columns for sync', () => {
    const readme = [
      '# Journey',
      '',
      '## Progress',
      '',
      '| Topic | Hours | Status | Started | Finished | Confidence | Notes |',
      '|---|---|---|---|---|---|---|',
      '| Module 2: Python | 12 | ✅ Done | 2026-01-02 | 2026-01-20 | 4/5 | [n](modules/02-python/README.md) |',
      '| Module 3: Attention | | 🚧 in progress | 2026-01-21 | | ⭐⭐⭐ | |',
      '',
    ].join('\n');
    const { plan, files } = initOnce({ 'README.md': readme });
    const a = parsed(files, 'modules/02-python/README.md');
    expect(a.findings).toEqual([]);
    expect(a.module).toMatchObject({ status: 'done', started: '2026-01-02', completed: '2026-01-20', confidence: 4, extra: { hours: '12' } });
    const b = parsed(files, 'modules/03-attention/README.md');
    expect(b.module).toMatchObject({ status: 'in-progress', started: '2026-01-21', confidence: 3 });
    const config = plan.changes.find((c) => c.kind === 'create-config')!;
    expect(config.path).toBe('.odyssey.yml');
    expect(config.after).toBe(
      [
        '# yaml-language-server: $schema=https://cdn.jsdelivr.net/npm/odyssey-journey/odyssey.schema.json',
        'table:',
        '  columns:',
        '    - key: topic',
        '      header: Topic',
        '    - key: hours',
        '      header: Hours',
        '    - status',
        '    - key: started',
        '      header: Started',
        '    - key: completed',
        '      header: Finished',
        '    - key: confidence',
        '      header: Confidence',
        '    - key: notes',
        '      header: Notes',
        '',
      ].join('\n'),
    );
  });

  it('asks instead of rewriting an existing configuration file whose columns differ', () => {
    const readme = '## Progress\n\n| Topic | Status | Hours |\n|---|---|---|\n| A | todo | 3 |\n';
    const { plan } = initOnce({ 'README.md': readme }, { configPath: '.odyssey.yml' });
    expect(plan.changes.map((c) => c.kind)).toEqual(['wrap-table', 'create-module']);
    expect(plan.findings).toHaveLength(1);
    expect(plan.findings[0]).toMatchObject({ file: '.odyssey.yml', severity: 'warning' });
    expect(plan.findings[0]!.message).toContain('- key: hours');
  });

  it('derives ids from topics with emoji and punctuation, and pins the table order when ids would reorder it', () => {
    const readme = [
      '## Progress Tracking Table',
      '',
      '| Module/Topic | Status |',
      '|---|---|',
      '| 🚀 Transformers: "Attention" & More! | ⏳ To Do |',
      '| Module 2: Tokenizers (BPE/WordPiece) | wip |',
      '| Ünïcode, Emoji 🤖 & Friends | paused |',
      '',
    ].join('\n');
    const { plan, files } = initOnce({ 'README.md': readme });
    const paths = plan.changes.filter((c) => c.kind === 'create-module').map((c) => c.path);
    expect(paths).toEqual([
      'modules/transformers-attention-more/README.md',
      'modules/02-tokenizers-bpe-wordpiece/README.md',
      'modules/unicode-emoji-friends/README.md',
    ]);
    const mods = paths.map((p) => parsed(files, p));
    for (const m of mods) expect(m.findings).toEqual([]);
    expect(mods.map((m) => m.module.title)).toEqual(['🚀 Transformers: "Attention" & More!', 'Module 2: Tokenizers (BPE/WordPiece)', 'Ünïcode, Emoji 🤖 & Friends']);
    expect(mods.map((m) => m.module.order)).toEqual([1, 2, 3]);
    expect(mods.map((m) => m.module.status)).toEqual(['todo', 'in-progress', 'paused']);
  });

  it('does not pin order when the numbered ids already sort like the table', () => {
    const { files } = initOnce({ 'README.md': SEED });
    expect(files['modules/10-ethical-considerations/README.md']).not.toContain('order:');
  });

  it('adds only a status block to a module README with a body, and keeps one that has a block', () => {
    const body = '# My own notes\n\nSome text I wrote.\n\n- [x] read\n- [ ] code\n';
    const withBlock = '---\ntitle: Mine\nstatus: done\n---\n# Mine\n';
    const { plan, files } = initOnce({
      'README.md': SEED,
      'modules/01-foundations/README.md': '\uFEFF' + body,
      'modules/03-transformer-architecture/README.md': withBlock,
    });
    expect(files['modules/01-foundations/README.md']!.startsWith('\uFEFF---\ntitle: "Module 1: Foundations"\n')).toBe(true);
    expect(files['modules/01-foundations/README.md']!.endsWith(`---\n${body}`)).toBe(true);
    const r = parsed(files, 'modules/01-foundations/README.md');
    expect(r.findings).toEqual([]);
    expect(r.module.tasks.map((t) => t.done)).toEqual([true, false]);
    expect(files['modules/03-transformer-architecture/README.md']).toBe(withBlock);
    expect(plan.changes.map((c) => `${c.kind} ${c.path}`)).toContain('add-status-block modules/01-foundations/README.md');
    expect(plan.kept).toContainEqual({ path: 'modules/03-transformer-architecture/README.md', reason: 'already has a status block' });
  });

  it('leaves a module README with an unclosed block alone and says where to close it', () => {
    const { plan, files } = initOnce({ 'README.md': SEED, 'modules/01-foundations/README.md': '---\nstatus: todo\n# Notes\n' });
    expect(files['modules/01-foundations/README.md']).toBe('---\nstatus: todo\n# Notes\n');
    expect(plan.findings).toContainEqual(expect.objectContaining({ file: 'modules/01-foundations/README.md', line: 1, kind: 'init', severity: 'warning' }));
  });

  it('turns cells it cannot carry over into findings at the cell, copying them as written', () => {
    const readme = '## Progress\n\n| Topic | Status | Start Date | Key Resources |\n|---|---|---|---|\n| A | Blocked | Oct 2 | Bishop book, [P](https://p.org) |\n| | done | | |\n| A | | | |\n';
    const { plan, files } = initOnce({ 'README.md': readme });
    const msgs = plan.findings.map((f) => `${f.line}:${f.column} ${f.message}`);
    expect(msgs).toEqual([
      expect.stringMatching(/^5:7 row 1: status "Blocked" is not one of/),
      expect.stringMatching(/^5:17 row 1: "Oct 2" is not a YYYY-MM-DD date/),
      expect.stringMatching(/^5:25 row 1: resource text without a link \("Bishop book"\)/),
      expect.stringMatching(/^6:3 row 2 has no Module\/Topic text: skipped/),
      expect.stringMatching(/^7:3 row 3 names the same folder as an earlier row \(modules\/a\): this one becomes modules\/a-2/),
      expect.stringMatching(/^7:7 row 3 has an empty Status: modules\/a-2\/README.md starts as `todo`/),
    ]);
    const a = parsed(files, 'modules/a/README.md');
    expect(a.module.extra['resources-text']).toBe('Bishop book');
    expect(a.module.resources.map((r) => r.url)).toEqual(['https://p.org']);
    // The status parser flags what init copied as written, so `check`/`sync` point at it too.
    expect(a.findings.length).toBeGreaterThanOrEqual(2);
  });

  it('carries bare URLs and autolinks in Key Resources as {title, url} resources', () => {
    const readme = '## Progress\n\n| Topic | Status | Key Resources |\n|---|---|---|\n| Module 1: A | todo | https://arxiv.org/abs/1706.03762 <https://jalammar.github.io/x/> [P](link) |\n';
    const { files } = initOnce({ 'README.md': readme });
    const r = parsed(files, 'modules/01-a/README.md');
    expect(r.findings).toEqual([]);
    expect(r.module.resources.map((x) => [x.title, x.url])).toEqual([
      ['https://arxiv.org/abs/1706.03762', 'https://arxiv.org/abs/1706.03762'],
      ['https://jalammar.github.io/x/', 'https://jalammar.github.io/x/'],
      ['P', 'link'],
    ]);
    expect(r.module.extra['resources-text']).toBeUndefined();
  });

  it('keeps a notes link that points outside the module folder', () => {
    const readme = '## Progress\n\n| Topic | Status | My Notes/Code |\n|---|---|---|\n| Module 1: A | todo | [Colab](https://colab.research.google.com/x) |\n';
    const { files } = initOnce({ 'README.md': readme });
    expect(parsed(files, 'modules/01-a/README.md').module.extra['notes-link']).toBe('[Colab](https://colab.research.google.com/x)');
  });

  it('plans nothing for a README whose zone holds no table, and says why', () => {
    const { plan } = initOnce({ 'README.md': `# J\n\n${START}\n${END}\n` });
    expect(plan.changes).toEqual([]);
    expect(plan.kept).toEqual([{ path: 'README.md', reason: 'already has a progress zone, with no table in it to read rows from' }]);
  });

  it('appends the end marker without adding a trailing newline the file did not have', () => {
    const readme = '## Progress\n\n| Topic | Status |\n|---|---|\n| Module 1: A | todo |';
    const { files } = initOnce({ 'README.md': readme });
    expect(files['README.md']).toBe(`## Progress\n\n${START}\n| Topic | Status |\n|---|---|\n| Module 1: A | todo |\n\n${END}`);
  });
});

describe('planInit --charts', () => {
  const CHART = '<!-- odyssey:chart:start -->\n<!-- odyssey:chart:end -->\n';

  it('adds an empty chart zone right after the progress zone, once', () => {
    const { plan, files } = initOnce({ 'README.md': SEED }, { charts: true });
    expect(plan.changes[0]!.kind).toBe('wrap-table');
    expect(plan.changes[0]!.reason).toContain('add an empty chart zone after the progress zone');
    const readme = files['README.md']!;
    expect(readme).toContain(`|\n\n${END}\n\n${CHART}\n*(Note:`);
    expect(readme.replace(`${START}\n`, '').replace(`\n${END}\n`, '').replace(`\n${CHART}`, '')).toBe(SEED);
    expect(initOnce(files, { charts: true }).plan.changes).toEqual([]);
  });

  it('adds it to a README already in a zone, in CRLF when the file is CRLF', () => {
    const text = `# J\r\n\r\n${START}\r\n| Topic | Status |\r\n|---|---|\r\n| Module 1: A | done |\r\n${END}\r\n\r\n## Next\r\n`;
    const { plan, files } = initOnce({ 'README.md': text, 'modules/01-a/README.md': '---\nstatus: done\n---\n' }, { charts: true });
    expect(plan.changes.map((c) => c.kind)).toEqual(['add-chart-zone']);
    expect(files['README.md']).toBe(text.replace(`${END}\r\n`, `${END}\r\n\r\n${CHART.replace(/\n/g, '\r\n')}`));
  });

  it('ignores chart markers shown in a code block when deciding whether the zone exists', () => {
    const text = `${START}\n| Topic | Status |\n|---|---|\n| Module 1: A | done |\n${END}\n\n\`\`\`md\n${CHART}\`\`\`\n`;
    const { plan } = initOnce({ 'README.md': text, 'modules/01-a/README.md': '---\nstatus: done\n---\n' }, { charts: true });
    expect(plan.changes.map((c) => c.kind)).toEqual(['add-chart-zone']);
  });
});

describe('planInit on a table sync generated', () => {
  const table = [
    `${START}`,
    '',
    '| Module/Topic | Status | Key Resources |',
    '| :-- | :-- | :-- |',
    '| [Module 1: A](modules/01-a/README.md) | 🚧 In Progress (1/4) | [A \\| B](https://a.org) |',
    '| [Module 2: B](modules/02-b/README.md) | ❓ Unknown | |',
    '| [Module 3: C](modules/03-c/README.md) | ❓ Unknown | |',
    '',
    `${END}`,
    '',
  ].join('\n');

  it('warns about a row only when init writes its module: kept modules say nothing', () => {
    const files = {
      'README.md': table,
      'modules/01-a/README.md': '---\nstatus: in-progress\n---\n- [x] a\n',
      'modules/02-b/README.md': '---\nstatus: [broken\n---\n',
      'modules/03-c/README.md': '# C\n',
    };
    const { plan } = initOnce(files);
    expect(plan.changes.map((c) => `${c.kind} ${c.path}`)).toEqual(['add-status-block modules/03-c/README.md']);
    expect(plan.findings.map((f) => `${f.line} ${f.message}`)).toEqual([expect.stringMatching(/^7 row 3: "❓ Unknown" is what sync shows .* modules\/03-c\/README.md starts as `todo`/)]);
  });

  it('recreates a deleted module from its row: status without the task count, the link title unescaped', () => {
    const { plan, files } = initOnce({ 'README.md': table, 'modules/02-b/README.md': '---\nstatus: done\n---\n', 'modules/03-c/README.md': '---\nstatus: done\n---\n' });
    expect(plan.findings).toEqual([]);
    expect(files['modules/01-a/README.md']).toBe('---\ntitle: "Module 1: A"\nstatus: in-progress\nstarted:\ncompleted:\nresources:\n  - "[A | B](https://a.org)"\n---\n# Module 1: A\n');
    const r = parsed(files, 'modules/01-a/README.md');
    expect(r.findings).toEqual([]);
    expect(r.module.resources.map((x) => [x.title, x.url])).toEqual([['A | B', 'https://a.org']]);
  });
});
