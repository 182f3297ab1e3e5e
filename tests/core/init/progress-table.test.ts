import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findProgressTable, type ProgressTable } from '../../../src/core/init/progress-table.js';

const SEED = readFileSync(new URL('./fixtures/template-README.md', import.meta.url), 'utf8');

function found(text: string): ProgressTable {
  const r = findProgressTable(text);
  if (r.kind !== 'found') throw new Error(`expected a table, got ${JSON.stringify(r)}`);
  return r.table;
}

describe('findProgressTable', () => {
  it('finds the template table under "Progress Tracking Table" with its eight columns and five rows', () => {
    const t = found(SEED);
    expect(t.columns.map((c) => c.role)).toEqual(['topic', 'status', 'notes', 'resources', 'started', 'completed', 'confidence', 'learnings']);
    expect(t.rows.map((r) => r.cells[0]!.plain)).toEqual([
      'Module 1: Foundations',
      'Module 3: Transformer Architecture',
      'Module 4: LLM Pretraining',
      'Module 5: LLM Fine-tuning',
      'Module 10: Ethical Considerations',
    ]);
    const lines = SEED.split('\n');
    expect(lines[t.line - 1]).toMatch(/^\| Module\/Topic/);
    expect(SEED.slice(t.start, t.end)).toBe(lines.slice(t.line - 1, t.line + 6).join('\n'));
    expect(t.inZone).toBe(false);
  });

  it('reads links, positions and escaped pipes of a cell', () => {
    const text = '# P\n\n| Topic | Status | Key Resources |\n| - | - | - |\n| A \\| B | wip |  [X](https://x.org), [Y](link) |\n';
    const row = found(text).rows[0]!;
    expect(row.cells[0]!.source).toBe('A | B');
    const res = row.cells[2]!;
    expect(res.links).toEqual([
      { url: 'https://x.org', text: 'X', source: '[X](https://x.org)', markdown: '[X](https://x.org)' },
      { url: 'link', text: 'Y', source: '[Y](link)', markdown: '[Y](link)' },
    ]);
    expect(text.split('\n')[res.line - 1]!.slice(res.column - 1)).toMatch(/^\[X\]/);
  });

  it('falls back to the first table whose header has a Module/Topic and a Status column', () => {
    const text = '# Me\n\n| Tool | Version |\n|---|---|\n| node | 20 |\n\n## Plan\n\n| Topic | State |\n|---|---|\n| A | done |\n';
    const t = found(text);
    expect(t.rows[0]!.cells[0]!.plain).toBe('A');
  });

  it('ignores a table shown inside a code block or a list item', () => {
    const text = '## Progress\n\n```md\n| Topic | Status |\n|---|---|\n| fake | done |\n```\n\n- | Topic | Status |\n  |---|---|\n  | nested | done |\n\n| Topic | Status |\n|---|---|\n| real | todo |\n';
    expect(found(text).rows.map((r) => r.cells[0]!.plain)).toEqual(['real']);
  });

  it('explains what is missing when the table under the progress heading has no Status column', () => {
    const text = '## Progress Tracking Table\n\n| Module/Topic | Notes |\n|---|---|\n| A | x |\n';
    const r = findProgressTable(text);
    expect(r).toMatchObject({ kind: 'problem', line: 3, column: 1 });
    expect(r.kind === 'problem' && r.message).toContain('has no Status column:');
    expect(r.kind === 'problem' && r.message).toContain('one says Status');
  });

  it('says what init looks for when there is no suitable table', () => {
    for (const text of ['# Nothing here\n', '| a | b |\n|---|---|\n| 1 | 2 |\n']) {
      const r = findProgressTable(text);
      expect(r.kind).toBe('problem');
      expect(r.kind === 'problem' && r.message).toContain('init looks for a table under a heading such as "## Progress Tracking Table"');
    }
  });

  it('reads the table inside an existing zone, and says when the zone holds none', () => {
    const zoned = '# J\n\n<!-- odyssey:progress:start -->\n| Topic | Status |\n|---|---|\n| A | done |\n<!-- odyssey:progress:end -->\n';
    const t = found(zoned);
    expect(t.inZone).toBe(true);
    expect(t.rows).toHaveLength(1);
    expect(findProgressTable('# J\n\n<!-- odyssey:progress:start -->\n<!-- odyssey:progress:end -->\n')).toEqual({ kind: 'zone-without-table' });
  });

  it('reports unpaired markers with their line instead of guessing', () => {
    const r = findProgressTable('# J\n\n<!-- odyssey:progress:end -->\n| Topic | Status |\n|---|---|\n| A | done |\n<!-- odyssey:progress:start -->\n');
    expect(r).toMatchObject({ kind: 'problem', line: 3 });
    const twice = findProgressTable('<!-- odyssey:progress:start -->\n\n<!-- odyssey:progress:start -->\n\n<!-- odyssey:progress:end -->\n');
    expect(twice.kind).toBe('problem');
  });

  it('reads CRLF text with the same rows and offsets on the CRLF bytes', () => {
    const crlf = SEED.replace(/\n/g, '\r\n');
    const t = found(crlf);
    expect(t.rows).toHaveLength(5);
    expect(crlf.slice(t.start, t.end).startsWith('| Module/Topic')).toBe(true);
    expect(crlf.slice(t.end, t.end + 2)).toBe('\r\n');
  });
});
