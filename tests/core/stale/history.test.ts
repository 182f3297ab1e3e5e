import { describe, expect, it } from 'vitest';
import { moduleHistory } from '../../../src/core/stale/history.js';
import type { CommitChanges } from '../../../src/core/stale/types.js';

const day = (d: string): number => Date.parse(`${d}T12:00:00Z`);

describe('moduleHistory', () => {
  it('takes the newest commit touching anything under each topic folder', () => {
    const commits: CommitChanges[] = [
      { sha: 'c3', at: day('2026-03-01'), changes: [{ status: 'M', path: 'modules/b/notes/x.md' }] },
      { sha: 'c2', at: day('2026-02-01'), changes: [{ status: 'M', path: 'modules/a/README.md' }, { status: 'A', path: 'modules/README.md' }] },
      { sha: 'c1', at: day('2026-01-01'), changes: [{ status: 'A', path: 'modules/a/README.md' }, { status: 'A', path: 'modules/b/README.md' }] },
    ];
    const h = moduleHistory(commits, 'modules', new Set(['a', 'b']));
    expect(Object.fromEntries(h.lastChange)).toEqual({ a: day('2026-02-01'), b: day('2026-03-01') });
    expect(h.renamedTo.size).toBe(0);
  });

  it('lets a topic keep its history through a pure folder rename, which is not work on it', () => {
    const commits: CommitChanges[] = [
      { sha: 'c2', at: day('2026-03-01'), changes: [{ status: 'R', similarity: 100, from: 'modules/old/README.md', path: 'modules/new/README.md' }] },
      { sha: 'c1', at: day('2026-01-01'), changes: [{ status: 'A', path: 'modules/old/README.md' }] },
    ];
    const h = moduleHistory(commits, 'modules', new Set(['new']));
    expect(h.lastChange.get('new')).toBe(day('2026-01-01'));
    expect(h.lastChange.has('old')).toBe(false);
    expect(Object.fromEntries(h.renamedTo)).toEqual({ old: 'new' });
  });

  it('counts a rename that also edits the file as activity, and follows chains of renames', () => {
    const commits: CommitChanges[] = [
      { sha: 'c3', at: day('2026-04-01'), changes: [{ status: 'R', similarity: 100, from: 'modules/b/README.md', path: 'modules/c/README.md' }] },
      { sha: 'c2', at: day('2026-03-01'), changes: [{ status: 'R', similarity: 80, from: 'modules/a/README.md', path: 'modules/b/README.md' }] },
      { sha: 'c1', at: day('2026-01-01'), changes: [{ status: 'A', path: 'modules/a/README.md' }] },
    ];
    const h = moduleHistory(commits, 'modules', new Set(['c']));
    expect(h.lastChange.get('c')).toBe(day('2026-03-01'));
    expect(Object.fromEntries(h.renamedTo)).toEqual({ a: 'c', b: 'c' });
  });

  it('does not merge two live topics when one file moves between them: both changed', () => {
    const commits: CommitChanges[] = [
      { sha: 'c2', at: day('2026-03-01'), changes: [{ status: 'R', similarity: 100, from: 'modules/a/extra.md', path: 'modules/b/extra.md' }] },
      { sha: 'c1', at: day('2026-01-01'), changes: [{ status: 'A', path: 'modules/a/README.md' }, { status: 'A', path: 'modules/a/extra.md' }, { status: 'A', path: 'modules/b/README.md' }] },
    ];
    const h = moduleHistory(commits, 'modules', new Set(['a', 'b']));
    expect(h.renamedTo.size).toBe(0);
    expect(h.lastChange.get('a')).toBe(day('2026-03-01'));
    expect(h.lastChange.get('b')).toBe(day('2026-03-01'));
  });

  it('honours a configured modules folder and ignores paths outside it', () => {
    const commits: CommitChanges[] = [
      { sha: 'c1', at: day('2026-01-01'), changes: [{ status: 'A', path: 'learning/topics/x/README.md' }, { status: 'A', path: 'modules/y/README.md' }] },
    ];
    const h = moduleHistory(commits, 'learning/topics/', new Set(['x']));
    expect([...h.lastChange.keys()]).toEqual(['x']);
  });
});
