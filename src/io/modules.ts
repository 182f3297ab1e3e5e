// Finds `modules/*/README.md` and reads each with guards, then hands the text to the pure parser.
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../core/config.js';
import { finding, type Finding, type Module } from '../core/model.js';
import { checkDuplicateOrders, parseStatusBlock, sortModules } from '../core/status/index.js';

/** Larger module READMEs are reported, not read: keeps time and memory bounded. */
export const MAX_MODULE_README_BYTES = 16 * 1024 * 1024;

export interface LoadedModules {
  modules: Module[];
  findings: Finding[];
}

type ReadOutcome = { text: string } | { problem: string; line?: number };

export async function loadModules(root: string, config: Config): Promise<LoadedModules> {
  const modulesDir = path.join(root, config.modules);
  const rel = toPosix(config.modules);
  const dirStat = await stat(modulesDir).catch(() => null);
  if (!dirStat?.isDirectory()) {
    return {
      modules: [],
      findings: [
        finding(
          rel,
          1,
          1,
          'modules',
          'warning',
          dirStat
            ? `${rel} is not a folder: make it a folder with one folder per topic, or set \`modules:\` in .odyssey.yml`
            : `there is no ${rel}/ folder: create ${rel}/<id>/README.md for each topic (odyssey init does it from your table), or set \`modules:\` in .odyssey.yml`,
        ),
      ],
    };
  }
  const entries = await readdir(modulesDir, { withFileTypes: true });
  const ids: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory()) ids.push(e.name);
    else if (e.isSymbolicLink()) {
      const s = await stat(path.join(modulesDir, e.name)).catch(() => null);
      if (s?.isDirectory()) ids.push(e.name);
    }
  }
  ids.sort();

  const findings: Finding[] = [];
  // Read one after another, synchronously: module READMEs are small, and 1,000 of them read in a
  // third of the time that 32 promise-based reads in flight take (no thread pool, no promises).
  const modules: Module[] = [];
  for (const id of ids) {
    const file = `${rel}/${id}/README.md`;
    const outcome = readModuleReadme(path.join(modulesDir, id, 'README.md'), file);
    if ('problem' in outcome) {
      findings.push(finding(file, outcome.line ?? 1, 1, 'status-block', 'error', outcome.problem));
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

// O_NONBLOCK: opening a named pipe returns at once (and fstat reports it) instead of waiting for a writer.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

function readModuleReadme(abs: string, file: string): ReadOutcome {
  // The common case costs one open, one fstat and one read; lstat is only asked why a read failed.
  let fd: number;
  try {
    fd = openSync(abs, READ_FLAGS);
  } catch (err) {
    return explainOpenFailure(abs, file, err as NodeJS.ErrnoException);
  }
  try {
    const s = fstatSync(fd);
    if (s.isDirectory()) return { problem: `${file} is a folder, not a file: move its contents elsewhere and create ${file} with a status block` };
    if (!s.isFile()) return { problem: `${file} is not a regular file: replace it with a markdown file` };
    if (s.size > MAX_MODULE_README_BYTES) {
      return { problem: `${file} is ${(s.size / 1048576).toFixed(1)} MB, over the ${MAX_MODULE_README_BYTES / 1048576} MB odyssey reads: split the notes into several files in the module folder` };
    }
    return decodeText(readFileSync(fd), file);
  } finally {
    closeSync(fd);
  }
}

/** `readme.md`, `Readme.md`…: the name of the README in another letter case, when there is one. */
function otherCase(abs: string): string | null {
  try {
    const want = path.basename(abs).toLowerCase();
    return readdirSync(path.dirname(abs)).find((n) => n.toLowerCase() === want) ?? null;
  } catch {
    return null;
  }
}

function explainOpenFailure(abs: string, file: string, err: NodeJS.ErrnoException): ReadOutcome {
  if (err.code === 'ENOENT') {
    let link = false;
    try {
      link = lstatSync(abs).isSymbolicLink();
    } catch {
      // Nothing there at all.
    }
    if (link) return { problem: `${file} is a symbolic link to nothing: point it at a file or replace it with the notes themselves` };
    const other = otherCase(abs);
    if (other) return { problem: `${file} does not exist, but ${other} does: rename it to README.md (GitHub is case-sensitive, and odyssey reads README.md)` };
    return { problem: `${file} does not exist: create it with a status block (see the README's "The status block")` };
  }
  if (err.code === 'ELOOP') return { problem: `${file} is a symbolic link that points back at itself: replace it with the notes themselves` };
  if (err.code === 'EISDIR') return { problem: `${file} is a folder, not a file: move its contents elsewhere and create ${file} with a status block` };
  return { problem: `cannot read ${file} (${err.code ?? err.message}): fix its permissions` };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text files only: a NUL byte or broken UTF-8 is reported with the line it is on. */
export function decodeText(buf: Buffer, file: string): ReadOutcome {
  const nul = buf.indexOf(0);
  if (nul !== -1) {
    return { problem: `${file} looks binary (a NUL byte at line ${lineAt(buf, nul)}): save it as UTF-8 text`, line: lineAt(buf, nul) };
  }
  try {
    return { text: utf8.decode(buf) };
  } catch {
    const bad = firstInvalidUtf8(buf);
    return { problem: `${file} is not valid UTF-8 (line ${lineAt(buf, bad)}): save it as UTF-8`, line: lineAt(buf, bad) };
  }
}

function lineAt(buf: Buffer, offset: number): number {
  let line = 1;
  for (let i = buf.indexOf(10); i !== -1 && i < offset; i = buf.indexOf(10, i + 1)) line++;
  return line;
}

function firstInvalidUtf8(buf: Buffer): number {
  // Narrow down by halves: decode prefixes until the failing boundary is found.
  let lo = 0;
  let hi = buf.length;
  while (hi - lo > 4) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/').replace(/^\.\//, '');
}
