// `odyssey check`: scan → extract (cached by content) → resolve on disk → classify → (external) →
// findings, counts and an exit code. Used by the CLI, `npm start` and the Action.
import { statSync } from 'node:fs';
import path from 'node:path';
import type { Config, LinksConfig } from '../core/config.js';
import { Exit } from '../core/exit.js';
import { classifyLinks, neededTargets } from '../core/links/classify.js';
import { extractLinks, type Extraction } from '../core/links/extract.js';
import { isMarkdownPath } from '../core/links/resolve.js';
import { resourceLinks } from '../core/links/resources.js';
import type { FileView } from '../core/links/file-view.js';
import { compareFindings, finding, type Finding, type Link, type Module } from '../core/model.js';
import { contentHash, ExtractCache } from '../io/link-cache.js';
import { loadModules } from '../io/modules.js';
import { DirIndex, findFiles, readGuarded } from '../io/scan.js';
import { checkExternal, type ExternalProgress } from '../io/http/check-external.js';
import { findZone } from '../core/table/find-zone.js';

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
  /** Extraction cache file; null for none. Default: `extract-cache.json` beside `links.cache`. */
  cacheFile?: string | null;
  loadModules?: (root: string, config: Config) => Promise<{ modules: Module[]; findings: Finding[] }>;
  checkExternal?: CheckExternal;
  env?: NodeJS.ProcessEnv;
  progress?: (p: ExternalProgress) => void;
  now?: () => number;
}

export interface CheckResult {
  findings: Finding[];
  counts: Record<string, number>;
  links: Link[];
  exitCode: number;
}

export function exitCodeFor(findings: readonly Finding[], failOn: FailOn): number {
  if (failOn === 'never') return Exit.ok;
  const fails = findings.some((f) => f.severity === 'error' || failOn === 'warning');
  return fails ? Exit.findings : Exit.ok;
}

export async function runCheck(opts: CheckOptions, io: CheckIo = {}): Promise<CheckResult> {
  const { root, config } = opts;
  const now = io.now ?? Date.now;
  const startedAt = now();
  const cacheFile = io.cacheFile === undefined ? path.join(root, path.dirname(config.links.cache), 'extract-cache.json') : io.cacheFile;
  const cache = ExtractCache.load(cacheFile);
  const findings: Finding[] = [];

  const found = findFiles(root, config.links.include, config.links.exclude);
  findings.push(...found.findings);

  const extracted = new Map<string, Extraction>();
  const extract = (rel: string): Extraction | undefined => {
    const have = extracted.get(rel);
    if (have) return have;
    const st = statSync(path.join(root, rel), { throwIfNoEntry: false });
    let e = st && st.isFile() ? cache.byStat(rel, st) : undefined;
    if (!e) {
      const r = readGuarded(root, rel, st);
      if ('finding' in r) {
        findings.push(r.finding);
        return undefined;
      }
      if (r.warning) findings.push(r.warning);
      const hash = contentHash(r.buf);
      e = cache.byContent(rel, hash, r.stat);
      if (!e) {
        e = extractLinks(rel, r.text);
        cache.put(rel, hash, r.stat, e);
      }
    }
    extracted.set(rel, e);
    return e;
  };

  const links: Link[] = [];
  let suppressed = 0;
  let generated = 0;
  const readmePath = config.readme.split(path.sep).join('/');
  for (const rel of found.files) {
    const e = extract(rel);
    if (!e) continue;
    if (rel === readmePath) {
      // The zones are odyssey's own output: their links come from status blocks, checked (and
      // reported) where the user writes them, so a broken resource is not reported twice.
      const inZone = generatedLines(root, rel);
      const kept = e.links.filter((l) => !inZone(l.line));
      generated += e.links.length - kept.length;
      links.push(...kept);
    } else links.push(...e.links);
    findings.push(...e.findings);
    suppressed += e.suppressed.length;
  }

  let modules: Module[] = [];
  try {
    modules = (await (io.loadModules ?? loadModules)(root, config)).modules;
  } catch (err) {
    findings.push(finding(config.modules, 1, 1, 'unreadable', 'warning', `status blocks could not be read (${(err as Error).message}): their resources were not checked`));
  }
  // A module README outside the scanned globs still has its resources checked.
  links.push(...resourceLinks(modules));

  const index = new DirIndex(root);
  const need = neededTargets(links);
  const kinds = new Map<string, 'file' | 'dir' | null>();
  for (const p of need.paths) kinds.set(p, index.kind(p));
  const view: FileView = {
    kind: (p) => (kinds.has(p) ? kinds.get(p)! : index.kind(p)),
    caseVariant: (p) => index.caseVariant(p),
    anchors: (p) => {
      if (kinds.get(p) !== 'file' || !isMarkdownPath(p)) return undefined;
      return extract(p)?.anchors;
    },
  };
  const classified = classifyLinks(links, view, config.links);
  findings.push(...classified.findings);

  const counts: Record<string, number> = { files: found.files.length, ...classified.counts, suppressed, generated, 'parsed-files': cache.misses, 'cached-files': cache.hits };
  const external = opts.external ?? config.links.external;
  if (external && classified.external.length > 0) {
    const check = io.checkExternal ?? checkExternal;
    const r = await check(classified.external, config.links, { root, env: io.env, progress: io.progress });
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
  cache.save(startedAt);
  return { findings, counts, links, exitCode: exitCodeFor(findings, opts.failOn) };
}

/** Lines inside the README's progress and chart zones (none when a zone is absent or broken). */
function generatedLines(root: string, rel: string): (line: number) => boolean {
  const r = readGuarded(root, rel, statSync(path.join(root, rel), { throwIfNoEntry: false }));
  if ('finding' in r) return () => false;
  const ranges: Array<[number, number]> = [];
  for (const name of ['progress', 'chart'] as const) {
    const z = findZone(r.text, rel, name);
    if (z.kind === 'found') ranges.push([z.startLine, z.endLine]);
  }
  return (line) => ranges.some(([a, b]) => line > a && line < b);
}
