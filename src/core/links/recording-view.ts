// A FileView that notes every question classification asked and the answer it got: the facts a
// file's findings depend on. When every answer is the same on a later run (and the file itself is
// unchanged), the findings are too, so they can be reused without classifying again.
import type { EntryKind, FileView } from './file-view.js';

/** A question about the repository, as a string: `k:path` (kind), `v:path` (case variant), `a:path` (anchors). */
export type DepKey = string;

export const kindKey = (p: string): DepKey => `k:${p}`;
export const variantKey = (p: string): DepKey => `v:${p}`;
export const anchorsKey = (p: string): DepKey => `a:${p}`;

export function encodeKind(k: EntryKind | null): string {
  return k === 'file' ? 'f' : k === 'dir' ? 'd' : '-';
}

export interface RecordingView extends FileView {
  /** Questions asked so far and their answers; anchors answers come from `anchorsSignature`. */
  deps(): Map<DepKey, string>;
}

/** `anchorsSignature(p)`: a short string that changes whenever p's anchors do ('-' for none). */
export function recordingView(view: FileView, anchorsSignature: (p: string) => string): RecordingView {
  const deps = new Map<DepKey, string>();
  return {
    kind(p) {
      const k = view.kind(p);
      deps.set(kindKey(p), encodeKind(k));
      return k;
    },
    caseVariant(p) {
      const v = view.caseVariant(p);
      deps.set(variantKey(p), v ?? '');
      return v;
    },
    anchors(p) {
      const a = view.anchors(p);
      deps.set(anchorsKey(p), a ? anchorsSignature(p) : '-');
      return a;
    },
    deps: () => deps,
  };
}
