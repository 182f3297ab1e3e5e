// Reads the configuration through the guarded reader: `.odyssey.yml` in the root (absent: the
// defaults), or the file `--config` names. A file that cannot be read safely (a link out of the
// repository, a FIFO, binary…) is a ConfigError that says why and never quotes what is behind it.
import path from 'node:path';
import { ConfigError, defaultConfig, parseConfig, type Config } from '../core/config.js';
import { readTextOutside, RepoReader, type Refusal, type TextRead } from './reader.js';

const MAX_CONFIG_BYTES = 1024 * 1024;

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
  const shown = explicit ?? path.relative(cwd, file);
  const reader = new RepoReader(root);
  const rel = reader.relative(file);
  // A file the user names outside the repository is theirs to choose; it gets the same guards.
  const r: TextRead | Refusal = rel !== null ? reader.readText(rel, MAX_CONFIG_BYTES) : readTextOutside(file, MAX_CONFIG_BYTES);
  if ('refused' in r) {
    if (!explicit && r.refused === 'missing' && r.at === rel) return { config: defaultConfig(), file: null };
    throw new ConfigError(
      r.refused === 'missing' && (r.at === rel || rel === null)
        ? `cannot read the configuration file: it does not exist (check --config)`
        : `cannot read the configuration file: ${r.message}`,
      shown,
    );
  }
  if (r.badUtf8) throw new ConfigError(`cannot read the configuration file: ${r.badUtf8.message}`, shown);
  return { config: parseConfig(r.text, rel ?? file), file };
}
