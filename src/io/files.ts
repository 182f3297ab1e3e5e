// Reading and writing the files odyssey owns zones in (the README, module READMEs, the badge), both
// through the guarded reader: nothing outside the repository is read, and a write goes to the file
// itself — a symbolic link inside the repository keeps being a link (its target is rewritten), a
// link out of the repository or to something that is not a regular file is refused, never replaced.
// Writes are atomic (a temp file beside the real file, then rename): a crash never leaves half a README.
import { randomBytes } from 'node:crypto';
import { renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../core/exit.js';
import { escapeName, type RepoReader } from './reader.js';

/** Files odyssey rewrites are read up to this size. */
const MAX_REWRITE_BYTES = 16 * 1024 * 1024;

/**
 * Reads a UTF-8 text file that odyssey may rewrite; null when it does not exist. A file that
 * cannot be read safely, or is not UTF-8 text, is a UsageError: rewriting it could change bytes
 * outside the zones, or bytes that are not the repository's.
 */
export function readRepoText(reader: RepoReader, rel: string): string | null {
  const r = reader.readText(rel, MAX_REWRITE_BYTES);
  const shown = escapeName(rel);
  if ('refused' in r) {
    if (r.refused === 'missing') return null;
    if (r.refused === 'folder') throw new UsageError(`${shown} is a folder: odyssey needs a markdown file there (or set \`readme:\` in .odyssey.yml)`);
    if (r.refused === 'binary') throw new UsageError(`${shown} is not valid UTF-8: odyssey will not rewrite it, since bytes outside its zones could change; save the file as UTF-8`);
    throw new UsageError(`${r.message}; odyssey neither reads nor writes ${shown}`);
  }
  if (r.badUtf8) throw new UsageError(`${shown} is not valid UTF-8: odyssey will not rewrite it, since bytes outside its zones could change; save the file as UTF-8`);
  // A byte order mark stays in the text, so it is written back: it lies outside the zones.
  return r.text;
}

/** Writes `text` to the root-relative file `rel`, in place of the file (see above). */
export function writeRepoFile(reader: RepoReader, rel: string, text: string): void {
  const shown = escapeName(rel);
  const e = reader.entry(rel);
  let realDir: string;
  let name: string;
  let mode: number | undefined;
  if ('refused' in e) {
    if (e.refused !== 'missing') throw new UsageError(`${e.message}; odyssey will not write ${shown}`);
    const cut = rel.lastIndexOf('/');
    const dir = reader.makeDir(cut === -1 ? '' : rel.slice(0, cut));
    if (typeof dir !== 'string') throw new UsageError(`${dir.message}; odyssey will not write ${shown}`);
    realDir = dir;
    name = rel.slice(cut + 1);
  } else {
    if (e.kind !== 'file') throw new UsageError(`${shown} is not a regular file: odyssey will not write it`);
    const st = reader.stamp(rel);
    if ('refused' in st) throw new UsageError(`${st.message}; odyssey will not write ${shown}`);
    const cut = e.real.lastIndexOf('/');
    realDir = cut === -1 ? '' : e.real.slice(0, cut);
    name = e.real.slice(cut + 1);
    mode = st.mode;
  }
  const abs = path.join(reader.abs(realDir), name);
  // A fresh name, created exclusively: a link planted at a guessable temp name is never followed.
  const tmp = path.join(reader.abs(realDir), `.${name}.odyssey-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx', ...(mode === undefined ? {} : { mode }) });
    renameSync(tmp, abs);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing to clean
    }
    throw new UsageError(`cannot write ${shown} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  reader.forget(realDir);
}
