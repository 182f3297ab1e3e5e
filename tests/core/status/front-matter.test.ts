import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../src/core/document/front-matter.js';

describe('splitFrontMatter', () => {
  it('splits block and body, keeping line endings and line numbers', () => {
    expect(splitFrontMatter('---\r\na: 1\r\n---\r\n# T\r\n')).toEqual({
      kind: 'block',
      openLine: 1,
      yaml: 'a: 1\r\n',
      body: '# T\r\n',
      bodyLine: 3 + 1,
    });
    expect(splitFrontMatter('---  \na: 1\n...\t\nrest')).toMatchObject({ kind: 'block', yaml: 'a: 1\n', body: 'rest', bodyLine: 4 });
    expect(splitFrontMatter('---\n---')).toEqual({ kind: 'block', openLine: 1, yaml: '', body: '', bodyLine: 3 });
  });

  it('a longer rule or text after the dashes is not a fence', () => {
    expect(splitFrontMatter('----\na: 1\n---\n').kind).toBe('none');
    expect(splitFrontMatter('--- a\n').kind).toBe('none');
    expect(splitFrontMatter('---\na: 1\n---- \n')).toMatchObject({ kind: 'unclosed' });
  });

  it('finds a block below blank lines, and says where it opened', () => {
    expect(splitFrontMatter('\n \r\n---\na: 1\n---\nx')).toMatchObject({ kind: 'block', openLine: 3, yaml: 'a: 1\n', bodyLine: 6 });
  });

  it('no block: the whole text is the body', () => {
    expect(splitFrontMatter('# T\n---\na: 1\n---\n')).toEqual({ kind: 'none', body: '# T\n---\na: 1\n---\n', bodyLine: 1 });
    expect(splitFrontMatter('\n\n')).toEqual({ kind: 'none', body: '\n\n', bodyLine: 1 });
  });

  it('unclosed: remembers the first heading-like line', () => {
    expect(splitFrontMatter('---\na: 1\n#comment\n## Notes\n')).toEqual({
      kind: 'unclosed',
      openLine: 1,
      headingLine: 4,
      body: 'a: 1\n#comment\n## Notes\n',
      bodyLine: 2,
    });
  });
});
