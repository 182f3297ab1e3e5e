// `odyssey check`: scan → extract (cached by content) → resolve on disk → classify → (external) →
// findings, counts and an exit code. Used by the CLI, `npm start` and the Action.
// A rerun reuses each file's findings when neither it nor anything they depend on changed
// (io/check-run-index.ts), so its cost is mostly walking the tree and stat-ing each file.
// Every path is read through one guarded reader (io/reader.ts); the caches live in one sealed
// cache folder (io/cache-folder.ts).
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Config, LinksConfig } from '../core/config.js';
import { Exit } from '../core/exit.js';
import { classifyLinks } from '../core/links/classify.js';
import { isMarkdownPath } from '../core/links/resolve.js';
import { resourceLinks } from '../core/links/resources.js';
import type { FileView } from '../core/links/file-view.js';
import { encodeKind } from '../core/links/recording-view.js';
import { gatherFile, generatedLines, judgeGathered, type Gathered } from '../core/links/judge-unit.js';
import { compareFindings, finding, type Finding, type Link, type Module, type Resource } from '../core/model.js';
import type { Extraction } from '../core/links/extract.js';
import { CacheFolder } from '../io/cache-folder.js';
import { CheckFiles, NotYetRead } from '../io/check-files.js';
import { CheckPool } from '../io/check-pool.js';
import { CheckRunIndex, UNIT_COUNTS, type DepQuestion, type UnitResult } from '../io/check-run-index.js';
import { FileResultsStore } from '../io/file-results-store.js';
import { RepoReader } from '../io/reader.js';
import { DirIndex, findFiles } from '../io/scan.js';
import { checkExternal, type ExternalProgress } from '../io/http/check-external.js';
import { VERSION } from '../version.js';

export type FailOn = 'error' | 'warning' | 'never';

export type CheckExternal = (
  links: Link[],
  cfg: LinksConfig,
  opts: { root?: string; env?: NodeJS.ProcessEnv; progress?: (p: ExternalProgress) => void },
) => Promise<{ findings: Finding[]; stats: Record<string, number> }>;

export interface CheckOptions {
  root: string;
  config: Config;
  external?: boolean;
  failOn: FailOn;
}

export interface CheckIo {
  /** null: no cache read or written. Otherwise a path in the cache folder (the folder is what
   * counts). Default: the folder of `links.cache`. */
  cacheFile?: string | null;
  /** Also return every link classified (tests; memory grows with the repository). */
  collectLinks?: boolean;
  /** The guarded reader of this run (one is made when absent). */
  reader?: RepoReader;
  loadModules?: (root: string, config: Config) => Promise<{ modules: Module[]; findings: Finding[] }>;
  checkExternal?: CheckExternal;
  env?: NodeJS.ProcessEnv;
  progress?: (p: ExternalProgress) => void;
  now?: () => number;
}

export interface CheckResult {
  findings: Finding[];
  counts: Record<string, number>;
  /** With `collectLinks`: the links classified by this run (every link, less those of files whose
   * stored results were reused); else empty. */
  links: Link[];
  /** What the user should know that is no finding: cache files ignored, cache not used. */
  notices: string[];
  exitCode: number;
  /** The repository as this run saw it, for a second look (the base comparison of `--base`). */
  repo: CheckedRepo;
}

export interface CheckedRepo {
  view: FileView;
  reader: RepoReader;
  /** The cache folder this run used; null when none. */
  folder: CacheFolder | null;
  /** Links, anchors and read warnings of a file now (cached by content); undefined when unreadable. */
  extraction(rel: string): Extraction | undefined;
  /** Status-block resources of a module README now. */
  resources(rel: string, id: string): Resource[];
}

export function exitCodeFor(findings: readonly Finding[], failOn: FailOn): number {
  if (failOn === 'never') return Exit.ok;
  const fails = findings.some((f) => f.severity === 'error' || failOn === 'warning');
  return fails ? Exit.findings : Exit.ok;
}

/** What the stored results depend on besides the files themselves. */
export function configKey(config: Config, customModules: boolean): string {
  const { include, exclude, placeholders, ignore } = config.links;
  const relevant = { VERSION, include, exclude, placeholders, ignore, readme: config.readme, modules: config.modules, customModules };
  return createHash('sha1').update(JSON.stringify(relevant)).digest('hex');
}

