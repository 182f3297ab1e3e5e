import { describe, expect, it } from 'vitest';
import { draftModules, findProgressTable, type ModuleDraft } from '../../../src/core/init/index.js';
import type { Finding } from '../../../src/core/model.js';

const HEAD = '| Module/Topic | Status | My Notes/Code | Key Resources | Confidence (1-5) | Key Learnings/Challenges |\n| :-- | :-- | :-- | :-- | :-- | :-- |\n';

function drafts(rows: string[]): { drafts: ModuleDraft[]; findings: Finding[] } {
  const r = findProgressTable(`## Progress\n\n${HEAD}${rows.join('\n')}\n`);
  if (r.kind !== 'found') throw new Error(r.kind);
  return draftModules(r.table, 'README.md', 'modules');
}

describe('draftModules on a table sync generated', () => {
  const generated = drafts([
    '| [Module 7: Odd \\*Title\\*](modules/x-y/README.md) | 🚧 In Progress (2/5) | [Notes](modules/x-y/README.md) | [A \\| B](https://a.org), [Q\\&A \\<b>](https://b.org/p\\|q) | 3/5 | a \\<b>x\\</b> \\*y\\* \\| z &#x26; w |',
    '| [Module 2: Done](modules/02-done/README.md) | ✅ Done (3/3) | [Notes](modules/02-done/README.md) | | | |',
    '| [Module 3: Broken](modules/03-broken/README.md) | ❓ Unknown | [Notes](modules/03-broken/README.md) | | | |',
  ]);

  it('takes the id from the topic link and the title from its text', () => {
    expect(generated.drafts.map((d) => [d.id, d.title])).toEqual([
      ['x-y', 'Module 7: Odd *Title*'],
      ['02-done', 'Module 2: Done'],
      ['03-broken', 'Module 3: Broken'],
    ]);
  });

  it('drops the task count sync adds to the status before reading it', () => {
    expect(generated.drafts.map((d) => d.fields.status)).toEqual(['in-progress', 'done', 'todo']);
    expect(generated.drafts[0]!.findings).toEqual([]);
    expect(generated.drafts[1]!.findings).toEqual([]);
  });

  it('turns ❓ Unknown into todo with a warning on that row only', () => {
    const [w, ...more] = generated.drafts[2]!.findings;
    expect(more).toEqual([]);
    expect(w).toMatchObject({ file: 'README.md', line: 7, severity: 'warning' });
    expect(w!.message).toMatch(/row 3: "❓ Unknown" is what sync shows for a module whose status block is missing or broken, so modules\/03-broken\/README.md starts as `todo`/);
    expect(generated.findings).toEqual([]);
  });

  it('copies text and resource titles as the user wrote them, without the table escaping', () => {
    const f = generated.drafts[0]!.fields;
    expect(f.learnings).toBe('a <b>x</b> *y* | z & w');
    expect(f.resources).toEqual(['[A | B](https://a.org)', '[Q&A <b>](https://b.org/p|q)']);
    expect(f.confidence).toBe(3);
    expect(f).not.toHaveProperty('resources-text');
    expect(f).not.toHaveProperty('notes-link');
  });
});

describe('draftModules on a hand-kept table', () => {
  it('reads an escaped pipe in a resource label as part of the link (no resources-text)', () => {
    const { drafts: [d], findings } = drafts(['| Module 1: A | wip | | [A \\| B](https://a.org) | | |']);
    expect(d!.fields.resources).toEqual(['[A | B](https://a.org)']);
    expect(d!.fields).not.toHaveProperty('resources-text');
    expect([...findings, ...d!.findings]).toEqual([]);
  });

  it('still keeps real text beside the links as resources-text, with its warning on the row', () => {
    const { drafts: [d] } = drafts(['| Module 1: A | wip | | Bishop \\| book, [A \\| B](https://a.org) | | |']);
    expect(d!.fields['resources-text']).toBe('Bishop book');
    expect(d!.findings.map((f) => f.message)).toEqual([expect.stringMatching(/resource text without a link \("Bishop book"\)/)]);
  });

  it('keeps a status it cannot read, with or without a task count, as written', () => {
    const { drafts: ds } = drafts(['| Module 1: A | Blocked (1/2) | | | | |', '| Module 2: B | Unknown | | | | |']);
    expect(ds.map((d) => d.fields.status)).toEqual(['Blocked (1/2)', 'Unknown']);
    expect(ds.map((d) => d.findings.length)).toEqual([1, 1]);
  });

  it('reports a row without a topic outside any draft, since no module comes of it', () => {
    const { drafts: ds, findings } = drafts(['| | done | | | | |']);
    expect(ds).toEqual([]);
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/^row 1 has no Module\/Topic text: skipped/)]);
  });
});
