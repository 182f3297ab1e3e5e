// Reading and writing the files odyssey owns zones in. Writes are atomic: a crash never leaves half a README.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../core/exit.js';

// ignoreBOM keeps a byte order mark in the text, so it is written back: it lies outside the zones.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads a UTF-8 text file that odyssey may rewrite; null when it does not exist. `shown` names it
 * in messages. A file that is not UTF-8 text is a UsageError: rewriting it could change bytes
 * outside the zones.
 */
export async function readTextFile(abs: string, shown = abs): Promise<string | null> {
  let buf: Buffer;
  try {
    buf = await readFile(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'EISDIR') throw new UsageError(`${shown} is a folder: odyssey needs a markdown file there (or set \`readme:\` in .odyssey.yml)`);
    throw new UsageError(`cannot read ${shown} (${code ?? (err as Error).message})`);
  }
  try {
    return utf8.decode(buf);
  } catch {
    throw new UsageError(`${shown} is not valid UTF-8: odyssey will not rewrite it, since bytes outside its zones could change; save the file as UTF-8`);
  }
}

export async function writeTextFileAtomic(abs: string, text: string): Promise<void> {
  await mkdir(path.dirname(abs), { recursive: true });
  const mode = (await stat(abs).catch(() => null))?.mode;
  const tmp = `${abs}.odyssey-${process.pid}.tmp`;
  await writeFile(tmp, text, mode === undefined ? {} : { mode });
  await rename(tmp, abs);
}
