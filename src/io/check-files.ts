// One `check` run's view of file contents, all through the guarded reader: each file stat-ed, read,
// hashed and parsed at most once, answered from the one cache (io/file-results-store.ts, with the
// rerun index io/check-run-index.ts) wherever its stat or content says nothing changed.
// Memory: no file's text is kept once its turn is over (one text at a time); per file only its
// content id, its stat and, for link targets, its anchors.
import type { DocumentModel } from '../core/document/index.js';
import type { Extraction } from '../core/links/extract.js';
import { finding, type Finding, type Resource } from '../core/model.js';
import { parseStatusBlock } from '../core/status/parse-status-block.js';
import { parseParts, utf8Warning, type PreparedFile, type StatusParts, type Verdict } from './check-prepare.js';
import type { CheckRunIndex } from './check-run-index.js';
import { anchorsHash, blobId, type FileResultsStore } from './file-results-store.js';
import { MAX_MODULE_README_BYTES } from './modules.js';
import { DEFAULT_MAX_BYTES, escapeName, type FileStamp, type Refusal, type RepoReader, type TextRead } from './reader.js';

/** Thrown when a file is still being read by a worker: the unit asking is judged later. */
export class NotYetRead extends Error {
  constructor(readonly rel: string) {
    super(`${rel} is still being read`);
  }
}

export type FileState = { hash: string } | { finding: Finding };

/** A refusal in the words `check` uses for a file it was asked to check. */
function checkFinding(r: Refusal, rel: string): Finding {
  const at = escapeName(r.at);
  switch (r.refused) {
    case 'binary':
      return finding(at, 1, 1, 'unreadable', 'warning', `${at} looks binary (it holds NUL bytes): its links were not checked; exclude it in links.exclude`);
    case 'too-large':
      return finding(at, 1, 1, 'unreadable', 'warning', `${r.message.replace(/ odyssey reads: not read; split the file$/, ' bound')}: its links were not checked; split the file`);
    case 'folder':
      return finding(at, 1, 1, 'unreadable', 'warning', `${at} is a folder, not a markdown file: exclude it in links.exclude`);
    default:
      return finding(at, r.line ?? 1, r.column ?? 1, 'unreadable', 'warning', at === rel ? `${r.message}; its links were not checked` : `${r.message} (so ${rel} was not checked)`);
  }
}

export class CheckFiles {
  private readonly states = new Map<string, FileState>();
  /** Anchors of the files asked about as link targets (the one per-file thing kept for the run),
   * as plain arrays; the last few asked for are kept as Sets too. */
  private readonly anchorLists = new Map<string, string[] | null>();
  private readonly anchorSets = new Map<string, Set<string>>();
  /** Extractions made before their file's turn (as a link target): kept until `done`. */
  private readonly early = new Map<string, Extraction>();
  private readonly judged = new Set<string>();
  /** Files a worker judged, until their turn. */
  private readonly verdicts = new Map<string, Verdict>();
  /** The last text read: the file being judged is read once for its hash and its extraction. */
  private last: { rel: string; text: string; warning?: Finding } | null = null;
  /** What a README's status block needs of its model, kept from the one parse until `resources` asks. */
  private readonly statusParts = new Map<string, StatusParts>();
  /** Zone markers of the files parsed this run that have any (the root README's zones). */
  private readonly markerSets = new Map<string, DocumentModel['markers']>();
  /** Files parsed this run (the rest came from the caches). */
  parsed = 0;
  /** Files read by workers: asking about one still being read throws NotYetRead. */
  source: { pending(rel: string): boolean; takeNow(rel: string): PreparedFile | undefined } | undefined;

  constructor(
    private readonly reader: RepoReader,
    private readonly index: CheckRunIndex,
    private readonly store: FileResultsStore,
  ) {}

  private read(rel: string, maxBytes = DEFAULT_MAX_BYTES): TextRead | Refusal {
    return this.reader.readText(rel, maxBytes);
  }

