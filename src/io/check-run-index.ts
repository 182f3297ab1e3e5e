// What a rerun of `check` may reuse (part of the one cache, beside the content-addressed
// io/file-results-store.ts, in the same sealed cache folder): for every file read, its stat and content hash (so an
// unchanged file is not even read again: git's index trick; a stat newer than the last run's start
// is never trusted, the "racy git" case), and for every unit of links (a file's own links, or a
// module's status-block resources) its findings, counts and web links together with the answers
// they depended on (see core/links/recording-view.ts). A unit is reused only when its content hash
// and every one of those answers are the same now, and the relevant configuration is unchanged.
import type { DepKey } from '../core/links/recording-view.js';
import type { Finding, Link } from '../core/model.js';
import { DOCUMENT_VERSION } from '../core/document/model.js';
import { VERSION } from '../version.js';
import type { CacheFolder } from './cache-folder.js';
import { READER_VERSION, type FileStamp } from './reader.js';

/** Bump when classification or what a unit holds changes, so old results are not reused. */
const FORMAT = `odyssey-check-3/reader-${READER_VERSION}/document-${DOCUMENT_VERSION}/${VERSION}`;
const NAME = 'check-run-index.json';

/** The counts a unit adds up, in the order they are stored. */
export const UNIT_COUNTS = ['links', 'references', 'local', 'external', 'ignored', 'other-scheme', 'unchecked-anchor', 'suppressed', 'generated'] as const;

type FileRow = [size: number, mtimeMs: number, ctimeMs: number, ino: number, hash: string, anchorsHash: string | null];
type StoredLink = Omit<Link, 'file'>;
// A unit's content hash is its file's in `files`: a unit is saved only with its file's row.
interface StoredUnit {
  /** Indexes into the dependency table. */
  d: number[];
  f: Array<Omit<Finding, 'file'>>;
  c: number[];
  /** Web links left for the external check. */
  x: StoredLink[];
}
interface IndexFile {
  format: string;
  key: string;
  savedAt: number;
  files: Record<string, FileRow>;
  /** Paths the dependencies name, each once. */
  paths: string[];
  /** Dependency i asks question `deps[i] % 3` (kind, variant, anchors) of `paths[deps[i] / 3]`. */
  deps: number[];
  /** The answer dependency i got. */
  values: string[];
  units: Record<string, StoredUnit>;
}

export interface UnitResult {
  findings: Finding[];
  counts: Record<string, number>;
  external: Link[];
}

const QUESTIONS = ['k', 'v', 'a'];

const strip = <T extends { file: string }>(x: T): Omit<T, 'file'> => {
  const { file: _f, ...rest } = x;
  return rest;
};

export class CheckRunIndex {
  private readonly oldFiles: Record<string, FileRow>;
  private readonly oldUnits: Record<string, StoredUnit>;
  private readonly oldDeps: DepKey[];
  private readonly oldValues: string[];
  private readonly savedAt: number;
  private readonly files = new Map<string, FileRow>();
  private readonly kept = new Map<string, StoredUnit>();
  /** New units, their dependencies already numbered in the tables below (memory: numbers, not maps). */
  private readonly fresh = new Map<string, StoredUnit>();
  private readonly paths: string[] = [];
  private readonly pathAt = new Map<string, number>();
  private readonly deps: number[] = [];
  private readonly values: string[] = [];
  private readonly depAt = new Map<DepKey, number>();
  private dirty: boolean;
  /** Per old dependency: 0 not asked yet, 1 same answer now, 2 changed. */
  private readonly verdicts: Uint8Array;

  private constructor(
    private readonly folder: CacheFolder | null,
    private readonly key: string,
    data: IndexFile | null,
  ) {
    this.oldFiles = data?.files ?? {};
    // Results computed under another configuration are not reused; file hashes still are.
    const sameKey = data?.key === key;
    this.oldUnits = sameKey ? data!.units : {};
    this.oldDeps = sameKey ? data!.deps.map((d) => `${QUESTIONS[d % 3]}:${data!.paths[Math.floor(d / 3)]}`) : [];
    this.oldValues = sameKey ? data!.values : [];
    this.savedAt = data?.savedAt ?? 0;
    this.dirty = !sameKey;
    this.verdicts = new Uint8Array(this.oldDeps.length);
  }

