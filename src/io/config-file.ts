import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, defaultConfig, parseConfig, type Config } from '../core/config.js';

/**
 * Reads the configuration: `explicit` (relative to cwd) must exist; the default
 * `.odyssey.yml` in the root may be absent, which gives the defaults.
 */
export async function loadConfig(
  root: string,
  explicit: string | undefined,
  cwd = process.cwd(),
): Promise<{ config: Config; file: string | null }> {
  const file = explicit ? path.resolve(cwd, explicit) : path.join(root, '.odyssey.yml');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!explicit && code === 'ENOENT') return { config: defaultConfig(), file: null };
    throw new ConfigError(
      code === 'ENOENT'
        ? `cannot read the configuration file: it does not exist (check --config)`
        : `cannot read the configuration file (${code ?? String(err)})`,
      explicit ?? path.relative(cwd, file),
    );
  }
  return { config: parseConfig(text, path.relative(root, file).split(path.sep).join('/') || file), file };
}