  private remember(rel: string, r: TextRead): void {
    const warning = utf8Warning(rel, r);
    this.last = warning ? { rel, text: r.text, warning } : { rel, text: r.text };
  }

  /** Sorts files into those whose content id the index trusts by stat alone (their state is set)
   * and those that must be read (returned, in order). */
  triage(rels: readonly string[]): string[] {
    const out: string[] = [];
    for (const rel of rels) {
      if (this.states.has(rel)) continue;
      const st = this.index.knows(rel) ? this.reader.stamp(rel) : undefined;
      const hash = st && !('refused' in st) ? this.index.trusted(rel, st) : undefined;
      if (hash) this.states.set(rel, { hash });
      else out.push(rel);
    }
    return out;
  }

  /** A file read and parsed elsewhere (a worker), taken as if this run had read it here. */
  accept(p: PreparedFile): void {
    if ('refusal' in p) {
      this.states.set(p.rel, { finding: checkFinding(p.refusal, p.rel) });
      return;
    }
    this.states.set(p.rel, { hash: p.hash });
    this.index.record(p.rel, p.stamp, p.hash);
    this.keep(p.rel, p.hash, p.parts);
    if (p.verdict) this.verdicts.set(p.rel, p.verdict);
    else this.early.set(p.rel, p.parts.extraction);
  }

  /** The worker's judgement of a file's links, once (undefined when it was not judged there). */
  verdict(rel: string): Verdict | undefined {
    const v = this.verdicts.get(rel);
    this.verdicts.delete(rel);
    return v;
  }

  /** What is kept of a parse: anchors (stored by content), status parts and markers. */
  private keep(rel: string, hash: string, parts: { extraction: Extraction; anchorsSignature?: string; status?: StatusParts; markers?: DocumentModel['markers'] }): void {
    const e = parts.extraction;
    if (parts.status) this.statusParts.set(rel, parts.status);
    if (parts.markers) this.markerSets.set(rel, parts.markers);
    this.parsed++;
    const anchors = [...e.anchors];
    this.store.put(hash, { anchors });
    this.index.setAnchorsHash(rel, parts.anchorsSignature ?? anchorsHash(anchors));
    if (!this.anchorLists.has(rel)) this.anchorLists.set(rel, anchors);
  }

  /** Content id of a root-relative file, or the finding that says why it cannot be read. */
  state(rel: string): FileState {
    let s = this.states.get(rel);
    if (s) return s;
    if (this.source) {
      if (this.source.pending(rel)) throw new NotYetRead(rel);
      const p = this.source.takeNow(rel);
      if (p) {
        this.accept(p);
        return this.states.get(rel)!;
      }
    }
    // Only a file an earlier run recorded is worth a stat; the others are read straight away.
    const st = this.index.knows(rel) ? this.reader.stamp(rel) : undefined;
    const hash = st && !('refused' in st) ? this.index.trusted(rel, st) : undefined;
    if (hash) s = { hash };
    else {
      const r = this.read(rel);
      if ('refused' in r) s = { finding: checkFinding(r, rel) };
      else {
        const stamp: FileStamp = { size: r.size, mtimeMs: r.mtimeMs, ctimeMs: r.ctimeMs, ino: r.ino };
        s = { hash: blobId(r.buf) };
        this.remember(rel, r);
        this.index.record(rel, stamp, s.hash);
      }
    }
    this.states.set(rel, s);
    return s;
  }

  /** The file's text (read again unless it was the last one read). */
  text(rel: string): { text: string; warning?: Finding } | undefined {
    const s = this.state(rel);
    if ('finding' in s) return undefined;
    if (this.last?.rel === rel) return this.last;
    const r = this.read(rel);
    if ('refused' in r) return undefined;
    this.remember(rel, r);
    return this.last!;
  }

