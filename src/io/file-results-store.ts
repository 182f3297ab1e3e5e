// The one store of per-file results, content-addressed: what odyssey learned from a file's bytes
// (its links, anchors, read warnings, status-block resources…) under the file's git blob id, so a
// content is parsed once however often, wherever and under whatever path it is met: in the work
// tree by check and sync, or as a blob by the pull-request base and the history (`get`/`put` take a
// blob id straight from git). Entries depend on the bytes and on odyssey's version only; results
// that depend on configuration or on other files belong to the check-run index
// (io/check-run-index.ts). Kept in shards by the id's first two hex digits in the cache folder
// (`file-results/ab.json`), each sealed (io/cache-folder.ts): a run loads only the shards of the
// contents it meets and rewrites only those it changed. Entries are held as JSON text, not objects,
// so a store over 70,000 files stays small in memory.
import { createHash } from 'node:crypto';
import type { Extraction } from '../core/links/extract.js';
import type { Finding, Link, Resource } from '../core/model.js';
import { DOCUMENT_VERSION } from '../core/document/model.js';
import { VERSION } from '../version.js';
import type { CacheFolder } from './cache-folder.js';
import { READER_VERSION } from './reader.js';

/** Bump when what an entry holds changes. */
const FORMAT = `odyssey-file-results-1/reader-${READER_VERSION}/document-${DOCUMENT_VERSION}/${VERSION}`;
const SUBFOLDER = 'file-results';

type StoredLink = Omit<Link, 'file'>;
/** What is kept of one content. Fields absent until some run needed them. */
export interface FileResults {
  links?: StoredLink[];
  suppressed?: StoredLink[];
  anchors?: string[];
  findings?: Array<Omit<Finding, 'file'>>;
  resources?: Resource[];
  /** Other features' fields (history, pull-request base…), each under its own name. */
  [field: string]: unknown;
}

/** The git blob id of a file's bytes: the same id git gives it, so blobs and files share entries. */
export function blobId(buf: Buffer): string {
  return createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');
}

/** Hash of a file's anchors in their order (the order decides "did you mean" ties). */
export function anchorsHash(anchors: Iterable<string>): string {
  return createHash('sha1').update([...anchors].join('\n')).digest('hex').slice(0, 16);
}

const strip = <T extends { file: string }>(x: T): Omit<T, 'file'> => {
  const { file: _f, ...rest } = x;
  return rest;
};

export class FileResultsStore {
  /** Shard name → content id → the entry as JSON text. */
  private readonly shards = new Map<string, Map<string, string>>();
  private readonly dirty = new Set<string>();
  /** Contents asked for or added this run. */
  private readonly used = new Set<string>();

  /** `folder` null: in memory only, never saved. */
  constructor(private readonly folder: CacheFolder | null) {}

  private shard(id: string): Map<string, string> {
    const name = id.slice(0, 2);
    let s = this.shards.get(name);
    if (s) return s;
    s = new Map();
    const body = this.folder?.read(`${SUBFOLDER}/${name}.json`);
    if (body) {
      try {
        const data = JSON.parse(body) as { format?: unknown; byId?: Record<string, unknown> };
        if (data.format === FORMAT && data.byId && typeof data.byId === 'object') {
          for (const [k, v] of Object.entries(data.byId)) if (/^[0-9a-f]{40,64}$/.test(k) && v && typeof v === 'object') s.set(k, JSON.stringify(v));
        }
      } catch {
        this.folder!.damaged();
      }
    }
    this.shards.set(name, s);
    return s;
  }

  /** Everything known of a content (git blob id or `blobId(bytes)`). */
  get(id: string): FileResults | undefined {
    this.used.add(id);
    const t = this.shard(id).get(id);
    return t === undefined ? undefined : (JSON.parse(t) as FileResults);
  }

  /** Adds fields to what is known of a content. */
  put(id: string, fields: FileResults): void {
    const s = this.shard(id);
    this.used.add(id);
    const old = s.get(id);
    s.set(id, JSON.stringify(old ? { ...(JSON.parse(old) as FileResults), ...fields } : fields));
    this.dirty.add(id.slice(0, 2));
  }

  /** The links, anchors and read warnings of a content, for the file `rel`. */
  extraction(rel: string, id: string): Extraction | undefined {
    const s = this.get(id);
    if (!s?.links) return undefined;
    return {
      links: s.links.map((l) => ({ file: rel, ...l })),
      suppressed: (s.suppressed ?? []).map((l) => ({ file: rel, ...l })),
      anchors: new Set(s.anchors),
      findings: (s.findings ?? []).map((f) => ({ file: rel, ...f })),
    };
  }

  putExtraction(id: string, e: Extraction): void {
    this.put(id, { links: e.links.map(strip), suppressed: e.suppressed.map(strip), anchors: [...e.anchors], findings: e.findings.map(strip) });
  }

  resources(id: string): Resource[] | undefined {
    return this.get(id)?.resources;
  }

  putResources(id: string, resources: Resource[]): void {
    this.put(id, { resources });
  }

  /** Writes the changed shards, each keeping only the contents in `keep` (by default those this run
   * used); shards this run did not change are left as they are. Failure to write costs the next
   * run time, never this run its results. */
  save(keep: ReadonlySet<string> = this.used): void {
    if (!this.folder) return;
    for (const name of this.dirty) {
      const parts: string[] = [];
      for (const [h, t] of this.shards.get(name)!) if (keep.has(h)) parts.push(`${JSON.stringify(h)}:${t}`);
      this.folder.write(`${SUBFOLDER}/${name}.json`, `{"format":${JSON.stringify(FORMAT)},"byId":{${parts.join(',')}}}`);
    }
    this.dirty.clear();
  }
}
