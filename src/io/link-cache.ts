// Extraction results keyed by file content (sha1), so a rerun parses only what changed. A file
// whose size, mtime, ctime and inode match its last entry is not even read again (git's index
// trick); a stat newer than the cache's own write is never trusted (the "racy git" case).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { Extraction } from '../core/links/extract.js';
import type { Finding, Link } from '../core/model.js';

/** Bump when extraction changes, so old entries are not reused. */
const FORMAT = 'odyssey-extract-1';

type StoredLink = Omit<Link, 'file'>;
interface Stored {
  links: StoredLink[];
  suppressed: StoredLink[];
  anchors: string[];
  findings: Array<Omit<Finding, 'file'>>;
}
interface StatKey {
  hash: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}
interface CacheFile {
  format: string;
  savedAt: number;
  files: Record<string, StatKey>;
  byHash: Record<string, Stored>;
}

const strip = <T extends { file: string }>(x: T): Omit<T, 'file'> => {
  const { file: _f, ...rest } = x;
  return rest;
};

export function contentHash(buf: Buffer): string {
  return createHash('sha1').update(buf).digest('hex');
}

export class ExtractCache {
  private readonly files: Record<string, StatKey>;
  private readonly byHash: Record<string, Stored>;
  private readonly savedAt: number;
  private readonly usedFiles: Record<string, StatKey> = {};
  private readonly usedHashes = new Set<string>();
  private dirty = false;
  hits = 0;
  misses = 0;

  private constructor(private readonly file: string | null, data: CacheFile | null) {
    this.files = data?.files ?? {};
    this.byHash = data?.byHash ?? {};
    this.savedAt = data?.savedAt ?? 0;
  }

  /** `file` null: an in-memory cache that is never saved. A missing or broken file starts empty. */
  static load(file: string | null): ExtractCache {
    if (!file) return new ExtractCache(null, null);
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (data.format === FORMAT && data.files && data.byHash) return new ExtractCache(file, data);
    } catch {
      // absent or unreadable: start afresh
    }
    return new ExtractCache(file, null);
  }

  private restore(rel: string, s: Stored): Extraction {
    return {
      links: s.links.map((l) => ({ file: rel, ...l })),
      suppressed: s.suppressed.map((l) => ({ file: rel, ...l })),
      anchors: new Set(s.anchors),
      findings: s.findings.map((f) => ({ file: rel, ...f })),
    };
  }

  /** The entry for an unchanged file, judged by its stat alone. */
  byStat(rel: string, st: Stats): Extraction | undefined {
    const k = this.files[rel];
    if (!k || k.size !== st.size || k.mtimeMs !== st.mtimeMs || k.ctimeMs !== st.ctimeMs || k.ino !== st.ino) return undefined;
    if (st.mtimeMs >= this.savedAt - 1000) return undefined;
    const s = this.byHash[k.hash];
    if (!s) return undefined;
    this.usedFiles[rel] = k;
    this.usedHashes.add(k.hash);
    this.hits++;
    return this.restore(rel, s);
  }

  byContent(rel: string, hash: string, st: Stats): Extraction | undefined {
    const s = this.byHash[hash];
    this.record(rel, hash, st);
    if (!s) return undefined;
    this.usedHashes.add(hash);
    this.hits++;
    return this.restore(rel, s);
  }

  put(rel: string, hash: string, st: Stats, e: Extraction): void {
    this.misses++;
    this.record(rel, hash, st);
    this.byHash[hash] = {
      links: e.links.map(strip),
      suppressed: e.suppressed.map(strip),
      anchors: [...e.anchors],
      findings: e.findings.map(strip),
    };
    this.usedHashes.add(hash);
    this.dirty = true;
  }

  private record(rel: string, hash: string, st: Stats): void {
    const k = { hash, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino };
    const old = this.files[rel];
    if (!old || old.hash !== hash || old.mtimeMs !== k.mtimeMs || old.ctimeMs !== k.ctimeMs) this.dirty = true;
    this.usedFiles[rel] = k;
  }

  /** Writes atomically, keeping only what this run used. `startedAt`: when this run began reading
   * (a file changed later than that must not be trusted by stat). Failure to write is not an error. */
  save(startedAt: number): void {
    if (!this.file) return;
    if (!this.dirty && Object.keys(this.usedFiles).length === Object.keys(this.files).length) return;
    const byHash: Record<string, Stored> = {};
    for (const h of this.usedHashes) if (this.byHash[h]) byHash[h] = this.byHash[h]!;
    const data: CacheFile = { format: FORMAT, savedAt: startedAt, files: this.usedFiles, byHash };
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, this.file);
    } catch {
      // A read-only checkout still gets its check; only the next run is slower.
    }
  }
}
