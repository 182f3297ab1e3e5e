import { describe, expect, it } from 'vitest';
import { annotationProperties, chooseAnnotations, moreInSummary } from '../../src/action/annotations.js';
import { finding, type Finding } from '../../src/core/model.js';

const err = (file: string, line: number, kind = 'missing-file'): Finding => finding(file, line, 1, kind, 'error', `broken at ${line}`);
const warn = (file: string, line: number): Finding => finding(file, line, 1, 'placeholder', 'warning', `placeholder at ${line}`);

describe('chooseAnnotations', () => {
  it('shows everything when there are at most ten of each severity', () => {
    const fs = [err('a.md', 1), warn('a.md', 2)];
    expect(chooseAnnotations(fs)).toEqual({ errors: [fs[0]], warnings: [fs[1]], moreErrors: 0, moreWarnings: 0 });
  });

  it('spreads the ten over files instead of filling them from the first file', () => {
    const fs = [...Array.from({ length: 20 }, (_, i) => err('a.md', i + 1)), err('b.md', 5), err('c.md', 9)];
    const c = chooseAnnotations(fs);
    expect(c.errors).toHaveLength(10);
    expect(c.errors.map((f) => f.file).filter((f) => f !== 'a.md').sort()).toEqual(['b.md', 'c.md']);
    expect(c.moreErrors).toBe(12);
  });

  it('puts files the pull request touches first, and certain problems before network ones', () => {
    const fs = [
      ...Array.from({ length: 10 }, (_, i) => err('old.md', i + 1)),
      err('new.md', 3, 'http-timeout'),
      err('new.md', 4, 'missing-anchor'),
    ];
    const c = chooseAnnotations(fs, { changedFiles: new Set(['new.md']) });
    expect(c.errors.slice(0, 2).map((f) => `${f.file}:${f.line}:${f.kind}`)).toEqual(['new.md:4:missing-anchor', 'new.md:3:http-timeout']);
    const plain = chooseAnnotations(fs);
    expect(plain.errors.some((f) => f.kind === 'http-timeout')).toBe(false);
  });

  it('counts a finding reported twice once', () => {
    const c = chooseAnnotations([err('a.md', 1), err('a.md', 1)]);
    expect(c.errors).toHaveLength(1);
    expect(c.moreErrors).toBe(0);
  });
});

describe('moreInSummary', () => {
  it('says how many more are in the summary, or nothing', () => {
    expect(moreInSummary({ moreErrors: 0, moreWarnings: 0 })).toBeNull();
    expect(moreInSummary({ moreErrors: 3, moreWarnings: 1 })).toBe(
      '3 more errors and 1 more warning are in the job summary (GitHub shows 10 errors and 10 warnings a step)',
    );
    expect(moreInSummary({ moreErrors: 0, moreWarnings: 1 })).toBe('1 more warning is in the job summary (GitHub shows 10 errors and 10 warnings a step)');
  });
});

describe('annotationProperties', () => {
  it('pins the finding on the file inside the workspace, with columns only on one-line spans', () => {
    const one = finding('README.md', 4, 7, 'placeholder', 'warning', 'm', { endLine: 4, endColumn: 20 });
    expect(annotationProperties(one, 'journey/')).toEqual({ title: 'odyssey: placeholder', file: 'journey/README.md', startLine: 4, startColumn: 7, endLine: 4, endColumn: 20 });
    const multi = finding('README.md', 4, 7, 'missing-file', 'error', 'm', { endLine: 6, endColumn: 2 });
    expect(annotationProperties(multi, '')).toEqual({ title: 'odyssey: missing-file', file: 'README.md', startLine: 4, endLine: 6 });
  });
});
