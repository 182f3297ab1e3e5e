// The link findings of the repository at a commit, read from git objects (no checkout): the same
// files as `check` scans (include/exclude globs), extracted by the same function and classified by
// the same rules over a FileView of that commit's tree. A file the change left untouched is not
// read again: its extraction now is its extraction then. The others come from one
// `git cat-file --batch` (cached by blob id).
import picomatch from 'picomatch';
import type { Config } from '../core/config.js';
import { classifyLinks, neededTargets } from '../core/links/classify.js';
import { extractLinks, type Extraction } from '../core/links/extract.js';
import { isMarkdownPath } from '../core/links/resolve.js';
import { resourceLinks } from '../core/links/resources.js';
import { treeFileView } from '../core/links/tree-view.js';
import { finding, type Finding, type Link } from '../core/model.js';
import { parseStatusBlock } from '../core/status/parse-status-block.js';
import type { BaseCache } from '../io/base-cache.js';
import type { GitObjects, TreeEntry } from '../io/git-objects.js';
import { MAX_SCAN_BYTES } from '../io/scan.js';
import { generatedLines, type CheckedRepo } from './check.js';

export interface CommitSnapshot {
  /** Every file of the tree, by path. */
  files: Map<string, TreeEntry>;
  /** Extractions made or found for this commit (only the files that were needed). */
  extractions: Map<string, Extraction | undefined>;
}

export interface AtCommitInput {
  git: GitObjects;
  commit: string;
  config: Config;
  cache: BaseCache;
  /** Paths whose content at the commit is the content now (untouched by the change), and now's view of them. */
  unchanged: ReadonlySet<string>;
  now: CheckedRepo;
}

const SKIP = /(^|\/)(\.git|node_modules)\//;
const lossy = new TextDecoder('utf-8');
const toPosix = (p: string): string => p.replace(/^\.\//, '').replace(/\/+$/, '');

/** Reads the tree of `commit`; extractions are filled on demand by `extractAt`. */
export async function snapshotAt(git: GitObjects, commit: string): Promise<CommitSnapshot> {
  const files = new Map<string, TreeEntry>();
  for (const e of await git.tree(commit)) if (e.type === 'blob') files.set(e.path, e);
  return { files, extractions: new Map() };
}

/** Text of a blob as `check` would read it, or why not. */
function decodeBlob(rel: string, buf: Buffer): { text: string; warning?: Finding } | { finding: Finding } {
  const bad = (m: string) => ({ finding: finding(rel, 1, 1, 'unreadable', 'warning', m) });
  if (buf.length > MAX_SCAN_BYTES) return bad(`${rel} is over the ${MAX_SCAN_BYTES / 1048576} MB bound: its links were not checked; split the file`);
  if (buf.subarray(0, 8192).includes(0)) return bad(`${rel} looks binary (it holds NUL bytes): its links were not checked; exclude it in links.exclude`);
  return { text: lossy.decode(buf) };
}

/** Makes sure `paths` have their extraction at the commit in `snap` (one batch read for the rest). */
export async function extractAt(input: Pick<AtCommitInput, 'git' | 'cache' | 'unchanged' | 'now'>, snap: CommitSnapshot, paths: Iterable<string>): Promise<void> {
  const toRead: TreeEntry[] = [];
  for (const p of paths) {
    if (snap.extractions.has(p)) continue;
    const entry = snap.files.get(p);
    if (!entry || entry.mode === '120000' || entry.mode === '160000') {
      snap.extractions.set(p, undefined);
      continue;
    }
    if (input.unchanged.has(p)) {
      const e = input.now.extraction(p);
      if (e) {
        snap.extractions.set(p, e);
        continue;
      }
    }
    const cached = input.cache.extraction(entry.oid, p);
    if (cached) snap.extractions.set(p, cached);
    else toRead.push(entry);
  }
  if (toRead.length === 0) return;
  const blobs = await input.git.read(toRead.map((e) => e.oid));
  for (const e of toRead) {
    const buf = blobs.get(e.oid);
    if (!buf) {
      snap.extractions.set(e.path, undefined);
      continue;
    }
    const d = decodeBlob(e.path, buf);
    if ('finding' in d) {
      snap.extractions.set(e.path, { links: [], anchors: new Set(), findings: [d.finding], suppressed: [] });
      continue;
    }
    const x = extractLinks(e.path, d.text);
    input.cache.putExtraction(e.oid, x);
    snap.extractions.set(e.path, x);
  }
}

/** The link findings of the repository at `commit` (without external checks). */
export async function findingsAtCommit(input: AtCommitInput, snap: CommitSnapshot): Promise<Finding[]> {
  const { config } = input;
  const isIncluded = picomatch(config.links.include as string[], { dot: false });
  const isExcluded = config.links.exclude.length ? picomatch(config.links.exclude as string[], { dot: true }) : () => false;
  const scanned = [...snap.files.keys()].filter((p) => !SKIP.test(p) && isIncluded(p) && !isExcluded(p)).sort();
  const readme = toPosix(config.readme);
  await extractAt(input, snap, scanned);
  // The README's zones are odyssey's output, their links checked where they are written: the
  // README's text at the commit finds them.
  let inZone: (line: number) => boolean = () => false;
  const readmeEntry = scanned.includes(readme) ? snap.files.get(readme) : undefined;
  if (readmeEntry) {
    const buf = (await input.git.read([readmeEntry.oid])).get(readmeEntry.oid);
    const d = buf ? decodeBlob(readme, buf) : null;
    if (d && 'text' in d) inZone = generatedLines(readme, d.text, undefined);
  }

  const findings: Finding[] = [];
  const links: Link[] = [];
  for (const p of scanned) {
    const e = snap.extractions.get(p);
    if (!e) continue;
    findings.push(...e.findings);
    if (p === readme) {
      links.push(...e.links.filter((l) => !inZone(l.line)));
    } else links.push(...e.links);
  }

  // Status-block resources: each module README's, as `check` reads them.
  const modulesDir = toPosix(config.modules);
  const prefix = modulesDir ? `${modulesDir}/` : '';
  const readmes = [...snap.files.values()].filter((e) => {
    if (!e.path.startsWith(prefix)) return false;
    const rest = e.path.slice(prefix.length).split('/');
    return rest.length === 2 && rest[1] === 'README.md' && !rest[0]!.startsWith('.') && e.mode !== '120000';
  });
  const unread = readmes.filter((e) => !(input.unchanged.has(e.path) || input.cache.resources(e.oid)));
  const blobs = await input.git.read(unread.map((e) => e.oid));
  for (const e of readmes.sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const id = e.path.slice(prefix.length).split('/')[0]!;
    let resources = input.unchanged.has(e.path) ? input.now.resources(e.path, id) : input.cache.resources(e.oid);
    if (!resources) {
      const buf = blobs.get(e.oid);
      const d = buf ? decodeBlob(e.path, buf) : null;
      resources = d && 'text' in d ? parseStatusBlock({ id, file: e.path, text: d.text }).module.resources : [];
      input.cache.putResources(e.oid, resources);
    }
    links.push(...resourceLinks([{ file: e.path, resources }]));
  }

  const { anchorFiles } = neededTargets(links);
  await extractAt(input, snap, [...anchorFiles].filter((p) => snap.files.has(p) && isMarkdownPath(p)));
  const view = treeFileView(snap.files.keys(), (p) => snap.extractions.get(p)?.anchors);
  findings.push(...classifyLinks(links, view, config.links).findings);
  return findings;
}
