// The files `check` reads: found by include/exclude globs, read with guards (size bound, binary,
// broken UTF-8, symlink loops, folders). Every file skipped becomes a finding, never silence.
// Also the folder index that answers "does this path exist, in this letter case?".
import { readdirSync, readFileSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { finding, type Finding } from '../core/model.js';
import type { EntryKind } from '../core/links/file-view.js';

/** Larger files are reported, not read: keeps time and memory bounded. */
export const MAX_SCAN_BYTES = 8 * 1024 * 1024;
const SKIP_DIRS = new Set(['.git', 'node_modules']);

const toPosix = (p: string): string => p.split(path.sep).join('/');

export interface FoundFiles {
  files: string[];
  findings: Finding[];
}

/** Root-relative `/` paths matching `include` and not `exclude`, sorted. `index`: learns the
 * listing of every folder walked, so later path questions do not list them again. */
export function findFiles(root: string, include: readonly string[], exclude: readonly string[], index?: DirIndex): FoundFiles {
  const isIncluded = picomatch(include as string[], { dot: false });
  const isExcluded = exclude.length ? picomatch(exclude as string[], { dot: true }) : () => false;
  const found = new Set<string>();
  const findings: Finding[] = [];
  const seenDirs = new Set<string>();
  const take = (rel: string) => {
    if (isIncluded(rel) && !isExcluded(rel)) found.add(rel);
  };
  // Only a symbolic link can make a loop. Real paths are asked of the system for the bases and for
  // links alone; below them a folder's real path is its parent's plus its name (no system call).
  const walk = (rel: string, real: string | null, ancestors: ReadonlySet<string>): void => {
    const abs = path.join(root, rel);
    if (real === null) {
      try {
        real = realpathSync(abs);
      } catch {
        return;
      }
    }
    if (ancestors.has(real) || seenDirs.has(real)) {
      findings.push(finding(rel || '.', 1, 1, 'unreadable', 'warning', `${rel}/ is a symbolic link back to a folder already scanned (a loop): skipped; remove the link or exclude it in links.exclude`));
      return;
    }
    seenDirs.add(real);
    const inside = new Set(ancestors).add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (err) {
      findings.push(finding(rel || '.', 1, 1, 'unreadable', 'warning', `cannot list ${rel || '.'}/ (${(err as NodeJS.ErrnoException).code}): its files were not checked`));
      return;
    }
    const listing = new Map<string, EntryKind>();
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      let isDir = e.isDirectory();
      const isLink = e.isSymbolicLink();
      if (isLink) {
        const st = statSync(path.join(root, childRel), { throwIfNoEntry: false });
        if (!st) {
          if (isIncluded(childRel)) findings.push(finding(childRel, 1, 1, 'unreadable', 'warning', `${childRel} is a broken symbolic link: not checked`));
          continue;
        }
        isDir = st.isDirectory();
      }
      listing.set(e.name, isDir ? 'dir' : 'file');
      if (isDir) {
        if (!SKIP_DIRS.has(e.name) && !isExcluded(childRel)) walk(childRel, isLink ? null : `${real}${path.sep}${e.name}`, inside);
      } else take(childRel);
    }
    index?.remember(rel, listing);
  };
  const bases = new Set<string>();
  for (const g of include) {
    const s = picomatch.scan(g);
    if (!s.isGlob) {
      const st = statSync(path.join(root, g), { throwIfNoEntry: false });
      if (st?.isFile()) take(toPosix(g));
      else if (st?.isDirectory()) bases.add(toPosix(g));
      continue;
    }
    bases.add(s.base);
  }
  // Walking a base that lies inside another would list it twice; keep the outer ones.
  const sorted = [...bases].sort();
  for (const b of sorted) {
    if (sorted.some((o) => o !== b && (o === '' || b.startsWith(`${o}/`)))) continue;
    const st = statSync(path.join(root, b || '.'), { throwIfNoEntry: false });
    if (st?.isDirectory()) walk(b, null, new Set());
  }
  return { files: [...found].sort(), findings };
}

export type ReadOutcome = { text: string; buf: Buffer; stat: Stats } | { finding: Finding };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

