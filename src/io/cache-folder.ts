// The folder odyssey keeps its caches in (`.odyssey/` by default), and how a cache file is trusted.
//
// Where: the folder must resolve inside the repository (checked through the guarded reader; a
// `.odyssey` that is a link out of it is not used) and must not be the root itself. A folder odyssey
// creates gets a `.gitignore` of `*`, so a cache never shows up as a change or gets committed; a
// user's existing folder is never given one.
//
// Trust: every cache file is sealed with an HMAC-SHA256 over the repository's real path, the file's
// name and its body, under a key kept OUTSIDE the work tree (`ODYSSEY_CACHE_KEY_FILE`, else
// `$XDG_CACHE_HOME/odyssey/cache-key`, `$HOME/.cache/odyssey/cache-key`, `$RUNNER_TEMP/odyssey-cache-key`),
// created 0600 on first use. A file that came with the tree (or from another checkout, or was
// edited) fails the seal and is ignored with one notice; it is never trusted, never a crash.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../core/config.js';
import { escapeName, readOwnFile, RepoReader } from './reader.js';

const IGNORE = '# Made by odyssey: caches, not part of the repository.\n*\n';
const MAGIC = 'odyssey-sealed-1';
/** A cache file larger than this is ignored, not parsed. */
export const MAX_CACHE_FILE_BYTES = 256 * 1024 * 1024;

/** Where the key lives: the first of these that exists or can be made, outside the repository. */
export function keyCandidates(env: NodeJS.ProcessEnv): string[] {
  if (env.ODYSSEY_CACHE_KEY_FILE) return [path.resolve(env.ODYSSEY_CACHE_KEY_FILE)];
  const out: string[] = [];
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) out.push(path.join(env.XDG_CACHE_HOME, 'odyssey', 'cache-key'));
  let home = env.HOME && path.isAbsolute(env.HOME) ? env.HOME : '';
  if (!home) {
    try {
      home = os.homedir();
    } catch {
      // no home folder
    }
  }
  if (home) out.push(path.join(home, '.cache', 'odyssey', 'cache-key'));
  if (env.RUNNER_TEMP && path.isAbsolute(env.RUNNER_TEMP)) out.push(path.join(env.RUNNER_TEMP, 'odyssey-cache-key'));
  return out;
}

const insideOf = (dir: string, p: string): boolean => {
  const r = path.relative(dir, p);
  return r === '' || (!r.startsWith('..') && !path.isAbsolute(r));
};

/** The key, made on first use; null (with why) when none can be kept outside the repository. */
export function cacheKey(env: NodeJS.ProcessEnv, realRoot: string, root: string): { key: Buffer } | { why: string } {
  for (const file of keyCandidates(env)) {
    if (insideOf(realRoot, file) || insideOf(root, file)) continue;
    const have = readOwnFile(file);
    if (have && have.length >= 32) return { key: have };
    try {
      mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(file, randomBytes(32), { flag: 'wx', mode: 0o600 });
    } catch {
      // exists but unusable, or the folder is read-only: try the next place
    }
    const made = readOwnFile(file);
    if (made && made.length >= 32) return { key: made };
  }
  return { why: 'no place outside the repository to keep the cache key (set ODYSSEY_CACHE_KEY_FILE)' };
}

export class CacheFolder {
  private readonly problems = new Set<string>();

  private constructor(
    private readonly reader: RepoReader,
    /** Root-relative folder as configured (`''`: the reader's root is the folder). */
    readonly rel: string,
    private readonly key: Buffer,
    /** A folder outside the work tree (ODYSSEY_CACHE_DIR): trusted by where it is, not by the seal. */
    private readonly outsideTree = false,
  ) {}

  /**
   * `ODYSSEY_CACHE_DIR`: the caches live outside the work tree (one subfolder per repository), so
   * nothing that comes with the tree can be mistaken for them, and a CI cache (actions/cache) can
   * keep them between runs. Null when unset; a notice when it is unusable (inside the repository).
   */
  static outside(repo: RepoReader, env: NodeJS.ProcessEnv): { folder: CacheFolder | null; notices: string[] } | null {
    const dir = env.ODYSSEY_CACHE_DIR;
    if (!dir) return null;
    if (!path.isAbsolute(dir)) return { folder: null, notices: ['ODYSSEY_CACHE_DIR must be an absolute path: the cache is not used'] };
    if (insideOf(repo.realRoot, path.resolve(dir)) || insideOf(repo.root, path.resolve(dir))) {
      return { folder: null, notices: ['ODYSSEY_CACHE_DIR lies inside the repository: the cache is not used; point it outside the work tree'] };
    }
    const own = path.join(dir, createHmac('sha256', 'odyssey').update(repo.realRoot).digest('hex').slice(0, 16));
    try {
      mkdirSync(own, { recursive: true, mode: 0o700 });
      return { folder: new CacheFolder(new RepoReader(own), '', createHmac('sha256', 'odyssey-outside').digest(), true), notices: [] };
    } catch (err) {
      return { folder: null, notices: [`ODYSSEY_CACHE_DIR cannot be used (${(err as NodeJS.ErrnoException).code ?? 'error'}): the cache is not used`] };
    }
  }

