import { describe, expect, it } from 'vitest';
import { plainHeading, readableId } from '../../../src/core/status/index.js';

describe('readableId', () => {
  it.each([
    ['03-transformer-architecture', 'Transformer Architecture'],
    ['05-llama-3-models', 'Llama 3 Models'],
    ['10_ethics_in_ai', 'Ethics In Ai'],
    ['ethics', 'Ethics'],
    ['3d-graphics', '3d Graphics'],
    ['03', '03'],
  ])('%s → %s', (id, title) => {
    expect(readableId(id)).toBe(title);
  });
});

describe('plainHeading', () => {
  it('strips inline markup to the text a reader sees', () => {
    expect(plainHeading('**Module 3**: _Transformer_ `Architecture`')).toBe('Module 3: Transformer Architecture');
    expect(plainHeading('[Attention](paper.md) ![logo](l.png) <sup>1</sup>')).toBe('Attention logo 1');
    expect(plainHeading('snake_case_name and 2 * 3 * 4')).toBe('snake_case_name and 2 * 3 * 4');
    expect(plainHeading('\\*not emphasis\\*')).toBe('*not emphasis*');
    expect(plainHeading('[ref][1] ~~old~~ new')).toBe('ref old new');
  });

  it('stays linear on pathological input', () => {
    const text = '!['.repeat(100_000) + '['.repeat(100_000) + '*a'.repeat(100_000);
    expect(plainHeading(text).length).toBeGreaterThan(0);
  });
});
