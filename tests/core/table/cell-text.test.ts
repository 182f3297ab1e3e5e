import { describe, expect, it } from 'vitest';
import { extraText, oneLine, readableKey, relativeLink } from '../../../src/core/table/index.js';

describe('cell text helpers', () => {
  it('oneLine collapses line breaks, tabs and control characters', () => {
    expect(oneLine('  a\r\nb\tc\u0000d\u2028e  ')).toBe('a b c d e');
  });

  it('readableKey turns field names into headers', () => {
    expect(readableKey('time-spent')).toBe('Time Spent');
    expect(readableKey('hoursLogged')).toBe('Hours Logged');
    expect(readableKey('difficulty_level')).toBe('Difficulty Level');
    expect(readableKey('ÉTAT')).toBe('ÉTAT');
  });

  it('extraText writes lists, numbers, booleans and objects on one line', () => {
    expect(extraText(['a', 2, true, null])).toBe('a, 2, true');
    expect(extraText({ k: 'v' })).toBe('{"k":"v"}');
    expect(extraText(undefined)).toBe('');
    expect(extraText('two\nlines')).toBe('two lines');
  });

  it('relativeLink goes from the README folder to the module file', () => {
    expect(relativeLink('README.md', 'modules/01-a/README.md')).toBe('modules/01-a/README.md');
    expect(relativeLink('./README.md', 'modules/01-a/README.md')).toBe('modules/01-a/README.md');
    expect(relativeLink('docs/README.md', 'modules/01-a/README.md')).toBe('../modules/01-a/README.md');
    expect(relativeLink('modules/README.md', 'modules/01-a/README.md')).toBe('01-a/README.md');
    expect(relativeLink('README.md', 'modules/my topic (draft)/README.md')).toBe('modules/my%20topic%20%28draft%29/README.md');
  });
});
