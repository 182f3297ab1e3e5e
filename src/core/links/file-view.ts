// What classification needs to know about the repository, gathered beforehand by the effects
// layer (src/run/check.ts) so the rules themselves stay pure.

export type EntryKind = 'file' | 'dir';

export interface FileView {
  /** Kind of the root-relative path with exactly this letter case; null when it does not exist. */
  kind(path: string): EntryKind | null;
  /** The same path in the letter case it exists in, when it exists only in another case. */
  caseVariant(path: string): string | null;
  /** Anchors of a markdown file; undefined when it could not be read. */
  anchors(path: string): Set<string> | undefined;
}

/** A FileView over plain maps (tests, and the run layer once it has looked everything up). */
export function mapFileView(
  kinds: ReadonlyMap<string, EntryKind>,
  anchors: ReadonlyMap<string, Set<string>>,
  variants: ReadonlyMap<string, string> = new Map(),
): FileView {
  return {
    kind: (p) => kinds.get(p) ?? null,
    caseVariant: (p) => variants.get(p) ?? null,
    anchors: (p) => anchors.get(p),
  };
}
