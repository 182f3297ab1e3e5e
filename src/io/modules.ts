// Finds `modules/*/README.md` and reads each through the guarded reader (io/reader.ts), then hands
// the text to the pure parser. A README that cannot be read safely gives its module a ❓ row.
import path from 'node:path';
import type { Config } from '../core/config.js';
import { finding, type Finding, type Module } from '../core/model.js';
import { checkDuplicateOrders, parseStatusBlock, sortModules } from '../core/status/index.js';
import { escapeName, hasControlChars, RepoReader, type Refusal } from './reader.js';

/** Larger module READMEs are reported, not read: keeps time and memory bounded. */
export const MAX_MODULE_README_BYTES = 16 * 1024 * 1024;

export interface LoadedModules {
  modules: Module[];
  findings: Finding[];
}

type ReadOutcome = { text: string } | { problem: string; line?: number; at?: string };

export async function loadModules(root: string, config: Config, reader = new RepoReader(root)): Promise<LoadedModules> {
  const rel = reader.relative(config.modules) ?? toPosix(config.modules);
  const dir = reader.entry(rel);
  if ('refused' in dir || dir.kind !== 'dir') {
    const refusedLink = 'refused' in dir && dir.refused !== 'missing';
    return {
      modules: [],
      findings: [
        finding(
          'refused' in dir ? dir.at : rel,
          1,
          1,
          'modules',
          refusedLink ? 'error' : 'warning',
          refusedLink
            ? `${dir.message} (the modules folder): no module was read`
            : !('refused' in dir)
              ? `${rel} is not a folder: make it a folder with one folder per topic, or set \`modules:\` in .odyssey.yml`
              : `there is no ${rel}/ folder: create ${rel}/<id>/README.md for each topic (odyssey init does it from your table), or set \`modules:\` in .odyssey.yml`,
        ),
      ],
    };
  }
  const step = reader.walkStep(rel);
  const findings: Finding[] = [];
  const ids: string[] = [];
  /** Module folders that are links refused by the reader: a ❓ row, the finding at the link. */
  const refused = new Map<string, Refusal>();
  if ('refused' in step) findings.push(finding(step.at, 1, 1, 'modules', 'error', `cannot list ${escapeName(rel)}/ (${step.message})`));
  else {
    for (const [name, e] of step.entries) {
      if (name.startsWith('.')) continue;
      if ('refused' in e) {
        if (e.refused === 'odd-name') findings.push(finding(escapeName(e.at), 1, 1, 'modules', 'error', `${e.message}: it is not listed as a module`));
        else {
          refused.set(name, e);
          ids.push(name);
        }
      } else if (e.kind === 'dir') {
        if (hasControlChars(name)) continue;
        ids.push(name);
      }
    }
  }
  ids.sort();

  // Read one after another, synchronously: module READMEs are small, and 1,000 of them read in a
  // third of the time that 32 promise-based reads in flight take (no thread pool, no promises).
  const modules: Module[] = [];
  for (const id of ids) {
    const file = `${rel}/${id}/README.md`;
    const gone = refused.get(id);
    const outcome: ReadOutcome = gone ? { problem: `${gone.message} (module ${id}): not read`, at: gone.at } : readModuleReadme(reader, file);
    if ('problem' in outcome) {
      findings.push(finding(outcome.at ?? file, outcome.line ?? 1, 1, 'status-block', 'error', outcome.problem));
      // Parsing nothing gives the row a readable title and status ❓; its own findings would only repeat the problem.
      modules.push({ ...parseStatusBlock({ id, file, text: '' }).module, status: null, broken: true });
      continue;
    }
    const parsed = parseStatusBlock({ id, file, text: outcome.text });
    for (const f of parsed.findings) findings.push(f);
    modules.push(parsed.module);
  }
  findings.push(...checkDuplicateOrders(modules));
  return { modules: sortModules(modules), findings };
}

/** A module README through the reader, with messages that say what to do about a module. */
export function readModuleReadme(reader: RepoReader, file: string): ReadOutcome {
  const r = reader.readText(file, MAX_MODULE_README_BYTES);
  if (!('refused' in r)) {
    if (r.badUtf8) return { problem: `${file} is not valid UTF-8 (line ${r.badUtf8.line}): save it as UTF-8`, line: r.badUtf8.line };
    return { text: r.text };
  }
  return { ...moduleProblem(r, file), ...(r.line ? { line: r.line } : {}) };
}

function moduleProblem(r: Refusal, file: string): { problem: string; at?: string } {
  switch (r.refused) {
    case 'missing':
      if (r.at !== file) return { problem: `${r.message}: create ${file} with a status block`, at: r.at };
      if (r.otherCase) return { problem: `${file} does not exist, but ${r.otherCase} does: rename it to README.md (GitHub is case-sensitive, and odyssey reads README.md)` };
      return { problem: `${file} does not exist: create it with a status block (see the README's "The status block")` };
    case 'dangling':
      return { problem: r.at === file ? `${file} is a symbolic link to nothing: point it at a file or replace it with the notes themselves` : r.message, at: r.at };
    case 'loop':
      return { problem: r.at === file ? `${file} is a symbolic link that points back at itself: replace it with the notes themselves` : r.message, at: r.at };
    case 'folder':
      return { problem: `${file} is a folder, not a file: move its contents elsewhere and create ${file} with a status block` };
    case 'special':
      return r.at === file && !r.message.includes('symbolic link') ? { problem: `${file} is not a regular file: replace it with a markdown file` } : { problem: r.message, at: r.at };
    case 'too-large':
      return { problem: `${file} is over the ${MAX_MODULE_README_BYTES / 1048576} MB odyssey reads: split the notes into several files in the module folder` };
    case 'binary':
      return { problem: `${file} looks binary (a NUL byte at line ${r.line}): save it as UTF-8 text` };
    default:
      return { problem: r.message, at: r.at };
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/').replace(/^\.\//, '').replace(/\/+$/, '');
}
