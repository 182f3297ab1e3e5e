// Extraction results keyed by file content (sha1), so a file is parsed once per content however
// often it is checked. Stored in shards by the hash's first two hex digits (`<dir>/ab.json`): a run
// loads only the shards of the contents it has to look at and rewrites only the shards it changed.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Extraction } from '../core/links/extract.js';
import type { Finding, Link, Resource } from '../core/model.js';
import { makeCacheDirSync } from './cache-dir.js';

/** Bump when extraction changes, so old entries are not reused. */
const FORMAT = 'odyssey-extract-2';

type StoredLink = Omit<Link, 'file'>;
interface Stored {
  /** Absent when only the resources of this content were needed so far. */
  links?: StoredLink[];
  suppressed?: StoredLink[];
  anchors?: string[];
  findings?: Array<Omit<Finding, 'file'>>;
  /** Status-block resources, once some run needed them from this content. */
  resources?: Resource[];
}
interface Shard {
  format: string;
  byHash: Record<string, Stored>;
}

const strip = <T extends { file: string }>(x: T): Omit<T, 'file'> => {
  const { file: _f, ...rest } = x;
  return rest;
};

export function contentHash(buf: Buffer): string {
  return createHash('sha1').update(buf).digest('hex');
}

/** Hash of a file's anchors in their order (the order decides "did you mean" ties). */
export function anchorsHash(anchors: Iterable<string>): string {
  return createHash('sha1').update([...anchors].join('\n')).digest('hex').slice(0, 16);
}

export class ExtractStore {
  private readonly shards = new Map<string, Record<string, Stored>>();
  private readonly dirty = new Set<string>();

  /** `dir` null: in memory only, never saved. */
  constructor(private readonly dir: string | null) {}

  private shard(hash: string): Record<string, Stored> {
    const name = hash.slice(0, 2);
    let s = this.shards.get(name);
    if (s) return s;
    s = {};
    if (this.dir) {
      try {
        const data = JSON.parse(readFileSync(path.join(this.dir, `${name}.json`), 'utf8')) as Shard;
        if (data.format === FORMAT && data.byHash) s = data.byHash;
      } catch {
        // absent or unreadable: start afresh
      }
    }
    this.shards.set(name, s);
    return s;
  }

  get(rel: string, hash: string): Extraction | undefined {
    const s = this.shard(hash)[hash];
    if (!s?.links) return undefined;
    return {
      links: s.links.map((l) => ({ file: rel, ...l })),
      suppressed: (s.suppressed ?? []).map((l) => ({ file: rel, ...l })),
      anchors: new Set(s.anchors),
      findings: (s.findings ?? []).map((f) => ({ file: rel, ...f })),
    };
  }

  put(hash: string, e: Extraction): void {
    const shard = this.shard(hash);
    shard[hash] = {
      ...shard[hash],
      links: e.links.map(strip),
      suppressed: e.suppressed.map(strip),
      anchors: [...e.anchors],
      findings: e.findings.map(strip),
    };
    this.dirty.add(hash.slice(0, 2));
  }

  resources(hash: string): Resource[] | undefined {
    return this.shard(hash)[hash]?.resources;
  }

  putResources(hash: string, resources: Resource[]): void {
    const shard = this.shard(hash);
    shard[hash] = { ...shard[hash], resources };
    this.dirty.add(hash.slice(0, 2));
  }

  /** Writes the changed shards atomically, each keeping only the contents in `keep` (what the
   * repository holds now). Failure to write is not an error: only the next run is slower. */
  save(keep: ReadonlySet<string>): void {
    if (!this.dir) return;
    try {
      makeCacheDirSync(this.dir);
      for (const name of this.dirty) {
        const byHash: Record<string, Stored> = {};
        for (const [h, s] of Object.entries(this.shards.get(name)!)) if (keep.has(h)) byHash[h] = s;
        const file = path.join(this.dir, `${name}.json`);
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify({ format: FORMAT, byHash } satisfies Shard));
        renameSync(tmp, file);
      }
      this.dirty.clear();
    } catch {
      // A read-only checkout still gets its check.
    }
  }
}
