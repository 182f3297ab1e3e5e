// One `check` run's view of file contents, all through the guarded reader: each file stat-ed, read,
// hashed and parsed at most once, answered from the one cache (io/file-results-store.ts, with the
// rerun index io/check-run-index.ts) wherever its stat or content says nothing changed.
// Memory: no file's text is kept once its turn is over (one text at a time); per file only its
// content id, its stat and, for link targets, its anchors.
import { parseDocument, type DocumentModel } from '../core/document/index.js';
import { extractionOf, type Extraction } from '../core/links/extract.js';
import { finding, type Finding, type Resource } from '../core/model.js';
import { parseStatusBlock } from '../core/status/parse-status-block.js';
import type { CheckRunIndex } from './check-run-index.js';
import { anchorsHash, blobId, type FileResultsStore } from './file-results-store.js';
import { MAX_MODULE_README_BYTES } from './modules.js';
import { DEFAULT_MAX_BYTES, escapeName, type FileStamp, type Refusal, type RepoReader, type TextRead } from './reader.js';

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
  /** The last text read: the file being judged is read once for its hash and its extraction. */
  private last: { rel: string; text: string; warning?: Finding } | null = null;
  /** What a README's status block needs of its model, kept from the one parse until `resources` asks. */
  private readonly statusParts = new Map<string, Pick<DocumentModel, 'frontMatter' | 'tasks' | 'headings'>>();
  /** Zone markers of the files parsed this run that have any (the root README's zones). */
  private readonly markerSets = new Map<string, DocumentModel['markers']>();
  /** Files parsed this run (the rest came from the caches). */
  parsed = 0;

  constructor(
    private readonly reader: RepoReader,
    private readonly index: CheckRunIndex,
    private readonly store: FileResultsStore,
  ) {}

  private read(rel: string, maxBytes = DEFAULT_MAX_BYTES): TextRead | Refusal {
    return this.reader.readText(rel, maxBytes);
  }

  private remember(rel: string, r: TextRead): void {
    const warning = r.badUtf8
      ? finding(rel, r.badUtf8.line ?? 1, r.badUtf8.column ?? 1, 'unreadable', 'warning', `${rel} is not valid UTF-8 (first bad byte here): checked with the bad bytes replaced; save the file as UTF-8`)
      : undefined;
    this.last = warning ? { rel, text: r.text, warning } : { rel, text: r.text };
  }

  /** Content id of a root-relative file, or the finding that says why it cannot be read. */
  state(rel: string): FileState {
    let s = this.states.get(rel);
    if (s) return s;
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

  /** Links, anchors and read warnings of a file; undefined when it cannot be read. Not kept. */
  extraction(rel: string): Extraction | undefined {
    const s = this.state(rel);
    if ('finding' in s) return undefined;
    const made = this.early.get(rel);
    if (made) return made;
    let e = this.store.extraction(rel, s.hash);
    if (!e) {
      const t = this.text(rel);
      if (!t) return undefined;
      // The one parse of this file in the run: links and anchors, and what later steps ask of it.
      const model = parseDocument(t.text, rel);
      e = extractionOf(model, rel);
      if (!t.warning && model.frontMatter.kind !== 'none' && /(?:^|\/)README\.md$/.test(rel)) {
        this.statusParts.set(rel, { frontMatter: model.frontMatter, tasks: [], headings: model.headings.filter((h) => h.level === 1).slice(0, 1) });
      }
      if (model.markers.length > 0) this.markerSets.set(rel, model.markers);
      // A broken-UTF-8 warning belongs to the content, so it is cached with it.
      if (t.warning) e.findings.unshift(t.warning);
      this.parsed++;
      this.store.putExtraction(s.hash, e);
    }
    this.index.setAnchorsHash(rel, anchorsHash(e.anchors));
    if (!this.anchorLists.has(rel)) this.anchorLists.set(rel, [...e.anchors]);
    return e;
  }

  /** Anchors of a markdown file (a link target); undefined when it cannot be read. */
  anchors(rel: string): Set<string> | undefined {
    const set = this.anchorSets.get(rel);
    if (set) return set;
    let list = this.anchorLists.get(rel);
    if (list === undefined) {
      const e = this.extraction(rel);
      if (e && !this.judged.has(rel)) this.early.set(rel, e);
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
