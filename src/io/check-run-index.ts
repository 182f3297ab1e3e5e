// What a rerun of `check` may reuse (part of the one cache, beside the content-addressed
// io/file-results-store.ts, in the same sealed cache folder): for every file read, its stat and content hash (so an
// unchanged file is not even read again: git's index trick; a stat newer than the last run's start
// is never trusted, the "racy git" case), and for every unit of links (a file's own links, or a
// module's status-block resources) its findings, counts and web links together with the answers
// they depended on (see core/links/recording-view.ts). A unit is reused only when its content hash
// and every one of those answers are the same now, and the relevant configuration is unchanged.
//
// Kept in columns, on disk and in memory: numbers in typed arrays (saved as base64), strings in
// plain arrays, findings and web links only for the units that have some. A journey of 70,000 files
// then loads, checks and saves in a fraction of the time (and memory) one object per file took.
import type { DepKey } from '../core/links/recording-view.js';
import type { Finding, Link } from '../core/model.js';
import { DOCUMENT_VERSION } from '../core/document/model.js';
import { VERSION } from '../version.js';
import type { CacheFolder } from './cache-folder.js';
import { READER_VERSION, type FileStamp } from './reader.js';

/** Bump when classification or what a unit holds changes, so old results are not reused. */
const FORMAT = `odyssey-check-4/reader-${READER_VERSION}/document-${DOCUMENT_VERSION}/${VERSION}`;
const NAME = 'check-run-index.json';

/** The counts a unit adds up, in the order they are stored. */
export const UNIT_COUNTS = ['links', 'references', 'local', 'external', 'ignored', 'other-scheme', 'unchecked-anchor', 'suppressed', 'generated'] as const;
const NC = UNIT_COUNTS.length;

type StoredLink = Omit<Link, 'file'>;
type StoredFinding = Omit<Finding, 'file'>;
/** Findings and web links of a unit that has any. */
interface Extra {
  f: StoredFinding[];
  x: StoredLink[];
}

interface IndexFile {
  format: string;
  key: string;
  savedAt: number;
  /** Per file: its path, [size, mtimeMs, ctimeMs, ino] (Float64 base64), content hash, anchors hash ('' when unknown). */
  files: string[];
  stamps: string;
  hashes: string[];
  anchors: string[];
  /** Paths the dependencies name, each once; dependency i asks question `deps[i] % 3` (kind,
   * variant, anchors) of `paths[deps[i] / 3]` and got `values[i]`. */
  paths: string[];
  deps: string;
  values: string[];
  /** Per unit: its key, the file (index into `files`) whose content it judged, its dependencies
   * (`unitDeps[unitStart[u]..unitStart[u+1]]`, Int32 base64) and counts; `extra` by unit number. */
  units: string[];
  unitFile: string;
  unitStart: string;
  unitDeps: string;
  counts: string;
  extra: Record<string, Extra>;
}

export interface UnitResult {
  findings: Finding[];
  counts: Record<string, number>;
  external: Link[];
}

const QUESTIONS = ['k', 'v', 'a'] as const;
/** What a dependency asks of a path: its kind, its letter-case variant, its anchors. */
export type DepQuestion = (typeof QUESTIONS)[number];

const strip = <T extends { file: string }>(x: T): Omit<T, 'file'> => {
  const { file: _f, ...rest } = x;
  return rest;
};