  /** `folder` null: in memory only, never saved. A missing, untrusted or broken index starts empty.
   * `key`: the relevant configuration (results made under another key are not reused). */
  static load(folder: CacheFolder | null, key: string): CheckRunIndex {
    const body = folder?.read(NAME);
    if (!body) return new CheckRunIndex(folder, key, null);
    try {
      const data = JSON.parse(body) as IndexFile;
      if (data.format !== FORMAT) return new CheckRunIndex(folder, key, null);
      if (isIndex(data)) return new CheckRunIndex(folder, key, data);
    } catch {
      // damaged: start afresh
    }
    folder!.damaged();
    return new CheckRunIndex(folder, key, null);
  }

  /** Whether an earlier run recorded this file (else its stat is not worth asking). */
  knows(rel: string): boolean {
    return Object.hasOwn(this.oldFiles, rel);
  }

  /** The content hash of an unchanged file, judged by its stat alone. */
  trusted(rel: string, st: FileStamp): string | undefined {
    const k = Object.hasOwn(this.oldFiles, rel) ? this.oldFiles[rel] : undefined;
    if (!k || k[0] !== st.size || k[1] !== st.mtimeMs || k[2] !== st.ctimeMs || k[3] !== st.ino) return undefined;
    if (st.mtimeMs >= this.savedAt - 1000) return undefined;
    this.files.set(rel, k);
    return k[4];
  }

  /** This run's state of a file it read. */
  record(rel: string, st: FileStamp, hash: string): void {
    const old = Object.hasOwn(this.oldFiles, rel) ? this.oldFiles[rel] : undefined;
    const anchors = old && old[4] === hash ? old[5] : null;
    const row: FileRow = [st.size, st.mtimeMs, st.ctimeMs, st.ino, hash, anchors];
    if (!old || old.some((v, i) => v !== row[i])) this.dirty = true;
    this.files.set(rel, row);
  }

  /** The anchors hash of a file recorded this run, when some run computed it for this content. */
  anchorsHash(rel: string): string | undefined {
    return this.files.get(rel)?.[5] ?? undefined;
  }

  setAnchorsHash(rel: string, h: string): void {
    const row = this.files.get(rel);
    if (!row || row[5] === h) return;
    row[5] = h;
    this.dirty = true;
  }

  /** The stored result of a unit, when its content and every answer it depended on are unchanged. */
  unit(key: string, file: string, hash: string, current: (dep: DepKey) => string): UnitResult | undefined {
    const u = Object.hasOwn(this.oldUnits, key) ? this.oldUnits[key] : undefined;
    if (!u || !Object.hasOwn(this.oldFiles, file) || this.oldFiles[file]![4] !== hash) return undefined;
    for (const i of u.d) {
      // Each answer is checked once per run, however many units depend on it.
      let v = this.verdicts[i];
      if (v === 0) this.verdicts[i] = v = current(this.oldDeps[i]!) === this.oldValues[i] ? 1 : 2;
      if (v === 2) return undefined;
    }
    this.kept.set(key, u);
    const counts: Record<string, number> = {};
    UNIT_COUNTS.forEach((k, i) => (counts[k] = u.c[i] ?? 0));
    return {
      findings: u.f.length ? u.f.map((f) => ({ file, ...f })) : [],
      counts,
      external: u.x.length ? u.x.map((l) => ({ file, ...l })) : [],
    };
  }

  /** A unit's new result; its file must have been read or trusted this run. */
  putUnit(key: string, r: UnitResult, deps: Map<DepKey, string>): void {
    const unit: StoredUnit = { d: [...deps].map(([k, v]) => this.ref(k, v)), f: r.findings.map(strip), c: UNIT_COUNTS.map((k) => r.counts[k] ?? 0), x: r.external.map(strip) };
    this.fresh.set(key, unit);
    this.dirty = true;
  }

