import { describe, expect, it } from 'vitest';
import { firstTitleHeading, parseDocument } from '../../../src/core/document/index.js';
import { parseStatusBlock } from '../../../src/core/status/index.js';

/** `[x] text @line` for each task, so a failure shows which line went wrong. */
function tasks(body: string, firstLine = 1): string[] {
  return parseDocument('\n'.repeat(firstLine - 1) + body).tasks.map((t) => `${t.done ? 'x' : ''} ${t.text} @${t.line}`);
}

const heading = (text: string) => firstTitleHeading(parseDocument(text));

describe('the model\'s task items', () => {
  it('reads every list marker and both checked spellings', () => {
    const body = ['- [ ] a', '* [x] b', '+ [X] c', '1. [ ] d', '12) [x] e', '-   [ ] f'].join('\n');
    expect(tasks(body)).toEqual([' a @1', 'x b @2', 'x c @3', ' d @4', 'x e @5', ' f @6']);
  });

  it('numbers lines from where the body starts, LF or CRLF', () => {
    expect(tasks('intro\n\n- [ ] a\n- [x] b\n', 10)).toEqual([' a @12', 'x b @13']);
    expect(tasks('intro\r\n\r\n- [ ] a\r\n- [x] b  \r\n', 10)).toEqual([' a @12', 'x b @13']);
  });

  it('counts nested items, by spaces or tabs', () => {
    const body = '- [ ] parent\n  - [x] child\n    - [ ] grandchild\n\t- [x] tab child\n1. [ ] n\n   - [x] under ordered\n';
    expect(tasks(body)).toEqual([' parent @1', 'x child @2', ' grandchild @3', 'x tab child @4', ' n @5', 'x under ordered @6']);
  });

  it('counts items after blank lines inside a list and inside block quotes', () => {
    expect(tasks('- [ ] a\n\n    - [x] b\n\n> - [ ] quoted\n')).toEqual([' a @1', 'x b @3', ' quoted @5']);
  });

  it('ignores what is not a task item', () => {
    const body = [
      '-[ ] no space after marker',
      '- [ ]no space after box',
      '- [ ]',
      '- [y] other letter',
      'text - [ ] mid-line',
      '- [x]\tok with tab',
      '- - -',
    ].join('\n');
    expect(tasks(body)).toEqual(['x ok with tab @6']);
  });
});

describe('the model\'s code and comments', () => {
  it('skips backtick and tilde fences, with CommonMark closing rules', () => {
    const body = [
      '```md', // 1
      '- [ ] in fence',
      '~~~', // other character: does not close
      '- [ ] still in fence',
      '``', // too short
      '``` not a closer', // closer cannot have text
      '````', // longer closes
      '- [x] after first', // 8
      '~~~~',
      '- [ ] in tilde',
      '```', // other character
      '~~~', // too short
      '   ~~~~~  ', // indented up to 3, longer, trailing spaces: closes
      '- [x] after second', // 14
    ].join('\n');
    expect(tasks(body)).toEqual(['x after first @8', 'x after second @14']);
  });

  it('a backtick fence whose info has a backtick is not a fence', () => {
    expect(tasks('``` a`b\n- [ ] counted\n')).toEqual([' counted @2']);
  });

  it('an unclosed fence runs to the end', () => {
    expect(tasks('- [ ] before\n```\n- [ ] a\n- [ ] b\n')).toEqual([' before @1']);
  });

  it('fences inside list items close at their own indent', () => {
    const body = '- [ ] a\n\n  ```\n  - [ ] code\n  ```\n- [x] b\n';
    expect(tasks(body)).toEqual([' a @1', 'x b @6']);
  });

  it('skips indented code blocks, but not indented paragraph continuations', () => {
    const body = [
      'para', // 1
      '',
      '    - [ ] code', // 3
      '',
      '    - [ ] still code after a blank', // 5
      '- [x] real', // 6
      'lazy text',
      '',
      'para',
      '    - [ ] continuation text, not code and not an item', // 10
    ].join('\n');
    expect(tasks(body)).toEqual(['x real @6']);
  });

  it('skips indented code inside a list item', () => {
    expect(tasks('- [ ] a\n\n      - [ ] code in item\n')).toEqual([' a @1']);
  });

  it('skips HTML comments on one line or many', () => {
    const body = '<!-- - [ ] one line -->\n- [ ] a\n<!--\n- [ ] hidden\n- [x] hidden -->\n- [x] b\n  <!-- - [ ] indented -->\n';
    expect(tasks(body)).toEqual([' a @2', 'x b @6']);
  });
});

describe('the model\'s heading', () => {
  it('finds the first level-1 ATX heading outside code', () => {
    expect(heading('<!--\n# hidden\n-->\n    # code\n## two\n#tag\n#   Real title  ##\n# second\n')).toBe('Real title');
    expect(heading('# \n#\n# C# tips\n')).toBe('C# tips');
    expect(heading('no heading\n')).toBeNull();
  });
});

describe('a 10 MB body', () => {
  it('is read whole and correctly', () => {
    const chunk = [
      '## Section',
      'Some notes about attention, long enough to fill the file with realistic prose. '.repeat(4),
      '- [x] done item',
      '  - [ ] nested open item',
      '```python',
      '- [ ] not a task',
      '```',
      '',
    ].join('\n');
    const repeats = Math.ceil((10 * 1024 * 1024) / chunk.length);
    const text = `---\nstatus: wip\n---\n# Big\n${chunk.repeat(repeats)}- [x] last\n`;
    expect(text.length).toBeGreaterThan(10 * 1024 * 1024);
    const { module, findings } = parseStatusBlock({ id: 'big', file: 'modules/big/README.md', text });
    expect(findings).toEqual([]);
    expect(module.title).toBe('Big');
    expect(module.tasks).toHaveLength(2 * repeats + 1);
    expect(module.tasks.filter((t) => t.done)).toHaveLength(repeats + 1);
    expect(module.tasks.at(-1)).toEqual({ text: 'last', done: true, line: 5 + 7 * repeats });
  });
});

describe('task positions and nesting', () => {
  it('gives the column of the box, the depth and the parent task', () => {
    const doc = parseDocument('- [ ] a\n  - [x] b\n    1. [ ] c\n- plain\n  - [ ] d\n> - [x] q\n');
    expect(doc.tasks.map((t) => [t.text, t.line, t.column, t.depth, t.parent])).toEqual([
      ['a', 1, 3, 0, -1],
      ['b', 2, 5, 1, 0],
      ['c', 3, 8, 2, 1],
      ['d', 5, 5, 1, -1],
      ['q', 6, 5, 0, -1],
    ]);
  });
});
