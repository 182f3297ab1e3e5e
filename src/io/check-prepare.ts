// What `check` needs of one file before it can judge its links: read (through the guarded reader),
// content id, and the one parse's parts (links, anchors, status-block parts, zone markers). The same
// function runs on the main thread or in a worker (io/check-pool.ts): its result is plain data that
// crosses a thread by structured clone, links without their file name (the receiver adds it back).
import { parseDocument, type DocumentModel } from '../core/document/index.js';
import { extractionOf, type Extraction } from '../core/links/extract.js';
import type { UnitJudgement } from '../core/links/judge-unit.js';
import type { DepKey } from '../core/links/recording-view.js';
import { finding, type Finding, type Link } from '../core/model.js';
import { blobId } from './file-results-store.js';
import { DEFAULT_MAX_BYTES, type FileStamp, type Refusal, type RepoReader, type TextRead } from './reader.js';

/** What a status block needs of its README's model (kept from the one parse). */
export type StatusParts = Pick<DocumentModel, 'frontMatter' | 'tasks' | 'headings'>;

/** The parts of one parse that `check` keeps. */
export interface ParsedParts {
  extraction: Extraction;
  /** `anchorsHash` of the extraction's anchors, when the thread that parsed it worked it out. */
  anchorsSignature?: string;
  status?: StatusParts;
  markers?: DocumentModel['markers'];
}

/** A file's links judged where it was read, with the answers the judgement depended on. */
export interface Verdict {
  result: UnitJudgement;
  deps: Map<DepKey, string>;
}

export type PreparedFile = { rel: string; refusal: Refusal } | { rel: string; stamp: FileStamp; hash: string; parts: ParsedParts; verdict?: Verdict };

/** The warning for a text that is not valid UTF-8 (checked with the bad bytes replaced). */
export function utf8Warning(rel: string, r: TextRead): Finding | undefined {
  return r.badUtf8
    ? finding(rel, r.badUtf8.line ?? 1, r.badUtf8.column ?? 1, 'unreadable', 'warning', `${rel} is not valid UTF-8 (first bad byte here): checked with the bad bytes replaced; save the file as UTF-8`)
    : undefined;
}

/** The one parse of a file's text in a run, and what check keeps of it. */
export function parseParts(rel: string, text: string, warning?: Finding): ParsedParts {
  const model = parseDocument(text, rel);
  const extraction = extractionOf(model, rel);
  const out: ParsedParts = { extraction };
  if (!warning && model.frontMatter.kind !== 'none' && /(?:^|\/)README\.md$/.test(rel)) {
    out.status = { frontMatter: model.frontMatter, tasks: [], headings: model.headings.filter((h) => h.level === 1).slice(0, 1) };
  }
  if (model.markers.length > 0) out.markers = model.markers;
  // A broken-UTF-8 warning belongs to the content, so it travels (and is cached) with it.
  if (warning) extraction.findings.unshift(warning);
  return out;
}

/** Reads, identifies and parses one file. */
export function prepareFile(reader: RepoReader, rel: string): PreparedFile {
  const r = reader.readText(rel, DEFAULT_MAX_BYTES);
  if ('refused' in r) return { rel, refusal: r };
  const stamp: FileStamp = { size: r.size, mtimeMs: r.mtimeMs, ctimeMs: r.ctimeMs, ino: r.ino };
  return { rel, stamp, hash: blobId(r.buf), parts: parseParts(rel, r.text, utf8Warning(rel, r)) };
}

type Bare<T> = Omit<T, 'file'>;
/** An extraction as it crosses a thread: no file name on each link. */
export interface WireParts {
  /** With a verdict, links are not sent (the verdict says all the main thread needs of them). */
  links: Bare<Link>[];
  suppressed: Bare<Link>[];
  anchors: string[];
  anchorsSignature?: string;
  findings: Bare<Finding>[];
  status?: StatusParts;
  markers?: DocumentModel['markers'];
  verdict?: { findings: Bare<Finding>[]; counts: Record<string, number>; external: Bare<Link>[]; deps: Array<[DepKey, string]> };
}
export type WireFile = { rel: string; refusal: Refusal } | { rel: string; stamp: FileStamp; hash: string; wire: WireParts };

const bare = <T extends { file: string }>(x: T): Bare<T> => {
  const { file: _f, ...rest } = x;
  return rest;
};

export function toWire(p: PreparedFile): WireFile {
  if ('refusal' in p) return p;
  const e = p.parts.extraction;
  const v = p.verdict;
  const wire: WireParts = v
    ? { links: [], suppressed: [], anchors: [...e.anchors], findings: [], verdict: { findings: v.result.findings.map(bare), counts: v.result.counts, external: v.result.external.map(bare), deps: [...v.deps] } }
    : { links: e.links.map(bare), suppressed: e.suppressed.map(bare), anchors: [...e.anchors], findings: e.findings.map(bare) };
  if (p.parts.status) wire.status = p.parts.status;
  if (p.parts.markers) wire.markers = p.parts.markers;
  if (p.parts.anchorsSignature) wire.anchorsSignature = p.parts.anchorsSignature;
  return { rel: p.rel, stamp: p.stamp, hash: p.hash, wire };
}

/** `rel`: the receiver's own string for the path (so it is held once). */
export function fromWire(w: WireFile, rel = w.rel): PreparedFile {
  if ('refusal' in w) return { rel, refusal: w.refusal };
  const file = rel;
  const { links, suppressed, anchors, findings, status, markers, verdict, anchorsSignature } = w.wire;
  const parts: ParsedParts = {
    extraction: {
      links: links.map((l) => ({ file, ...l })),
      suppressed: suppressed.map((l) => ({ file, ...l })),
      anchors: new Set(anchors),
      findings: findings.map((f) => ({ file, ...f })),
    },
  };
  if (status) parts.status = status;
  if (markers) parts.markers = markers;
  if (anchorsSignature) parts.anchorsSignature = anchorsSignature;
  if (!verdict) return { rel: file, stamp: w.stamp, hash: w.hash, parts };
  const result = { findings: verdict.findings.map((f) => ({ file, ...f })), counts: verdict.counts, external: verdict.external.map((l) => ({ file, ...l })) };
  return { rel: file, stamp: w.stamp, hash: w.hash, parts, verdict: { result, deps: new Map(verdict.deps) } };
}