  /** Links, anchors and read warnings of a file; undefined when it cannot be read. Kept until the
   * file's turn is over (`done`): a unit put off, or a file asked about before its turn, asks again. */
  extraction(rel: string): Extraction | undefined {
    const s = this.state(rel);
    if ('finding' in s) return undefined;
    const made = this.early.get(rel);
    if (made) return made;
    // A content whose links some run stored (the pull-request base stores them by blob id).
    let e = this.store.extraction(rel, s.hash);
    if (e) {
      this.index.setAnchorsHash(rel, anchorsHash(e.anchors));
      if (!this.anchorLists.has(rel)) this.anchorLists.set(rel, [...e.anchors]);
    } else {
      const t = this.text(rel);
      if (!t) return undefined;
      // The one parse of this file in the run: links and anchors, and what later steps ask of it.
      // Only the anchors are stored: links are cheaper to parse again than to keep for every file.
      const parts = parseParts(rel, t.text, t.warning);
      this.keep(rel, s.hash, parts);
      e = parts.extraction;
    }
    if (!this.judged.has(rel)) this.early.set(rel, e);
    return e;
  }

  /** Anchors of a markdown file (a link target); undefined when it cannot be read. */
  anchors(rel: string): Set<string> | undefined {
    const set = this.anchorSets.get(rel);
    if (set) return set;
    let list = this.anchorLists.get(rel);
    if (list === undefined) {
      // Anchors stored for this content spare a parse.
      const s = this.state(rel);
      const stored = 'finding' in s ? undefined : this.store.get(s.hash)?.anchors;
      if (Array.isArray(stored) && stored.every((a) => typeof a === 'string')) {
        this.anchorLists.set(rel, stored);
        this.index.setAnchorsHash(rel, anchorsHash(stored));
        return this.anchors(rel);
      }
      const e = this.extraction(rel);
      list = e ? [...e.anchors] : null;
      this.anchorLists.set(rel, list);
    }
    if (list === null) return undefined;
    const made = new Set(list);
    if (this.anchorSets.size >= 64) this.anchorSets.delete(this.anchorSets.keys().next().value!);
    this.anchorSets.set(rel, made);
    return made;
  }

  /** The zone markers of a file parsed this run; undefined when it was not parsed (or has none). */
  markers(rel: string): DocumentModel['markers'] | undefined {
    return this.markerSets.get(rel);
  }

  /** Forgets the text of the file just judged (memory: one text at a time). */
  done(rel: string): void {
    if (this.last?.rel === rel) this.last = null;
    this.early.delete(rel);
    this.judged.add(rel);
  }

  /** Hash of a file's anchors, without parsing it when the index knows them for this content. */
  anchorsHash(rel: string): string | undefined {
    const s = this.state(rel);
    if ('finding' in s) return undefined;
    const known = this.index.anchorsHash(rel);
    if (known) return known;
    const a = this.anchors(rel);
    return a ? anchorsHash(a) : undefined;
  }

  /** Status-block resources of a module README, read as `loadModules` reads it: none when the
   * file is missing, too large, binary or not UTF-8 (the status-block check reports those). */
  resources(rel: string, id: string): Resource[] {
    const s = this.state(rel);
    const hash = 'finding' in s ? undefined : s.hash;
    const have = hash ? this.store.resources(hash) : undefined;
    if (have) return have;
    let out: Resource[] = [];
    // Usually the scan has just parsed this README: use that model rather than read it again.
    const parsed = this.statusParts.get(rel);
    this.statusParts.delete(rel);
    const t = hash && !parsed ? this.text(rel) : undefined;
    if (parsed && hash) out = parseStatusBlock({ id, file: rel, text: '', model: parsed }).module.resources;
    else if (t && !t.warning) out = parseStatusBlock({ id, file: rel, text: t.text }).module.resources;
    else if (!hash) {
      // Over the scan's bound but within the module README's: read as loadModules does.
      const r = this.read(rel, MAX_MODULE_README_BYTES);
      if (!('refused' in r) && !r.badUtf8) out = parseStatusBlock({ id, file: rel, text: r.text }).module.resources;
    }
    if (hash) this.store.putResources(hash, out);
    return out;
  }
}
