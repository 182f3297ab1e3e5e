// One `check` run's view of file contents: each file stat-ed, read, hashed and parsed at most once,
// answered from the caches wherever its stat or content says nothing changed.
import { readFileSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { extractLinks, type Extraction } from '../core/links/extract.js';
import type { Finding, Resource } from '../core/model.js';
import { parseStatusBlock } from '../core/status/parse-status-block.js';
import { anchorsHash, contentHash, type ExtractStore } from './link-cache.js';
import { decodeText, MAX_MODULE_README_BYTES } from './modules.js';
import type { ResultCache } from './result-cache.js';
import { readGuarded } from './scan.js';

export type FileState = { hash: string; stat: Stats; text?: string; warning?: Finding } | { finding: Finding };

export class CheckFiles {
  private readonly states = new Map<string, FileState>();
  private readonly extractions = new Map<string, Extraction | undefined>();
  /** Files parsed this run (the rest came from the caches). */
  parsed = 0;

  constructor(
    private readonly root: string,
    private readonly index: ResultCache,
    private readonly store: ExtractStore,
  ) {}

  /** Content hash of a root-relative file, or the finding that says why it cannot be read. */
  state(rel: string): FileState {
    let s = this.states.get(rel);
    if (s) return s;
    const st = statSync(path.join(this.root, rel), { throwIfNoEntry: false });
    const hash = st?.isFile() ? this.index.trusted(rel, st) : undefined;
    if (hash && st) s = { hash, stat: st };
    else {
      const r = readGuarded(this.root, rel, st);
      if ('finding' in r) s = r;
      else {
        s = { hash: contentHash(r.buf), stat: r.stat, text: r.text, ...(r.warning ? { warning: r.warning } : {}) };
        this.index.record(rel, r.stat, s.hash);
      }
    }
    this.states.set(rel, s);
    return s;
  }

  /** The file's text (read now when its stat alone said it was unchanged). */
  text(rel: string): { text: string; warning?: Finding } | undefined {
    const s = this.state(rel);
    if ('finding' in s) return undefined;
    if (s.text === undefined) {
      const r = readGuarded(this.root, rel, s.stat);
      if ('finding' in r) return undefined;
      s.text = r.text;
      if (r.warning) s.warning = r.warning;
    }
    return s.warning ? { text: s.text, warning: s.warning } : { text: s.text };
  }

  /** Links, anchors and read warnings of a file; undefined when it cannot be read. */
  extraction(rel: string): Extraction | undefined {
    if (this.extractions.has(rel)) return this.extractions.get(rel);
    const s = this.state(rel);
    let e: Extraction | undefined;
    if (!('finding' in s)) {
      e = this.store.get(rel, s.hash);
      if (!e) {
        const t = this.text(rel);
        if (t) {
          e = extractLinks(rel, t.text);
          // A broken-UTF-8 warning belongs to the content, so it is cached with it.
          if (t.warning) e.findings.unshift(t.warning);
          this.parsed++;
          this.store.put(s.hash, e);
        }
      }
      if (e) this.index.setAnchorsHash(rel, anchorsHash(e.anchors));
    }
    this.extractions.set(rel, e);
    return e;
  }

  /** Hash of a file's anchors, without parsing it when the index knows them for this content. */
  anchorsHash(rel: string): string | undefined {
    const s = this.state(rel);
    if ('finding' in s) return undefined;
    const known = this.index.anchorsHash(rel);
    if (known) return known;
    const e = this.extraction(rel);
    return e ? anchorsHash(e.anchors) : undefined;
  }

  /** Status-block resources of a module README, read as `loadModules` reads it: none when the
   * file is missing, too large, binary or not UTF-8 (the status-block check reports those). */
  resources(rel: string, id: string): Resource[] {
    const s = this.state(rel);
    const hash = 'finding' in s ? undefined : s.hash;
    const have = hash ? this.store.resources(hash) : undefined;
    if (have) return have;
    let out: Resource[] = [];
    // Usually the scan has just read this README: parse that text rather than read it again.
    // Text the scan could only decode lossily, or with a NUL past its probe, goes the strict way.
    const t = hash ? this.text(rel) : undefined;
    if (t && !t.warning && !t.text.includes('\0')) {
      out = parseStatusBlock({ id, file: rel, text: t.text }).module.resources;
      this.store.putResources(hash!, out);
      return out;
    }
    const abs = path.join(this.root, rel);
    try {
      const st = statSync(abs);
      if (st.isFile() && st.size <= MAX_MODULE_README_BYTES) {
        const d = decodeText(readFileSync(abs), rel);
        if ('text' in d) out = parseStatusBlock({ id, file: rel, text: d.text }).module.resources;
      }
    } catch {
      out = [];
    }
    if (hash) this.store.putResources(hash, out);
    return out;
  }
}
