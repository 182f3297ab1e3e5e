// The files `check` reads: found by include/exclude globs through the guarded reader (io/reader.ts),
// so a walk never leaves the repository, never loops and never opens what is not a regular file.
// Every path skipped becomes a finding, never silence. Also the folder index that answers "does this
// path exist, in this letter case?" for link checking, from the same listings.
import picomatch from 'picomatch';
import { finding, type Finding } from '../core/model.js';
import type { EntryKind } from '../core/links/file-view.js';
import { escapeName, type Refusal, type RepoReader } from './reader.js';

export { DEFAULT_MAX_BYTES as MAX_SCAN_BYTES } from './reader.js';
const SKIP_DIRS = new Set(['.git', 'node_modules']);

export interface FoundFiles {
  files: string[];
  findings: Finding[];
}

/** A refusal as a `check` finding at its own path. */
export function refusalFinding(r: Refusal, severity: 'warning' | 'error' = 'warning', kind = 'unreadable'): Finding {
  // The path itself is escaped too: a file name must never carry a control character into output.
  return finding(escapeName(r.at), r.line ?? 1, r.column ?? 1, kind, severity, r.message);
}

/** Root-relative `/` paths matching `include` and not `exclude`, sorted. */
export function findFiles(reader: RepoReader, include: readonly string[], exclude: readonly string[]): FoundFiles {
  const isIncluded = picomatch(include as string[], { dot: false });
  const isExcluded = exclude.length ? picomatch(exclude as string[], { dot: true }) : () => false;
  const found = new Set<string>();
  const findings: Finding[] = [];
  const seenDirs = new Set<string>();
  const take = (rel: string) => {
    if (isIncluded(rel) && !isExcluded(rel)) found.add(rel);
  };
  // Loops can only come from links, and the reader resolves links to real paths inside the root:
  // a folder whose real path is an ancestor's (or was walked already) is not walked again.
  const walk = (rel: string, real: string, ancestors: readonly string[]): void => {
    if (ancestors.includes(real) || seenDirs.has(real)) {
      findings.push(finding(rel || '.', 1, 1, 'unreadable', 'warning', `${rel}/ is a symbolic link back to a folder already scanned (a loop): skipped; remove the link or exclude it in links.exclude`));
      return;
    }
    seenDirs.add(real);
    const step = reader.walkStep(rel);
    if ('refused' in step) {
      findings.push(finding(rel || '.', 1, 1, 'unreadable', 'warning', `cannot list ${rel || '.'}/ (${step.message}): its files were not checked`));
      return;
    }
    const inside = [...ancestors, real];
    for (const [name, e] of step.entries.sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const childRel = rel ? `${rel}/${name}` : name;
      if (isExcluded(childRel)) continue;
      if ('refused' in e) {
        findings.push(refusalFinding(e));
        continue;
      }
      if (e.kind === 'dir') {
        if (!SKIP_DIRS.has(name)) walk(childRel, e.real, inside);
      } else if (e.kind === 'special') {
        if (isIncluded(childRel)) findings.push(finding(childRel, 1, 1, 'unreadable', 'warning', `${childRel} is not a regular file (a named pipe, socket or device): not read; replace it with a regular file or exclude it`));
      } else take(childRel);
    }
  };
  const bases = new Set<string>();
  for (const g of include) {
    const s = picomatch.scan(g);
    if (!s.isGlob) {
      const rel = reader.relative(g);
      if (rel === null) continue;
      const e = reader.entry(rel);
      if ('refused' in e) {
        if (e.refused !== 'missing') findings.push(refusalFinding(e));
      } else if (e.kind === 'file') take(rel);
      else if (e.kind === 'dir') bases.add(rel);
      continue;
    }
    const base = reader.relative(s.base || '.');
    if (base !== null) bases.add(base);
  }
  // Walking a base that lies inside another would list it twice; keep the outer ones.
  const sorted = [...bases].sort();
  for (const b of sorted) {
    if (sorted.some((o) => o !== b && (o === '' || b.startsWith(`${o}/`)))) continue;
    const e = reader.entry(b);
    if ('refused' in e) {
      if (e.refused !== 'missing') findings.push(refusalFinding(e));
    } else if (e.kind === 'dir') walk(b, e.real, []);
  }
  return { files: [...found].sort(), findings };
}

/** Answers path questions exactly, letter case included, from the reader's listings: a link that
 * leaves the repository, loops or dangles does not exist for link checking. */
export class DirIndex {
  /** A folder's names, and by lower case the last name of each (as a scan in listing order finds it). */
  private readonly nameSets = new Map<string, { exact: Set<string>; lower: Map<string, string> } | null>();

  constructor(private readonly reader: RepoReader) {}

  private names(dir: string): { exact: Set<string>; lower: Map<string, string> } | null {
    let n = this.nameSets.get(dir);
    if (n !== undefined) return n;
    const names = this.reader.names(dir);
    n = names ? { exact: new Set(names), lower: new Map(names.map((x) => [x.toLowerCase(), x])) } : null;
    this.nameSets.set(dir, n);
    return n;
  }

  /** Entries of a root-relative folder; null when it cannot be listed. */
  list(dir: string): ReadonlyMap<string, EntryKind> | null {
    const l = this.reader.list(dir);
    if ('refused' in l) return null;
    const out = new Map<string, EntryKind>();
    for (const [name, e] of l) out.set(name, e.kind === 'dir' ? 'dir' : 'file');
    return out;
  }

  kind(rel: string): EntryKind | null {
    const e = this.reader.entry(rel);
    if ('refused' in e) return null;
    return e.kind === 'dir' ? 'dir' : 'file';
  }

  /** The path as it is on disk when it exists only in another letter case. */
  caseVariant(rel: string): string | null {
    const parts = rel.split('/');
    let dir = '';
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const names = this.names(dir);
      if (!names) return null;
      const name = names.exact.has(part) ? part : names.lower.get(part.toLowerCase());
      if (!name) return null;
      const next = dir ? `${dir}/${name}` : name;
      if (i < parts.length - 1 && this.kind(next) !== 'dir') return null;
      dir = next;
    }
    return dir === rel ? null : dir;
  }
}
