// Reading and writing the files odyssey owns zones in. Writes are atomic: a crash never leaves half a README.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a UTF-8 text file; null when it does not exist. Broken UTF-8 throws (bytes could not round-trip). */
export async function readTextFile(abs: string): Promise<string | null> {
  let buf: Buffer;
  try {
    buf = await readFile(abs);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    return utf8.decode(buf);
  } catch {
    throw new Error(`${abs} is not valid UTF-8: odyssey will not rewrite it, since bytes outside its zones could change; save the file as UTF-8`);
  }
}

export async function writeTextFileAtomic(abs: string, text: string): Promise<void> {
  await mkdir(path.dirname(abs), { recursive: true });
  const mode = (await stat(abs).catch(() => null))?.mode;
  const tmp = `${abs}.odyssey-${process.pid}.tmp`;
  await writeFile(tmp, text, mode === undefined ? {} : { mode });
  await rename(tmp, abs);
}