const toPosix = (p: string): string => p.split(path.sep).join('/').replace(/^\.\//, '').replace(/\/+$/, '');

export async function runCheck(opts: CheckOptions, io: CheckIo = {}): Promise<CheckResult> {
  const { root, config } = opts;
  const now = io.now ?? Date.now;
  const startedAt = now();
  const reader = io.reader ?? new RepoReader(root);
  const notices: string[] = [];
  let folder: CacheFolder | null = null;
  const outside = io.cacheFile === null ? null : CacheFolder.outside(reader, io.env ?? process.env);
  if (outside) {
    folder = outside.folder;
    notices.push(...outside.notices);
  } else if (io.cacheFile !== null) {
    const where = io.cacheFile === undefined ? toPosix(path.posix.dirname(toPosix(config.links.cache))) : reader.relative(path.dirname(io.cacheFile));
    if (where === null) notices.push('the cache folder lies outside the repository: the cache is not used');
    else {
      const opened = CacheFolder.open(reader, where === '.' ? '' : where, io.env ?? process.env);
      folder = opened.folder;
      notices.push(...opened.notices);
    }
  }
  const index = CheckRunIndex.load(folder, configKey(config, io.loadModules !== undefined));
  const store = new FileResultsStore(folder);
  const files = new CheckFiles(reader, index, store);
  const dirs = new DirIndex(reader);
  const findings: Finding[] = [];

  const found = findFiles(reader, config.links.include, config.links.exclude);
  findings.push(...found.findings);

  const view: FileView = {
    kind: (p) => dirs.kind(p),
    caseVariant: (p) => dirs.caseVariant(p),
    anchors: (p) => (dirs.kind(p) === 'file' && isMarkdownPath(p) ? files.anchors(p) : undefined),
  };
  /** The answer now to question `q` about `p` (the index asks each old question once per run). */
  const current = (q: DepQuestion, p: string): string => {
    if (q === 'k') return encodeKind(dirs.kind(p));
    if (q === 'v') return dirs.caseVariant(p) ?? '';
    return dirs.kind(p) === 'file' && isMarkdownPath(p) ? (files.anchorsHash(p) ?? '-') : '-';
  };

  const externalOn = opts.external ?? config.links.external;
  const counts: Record<string, number> = { files: found.files.length };
  for (const k of UNIT_COUNTS) counts[k] = 0;
  const external: Link[] = [];
  const classifiedLinks: Link[] = [];
  let reused = 0;
  const take = (r: UnitResult) => {
    if (r.findings.length) findings.push(...r.findings);
    // Web links are kept only when they will be checked (memory: a big journey has many).
    if (r.external.length && externalOn) external.push(...r.external);
    for (const k in r.counts) counts[k] = (counts[k] ?? 0) + r.counts[k]!;
  };
  /** Reuses a unit's stored result, or classifies its links and stores the result. */
  const judge = (key: string, file: string, hash: string, gather: () => Gathered) => {
    const stored = index.unit(key, file, hash, current);
    if (stored) {
      reused++;
      take(stored);
      return;
    }
    const g = gather();
    const { result, deps } = judgeGathered(g, view, (p) => files.anchorsHash(p) ?? '-', config.links);
    if (io.collectLinks) classifiedLinks.push(...g.links);
    index.putUnit(key, result, deps);
    take(result);
  };

  const readmePath = toPosix(config.readme);
  let scannedOk = 0;
  /** Judges one file's links; false when a file it links to is still being read (judged later). */
  const judgeFile = (rel: string): boolean => {
    try {
      const st = files.state(rel);
      if ('finding' in st) {
        findings.push(st.finding);
        return true;
      }
      const done = files.verdict(rel);
      if (done) {
        // Judged by the worker that read it.
        index.putUnit(rel, done.result, done.deps);
        take(done.result);
      } else {
        judge(rel, rel, st.hash, () => {
          const e = files.extraction(rel);
          if (!e) return { links: [], findings: [], suppressed: 0, generated: 0 };
          return gatherFile(e, rel === readmePath ? generatedLines(rel, files.text(rel)?.text, files.markers(rel)) : undefined);
        });
      }
    } catch (err) {
      if (err instanceof NotYetRead) return false;
      throw err;
    }
    scannedOk++;
    files.done(rel);
    return true;
  };
  // Files the index cannot vouch for are read; on a big journey, by worker threads (io/check-pool.ts)
  // while this thread judges the files already read.
  const toRead = files.triage(found.files);
  // Workers judge the files they read too, unless the caller wants every link back.
  const pool = CheckPool.start(root, toRead, io.env ?? process.env, io.collectLinks ? undefined : { readme: readmePath, placeholders: config.links.placeholders, ignore: config.links.ignore });
  const later: string[] = [];
  try {
    files.source = pool ?? undefined;
    for (const rel of found.files) {
      if (pool?.has(rel)) {
        const p = await pool.take(rel);
        if (p) files.accept(p);
      }
      if (!judgeFile(rel)) later.push(rel);
    }
  } finally {
    pool?.close();
    files.source = undefined;
  }
  if (pool) counts['read-by-workers'] = pool.delivered;
  for (const rel of later) judgeFile(rel);

  // Status-block resources are links of their module README (checked even when it lies outside
  // the scanned globs), judged as a unit of their own.
  if (io.loadModules) {
    let modules: Module[] = [];
    try {
      modules = (await io.loadModules(root, config)).modules;
    } catch (err) {
      findings.push(finding(config.modules, 1, 1, 'unreadable', 'warning', `status blocks could not be read (${(err as Error).message}): their resources were not checked`));
    }
    const links = resourceLinks(modules);
    const c = classifyLinks(links, view, config.links);
    if (io.collectLinks) classifiedLinks.push(...links);
    take({ findings: c.findings, counts: c.counts, external: c.external });
  } else {
    const modulesDir = toPosix(config.modules);
    const listing = dirs.kind(modulesDir) === 'dir' ? dirs.list(modulesDir) : undefined;
    if (listing === null) findings.push(finding(modulesDir, 1, 1, 'unreadable', 'warning', `status blocks could not be read (cannot list ${modulesDir}/): their resources were not checked`));
    const ids = [...(listing ?? [])].filter(([name, kind]) => kind === 'dir' && !name.startsWith('.')).map(([name]) => name).sort();
    for (const id of ids) {
      const file = `${modulesDir ? `${modulesDir}/` : ''}${id}/README.md`;
      const st = files.state(file);
      const hash = 'finding' in st ? '' : st.hash;
      if (!hash) {
        // Unreadable by the scan's guards: judged afresh every run (loadModules reads more).
        const links = resourceLinks([{ file, resources: files.resources(file, id) }]);
        if (links.length === 0) continue;
        const c = classifyLinks(links, view, config.links);
        if (io.collectLinks) classifiedLinks.push(...links);
        take({ findings: c.findings, counts: c.counts, external: c.external });
        continue;
      }
      judge(`resources:${file}`, file, hash, () => ({ links: resourceLinks([{ file, resources: files.resources(file, id) }]), findings: [], suppressed: 0, generated: 0 }));
    }
  }

  counts['parsed-files'] = files.parsed;
  counts['cached-files'] = Math.max(0, scannedOk - files.parsed);
  counts['reused-results'] = reused;
  if (externalOn && external.length > 0) {
    const check = io.checkExternal ?? checkExternal;
    const r = await check(external, config.links, { root, env: io.env, progress: io.progress });
    findings.push(...r.findings);
    for (const [k, v] of Object.entries(r.stats)) counts[`external-${k}`] = v;
  }

  findings.sort(compareFindings);
  for (const f of findings) {
    counts[f.kind] = (counts[f.kind] ?? 0) + 1;
    counts[f.severity === 'error' ? 'errors' : 'warnings'] = (counts[f.severity === 'error' ? 'errors' : 'warnings'] ?? 0) + 1;
  }
  counts.errors ??= 0;
  counts.warnings ??= 0;
  index.save(startedAt);
  store.save(index.hashes());
  if (folder) notices.push(...folder.notices());
  const repo: CheckedRepo = { view, reader, folder, extraction: (rel) => files.extraction(rel), resources: (rel, id) => files.resources(rel, id) };
  return { findings, counts, links: classifiedLinks, notices, exitCode: exitCodeFor(findings, opts.failOn), repo };
}


export { generatedLines } from '../core/links/judge-unit.js';