const b64 = (a: Float64Array | Int32Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function f64(s: string): Float64Array | null {
  const b = Buffer.from(s, 'base64');
  if (b.length % 8) return null;
  const out = new Float64Array(b.length / 8);
  Buffer.from(out.buffer).set(b);
  return out;
}
function i32(s: string): Int32Array | null {
  const b = Buffer.from(s, 'base64');
  if (b.length % 4) return null;
  const out = new Int32Array(b.length / 4);
  Buffer.from(out.buffer).set(b);
  return out;
}

/** The previous run's index, as loaded (read only). */
interface Old {
  fileAt: Map<string, number>;
  stamps: Float64Array;
  hashes: string[];
  anchors: string[];
  /** Only when the configuration key matches: */
  unitAt: Map<string, number>;
  unitFile: Int32Array;
  unitStart: Int32Array;
  unitDeps: Int32Array;
  counts: Int32Array;
  extra: Record<string, Extra>;
  /** Dependency i asks QUESTIONS[deps[i] % 3] of paths[deps[i] / 3] and got values[i]. */
  deps: Int32Array;
  paths: string[];
  values: string[];
  savedAt: number;
}

/** A growable Int32 column. */
class Column {
  a = new Int32Array(1024);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  view(): Int32Array {
    return this.a.subarray(0, this.n);
  }
}

export class CheckRunIndex {
  private readonly old: Old;
  /** This run's files: path → row number in the columns below. */
  private readonly fileAt = new Map<string, number>();
  private readonly files: string[] = [];
  private stamps = new Float64Array(4096);
  private readonly contentIds: string[] = [];
  private readonly anchorHashes: string[] = [];
  /** This run's units: fresh ones with their dependencies already numbered, reused ones by old number. */
  private readonly units: string[] = [];
  private readonly unitFile = new Column();
  private readonly unitStart = new Column();
  private readonly unitDeps = new Column();
  private readonly counts = new Column();
  private readonly extra = new Map<number, Extra>();
  /** Old units reused: their number then, in the order they were reused (numbered at save). */
  private readonly kept: Array<[key: string, old: number]> = [];
  private readonly paths: string[] = [];
  private readonly pathAt = new Map<string, number>();
  private readonly deps = new Column();
  private readonly values: string[] = [];
  private readonly depAt = new Map<DepKey, number>();
  private dirty: boolean;
  /** Rows and units that differ from the loaded index (a few on a big journey: not worth a rewrite). */
  private changes = 0;
  private readonly sameKey: boolean;
  /** Per old dependency: 0 not asked yet, 1 same answer now, 2 changed. */
  private readonly verdicts: Uint8Array;

  private constructor(
    private readonly folder: CacheFolder | null,
    private readonly key: string,
    data: IndexFile | null,
    cols: { stamps: Float64Array; unitFile: Int32Array; unitStart: Int32Array; unitDeps: Int32Array; counts: Int32Array; deps: Int32Array } | null,
  ) {
    // Results computed under another configuration are not reused; file hashes still are.
    const sameKey = data?.key === key;
    const none = new Int32Array(0);
    this.old = {
      fileAt: new Map((data?.files ?? []).map((f, i) => [f, i])),
      stamps: cols?.stamps ?? new Float64Array(0),
      hashes: data?.hashes ?? [],
      anchors: data?.anchors ?? [],
      unitAt: sameKey ? new Map(data!.units.map((u, i) => [u, i])) : new Map(),
      unitFile: sameKey ? cols!.unitFile : none,
      unitStart: sameKey ? cols!.unitStart : none,
      unitDeps: sameKey ? cols!.unitDeps : none,
      counts: sameKey ? cols!.counts : none,
      extra: sameKey ? data!.extra : {},
      deps: sameKey ? cols!.deps : none,
      paths: sameKey ? data!.paths : [],
      values: sameKey ? data!.values : [],
      savedAt: data?.savedAt ?? 0,
    };
    this.dirty = !sameKey;
    this.sameKey = sameKey && data !== null;
    this.verdicts = new Uint8Array(this.old.deps.length);
  }

  /** `folder` null: in memory only, never saved. A missing, untrusted or broken index starts empty.
   * `key`: the relevant configuration (results made under another key are not reused). */
  static load(folder: CacheFolder | null, key: string): CheckRunIndex {
    const body = folder?.read(NAME);
    if (!body) return new CheckRunIndex(folder, key, null, null);
    try {
      const data = JSON.parse(body) as IndexFile;
      if (data?.format !== FORMAT) return new CheckRunIndex(folder, key, null, null);
      const cols = columns(data);
      if (cols) return new CheckRunIndex(folder, key, data, cols);
    } catch {
      // damaged: start afresh
    }
    folder!.damaged();
    return new CheckRunIndex(folder, key, null, null);
  }

  /** Whether an earlier run recorded this file (else its stat is not worth asking). */
  knows(rel: string): boolean {
    return this.old.fileAt.has(rel);
  }

  /** The content hash of an unchanged file, judged by its stat alone. */
  trusted(rel: string, st: FileStamp): string | undefined {
    const i = this.old.fileAt.get(rel);
    if (i === undefined) return undefined;
    const s = this.old.stamps;
    if (s[i * 4] !== st.size || s[i * 4 + 1] !== st.mtimeMs || s[i * 4 + 2] !== st.ctimeMs || s[i * 4 + 3] !== st.ino) return undefined;
    if (st.mtimeMs >= this.old.savedAt - 1000) return undefined;
    const hash = this.old.hashes[i]!;
    this.row(rel, st, hash, this.old.anchors[i] || null);
    return hash;
  }

  private row(rel: string, st: FileStamp, hash: string, anchors: string | null): void {
    let i = this.fileAt.get(rel);
    if (i === undefined) {
      i = this.files.push(rel) - 1;
      this.fileAt.set(rel, i);
      if (this.stamps.length < (i + 1) * 4) {
        const b = new Float64Array(this.stamps.length * 2);
        b.set(this.stamps);
        this.stamps = b;
      }
    }
    this.stamps.set([st.size, st.mtimeMs, st.ctimeMs, st.ino], i * 4);
    this.contentIds[i] = hash;
    this.anchorHashes[i] = anchors ?? '';
  }

  /** This run's state of a file it read. */
  record(rel: string, st: FileStamp, hash: string): void {
    const o = this.old.fileAt.get(rel);
    const same = o !== undefined && this.old.hashes[o] === hash;
    const s = this.old.stamps;
    if (!same || s[o * 4] !== st.size || s[o * 4 + 1] !== st.mtimeMs || s[o * 4 + 2] !== st.ctimeMs || s[o * 4 + 3] !== st.ino) this.dirty = true;
    // Every file read counts: the index saved spares the next run reading it.
    this.changes++;
    this.row(rel, st, hash, same ? this.old.anchors[o] || null : null);
  }

  /** The anchors hash of a file recorded this run, when some run computed it for this content. */
  anchorsHash(rel: string): string | undefined {
    const i = this.fileAt.get(rel);
    return i === undefined ? undefined : this.anchorHashes[i] || undefined;
  }

  setAnchorsHash(rel: string, h: string): void {
    const i = this.fileAt.get(rel);
    if (i === undefined || this.anchorHashes[i] === h) return;
    this.anchorHashes[i] = h;
    this.dirty = true;
    this.changes++;
  }

  /** The stored result of a unit, when its content and every answer it depended on are unchanged. */
  unit(key: string, file: string, hash: string, current: (q: DepQuestion, path: string) => string): UnitResult | undefined {
    const o = this.old;
    const u = o.unitAt.get(key);
    if (u === undefined) return undefined;
    const f = o.unitFile[u]!;
    if (o.hashes[f] !== hash || o.fileAt.get(file) !== f) return undefined;
    for (let j = o.unitStart[u]!; j < o.unitStart[u + 1]!; j++) {
      const i = o.unitDeps[j]!;
      // Each answer is checked once per run, however many units depend on it.
      let v = this.verdicts[i];
      if (v === 0) {
        const d = o.deps[i]!;
        this.verdicts[i] = v = current(QUESTIONS[d % 3]!, o.paths[(d - (d % 3)) / 3]!) === o.values[i] ? 1 : 2;
      }
      if (v === 2) return undefined;
    }
    this.kept.push([key, u]);
    const counts: Record<string, number> = {};
    UNIT_COUNTS.forEach((k, i) => (counts[k] = o.counts[u * NC + i] ?? 0));
    const x = Object.hasOwn(o.extra, u) ? o.extra[u]! : undefined;
    return {
      findings: x?.f.length ? x.f.map((fi) => ({ file, ...fi })) : [],
      counts,
      external: x?.x.length ? x.x.map((l) => ({ file, ...l })) : [],
    };
  }

  /** A unit's new result; its file must have been read or trusted this run. */
  putUnit(key: string, r: UnitResult, deps: Map<DepKey, string>): void {
    const file = this.fileAt.get(unitFileOf(key));
    if (file === undefined) return;
    const u = this.units.push(key) - 1;
    this.unitFile.push(file);
    this.unitStart.push(this.unitDeps.n);
    for (const [k, v] of deps) this.unitDeps.push(this.ref(k, v));
    for (const k of UNIT_COUNTS) this.counts.push(r.counts[k] ?? 0);
    if (r.findings.length || r.external.length) this.extra.set(u, { f: r.findings.map(strip), x: r.external.map(strip) });
    this.dirty = true;
    this.changes++;
  }

  /** The number of a dependency (question and the answer it got this run) in the tables saved. */
  private ref(k: DepKey, v: string): number {
    let i = this.depAt.get(k);
    if (i === undefined) {
      const p = k.slice(2);
      let pi = this.pathAt.get(p);
      if (pi === undefined) this.pathAt.set(p, (pi = this.paths.push(p) - 1));
      this.deps.push(pi * 3 + QUESTIONS.indexOf(k[0] as DepQuestion));
      i = this.values.push(v) - 1;
      this.depAt.set(k, i);
    }
    return i;
  }

  /** Content hashes of every file this run looked at (what the extraction store should keep). */
  hashes(): Set<string> {
    return new Set(this.contentIds);
  }

  /** Writes atomically what this run used. `startedAt`: when this run began reading (a file
   * changed later than that must not be trusted by stat). Failure to write is not an error. */
  save(startedAt: number): void {
    if (!this.folder) return;
    const dropped = Math.abs(this.old.unitAt.size - this.kept.length) + Math.abs(this.old.fileAt.size - this.files.length);
    if (!this.dirty && !dropped) return;
    // On a big journey, a handful of changes is not worth rewriting the whole index: the next run
    // reads those few files again (their stat no longer matches) and judges their units again,
    // which costs milliseconds; the index is rewritten once the changes reach 1 in 1,000.
    if (this.sameKey && this.old.fileAt.size >= 10_000 && (this.changes + dropped) * 1000 <= this.old.fileAt.size) return;
    // Reused units join the fresh ones, their dependencies numbered in this run's tables.
    const o = this.old;
    // Old dependency number → this run's (each renumbered once, however many units share it).
    const renumbered = new Int32Array(o.deps.length).fill(-1);
    for (const [key, u] of this.kept) {
      const file = this.fileAt.get(unitFileOf(key));
      if (file === undefined) continue;
      const n = this.units.push(key) - 1;
      this.unitFile.push(file);
      this.unitStart.push(this.unitDeps.n);
      for (let j = o.unitStart[u]!; j < o.unitStart[u + 1]!; j++) {
        const i = o.unitDeps[j]!;
        if (renumbered[i] === -1) {
          const d = o.deps[i]!;
          renumbered[i] = this.ref(`${QUESTIONS[d % 3]}:${o.paths[(d - (d % 3)) / 3]}`, o.values[i]!);
        }
        this.unitDeps.push(renumbered[i]!);
      }
      for (let i = 0; i < NC; i++) this.counts.push(o.counts[u * NC + i]!);
      if (Object.hasOwn(o.extra, u)) this.extra.set(n, o.extra[u]!);
    }
    this.unitStart.push(this.unitDeps.n);
    const s = JSON.stringify;
    const extra: string[] = [];
    for (const [u, x] of this.extra) extra.push(`${s(String(u))}:${s(x)}`);
    // A read-only checkout still gets its check; only the next run is slower.
    this.folder.writeChunks(NAME, [
      `{"format":${s(FORMAT)},"key":${s(this.key)},"savedAt":${s(startedAt)}`,
      `,"files":${s(this.files)},"stamps":${s(b64(this.stamps.subarray(0, this.files.length * 4)))},"hashes":${s(this.contentIds)},"anchors":${s(this.anchorHashes)}`,
      `,"paths":${s(this.paths)},"deps":${s(b64(this.deps.view()))},"values":${s(this.values)}`,
      `,"units":${s(this.units)},"unitFile":${s(b64(this.unitFile.view()))},"unitStart":${s(b64(this.unitStart.view()))},"unitDeps":${s(b64(this.unitDeps.view()))},"counts":${s(b64(this.counts.view()))}`,
      `,"extra":{${extra.join(',')}}}`,
    ]);
  }
}

/** The file a unit judged: a file's own unit is keyed by its path, a README's resources by `resources:path`. */
function unitFileOf(key: string): string {
  return key.startsWith('resources:') ? key.slice('resources:'.length) : key;
}

/** The columns of an index that passed the seal, shape-checked (a bug of an older odyssey must not crash this one). */
function columns(d: IndexFile): { stamps: Float64Array; unitFile: Int32Array; unitStart: Int32Array; unitDeps: Int32Array; counts: Int32Array; deps: Int32Array } | null {
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((v) => typeof v === 'string');
  if (typeof d.key !== 'string' || typeof d.savedAt !== 'number') return null;
  if (!strings(d.files) || !strings(d.hashes) || !strings(d.anchors) || !strings(d.paths) || !strings(d.values) || !strings(d.units)) return null;
  if (d.hashes.length !== d.files.length || d.anchors.length !== d.files.length || !d.extra || typeof d.extra !== 'object' || Array.isArray(d.extra)) return null;
  for (const k of ['stamps', 'deps', 'unitFile', 'unitStart', 'unitDeps', 'counts'] as const) if (typeof d[k] !== 'string') return null;
  const stamps = f64(d.stamps);
  const deps = i32(d.deps);
  const unitFile = i32(d.unitFile);
  const unitStart = i32(d.unitStart);
  const unitDeps = i32(d.unitDeps);
  const counts = i32(d.counts);
  if (!stamps || !deps || !unitFile || !unitStart || !unitDeps || !counts) return null;
  const nu = d.units.length;
  if (stamps.length !== d.files.length * 4 || deps.length !== d.values.length) return null;
  if (unitFile.length !== nu || unitStart.length !== nu + 1 || counts.length !== nu * NC) return null;
  if (!deps.every((x) => x >= 0 && Math.floor(x / 3) < d.paths.length)) return null;
  if (!unitFile.every((f) => f >= 0 && f < d.files.length)) return null;
  if (!unitDeps.every((i) => i >= 0 && i < deps.length)) return null;
  for (let u = 0; u < nu; u++) if (unitStart[u]! < 0 || unitStart[u]! > unitStart[u + 1]! || unitStart[u + 1]! > unitDeps.length) return null;
  for (const [k, x] of Object.entries(d.extra)) {
    if (!/^\d+$/.test(k) || Number(k) >= nu || !x || !Array.isArray(x.f) || !Array.isArray(x.x)) return null;
  }
  return { stamps, unitFile, unitStart, unitDeps, counts, deps };
}
