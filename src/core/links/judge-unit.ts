// One unit of links (a file's own links, or a module's status-block resources) judged against a
// view of the repository: its findings, counts and web links, and the answers they depended on (the
// rerun index reuses the result while those answers hold). Pure; the main thread and the check
// workers (io/check-pool.ts) both judge through here, so they cannot disagree.
import type { LinksConfig } from '../config.js';
import { parseDocument, type DocMarker } from '../document/index.js';
import type { Finding, Link } from '../model.js';
import { findZone } from '../table/find-zone.js';
import { classifyLinks } from './classify.js';
import type { Extraction } from './extract.js';
import type { FileView } from './file-view.js';
import { recordingView, type DepKey } from './recording-view.js';

/** A unit's links and what its file already says (read warnings, suppressed and generated counts). */
export interface Gathered {
  links: Link[];
  findings: Finding[];
  suppressed: number;
  generated: number;
}

export interface UnitJudgement {
  findings: Finding[];
  counts: Record<string, number>;
  external: Link[];
}

/** The links of a file to judge: those of the README's zones are odyssey's own output (their links
 * come from status blocks, checked where the user writes them), so they are left out. */
export function gatherFile(e: Extraction, inZone?: (line: number) => boolean): Gathered {
  const links = inZone ? e.links.filter((l) => !inZone(l.line)) : e.links;
  return { links, findings: e.findings, suppressed: e.suppressed.length, generated: e.links.length - links.length };
}

export function judgeGathered(
  g: Gathered,
  view: FileView,
  signature: (p: string) => string,
  cfg: Pick<LinksConfig, 'placeholders' | 'ignore'>,
): { result: UnitJudgement; deps: Map<DepKey, string> } {
  const rv = recordingView(view, signature);
  const c = classifyLinks(g.links, rv, cfg);
  return { result: { findings: [...g.findings, ...c.findings], counts: { ...c.counts, suppressed: g.suppressed, generated: g.generated }, external: c.external }, deps: rv.deps() };
}

/** Lines inside the README's progress and chart zones (none when a zone is absent or broken). */
export function generatedLines(rel: string, text: string | undefined, known: DocMarker[] | undefined): (line: number) => boolean {
  if (text === undefined) return () => false;
  const ranges: Array<[number, number]> = [];
  // Parsed once: the markers of this run's parse, or (a cached extraction) one parse for both zones.
  const model = { markers: known ?? parseDocument(text, rel).markers };
  for (const name of ['progress', 'chart'] as const) {
    const z = findZone(text, rel, name, model);
    if (z.kind === 'found') ranges.push([z.startLine, z.endLine]);
  }
  return (line) => ranges.some(([a, b]) => line > a && line < b);
}
