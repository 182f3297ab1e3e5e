// The link target to write instead of a broken one, only when that is certain (SPEC §8): the new
// path of a file the change renamed (git's rename detection), the path in its real letter case, a
// path that only lacks `.md` (or says `x.md` for `x/README.md`), the new anchor of a heading the
// change retitled (same file, same position in the anchor outline). Anything less sure stays a
// "did you mean" hint in the message. Pure.
import type { FileView } from '../links/file-view.js';
import { isLineAnchor, resolveTarget } from '../links/resolve.js';
import type { Finding } from '../model.js';
import { withFragment, withPath } from './link-target.js';

export interface FixFacts {
  /** The repository now. */
  view: FileView;
  /** Base path → path now, for files the change renamed. */
  renamed: ReadonlyMap<string, string>;
  /** Anchors, in document order, at the base of the file that is now at `path` (undefined: unknown). */
  anchorsBefore?: (path: string) => readonly string[] | undefined;
}

export type FixReason = 'renamed' | 'letter-case' | 'extension' | 'retitled';

export interface CertainFix {
  url: string;
  reason: FixReason;
}

/** The folder `dir` renamed as a whole: every file under it went to the same new folder. */
function renamedFolder(dir: string, renamed: ReadonlyMap<string, string>): string | null {
  let to: string | null = null;
  for (const [from, now] of renamed) {
    if (!from.startsWith(`${dir}/`)) continue;
    const rest = from.slice(dir.length);
    if (!now.endsWith(rest)) return null;
    const target = now.slice(0, now.length - rest.length);
    if (to !== null && to !== target) return null;
    to = target;
  }
  return to;
}

function fileFix(f: Finding, facts: FixFacts): CertainFix | null {
  const t = resolveTarget(f.file, f.url!);
  if (t.type !== 'local' || t.path === '') return null;
  const { view, renamed } = facts;
  const moved = renamed.get(t.path) ?? renamedFolder(t.path, renamed);
  if (moved && view.kind(moved)) {
    const url = withPath(f.file, f.url!, moved);
    // Renamed and retitled in one change: the anchor moves with the heading.
    const anchor = t.fragment ? anchorFix({ ...f, kind: 'missing-anchor', url }, facts) : null;
    return { url: anchor && !facts.view.anchors(moved)?.has(t.fragment!) ? anchor.url : url, reason: 'renamed' };
  }
  const variant = view.caseVariant(t.path);
  if (variant) return { url: withPath(f.file, f.url!, variant), reason: 'letter-case' };
  if (!t.trailingSlash && view.kind(`${t.path}.md`) === 'file') return { url: withPath(f.file, f.url!, `${t.path}.md`), reason: 'extension' };
  if (/\.md$/i.test(t.path)) {
    const readme = `${t.path.slice(0, -3)}/README.md`;
    if (view.kind(readme) === 'file') return { url: withPath(f.file, f.url!, readme), reason: 'extension' };
  }
  return null;
}

function anchorFix(f: Finding, facts: FixFacts): CertainFix | null {
  const t = resolveTarget(f.file, f.url!);
  if (t.type !== 'local' || !t.fragment || isLineAnchor(t.fragment)) return null;
  const target = facts.view.kind(t.path) === 'dir' ? `${t.path ? `${t.path}/` : ''}README.md` : t.path;
  const before = facts.anchorsBefore?.(target);
  const now = facts.view.anchors(target);
  if (!before || !now) return null;
  const nowList = [...now];
  const frag = t.fragment.replace(/^user-content-/, '');
  const i = before.indexOf(frag) !== -1 ? before.indexOf(frag) : before.indexOf(frag.toLowerCase());
  // Same outline, one anchor renamed at this position: the heading was retitled.
  if (i === -1 || before.length !== nowList.length) return null;
  const renamedTo = nowList[i]!;
  if (renamedTo === before[i] || before.includes(renamedTo) || now.has(frag)) return null;
  return { url: withFragment(f.url!, renamedTo), reason: 'retitled' };
}

export function certainFix(f: Finding, facts: FixFacts): CertainFix | null {
  if (f.url === undefined || f.url === '') return null;
  if (f.kind === 'missing-file') return fileFix(f, facts);
  if (f.kind === 'missing-anchor') return anchorFix(f, facts);
  return null;
}

/** Each finding with its certain fix attached (`fix: {url}`), and why each fix is certain. */
export function withCertainFixes(findings: readonly Finding[], facts: FixFacts): { findings: Finding[]; reasons: Map<Finding, FixReason> } {
  const reasons = new Map<Finding, FixReason>();
  const out = findings.map((f) => {
    const fix = certainFix(f, facts);
    if (!fix) return f;
    const g: Finding = { ...f, fix: { url: fix.url } };
    reasons.set(g, fix.reason);
    return g;
  });
  return { findings: out, reasons };
}
