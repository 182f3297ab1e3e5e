// Folders odyssey makes for its caches (`.odyssey/` by default) carry a `.gitignore` of `*`, so a
// cache never shows up as an untracked change or gets committed. Only a folder odyssey itself
// created gets one: a user's existing folder (say `.github/`) is never given an ignore file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const IGNORE = '# Made by odyssey: caches, not part of the repository.\n*\n';

export function makeCacheDirSync(dir: string): void {
  const created = mkdirSync(dir, { recursive: true });
  if (created) writeFileSync(path.join(created, '.gitignore'), IGNORE);
}

export async function makeCacheDir(dir: string): Promise<void> {
  const created = await mkdir(dir, { recursive: true });
  if (created) await writeFile(path.join(created, '.gitignore'), IGNORE);
}
