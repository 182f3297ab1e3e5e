import { describe, expect, it } from 'vitest';
import { anchorHint, closest, nearAnchors } from '../../../src/core/links/suggest.js';
import { extractLinks } from '../../../src/core/links/index.js';

/** The anchors a markdown file defines, in its order, as the link check gets them. */
const anchorsOf = (markdown: string): Set<string> => extractLinks('notes.md', markdown).anchors;

describe('closest', () => {
  it('finds a typo within a third of the length', () => {
    expect(closest('overveiw', ['intro', 'overview'])).toBe('overview');
    expect(closest('part-b', ['part-a', 'part-a-1'])).toBe('part-a');
  });
  it('gives nothing when every candidate is too far', () => {
    expect(closest('self-attention', ['self-attention-mechanism', 'intro'])).toBeNull();
  });
});

describe('nearAnchors', () => {
  it('suggests a heading that grew words after the link was written', () => {
    const anchors = anchorsOf('# Notes\n\n## Self Attention Mechanism\n\n## Training\n');
    expect(nearAnchors('self-attention', anchors)).toEqual(['self-attention-mechanism']);
  });

  it('suggests a heading that lost words, and one that starts the same', () => {
    expect(nearAnchors('self-attention-mechanism-explained', new Set(['intro', 'self-attention']))).toEqual(['self-attention']);
    expect(nearAnchors('intro', new Set(['setup', 'introduction-to-transformers']))).toEqual(['introduction-to-transformers']);
  });

  it('suggests by whole words in another order, only the best kind of match, at most three', () => {
    const anchors = ['intro', 'attention-is-all-you-need', 'self-attention-in-vision-transformers', 'self-study', 'attention', 'mechanism'];
    // Best to worst: starts the same; the same words; all words of one in the other; half the words.
    expect(nearAnchors('self-attention-mechanism', new Set([...anchors, 'mechanism-of-self-attention', 'self-attention-mechanisms-compared']))).toEqual([
      'self-attention-mechanisms-compared',
    ]);
    expect(nearAnchors('self-attention-mechanism', new Set([...anchors, 'mechanism-of-self-attention']))).toEqual(['mechanism-of-self-attention']);
    expect(nearAnchors('self-attention-mechanism', new Set(anchors))).toEqual(['attention', 'mechanism']);
    expect(nearAnchors('self-attention-mechanism', new Set(anchors.slice(0, 4)))).toEqual(['self-attention-in-vision-transformers']);
    // Half the words: four headings, three named, by length nearest the fragment's, then the file's order.
    const half = ['attention-in-vision', 'intro-to-attention', 'attention-notes-and-extra-links', 'notes-on-transformer-attention', 'summary-and-notes-kept-here', 'my-notes-summary-for-week-2'];
    expect(nearAnchors('attention-summary-notes', new Set(half))).toEqual(['summary-and-notes-kept-here', 'my-notes-summary-for-week-2', 'notes-on-transformer-attention']);
  });

  it('prefers edit distance when a candidate is that close', () => {
    expect(nearAnchors('self-atention', new Set(['self-attention-mechanism', 'self-attention']))).toEqual(['self-attention']);
  });

  it('does not match on short words like "a" or "of"', () => {
    expect(nearAnchors('a-tour-of-it', new Set(['a-b', 'of-course', 'it-works']))).toEqual([]);
  });

  it('is deterministic: ties go to the length nearest the fragment, then to the file order', () => {
    expect(nearAnchors('training', new Set(['training-loop-b', 'training-loop-a', 'training-extra']))).toEqual(['training-extra', 'training-loop-b', 'training-loop-a']);
    expect(nearAnchors('training', new Set(['training-loop-a', 'training-loop-b', 'training-extra']))).toEqual(['training-extra', 'training-loop-a', 'training-loop-b']);
  });

  it('sees an anchor added to a set it has read before', () => {
    const anchors = new Set(['intro', 'setup']);
    expect(nearAnchors('self-attention', anchors)).toEqual([]);
    anchors.add('self-attention-mechanism');
    expect(nearAnchors('self-attention', anchors)).toEqual(['self-attention-mechanism']);
  });

  it('reads a bounded number of candidates in a file with thousands of headings', () => {
    const many = Array.from({ length: 20000 }, (_, i) => `section-${i}`);
    expect(nearAnchors('zebra-crossing', new Set([...many, 'zebra-crossing-rules']))).toEqual([]);
    expect(nearAnchors('zebra-crossing', new Set(['zebra-crossing-rules', ...many]))).toEqual(['zebra-crossing-rules']);
  });
});

describe('anchorHint', () => {
  it('names one suggestion, or several with "or"', () => {
    expect(anchorHint('self-attention', new Set(['intro', 'self-attention-mechanism']))).toBe('; did you mean #self-attention-mechanism?');
    expect(anchorHint('attention', new Set(['self-attention-mechanism', 'multi-head-attention', 'cross-attention', 'intro']))).toBe(
      '; did you mean #cross-attention, #multi-head-attention or #self-attention-mechanism?',
    );
  });

  it('lists the first five anchors in the file order, and how many more, when nothing is near', () => {
    const anchors = anchorsOf(['# Journey', '## Week 1', '## Week 2', '## Readings', '## Exercises', '## Project', '## Retro'].join('\n\n'));
    expect(anchorHint('zzz-unrelated', anchors)).toBe('; its headings and anchors are #journey, #week-1, #week-2, #readings, #exercises and 2 more');
  });

  it('lists all of a few anchors, or the only one', () => {
    expect(anchorHint('zzz-unrelated', new Set(['intro', 'usage']))).toBe('; its headings and anchors are #intro and #usage');
    expect(anchorHint('zzz-unrelated', new Set(['intro']))).toBe('; its only heading or anchor is #intro');
  });

  it('cuts a very long listed anchor', () => {
    const long = `x${'-y'.repeat(60)}`;
    expect(anchorHint('zzz-unrelated', new Set([long, 'intro']))).toBe(`; its headings and anchors are #${long.slice(0, 60)}… and #intro`);
  });

  it('says when the file has no headings at all', () => {
    expect(anchorHint('intro', new Set())).toBe(' (it has no headings)');
  });
});
