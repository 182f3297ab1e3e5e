// A FileView over a list of paths (a git tree at some commit): the same questions classification
// asks of the working tree, answered from the tree's paths, so both sides of a pull request are
// judged by the same rules. Pure: the anchors come from a function the caller fills beforehand.
import type { EntryKind, FileView } from './file-view.js';

/** `files`: every file's path (folders are implied by them); `anchors`: a markdown file's anchors. */
export function treeFileView(files: Iterable<string>, anchors: (path: string) => Set<string> | undefined): FileView {
  const kinds = new Map<string, EntryKind>();
  const lower = new Map<string, string>();
  for (const f of files) {
    kinds.set(f, 'file');
    for (let i = f.indexOf('/'); i !== -1; i = f.indexOf('/', i + 1)) {
      const dir = f.slice(0, i);
      if (kinds.get(dir) === 'dir') continue;
      kinds.set(dir, 'dir');
    }
  }
  for (const p of kinds.keys()) {
    const l = p.toLowerCase();
    // Two paths that differ only in case: neither is "the" real case of a third spelling.
    lower.set(l, lower.has(l) ? '' : p);
  }
  return {
    kind: (p) => (p === '' ? 'dir' : (kinds.get(p) ?? null)),
    caseVariant: (p) => {
      if (kinds.has(p)) return null;
      const v = lower.get(p.toLowerCase());
      return v ? v : null;
    },
    anchors: (p) => (kinds.get(p) === 'file' ? anchors(p) : undefined),
  };
}
