import { describe, expect, it } from 'vitest';
import { parseStatusBlock } from '../../../src/core/status/index.js';

const EXAMPLE = [
  '\uFEFF---',
  'title: "Transformer: Architecture"',
  'status: ⏸️ Paused',
  'started: 2026-10-02',
  'completed: 2026-10-01',
  'confidence: 3',
  'resources:',
  '  - "[Attention](https://arxiv.org/abs/1706.03762)"',
  '  - title: Blog',
  '    url: https://jalammar.github.io/',
  'learnings: |',
  '  Multi-head attention.',
  'extra: &e {a: [1, 2]}',
  'again: *e',
  '---',
  '# Module 3',
  '```',
  '- [ ] x',
  '```',
  '- [x] y',
].join('\r\n');

function lines(text: string): number {
  return text.split('\n').length;
}

describe('parseStatusBlock never throws', () => {
  it('on every prefix of a full README, and every finding is well formed', () => {
    for (let end = 0; end <= EXAMPLE.length; end++) {
      const text = EXAMPLE.slice(0, end);
      const { module, findings } = parseStatusBlock({ id: '03-t', file: 'modules/03-t/README.md', text });
      expect(module.id).toBe('03-t');
      for (const f of findings) {
        expect(f.kind).toBe('status-block');
        expect(f.file).toBe('modules/03-t/README.md');
        expect(f.line).toBeGreaterThanOrEqual(1);
        expect(f.line).toBeLessThanOrEqual(lines(text));
        expect(f.column).toBeGreaterThanOrEqual(1);
        expect(f.message.length).toBeGreaterThan(10);
      }
      if (findings.some((f) => f.severity === 'error')) expect(module.broken).toBe(true);
    }
  });

  it('on an alias bomb in an extra field', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]'];
    const { module, findings } = parseStatusBlock({ id: 'x', file: 'x.md', text: `---\nstatus: todo\n${bomb.join('\n')}\n---\n` });
    expect(module.status).toBe('todo');
    expect(findings.map((f) => `${f.line}:${f.column}`)).toEqual(['6:4']);
    expect(findings[0]!.message).toMatch(/^`d` could not be read \(.*\): write its value out without `\*` aliases$/);
  });

  it('reads a status given through an alias', () => {
    const { module, findings } = parseStatusBlock({ id: 'x', file: 'x.md', text: '---\nlabel: &s wip\nstatus: *s\n---\n' });
    expect(findings).toEqual([]);
    expect(module.status).toBe('in-progress');
  });
});
