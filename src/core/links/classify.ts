// Links + what the repository holds → findings (SPEC §3) and counts. Pure.
import type { LinksConfig } from '../config.js';
import { finding, type Finding, type Link, type Severity } from '../model.js';
import type { FileView } from './file-view.js';
import { isBareWord, placeholderReason } from './placeholder.js';
import { isLineAnchor, isMarkdownPath, resolveTarget } from './resolve.js';
import { anchorHint } from './suggest.js';
import { compileUrlPatterns } from './url-pattern.js';
import { unsafeScheme } from './unsafe-url.js';

export const LOCAL_KINDS = ['placeholder', 'missing-file', 'missing-anchor', 'outside-repo', 'unsafe-url'] as const;

export const DEFAULT_SEVERITY: Record<string, Severity> = {
  placeholder: 'warning',
  'missing-file': 'error',
  'missing-anchor': 'error',
  'outside-repo': 'error',
  'unsafe-url': 'error',
};

export interface Classified {
  findings: Finding[];
  /** http(s) links left for the external check (placeholders and ignored ones removed). */
  external: Link[];
  counts: Record<string, number>;
}

const clip = (s: string): string => (s.length > 200 ? `${s.slice(0, 200)}…` : s);
const show = (l: Link): string => clip(l.url);

/** Root-relative paths and markdown files whose anchors the links need (for the run layer). */
export function neededTargets(links: readonly Link[]): { paths: Set<string>; anchorFiles: Set<string> } {
  const paths = new Set<string>();
  const anchorFiles = new Set<string>();
  for (const l of links) {
    if (l.form === 'reference') continue;
    const t = resolveTarget(l.file, l.url);
    if (t.type !== 'local') continue;
    paths.add(t.path);
    if (t.fragment && !isLineAnchor(t.fragment) && isMarkdownPath(t.path)) anchorFiles.add(t.path);
  }
  return { paths, anchorFiles };
}

/**
 * The README GitHub renders for a folder, in the order GitHub prefers them: markup README files
 * first (upper case, then title and lower case), then a plain `README`. Null when there is none.
 */
export const FOLDER_READMES = [
  'README.md', 'README.markdown', 'README.mdown', 'README.mkdn', 'README.mkd',
  'Readme.md', 'Readme.markdown', 'readme.md', 'readme.markdown',
  'README', 'Readme', 'readme',
];

export function folderReadme(dir: string, view: Pick<FileView, 'kind'>): string | null {
  for (const name of FOLDER_READMES) {
    const p = dir === '' ? name : `${dir}/${name}`;
    if (view.kind(p) === 'file') return p;
  }
  return null;
}

/** `[notes](modules)` is a real link when `modules` is there beside the linking file. */
function namesExistingEntry(l: Link, view: FileView): boolean {
  const t = resolveTarget(l.file, l.url);
  return t.type === 'local' && view.kind(t.path) !== null;
}

export function classifyLinks(links: readonly Link[], view: FileView, cfg: Pick<LinksConfig, 'placeholders' | 'ignore'>): Classified {
  const isExtraPlaceholder = compileUrlPatterns(cfg.placeholders);
  const isIgnored = compileUrlPatterns(cfg.ignore);
  const findings: Finding[] = [];
  const external: Link[] = [];
  const counts: Record<string, number> = { links: links.length, references: 0, local: 0, external: 0, ignored: 0, 'other-scheme': 0, 'unchecked-anchor': 0 };
  const report = (l: Link, kind: string, message: string) =>
    findings.push(finding(l.file, l.line, l.column, kind, DEFAULT_SEVERITY[kind] ?? 'error', message, { url: l.url }));

  for (const l of links) {
    // A reference's address is written (and reported) once, at its definition.
    if (l.form === 'reference') {
      counts.references!++;
      continue;
    }
    if (isIgnored(l.url)) {
      counts.ignored!++;
      continue;
    }
    const unsafe = unsafeScheme(l.url, l.form);
    if (unsafe) {
      const what = unsafe === 'file' ? 'points into the reader\'s own disk' : unsafe === 'data' ? 'embeds a document in the link (only images may be data: URLs)' : 'runs script in the reader\'s browser';
      report(l, 'unsafe-url', `\`${show(l)}\` is a ${unsafe}: link, which ${what}: link to an https:// address or a file in the repository instead`);
      continue;
    }
    const why = placeholderReason(l.url, isExtraPlaceholder);
    if (why && !(isBareWord(l.url) && namesExistingEntry(l, view))) {
      const what = l.text ? ` for "${l.text}"` : '';
      report(l, 'placeholder', `${why}; write the real address${what} (https://…) or a path to a file in the repository`);
      continue;
    }
    const t = resolveTarget(l.file, l.url);
    if (t.type === 'external') {
      counts.external!++;
      external.push(l);
      continue;
    }
    if (t.type === 'scheme') {
      counts['other-scheme']!++;
      continue;
    }
    counts.local!++;
    if (t.type === 'bad-escape') {
      report(l, 'missing-file', `\`${show(l)}\` has a broken %-escape in \`${t.part}\`: write %25 for a literal % or fix the escape`);
      continue;
    }
    if (t.type === 'outside') {
      report(l, 'outside-repo', `\`${show(l)}\` leaves the repository (it resolves to ${clip(t.path)}): link to a file inside the repository, or use a full https:// address`);
      continue;
    }
    const kind = t.path === '' ? 'dir' : view.kind(t.path);
    if (kind === null) {
      const variant = view.caseVariant(t.path);
      report(
        l,
        'missing-file',
        variant
          ? `\`${show(l)}\`: ${clip(t.path)} exists only as ${clip(variant)} (GitHub is case-sensitive): write the letter case as it is on disk`
          : `\`${show(l)}\`: ${clip(t.path) || '.'} does not exist: fix the path (relative to ${l.file}, or /… from the repository root) or create the file`,
      );
      continue;
    }
    const frag = t.fragment;
    if (!frag || isLineAnchor(frag)) continue;
    // A folder's fragment names an anchor of the README GitHub shows below its listing.
    const target = kind === 'dir' ? folderReadme(t.path, view) : t.path;
    if (target === null || (kind !== 'file' && kind !== 'dir') || !isMarkdownPath(target)) {
      counts['unchecked-anchor']!++;
      continue;
    }
    const anchors = view.anchors(target);
    if (!anchors) {
      counts['unchecked-anchor']!++;
      continue;
    }
    const bare = frag.startsWith('user-content-') ? frag.slice('user-content-'.length) : frag;
    if (anchors.has(bare) || anchors.has(bare.toLowerCase())) continue;
    const where = target === l.file ? 'this file' : kind === 'dir' ? `${clip(target)} (the README GitHub shows for ${clip(t.path) || 'the repository root'})` : clip(target);
    report(l, 'missing-anchor', `\`${show(l)}\`: ${where} has no heading or anchor #${clip(bare)}${anchorHint(bare.toLowerCase(), anchors)}`);
  }
  return { findings, external, counts };
}
