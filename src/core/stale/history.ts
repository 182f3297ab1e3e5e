// Commits → the last change of each topic folder. Pure: git/io hands in the parsed log.
import type { CommitChanges, ModuleHistory } from './types.js';

/**
 * `commits` newest first (children before parents, as `git log --topo-order` gives them).
 * A pure rename of a topic folder (100% similar) is not work on the topic: the topic keeps the
 * history of its old name. A rename counts only when the old folder is gone today, so moving
 * one file between two live topics does not merge their histories.
 */
export function moduleHistory(commits: CommitChanges[], modulesDir: string, currentIds: ReadonlySet<string>): ModuleHistory {
  const prefix = modulesDir.replace(/\/+$/, '') + '/';
  const idOf = (p: string): string | null => {
    if (!p.startsWith(prefix)) return null;
    const rest = p.slice(prefix.length);
    const slash = rest.indexOf('/');
    // A file directly in the modules folder belongs to no topic.
    return slash > 0 ? rest.slice(0, slash) : null;
  };
  const alias = new Map<string, string>();
  const resolve = (id: string): string => alias.get(id) ?? id;
  const lastChange = new Map<string, number>();
  const lastRenameOnly = new Map<string, number>();
  const renamedTo = new Map<string, string>();
  const touch = (id: string, at: number, map: Map<string, number>): void => {
    const prev = map.get(id);
    if (prev === undefined || at > prev) map.set(id, at);
  };

  for (const c of commits) {
    const renames: Array<[string, string]> = [];
    for (const ch of c.changes) {
      const to = idOf(ch.path);
      const from = ch.from !== undefined ? idOf(ch.from) : null;
      if (ch.status === 'R' && from !== null && to !== null && from !== to && !currentIds.has(from)) {
        renames.push([from, resolve(to)]);
        if (ch.similarity === 100) {
          touch(resolve(to), c.at, lastRenameOnly);
          continue;
        }
      }
      if (to !== null) touch(resolve(to), c.at, lastChange);
      if (ch.status === 'R' && from !== null && from !== to && currentIds.has(from)) touch(resolve(from), c.at, lastChange);
    }
    // Applied after the commit: its own entries are already under their new names.
    for (const [from, to] of renames) {
      if (!alias.has(from)) {
        alias.set(from, to);
        renamedTo.set(from, to);
      }
    }
  }
  // A topic whose only commits are pure renames still has a date: the rename.
  for (const [id, at] of lastRenameOnly) if (!lastChange.has(id)) lastChange.set(id, at);
  return { lastChange, renamedTo };
}
