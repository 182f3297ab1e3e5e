// Worker threads that read and parse files for `check` while the main thread judges links: on a big
// journey the parse is most of the work, and it is independent per file. The workers run the same
// bundle odyssey runs from (entry points call `serveIfWorker` first), each with its own guarded
// reader (io/reader.ts) over the same root: the guards are the same code, applied in every thread.
//
// Files go out in chunks, in the order the main thread will ask for them, and at most a few chunks
// ahead of it (memory: parsed files wait in the main thread until judged). A worker that fails
// leaves its files to the main thread, which then reads them itself: a pool only ever saves time.
import { parentPort, Worker } from 'node:worker_threads';
import type { LinksConfig } from '../core/config.js';
import type { FileView } from '../core/links/file-view.js';
import { gatherFile, judgeGathered } from '../core/links/judge-unit.js';
import { isMarkdownPath } from '../core/links/resolve.js';
import { fromWire, prepareFile, toWire, type PreparedFile, type WireFile } from './check-prepare.js';
import { anchorsHash } from './file-results-store.js';
import { RepoReader } from './reader.js';
import { DirIndex } from './scan.js';
import { workerScript, workersFor } from './workers.js';

export const CHECK_WORKER = 'odyssey-check-worker-1';
const CHUNK = 128;
/** Chunks handed out beyond the one the main thread waits for. */
const AHEAD = 8;
/** Below this many files to read, starting workers costs more than it saves (measured: at 7,001
 * files 3.2 s with two workers, 2.9 s without; at 70,001 files 17.0 s with, 20.1 s without). */
export const POOL_THRESHOLD = 10_000;
/** A worker keeps little (anchors of the files it read): a small heap keeps the run's memory small.
 * A worker that outgrows it stops, and the main thread reads its files instead.
 * ODYSSEY_WORKER_HEAP_MB sets the old generation's size (default 96). */
function limits(env: NodeJS.ProcessEnv): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  const mb = Number(env.ODYSSEY_WORKER_HEAP_MB);
  return { maxOldGenerationSizeMb: Number.isInteger(mb) && mb > 0 ? mb : 96, maxYoungGenerationSizeMb: 8 };
}

interface Job {
  id: number;
  rels: string[];
}
interface Answer {
  id: number;
  files: Array<WireFile | { rel: string; failed: string }>;
}

/** What a worker needs to judge the links of the files it reads (absent: it only reads them). */
export interface PoolJudging {
  /** The root README (its zones' links are left to the main thread). */
  readme: string;
  placeholders: LinksConfig['placeholders'];
  ignore: LinksConfig['ignore'];
}

export interface Data {
  tag: typeof CHECK_WORKER;
  root: string;
  judging?: PoolJudging;
}

/** Thrown when a link needs the anchors of a file this worker has not read. */
const UNKNOWN = Symbol('unknown anchors');

/** In a worker thread started by a CheckPool: serves it (see io/workers.ts). */
export function serveCheck(data: Data): void {
  const reader = new RepoReader(data.root);
  const dirs = new DirIndex(reader);
  // Anchors of every file this worker read (null: unreadable), and their signature.
  const known = new Map<string, { anchors: Set<string>; signature: string } | null>();
  const view: FileView = {
    kind: (p) => dirs.kind(p),
    caseVariant: (p) => dirs.caseVariant(p),
    anchors: (p) => {
      if (dirs.kind(p) !== 'file' || !isMarkdownPath(p)) return undefined;
      const k = known.get(p);
      if (k === undefined) throw UNKNOWN;
      return k?.anchors;
    },
  };
  const signature = (p: string) => known.get(p)?.signature ?? '-';
  parentPort!.on('message', (job: Job) => {
    const prepared = job.rels.map((rel): PreparedFile | { rel: string; failed: string } => {
      try {
        return prepareFile(reader, rel);
      } catch (err) {
        return { rel, failed: String(err) };
      }
    });
    // A chunk's anchors are all known before any of its links is judged.
    for (const p of prepared) {
      if ('failed' in p) continue;
      if ('refusal' in p) known.set(p.rel, null);
      else {
        p.parts.anchorsSignature = anchorsHash(p.parts.extraction.anchors);
        known.set(p.rel, { anchors: p.parts.extraction.anchors, signature: p.parts.anchorsSignature });
      }
    }
    const files = prepared.map((p) => {
      if ('failed' in p || 'refusal' in p) return p;
      if (data.judging && p.rel !== data.judging.readme) {
        try {
          p.verdict = judgeGathered(gatherFile(p.parts.extraction), view, signature, data.judging);
        } catch (err) {
          if (err !== UNKNOWN) return { rel: p.rel, failed: String(err) };
        }
      }
      return toWire(p);
    });
    parentPort!.postMessage({ id: job.id, files } satisfies Answer);
  });
}