/** Reads one root-relative file with every guard; a problem becomes a finding on the file. */
export function readGuarded(root: string, rel: string, st?: Stats, maxBytes = MAX_SCAN_BYTES): ReadOutcome & { warning?: Finding } {
  const abs = path.join(root, rel);
  const bad = (message: string): ReadOutcome => ({ finding: finding(rel, 1, 1, 'unreadable', 'warning', message) });
  let s: Stats | undefined = st;
  try {
    s ??= statSync(abs);
  } catch (err) {
    return bad(`cannot read ${rel} (${(err as NodeJS.ErrnoException).code}): its links were not checked`);
  }
  if (s.isDirectory()) return bad(`${rel} is a folder, not a markdown file: exclude it in links.exclude`);
  if (s.size > maxBytes) return bad(`${rel} is ${(s.size / 1048576).toFixed(1)} MB, over the ${maxBytes / 1048576} MB bound: its links were not checked; split the file`);
  let buf: Buffer;
  try {
    buf = readFileSync(abs);
  } catch (err) {
    return bad(`cannot read ${rel} (${(err as NodeJS.ErrnoException).code}): its links were not checked`);
  }
  const probe = buf.subarray(0, 8192);
  if (probe.includes(0)) return bad(`${rel} looks binary (it holds NUL bytes): its links were not checked; exclude it in links.exclude`);
  try {
    return { text: utf8.decode(buf), buf, stat: s };
  } catch {
    const text = lossy.decode(buf);
    const at = text.indexOf('\uFFFD');
    const before = text.slice(0, Math.max(0, at));
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return {
      text,
      buf,
      stat: s,
      warning: finding(rel, line, column, 'unreadable', 'warning', `${rel} is not valid UTF-8 (first bad byte here): checked with the bad bytes replaced; save the file as UTF-8`),
    };
  }
}

/** Lists folders once each and answers path questions exactly, letter case included. */
export class DirIndex {
  private readonly listings = new Map<string, ReadonlyMap<string, EntryKind> | null>();
  constructor(private readonly root: string) {}

  /** A listing already made (by the tree walk), in the same form `list` makes it. */
  remember(dir: string, listing: ReadonlyMap<string, EntryKind>): void {
    this.listings.set(dir, listing);
  }

  /** Entries of a root-relative folder (symbolic links as what they point at); null when it cannot be listed. */
  list(dir: string): ReadonlyMap<string, EntryKind> | null {
    const cached = this.listings.get(dir);
    if (cached !== undefined) return cached;
    let out: Map<string, EntryKind> | null = null;
    try {
      const m = new Map<string, EntryKind>();
      out = m;
      for (const e of readdirSync(path.join(this.root, dir), { withFileTypes: true })) {
        let kind: EntryKind = e.isDirectory() ? 'dir' : 'file';
        if (e.isSymbolicLink()) {
          const st = statSync(path.join(this.root, dir, e.name), { throwIfNoEntry: false });
          if (!st) continue;
          kind = st.isDirectory() ? 'dir' : 'file';
        }
        m.set(e.name, kind);
      }
    } catch {
      out = null;
    }
    this.listings.set(dir, out);
    return out;
  }

  kind(rel: string): EntryKind | null {
    if (rel === '') return 'dir';
    const parts = rel.split('/');
    let dir = '';
    for (let i = 0; i < parts.length; i++) {
      const k = this.list(dir)?.get(parts[i]!);
      if (!k) return null;
      if (i === parts.length - 1) return k;
      if (k !== 'dir') return null;
      dir = dir ? `${dir}/${parts[i]}` : parts[i]!;
    }
    return null;
  }

  /** The path as it is on disk when it exists only in another letter case. */
  caseVariant(rel: string): string | null {
    const parts = rel.split('/');
    let dir = '';
    for (const part of parts) {
      const listing = this.list(dir);
      if (!listing) return null;
      let name = listing.has(part) ? part : undefined;
      if (!name) {
        const lower = part.toLowerCase();
        for (const n of listing.keys()) if (n.toLowerCase() === lower) name = n;
      }
      if (!name) return null;
      dir = dir ? `${dir}/${name}` : name;
    }
    return dir === rel ? null : dir;
  }
}
