// What `check --base` keeps between runs: each file's extraction at the base in the one
// content-addressed store (io/file-results-store.ts) under its git blob id — the id the work tree's
// files have there too, so a file the change left alone is parsed once for both sides — and the
// base commit's whole findings keyed by commit and configuration (the same commit judged by the
// same rules gives the same findings), so the base side of a rerun reads one small file.
import type { Extraction } from '../core/links/extract.js';
import type { Finding, Resource } from '../core/model.js';
import type { CacheFolder } from './cache-folder.js';
import { FileResultsStore } from './file-results-store.js';

const FORMAT = 'odyssey-base-findings-1';
const FINDINGS_FILE = 'base-findings.json';

export interface BaseCache {
  extraction(oid: string, file: string): Extraction | undefined;
  putExtraction(oid: string, e: Extraction): void;
  resources(oid: string): Resource[] | undefined;
  putResources(oid: string, r: Resource[]): void;
  /** The findings of a base commit judged under `key`; undefined when not stored. */
  findings(key: string): Finding[] | undefined;
  putFindings(key: string, findings: Finding[]): void;
  /** Writes what changed. Never fails the run. */
  save(): void;
}

/** Every entry stays: the work tree's check decides what its store keeps. */
const KEEP_ALL = { has: () => true } as unknown as ReadonlySet<string>;

/** `folder` null: in memory only. Open it after the work tree's check has saved its store. */
export function openBaseCache(folder: CacheFolder | null): BaseCache {
  const store = new FileResultsStore(folder);
  let fresh: { key: string; findings: Finding[] } | null = null;
  return {
    extraction: (oid, file) => store.extraction(file, oid),
    putExtraction: (oid, e) => store.putExtraction(oid, e),
    resources: (oid) => store.resources(oid),
    putResources: (oid, r) => store.putResources(oid, r),
    findings(key) {
      const body = folder?.read(FINDINGS_FILE);
      if (!body) return undefined;
      try {
        const data = JSON.parse(body) as { format?: string; key?: string; findings?: Finding[] };
        return data.format === FORMAT && data.key === key && Array.isArray(data.findings) ? data.findings : undefined;
      } catch {
        folder!.damaged();
        return undefined;
      }
    },
    putFindings(key, findings) {
      fresh = { key, findings };
    },
    save() {
      store.save(KEEP_ALL);
      if (fresh && folder) folder.write(FINDINGS_FILE, JSON.stringify({ format: FORMAT, ...fresh }));
    },
  };
}