export class CheckPool {
  private readonly chunks: string[][] = [];
  private readonly chunkOf = new Map<string, number>();
  private readonly arrived: boolean[] = [];
  private readonly results = new Map<string, PreparedFile>();
  private readonly waiters = new Map<number, () => void>();
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, number>();
  private next = 0;
  private asked = 0;
  /** Files the workers read and parsed (the rest, if any, fell to the main thread). */
  delivered = 0;
  private closed = false;

  private constructor(root: string, rels: readonly string[], script: string, n: number, judging: PoolJudging | undefined, env: NodeJS.ProcessEnv) {
    for (let i = 0; i < rels.length; i += CHUNK) {
      const c = rels.slice(i, i + CHUNK);
      for (const rel of c) this.chunkOf.set(rel, this.chunks.length);
      this.chunks.push(c);
      this.arrived.push(false);
    }
    for (let i = 0; i < n; i++) {
      const w = new Worker(script, { workerData: { tag: CHECK_WORKER, root, judging } satisfies Data, stdout: true, stderr: true, resourceLimits: limits(env) });
      w.on('message', (a: Answer) => this.answer(w, a));
      w.on('error', () => this.lost(w));
      w.on('exit', () => this.lost(w));
      this.idle.push(w);
    }
    this.dispatch();
  }

  /** A pool over `rels` (read in this order), or null when workers are not worth it or cannot run. */
  static start(root: string, rels: readonly string[], env: NodeJS.ProcessEnv, judging?: PoolJudging): CheckPool | null {
    const n = workersFor(rels.length, env, POOL_THRESHOLD);
    const script = workerScript();
    if (n === 0 || !script || rels.length === 0) return null;
    try {
      return new CheckPool(root, rels, script, Math.min(n, Math.ceil(rels.length / CHUNK)), judging, env);
    } catch {
      return null;
    }
  }

  /** Whether the pool was given this file. */
  has(rel: string): boolean {
    return this.chunkOf.has(rel);
  }

  /** Whether this file is the pool's and has not arrived yet (asking the main thread to wait for it). */
  pending(rel: string): boolean {
    const c = this.chunkOf.get(rel);
    return c !== undefined && !this.arrived[c];
  }

  /** The file's read and parse; undefined when a worker failed on it (the caller reads it itself). */
  async take(rel: string): Promise<PreparedFile | undefined> {
    const c = this.chunkOf.get(rel);
    if (c === undefined) return undefined;
    if (c >= this.asked) {
      this.asked = c + 1;
      this.dispatch();
    }
    if (!this.arrived[c]) await new Promise<void>((resolve) => this.waiters.set(c, resolve));
    const p = this.results.get(rel);
    this.results.delete(rel);
    this.chunkOf.delete(rel);
    return p;
  }

  /** An arrived file, taken out of its turn (another file links to it); undefined otherwise. */
  takeNow(rel: string): PreparedFile | undefined {
    const c = this.chunkOf.get(rel);
    if (c === undefined || !this.arrived[c]) return undefined;
    const p = this.results.get(rel);
    this.results.delete(rel);
    this.chunkOf.delete(rel);
    return p;
  }

  close(): void {
    this.closed = true;
    for (const w of [...this.idle, ...this.busy.keys()]) void w.terminate();
    this.idle.length = 0;
    this.busy.clear();
  }

  private dispatch(): void {
    while (!this.closed && this.idle.length > 0 && this.next < this.chunks.length && this.next < this.asked + AHEAD) {
      const w = this.idle.pop()!;
      const id = this.next++;
      this.busy.set(w, id);
      w.postMessage({ id, rels: this.chunks[id]! } satisfies Job);
    }
  }

  private answer(w: Worker, a: Answer): void {
    // The main thread's own path strings (not the copies that came back): held once in memory.
    const rels = this.chunks[a.id]!;
    a.files.forEach((f, k) => {
      const rel = rels[k] === f.rel ? rels[k] : f.rel;
      if ('failed' in f) return;
      this.results.set(rel, fromWire(f, rel));
      this.delivered++;
    });
    this.chunks[a.id] = [];
    this.busy.delete(w);
    this.idle.push(w);
    this.land(a.id);
    this.dispatch();
  }

  private land(id: number): void {
    this.arrived[id] = true;
    const wake = this.waiters.get(id);
    if (wake) {
      this.waiters.delete(id);
      wake();
    }
  }

  /** A worker that errs or exits: its chunk is left to the main thread, and with no worker left, all the rest. */
  private lost(w: Worker): void {
    if (this.closed) return;
    const id = this.busy.get(w);
    this.busy.delete(w);
    const at = this.idle.indexOf(w);
    if (at !== -1) this.idle.splice(at, 1);
    if (id !== undefined) this.land(id);
    if (this.idle.length === 0 && this.busy.size === 0) {
      for (let i = this.next; i < this.chunks.length; i++) this.land(i);
      this.next = this.chunks.length;
    }
  }
}
