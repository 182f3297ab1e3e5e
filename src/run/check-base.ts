// `check --base REF` (SPEC §8): the working tree checked as usual, the repository at the base read
// from git objects and checked by the same rules, and each finding now marked new or existing.
// The base is where this branch left REF (their merge-base), as a pull request's diff shows it;
// when the two share no history in this clone (a shallow one), REF itself.
import { withCertainFixes, type FixReason } from '../core/change/certain-fix.js';
import { failingScope, judgeChanges } from '../core/change/judge.js';
import { UsageError } from '../core/exit.js';
import { resolveTarget } from '../core/links/resolve.js';
import { compareFindings, type Finding } from '../core/model.js';
import { openBaseCache, type BaseCache } from '../io/base-cache.js';
import { GitObjects, type PathChange } from '../io/git-objects.js';
import { extractAt, findingsAtCommit, snapshotAt, type CommitSnapshot } from './check-at-commit.js';
import { configKey, exitCodeFor, runCheck, type CheckIo, type CheckOptions, type CheckResult } from './check.js';

export type PrFailOn = 'new' | 'all';

export interface BaseCheckOptions extends CheckOptions {
  /** A commit-ish: a branch, tag or SHA. */
  base: string;
  /** Which findings can fail the run: only those the change brought (default), or all. */
  prFailOn?: PrFailOn;
}

export type BaseCheckIo = CheckIo;

export interface BaseCheckResult extends CheckResult {
  /** Findings at the base that are gone now. */
  fixed: Finding[];
  /** The commit the change is judged against (the merge-base of REF and HEAD, else REF). */
  baseCommit: string;
  /** Why each certain fix is certain. */
  fixReasons: Map<Finding, FixReason>;
  /** Files the change touched, as `git diff --name-status -M` lists them. */
  changes: PathChange[];
}

/** The commit `base` names, or a UsageError that says how to get it. */
export async function resolveBase(git: GitObjects, base: string): Promise<string> {
  const commit = await git.commit(base);
  if (commit) return commit;
  const shallow = await git.isShallow();
  throw new UsageError(
    `--base ${base}: no such commit in this repository${shallow ? ' (a shallow clone: fetch it with `git fetch --depth=1 origin ' + base + '`, or clone with full history)' : ': fetch it first (`git fetch origin ' + base + '`)'}`,
  );
}

export async function runCheckWithBase(opts: BaseCheckOptions, io: BaseCheckIo = {}): Promise<BaseCheckResult> {
  const { root, config } = opts;
  const git = new GitObjects(root);
  try {
    const ref = await resolveBase(git, opts.base);
    const head = await git.commit('HEAD');
    const baseCommit = (head && (await git.mergeBase(ref, head))) || ref;
    const now = await runCheck(opts, io);
    const changes = await git.changesSince(baseCommit);
    const renamed = new Map<string, string>();
    const touched = new Set<string>();
    for (const c of changes) {
      if (c.status === 'R') {
        renamed.set(c.from, c.path);
        touched.add(c.from);
      } else touched.add(c.path);
    }
    // The work tree's check has saved its store: the base side adds to the same cache folder.
    const cache = openBaseCache(io.cacheFile === null ? null : now.repo.folder);
    const key = `${baseCommit}:${configKey(config, io.loadModules !== undefined)}`;

    let snap: CommitSnapshot | null = null;
    const snapshot = async () => (snap ??= await snapshotAt(git, baseCommit));
    const unchanged = {
      has: (p: string) => !touched.has(p) && now.repo.view.kind(p) === 'file',
    } as ReadonlySet<string>;
    const input = { git, commit: baseCommit, config, cache, unchanged, now: now.repo };
    let before = cache.findings(key);
    if (!before) {
      before = await findingsAtCommit(input, await snapshot());
      cache.putFindings(key, before);
    }

    const judged = judgeChanges(now.findings, before, renamed);
    // Anchors at the base of the files whose anchors a certain fix may need.
    const back = new Map([...renamed].map(([from, to]) => [to, from]));
    const anchorTargets = new Set<string>();
    for (const f of judged.findings) {
      if ((f.kind !== 'missing-anchor' && f.kind !== 'missing-file') || !f.url) continue;
      const t = resolveTarget(f.file, f.url);
      if (t.type !== 'local' || !t.fragment) continue;
      const target = t.path;
      anchorTargets.add(back.get(target) ?? target);
      // A file renamed and retitled: its anchors at the base are under the old name.
      anchorTargets.add(target);
      const readme = target ? `${target}/README.md` : 'README.md';
      anchorTargets.add(back.get(readme) ?? readme);
    }
    if (anchorTargets.size > 0) {
      const s = await snapshot();
      await extractAt(input, s, [...anchorTargets].filter((p) => s.files.has(p)));
    }
    const anchorsBefore = (p: string): string[] | undefined => {
      if (!snap) return undefined;
      const e = snap.extractions.get(back.get(p) ?? p);
      return e ? [...e.anchors] : undefined;
    };
    const { findings, reasons: fixReasons } = withCertainFixes(judged.findings, { view: now.repo.view, renamed, anchorsBefore });
    saveCache(cache, snap);
    findings.sort(compareFindings);
    const fixed = judged.fixed.sort(compareFindings);
    const counts = { ...now.counts, new: findings.filter((f) => f.change === 'new').length, existing: findings.filter((f) => f.change === 'existing').length, fixed: fixed.length };
    const exitCode = exitCodeFor(failingScope(findings, opts.prFailOn ?? 'new'), opts.failOn);
    return { ...now, findings, counts, exitCode, fixed, baseCommit, fixReasons, changes };
  } finally {
    git.close();
  }
}

function saveCache(cache: BaseCache, _snap: CommitSnapshot | null): void {
  cache.save();
}