  private at(name: string): string {
    return this.rel ? `${this.rel}/${name}` : name;
  }

  /**
   * The cache folder `rel` (root-relative), or null with a notice when it cannot be trusted. The
   * folder is created only when `create` (on first write). `option` names the setting for messages.
   */
  static open(reader: RepoReader, rel: string, env: NodeJS.ProcessEnv, option = 'links.cache'): { folder: CacheFolder | null; notices: string[] } {
    if (rel === '' || rel === '.') {
      throw new ConfigError(`\`${option}\` puts cache files in the repository's root folder: give it a folder of its own, such as .odyssey/links-cache.json`, '.odyssey.yml');
    }
    const e = reader.entry(rel);
    if ('refused' in e && e.refused !== 'missing') {
      return { folder: null, notices: [`the cache folder is not used: ${e.message}`] };
    }
    if (!('refused' in e) && e.kind !== 'dir') {
      return { folder: null, notices: [`the cache folder ${escapeName(rel)} is not a folder: the cache is not used; set \`${option}\` to a path in a folder of its own`] };
    }
    const k = cacheKey(env, reader.realRoot, reader.root);
    if ('why' in k) return { folder: null, notices: [`the cache is not used: ${k.why}`] };
    return { folder: new CacheFolder(reader, rel, k.key), notices: [] };
  }

  /** Notices for this run: each kind of problem once. */
  notices(): string[] {
    return [...this.problems];
  }

  private seal(name: string, body: string): string {
    return createHmac('sha256', this.key).update(this.reader.realRoot).update('\0').update(name).update('\0').update(body).digest('hex');
  }

  /** The body of a cache file odyssey wrote in this checkout; null when absent or not trusted. */
  read(name: string): string | null {
    const r = this.reader.readText(this.at(name), MAX_CACHE_FILE_BYTES);
    if ('refused' in r) {
      if (r.refused !== 'missing') this.problems.add(`a cache file could not be used (${r.message}): ignored`);
      return null;
    }
    const nl = r.text.indexOf('\n');
    const head = nl === -1 ? '' : r.text.slice(0, nl);
    const [magic, mac] = head.split(' ');
    const body = nl === -1 ? '' : r.text.slice(nl + 1);
    if (magic !== MAGIC || !mac || !/^[0-9a-f]{64}$/.test(mac)) {
      this.problems.add(`cache files in ${escapeName(this.rel)}/ that odyssey did not write in this checkout (or that are damaged) were ignored`);
      return null;
    }
    const want = Buffer.from(this.seal(name, body), 'hex');
    if (!this.outsideTree && !timingSafeEqual(want, Buffer.from(mac, 'hex'))) {
      this.problems.add(`cache files in ${escapeName(this.rel)}/ that odyssey did not write in this checkout (or that are damaged) were ignored`);
      return null;
    }
    return body;
  }

  /** Notes a cache file that was sealed but could not be understood. */
  damaged(): void {
    this.problems.add(`damaged cache files in ${escapeName(this.rel)}/ were ignored`);
  }

  /** Writes a cache file atomically (never through a link); false when it could not be written. */
  write(name: string, body: string): boolean {
    return this.writeChunks(name, [body]);
  }

  /** `write` from pieces, so a large cache file is never one string in memory. */
  writeChunks(name: string, chunks: Iterable<string>): boolean {
    // The first folder of the path that does not exist yet gets the .gitignore (as `mkdir -p` would make it).
    let created: string | null = null;
    const parts = this.rel ? this.rel.split('/') : [];
    for (let i = 1; i <= parts.length && created === null; i++) {
      const e = this.reader.entry(parts.slice(0, i).join('/'));
      if ('refused' in e && e.refused === 'missing') created = parts.slice(0, i).join('/');
    }
    const top = this.reader.makeDir(this.rel);
    if (typeof top !== 'string') return false;
    const sub = path.posix.dirname(name);
    const dir = sub === '.' ? top : this.reader.makeDir(this.at(sub));
    if (typeof dir !== 'string') return false;
    const abs = path.join(this.reader.abs(dir), path.posix.basename(name));
    const tmp = `${abs}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const ignoreAt = created === null ? null : this.reader.makeDir(created);
      if (typeof ignoreAt === 'string') writeFileSync(path.join(this.reader.abs(ignoreAt), '.gitignore'), IGNORE, { flag: 'wx' });
      const fd = openSync(tmp, 'wx', 0o600);
      try {
        // The seal line has a fixed length: written as a placeholder, then over it once the body is known.
        const blank = `${MAGIC} ${'0'.repeat(64)}\n`;
        writeSync(fd, blank);
        const mac = createHmac('sha256', this.key).update(this.reader.realRoot).update('\0').update(name).update('\0');
        for (const c of chunks) {
          mac.update(c);
          writeSync(fd, c);
        }
        writeSync(fd, `${MAGIC} ${mac.digest('hex')}\n`, 0);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, abs);
      this.reader.forget(dir);
      return true;
    } catch {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing to clean
      }
      return false;
    }
  }
}