  /** The number of a dependency (question and the answer it got this run) in the tables saved. */
  private ref(k: DepKey, v: string): number {
    let i = this.depAt.get(k);
    if (i === undefined) {
      const p = k.slice(2);
      let pi = this.pathAt.get(p);
      if (pi === undefined) this.pathAt.set(p, (pi = this.paths.push(p) - 1));
      i = this.deps.push(pi * 3 + QUESTIONS.indexOf(k[0]!)) - 1;
      this.values.push(v);
      this.depAt.set(k, i);
    }
    return i;
  }

  /** Content hashes of every file this run looked at (what the extraction store should keep). */
  hashes(): Set<string> {
    const out = new Set<string>();
    for (const row of this.files.values()) out.add(row[4]);
    return out;
  }

  /** Writes atomically what this run used. `startedAt`: when this run began reading (a file
   * changed later than that must not be trusted by stat). Failure to write is not an error. */
  save(startedAt: number): void {
    if (!this.folder) return;
    const dropped = Object.keys(this.oldUnits).length !== this.kept.size || Object.keys(this.oldFiles).length !== this.files.size;
    if (!this.dirty && !dropped) return;
    const units: Record<string, StoredUnit> = {};
    for (const [key, u] of this.kept) units[key] = { ...u, d: u.d.map((i) => this.ref(this.oldDeps[i]!, this.oldValues[i]!)) };
    for (const [key, unit] of this.fresh) units[key] = unit;
    // A read-only checkout still gets its check; only the next run is slower.
    this.folder.writeChunks(NAME, indexChunks(this.key, startedAt, this.files, this.paths, this.deps, this.values, units));
  }
}

/** The index as JSON, in pieces of about a thousand entries (never one string of every file). */
function* indexChunks(key: string, savedAt: number, files: Map<string, FileRow>, paths: string[], deps: number[], values: string[], units: Record<string, StoredUnit>): Generator<string> {
  yield `{"format":${JSON.stringify(FORMAT)},"key":${JSON.stringify(key)},"savedAt":${JSON.stringify(savedAt)},"files":{`;
  yield* entries(files);
  yield `},"paths":${JSON.stringify(paths)},"deps":${JSON.stringify(deps)},"values":${JSON.stringify(values)},"units":{`;
  yield* entries(Object.entries(units));
  yield '}}';
}

function* entries(all: Iterable<[string, unknown]>): Generator<string> {
  let batch: string[] = [];
  let first = true;
  for (const [k, v] of all) {
    batch.push(`${JSON.stringify(k)}:${JSON.stringify(v)}`);
    if (batch.length === 1000) {
      yield (first ? '' : ',') + batch.join(',');
      first = false;
      batch = [];
    }
  }
  if (batch.length) yield (first ? '' : ',') + batch.join(',');
}

/** Shape check of an index that passed the seal (a bug of an older odyssey must not crash this one). */
function isIndex(d: IndexFile): boolean {
  const obj = (x: unknown) => !!x && typeof x === 'object' && !Array.isArray(x);
  if (typeof d.key !== 'string' || typeof d.savedAt !== 'number' || !obj(d.files) || !obj(d.units)) return false;
  if (!Array.isArray(d.paths) || !Array.isArray(d.deps) || !Array.isArray(d.values) || d.deps.length !== d.values.length) return false;
  if (!d.deps.every((x) => Number.isInteger(x) && x >= 0 && Math.floor(x / 3) < d.paths.length)) return false;
  for (const row of Object.values(d.files)) if (!Array.isArray(row) || row.length !== 6 || typeof row[4] !== 'string') return false;
  for (const u of Object.values(d.units)) {
    if (!obj(u) || !Array.isArray(u.d) || !Array.isArray(u.f) || !Array.isArray(u.c) || !Array.isArray(u.x)) return false;
    if (!u.d.every((i) => Number.isInteger(i) && i >= 0 && i < d.deps.length)) return false;
  }
  return true;
}
