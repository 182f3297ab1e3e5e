// What `check --base` keeps between runs, behind one small interface: each file's extraction at
// the base keyed by its git blob id (a blob never changes, so a hit is always right), and the base
// commit's whole findings keyed by commit and configuration (the same commit judged by the same
// rules gives the same findings), so the base side of a rerun reads one small file.
// TODO(reader): move onto the one content-addressed store when it lands in main.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Extraction } from '../core/links/extract.js';
import type { Finding, Resource } from '../core/model.js';
import { makeCacheDirSync } from './cache-dir.js';
import { ExtractStore } from './link-cache.js';

const FORMAT = 'odyssey-base-1';

export interface BaseCache {
  extraction(oid: string, file: string): Extraction | undefined;
  putExtraction(oid: string, e: Extraction): void;
  resources(oid: string): Resource[] | undefined;
  putResources(oid: string, r: Resource[]): void;
  /** The findings of a base commit judged under `key`; undefined when not stored. */
  findings(key: string): Finding[] | undefined;
  putFindings(key: string, findings: Finding[]): void;
  /** Writes what changed; `keep`: the blob ids worth keeping. Never fails the run. */
  save(keep: ReadonlySet<string>): void;
}

/** `dir` null: in memory only. */
export function openBaseCache(dir: string | null): BaseCache {
  const blobs = new ExtractStore(dir ? path.join(dir, 'blobs') : null);
  const resultsFile = dir ? path.join(dir, 'findings.json') : null;
  type Stored = { format: string; key: string; findings: Finding[] };
  let stored: Stored | null = null;
  let fresh: { key: string; findings: Finding[] } | null = null;
  let touched = false;
  const load = () => {
    if (stored || !resultsFile) return;
    try {
      const data = JSON.parse(readFileSync(resultsFile, 'utf8')) as Stored | null;
      if (data?.format === FORMAT && Array.isArray(data.findings)) stored = data;
    } catch {
      // absent or unreadable: nothing stored
    }
  };
  return {
    extraction: (oid, file) => blobs.get(file, oid),
    putExtraction: (oid, e) => {
      touched = true;
      blobs.put(oid, e);
    },
    resources: (oid) => blobs.resources(oid),
    putResources: (oid, r) => {
      touched = true;
      blobs.putResources(oid, r);
    },
    findings(key) {
      load();
      return stored?.key === key ? stored.findings : undefined;
    },
    putFindings(key, findings) {
      fresh = { key, findings };
    },
    save(keep) {
      if (touched) blobs.save(keep);
      if (!fresh || !resultsFile) return;
      try {
        makeCacheDirSync(path.dirname(resultsFile));
        const tmp = `${resultsFile}.${process.pid}.tmp`;
        writeFileSync(tmp, JSON.stringify({ format: FORMAT, ...fresh }));
        renameSync(tmp, resultsFile);
      } catch {
        // A read-only checkout still gets its check; only the next run is slower.
      }
    },
  };
}
