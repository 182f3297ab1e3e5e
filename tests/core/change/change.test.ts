// The pure parts of judging a change: matching, URL surgery, placing fixes, diff lines, review.
import { describe, expect, it } from 'vitest';
import { applyTextFixes, targetSpan } from '../../../src/core/change/apply-fixes.js';
import { certainFix } from '../../../src/core/change/certain-fix.js';
import { rightSideLines } from '../../../src/core/change/diff-lines.js';
import { judgeChanges } from '../../../src/core/change/judge.js';
import { withFragment, withPath } from '../../../src/core/change/link-target.js';
import { buildReview, suggestionsFrom } from '../../../src/core/change/review.js';
import { treeFileView } from '../../../src/core/links/tree-view.js';
import { finding, type Finding } from '../../../src/core/model.js';
import { unifiedDiff } from '../../../src/core/render/unified-diff.js';

const f = (file: string, line: number, url: string, kind = 'missing-file'): Finding => finding(file, line, 1, kind, 'error', 'm', { url });

describe('judgeChanges', () => {
  it('matches by file (through renames), kind and URL, never by line; duplicates count one each', () => {
    const before = [f('a.md', 3, 'x.md'), f('old.md', 1, 'y.md'), f('a.md', 9, 'gone.md'), f('a.md', 4, 'x.md')];
    const now = [f('a.md', 7, 'x.md'), f('new.md', 1, 'y.md'), f('a.md', 8, 'x.md'), f('a.md', 9, 'x.md'), f('a.md', 1, 'x.md', 'missing-anchor')];
    const r = judgeChanges(now, before, new Map([['old.md', 'new.md']]));
    expect(r.findings.map((x) => x.change)).toEqual(['existing', 'existing', 'existing', 'new', 'new']);
    expect(r.fixed.map((x) => x.url)).toEqual(['gone.md']);
  });
});

describe('link targets', () => {
  it('keeps the form the author wrote: relative, root-relative, ./, query and fragment', () => {
    expect(withPath('modules/a/README.md', '../b/notes.md#x', 'modules/b/guide.md')).toBe('../b/guide.md#x');
    expect(withPath('modules/a/README.md', './notes.md?plain=1', 'modules/a/guide.md')).toBe('./guide.md?plain=1');
    expect(withPath('modules/a/README.md', '/modules/b/notes.md', 'modules/b/my notes.md')).toBe('/modules/b/my%20notes.md');
    expect(withFragment('notes.md#old', 'new')).toBe('notes.md#new');
  });
});

describe('certainFix', () => {
  const view = treeFileView(['README.md', 'docs/Guide.md', 'docs/intro.md', 'docs/ch/README.md', 'b/x.md', 'b/y.md'], () => undefined);
  it('letter case, a missing .md, x.md for x/README.md, a folder renamed as a whole', () => {
    expect(certainFix(f('README.md', 1, 'docs/guide.md'), { view, renamed: new Map() })).toEqual({ url: 'docs/Guide.md', reason: 'letter-case' });
    expect(certainFix(f('README.md', 1, 'docs/intro'), { view, renamed: new Map() })).toEqual({ url: 'docs/intro.md', reason: 'extension' });
    expect(certainFix(f('README.md', 1, 'docs/ch.md'), { view, renamed: new Map() })).toEqual({ url: 'docs/ch/README.md', reason: 'extension' });
    const renamed = new Map([['a/x.md', 'b/x.md'], ['a/y.md', 'b/y.md']]);
    expect(certainFix(f('README.md', 1, 'a/'), { view, renamed })).toEqual({ url: 'b/', reason: 'renamed' });
  });
  it('no guess: a near miss is no fix', () => {
    expect(certainFix(f('README.md', 1, 'docs/intr.md'), { view, renamed: new Map() })).toBeNull();
    expect(certainFix(f('README.md', 1, 'x', 'placeholder'), { view, renamed: new Map() })).toBeNull();
  });
});

describe('applyTextFixes', () => {
  it('changes only the target, found at the link, not the same text in the link label', () => {
    const text = '\uFEFFA [lab.md](lab.md) b\r\n<a href="lab.md">x</a> [r]: lab.md\n';
    const r = applyTextFixes(text, [
      { line: 1, column: 3, url: 'lab.md', to: 'Lab.md' },
      { line: 2, column: 1, url: 'lab.md', to: 'Lab.md' },
      { line: 2, column: 24, url: 'lab.md', to: 'Lab.md' },
    ]);
    expect(r.skipped).toEqual([]);
    expect(r.text).toBe('\uFEFFA [lab.md](Lab.md) b\r\n<a href="Lab.md">x</a> [r]: Lab.md\n');
    expect(targetSpan('see [x](y.md)', 1, 5, 'z.md')).toBeNull();
  });
});

describe('diff lines and unified diff', () => {
  it('reads the right side of hunks', () => {
    expect([...rightSideLines('@@ -1,3 +1,4 @@\n a\n-b\n+c\n+d\n e\n@@ -10 +11 @@\n+z')]).toEqual([1, 2, 3, 4, 11]);
  });
  it('prints hunks with three lines of context', () => {
    const before = Array.from({ length: 12 }, (_, i) => `l${i + 1}`).join('\n') + '\n';
    expect(unifiedDiff('f.md', before, before.replace('l2\n', 'L2\n'))).toBe('--- a/f.md\n+++ b/f.md\n@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n l4\n l5\n');
  });
});

describe('buildReview', () => {
  it('one suggestion a line in the diff; lines outside it in the body; nothing to suggest, no review', () => {
    const texts = new Map([['a.md', 'x\n[n](notes.md) [m](notes.md)\ny\n[k](k.md)\n']]);
    const fs = [{ ...f('a.md', 2, 'notes.md'), fix: { url: 'guide.md' } }, { ...finding('a.md', 2, 16, 'missing-file', 'error', 'm', { url: 'notes.md' }), fix: { url: 'guide.md' } }, { ...f('a.md', 4, 'k.md'), fix: { url: 'K.md' } }];
    const s = suggestionsFrom(fs, texts);
    expect(s.map((x) => [x.line, x.after])).toEqual([
      [2, '[n](guide.md) [m](guide.md)'],
      [4, '[k](K.md)'],
    ]);
    const review = buildReview(s, (_file, line) => line === 2)!;
    expect(review.comments).toEqual([{ path: 'a.md', line: 2, side: 'RIGHT', body: expect.stringContaining('```suggestion\n[n](guide.md) [m](guide.md)\n```') }]);
    expect(review.body).toContain('- `a.md:4`: `k.md` → `K.md`');
    expect(buildReview([], () => true)).toBeNull();
  });
});
