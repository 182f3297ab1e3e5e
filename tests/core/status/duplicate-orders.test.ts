import { describe, expect, it } from 'vitest';
import type { Module } from '../../../src/core/model.js';
import { checkDuplicateOrders, parseStatusBlock, sortModules } from '../../../src/core/status/index.js';

function mod(id: string, block = 'status: todo\n'): Module {
  return parseStatusBlock({ id, file: `modules/${id}/README.md`, text: `---\n${block}---\n` }).module;
}

describe('sortModules', () => {
  it('sorts by order, then id, unnumbered last, without touching the input', () => {
    const input = [mod('ethics'), mod('10-b'), mod('02-z'), mod('2-a'), mod('appendix'), mod('intro', 'status: todo\norder: 0\n')];
    const sorted = sortModules(input);
    expect(sorted.map((m) => m.id)).toEqual(['intro', '02-z', '2-a', '10-b', 'appendix', 'ethics']);
    expect(input.map((m) => m.id)[0]).toBe('ethics');
  });
});

describe('checkDuplicateOrders', () => {
  it('warns on each module of a shared order, naming the other, at its `order:` or line 1', () => {
    const modules = [mod('03-a'), mod('04-b'), mod('x-late', 'status: todo\ntitle: X\norder: 3\n'), mod('05-c')];
    const findings = checkDuplicateOrders(modules);
    const tail = 'such modules are listed by folder name: to choose, give one of them its own `order:` in its status block (`order: 6` is free)';
    expect(findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.kind} ${f.severity} ${f.message}`)).toEqual([
      `modules/03-a/README.md:1:1 status-block warning order 3 is also the order of \`x-late\` (modules/x-late/README.md); ${tail}`,
      `modules/x-late/README.md:4:8 status-block warning order 3 is also the order of \`03-a\` (modules/03-a/README.md); ${tail}`,
    ]);
  });

  it('names every other module in a group of three', () => {
    const findings = checkDuplicateOrders([mod('1-a'), mod('01-b'), mod('001-c')]);
    expect(findings).toHaveLength(3);
    expect(findings[0]!.message).toMatch(/^order 1 is also the order of `01-b` \(modules\/01-b\/README.md\), `1-a` \(modules\/1-a\/README.md\);/);
    expect(findings[0]!.message).toContain('`order: 2` is free');
  });

  it('modules without any order are not duplicates of each other', () => {
    expect(checkDuplicateOrders([mod('ethics'), mod('appendix'), mod('01-a'), mod('02-b')])).toEqual([]);
  });
});

describe('checkDuplicateOrders with a crowd', () => {
  it('names three others and counts the rest', () => {
    const modules = ['1-a', '1-b', '1-c', '1-d', '1-e', '1-f'].map((id) => mod(id));
    const findings = checkDuplicateOrders(modules);
    expect(findings).toHaveLength(6);
    expect(findings[0]!.message).toMatch(
      /^order 1 is also the order of `1-b` \(modules\/1-b\/README.md\), `1-c` \(modules\/1-c\/README.md\), `1-d` \(modules\/1-d\/README.md\) and 2 more;/,
    );
  });
});
