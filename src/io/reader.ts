// The one guarded way odyssey reads the repository: every path any command reads, and every folder
// it lists, goes through a RepoReader. The rules, fixed here once:
//  - a path is followed only while its real path stays inside the repository's real path; a
//    symbolic link that leaves it, loops, dangles or names something that is not a regular file or
//    folder is a Refusal at the link's own path: never read, never followed;
//  - only regular files are opened: the type is known (from the folder listing or lstat) before the
//    open, the open itself refuses links (O_NOFOLLOW) and never waits (O_NONBLOCK), and fstat of
//    the open file must agree, so a file swapped meanwhile is not read;
//  - a size bound, and text must be UTF-8 without NUL bytes;
//  - names holding control characters are refused (they could forge output lines).
// Walking is cheap: a folder is listed once (with entry types), a folder reached without links has
// its parent's real path plus its name, and realpath is asked of links alone.
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import path from 'node:path';

/** Bump when what the reader hands out changes (part of every cache key). */
export const READER_VERSION = 2;

/** Larger files are reported, not read: keeps time and memory bounded. */
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

export type RefusalKind = 'missing' | 'outside' | 'loop' | 'dangling' | 'special' | 'folder' | 'not-folder' | 'too-large' | 'binary' | 'not-utf8' | 'odd-name' | 'unreadable';

/** Why a path was not read; `at` is the root-relative path the problem is at (a link's own path). */
export interface Refusal {
  refused: RefusalKind;
  at: string;
  message: string;
  line?: number;
  column?: number;
  /** For `missing`: the name in another letter case, when the folder holds one. */
  otherCase?: string;
}

/** A folder entry as the reader sees it: links already judged. */
export type EntryKind = 'file' | 'dir' | 'special';
type RawKind = 'f' | 'd' | 'l' | 's';

export interface Entry {
  kind: EntryKind;
  /** Root-relative real path (`''` for the root). */
  real: string;
  link: boolean;
}

export interface FileStamp {
  size: number;
  /** Permission bits. */
  mode?: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export interface TextRead extends FileStamp {
  text: string;
  buf: Buffer;
  /** Set when the text is not valid UTF-8: `text` then has the bad bytes replaced. */
  badUtf8?: Refusal;
}

const CONTROL = /[\u0000-\u001f\u007f]/;
/** A name with its control characters written as `\xNN`, safe in any message. */
export const escapeName = (s: string): string => s.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
export const hasControlChars = (s: string): boolean => CONTROL.test(s);

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
const lossy = new TextDecoder('utf-8', { ignoreBOM: true });

const join = (dir: string, name: string): string => (dir ? `${dir}/${name}` : name);
const kindOfStats = (s: Stats): RawKind => (s.isDirectory() ? 'd' : s.isFile() ? 'f' : s.isSymbolicLink() ? 'l' : 's');
const specialName = (s: Stats): string =>
  s.isFIFO() ? 'a named pipe (FIFO)' : s.isSocket() ? 'a socket' : s.isCharacterDevice() ? 'a character device' : s.isBlockDevice() ? 'a block device' : 'not a regular file';

export class RepoReader {
  /** The root as given (absolute) and as the system resolves it. */
  readonly root: string;
  readonly realRoot: string;
  /** Root-relative real folder → its entries. */
  private readonly listings = new Map<string, Map<string, RawKind> | Refusal>();
  /** Root-relative folder as asked → its root-relative real path, or why it cannot be entered. */
  private readonly dirs = new Map<string, string | Refusal>([['', '']]);
  /** Root-relative path of a link → what it resolves to. */
  private readonly links = new Map<string, Entry | Refusal>();

  constructor(root: string) {
    this.root = path.resolve(root);
    this.realRoot = realpathSync.native(this.root);
  }

  abs(realRel: string): string {
    // A real relative path is already clean (no `.`, `..` or doubled `/`): joined as is.
    return realRel ? (this.realRoot === '/' ? `/${realRel}` : `${this.realRoot}/${realRel}`) : this.realRoot;
  }

  /** A root-relative `/` path, from anything (absolute, `./x`, `x/`); null when it leaves the root. */
  relative(p: string): string | null {
    const abs = path.resolve(this.root, p);
    let rel = path.relative(this.root, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) {
      rel = path.relative(this.realRoot, abs);
      if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
    }
    return rel.split(path.sep).join('/');
  }

  /** The entries of a folder (links judged: a link that is refused is left out, see `refusedIn`). */
  list(dir: string): Map<string, Entry> | Refusal {
    const real = this.dir(dir);
    if (typeof real !== 'string') return real;
    const raw = this.rawListing(real, dir);
    if ('refused' in raw) return raw;
    const out = new Map<string, Entry>();
    for (const [name, k] of raw) {
      if (k === 'l') {
        const e = this.link(join(dir, name), join(real, name));
        if (!('refused' in e)) out.set(name, e);
      } else out.set(name, { kind: k === 'd' ? 'dir' : k === 'f' ? 'file' : 'special', real: join(real, name), link: false });
    }
    return out;
  }

  /** The names of a folder, as on disk (for letter-case questions); null when it cannot be listed. */
  names(dir: string): string[] | null {
    const real = this.dir(dir);
    if (typeof real !== 'string') return null;
    const raw = this.rawListing(real, dir);
    return 'refused' in raw ? null : [...raw.keys()];
  }

  /** One walk step: each entry of a folder, with the refusal of each link that is refused. */
  walkStep(dir: string): { entries: Array<[string, Entry | Refusal]> } | Refusal {
    const real = this.dir(dir);
    if (typeof real !== 'string') return real;
    const raw = this.rawListing(real, dir);
    if ('refused' in raw) return raw;
    const entries: Array<[string, Entry | Refusal]> = [];
    for (const [name, k] of raw) {
      const rel = join(dir, name);
      if (CONTROL.test(name)) entries.push([name, this.oddName(rel)]);
      else if (k === 'l') entries.push([name, this.link(rel, join(real, name))]);
      else entries.push([name, { kind: k === 'd' ? 'dir' : k === 'f' ? 'file' : 'special', real: join(real, name), link: false }]);
    }
    return { entries };
  }

  /** What a root-relative path is, links followed while they stay inside. */
  entry(rel: string): Entry | Refusal {
    if (rel === '' || rel === '.') return { kind: 'dir', real: '', link: false };
    const cut = rel.lastIndexOf('/');
    const parent = cut === -1 ? '' : rel.slice(0, cut);
    const name = rel.slice(cut + 1);
    const dirReal = this.dir(parent);
    if (typeof dirReal !== 'string') return dirReal;
    if (CONTROL.test(name)) return this.oddName(rel);
    const real = join(dirReal, name);
    // The folder is listed once (one readdir answers every later question about its entries).
    const listing = this.listings.get(dirReal) ?? this.rawListing(dirReal, parent);
    let k: RawKind | undefined;
    if (listing && !('refused' in listing)) {
      k = listing.get(name);
      if (k === undefined) return this.missing(rel, parent, name);
    } else {
      try {
        k = kindOfStats(lstatSync(this.abs(real)));
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return this.missing(rel, parent, name);
        return this.unreadable(rel, code);
      }
    }
    if (k === 'l') return this.link(rel, real);
    return { kind: k === 'd' ? 'dir' : k === 'f' ? 'file' : 'special', real, link: false };
  }

  /** size, times and inode of a regular file (links inside followed); a refusal otherwise. */
  stamp(rel: string): FileStamp | Refusal {
    const e = this.entry(rel);
    if ('refused' in e) return e;
    if (e.kind !== 'file') return this.notFile(rel, e);
    try {
      const s = lstatSync(this.abs(e.real));
      if (!s.isFile()) return this.notFile(rel, { ...e, kind: s.isDirectory() ? 'dir' : 'special' });
      return { size: s.size, mode: s.mode & 0o7777, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
    } catch (err) {
      return this.unreadable(rel, (err as NodeJS.ErrnoException).code);
    }
  }

  /** The bytes of a regular file inside the repository, at most `maxBytes`. */
  readBytes(rel: string, maxBytes = DEFAULT_MAX_BYTES): (FileStamp & { buf: Buffer }) | Refusal {
    const e = this.entry(rel);
    if ('refused' in e) return e;
    if (e.kind !== 'file') return this.notFile(rel, e);
    return readRegular(this.abs(e.real), rel, maxBytes);
  }

  /** A UTF-8 text file: NUL bytes refuse it; broken UTF-8 gives the text with the bad bytes replaced and `badUtf8` set. */
  readText(rel: string, maxBytes = DEFAULT_MAX_BYTES): TextRead | Refusal {
    const r = this.readBytes(rel, maxBytes);
    if ('refused' in r) return r;
    return decode(r, rel);
  }

  /** Makes a folder (and missing parents) inside the repository; its real path, or why not. */
  makeDir(rel: string): string | Refusal {
    const e = this.entry(rel);
    if (!('refused' in e)) return e.kind === 'dir' ? e.real : { refused: 'not-folder', at: rel, message: `${escapeName(rel)} is not a folder` };
    if (e.refused !== 'missing' || (e.at !== rel && !rel.startsWith(`${e.at}/`))) return e;
    const cut = rel.lastIndexOf('/');
    const parent = this.makeDir(cut === -1 ? '' : rel.slice(0, cut));
    if (typeof parent !== 'string') return parent;
    const real = join(parent, rel.slice(cut + 1));
    try {
      mkdirSync(this.abs(real));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return this.unreadable(rel, (err as NodeJS.ErrnoException).code);
    }
    this.forget(parent);
    this.dirs.delete(rel);
    return this.dir(rel) as string | Refusal;
  }

  /** Forgets what is known of a folder's entries (after odyssey wrote into it). */
  forget(realDir: string): void {
    this.listings.delete(realDir);
  }

  private dir(rel: string): string | Refusal {
    const known = this.dirs.get(rel);
    if (known !== undefined) return known;
    const e = this.entry(rel);
    let out: string | Refusal;
    if ('refused' in e) out = e;
    else if (e.kind === 'dir') out = e.real;
    else out = { refused: 'not-folder', at: rel, message: `${escapeName(rel)} is not a folder` };
    this.dirs.set(rel, out);
    return out;
  }

  private rawListing(real: string, shown: string): Map<string, RawKind> | Refusal {
    let l = this.listings.get(real);
    if (l) return l;
    try {
      l = new Map();
      for (const d of readdirSync(this.abs(real), { withFileTypes: true })) {
        l.set(d.name, d.isDirectory() ? 'd' : d.isFile() ? 'f' : d.isSymbolicLink() ? 'l' : 's');
      }
    } catch (err) {
      l = this.unreadable(shown, (err as NodeJS.ErrnoException).code);
    }
    this.listings.set(real, l);
    return l;
  }

  private link(rel: string, real: string): Entry | Refusal {
    const known = this.links.get(rel);
    if (known) return known;
    const shown = escapeName(rel);
    let out: Entry | Refusal;
    let target: string | null = null;
    try {
      target = realpathSync.native(this.abs(real));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') out = { refused: 'loop', at: rel, message: `${shown} is a symbolic link that loops (it leads back to itself): not read; replace it with the file or folder itself, or remove it` };
      else if (code === 'ENOENT' || code === 'ENOTDIR') out = { refused: 'dangling', at: rel, message: `${shown} is a symbolic link to nothing (its target does not exist): not read; point it at a file in the repository or remove it` };
      else out = this.unreadable(rel, code);
    }
    if (target !== null) {
      const inside = path.relative(this.realRoot, target);
      if (target !== this.realRoot && (inside.startsWith('..') || path.isAbsolute(inside))) {
        out = { refused: 'outside', at: rel, message: `${shown} is a symbolic link to a place outside the repository: odyssey reads only files inside it; replace the link with the file or folder itself` };
      } else {
        const realRel = inside.split(path.sep).join('/');
        let s: Stats | null = null;
        try {
          s = statSync(target);
        } catch (err) {
          out = this.unreadable(rel, (err as NodeJS.ErrnoException).code);
        }
        if (s) {
          if (s.isDirectory()) out = { kind: 'dir', real: realRel, link: true };
          else if (s.isFile()) out = { kind: 'file', real: realRel, link: true };
          else out = { refused: 'special', at: rel, message: `${shown} is a symbolic link to ${specialName(s)}, not a regular file: not read; replace it with a regular file` };
        }
      }
    }
    this.links.set(rel, out!);
    return out!;
  }

  private missing(rel: string, parent: string, name: string): Refusal {
    const want = name.toLowerCase();
    const other = this.names(parent)?.find((n) => n !== name && n.toLowerCase() === want);
    return { refused: 'missing', at: rel, message: `${escapeName(rel)} does not exist`, ...(other ? { otherCase: other } : {}) };
  }

  private oddName(rel: string): Refusal {
    return { refused: 'odd-name', at: rel, message: `"${escapeName(rel)}" has a control character in its name (shown as \\xNN): not read; rename it` };
  }

  private unreadable(rel: string, code: string | undefined): Refusal {
    if (code === 'ELOOP') return { refused: 'loop', at: rel, message: `${escapeName(rel)} is reached through symbolic links that loop: not read; remove the loop` };
    return { refused: 'unreadable', at: rel, message: `cannot read ${escapeName(rel)} (${code ?? 'error'}): fix its permissions` };
  }

  private notFile(rel: string, e: Entry): Refusal {
    if (e.kind === 'dir') return { refused: 'folder', at: rel, message: `${escapeName(rel)} is a folder, not a file` };
    return { refused: 'special', at: rel, message: `${escapeName(rel)} is not a regular file (a named pipe, socket or device): not read; replace it with a regular file` };
  }
}

/** Reads a regular file by absolute path without following a final link and without blocking. */
function readRegular(abs: string, rel: string, maxBytes: number): (FileStamp & { buf: Buffer }) | Refusal {
  let fd: number;
  try {
    fd = openSync(abs, OPEN_FLAGS);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { refused: 'loop', at: rel, message: `${escapeName(rel)} changed into a symbolic link while odyssey read it: not read` };
    if (code === 'ENOENT') return { refused: 'missing', at: rel, message: `${escapeName(rel)} does not exist` };
    return { refused: 'unreadable', at: rel, message: `cannot read ${escapeName(rel)} (${code ?? 'error'}): fix its permissions` };
  }
  try {
    const s = fstatSync(fd);
    if (!s.isFile()) return { refused: 'special', at: rel, message: `${escapeName(rel)} is ${specialName(s)}, not a regular file: not read; replace it with a regular file` };
    if (s.size > maxBytes) {
      return { refused: 'too-large', at: rel, message: `${escapeName(rel)} is ${(s.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB odyssey reads: not read; split the file` };
    }
    // Read what fstat promised, and no more: a file growing meanwhile cannot push past the bound.
    const buf = Buffer.allocUnsafe(s.size);
    let got = 0;
    while (got < s.size) {
      const n = readSync(fd, buf, got, s.size - got, null);
      if (n === 0) break;
      got += n;
    }
    return { buf: got === s.size ? buf : buf.subarray(0, got), size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino };
  } catch (err) {
    return { refused: 'unreadable', at: rel, message: `cannot read ${escapeName(rel)} (${(err as NodeJS.ErrnoException).code ?? 'error'}): fix its permissions` };
  } finally {
    closeSync(fd);
  }
}

function decode(r: FileStamp & { buf: Buffer }, rel: string): TextRead | Refusal {
  const { buf } = r;
  const nul = buf.indexOf(0);
  if (nul !== -1) {
    const line = lineAt(buf, nul);
    return { refused: 'binary', at: rel, line, message: `${escapeName(rel)} looks binary (a NUL byte at line ${line}): not read; save it as UTF-8 text or exclude it` };
  }
  // Validated by simdutf, then decoded by V8: several times faster than a fatal TextDecoder.
  if (isUtf8(buf)) return { ...r, text: buf.toString('utf8') };
  {
    const text = lossy.decode(buf);
    const at = text.indexOf('\uFFFD');
    const before = text.slice(0, Math.max(0, at));
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return { ...r, text, badUtf8: { refused: 'not-utf8', at: rel, line, column, message: `${escapeName(rel)} is not valid UTF-8 (line ${line}): save it as UTF-8` } };
  }
}

function lineAt(buf: Buffer, offset: number): number {
  let line = 1;
  for (let i = buf.indexOf(10); i !== -1 && i < offset; i = buf.indexOf(10, i + 1)) line++;
  return line;
}

/**
 * A file outside the repository that odyssey itself made (the cache key): a regular file, not a
 * link, owned by this user, small. Null when absent or not trustworthy.
 */
export function readOwnFile(abs: string, maxBytes = 4096): Buffer | null {
  let s: Stats;
  try {
    s = lstatSync(abs);
  } catch {
    return null;
  }
  if (!s.isFile() || s.size > maxBytes) return null;
  if (typeof process.getuid === 'function' && s.uid !== process.getuid()) return null;
  if ((s.mode & 0o077) !== 0) return null;
  const r = readRegular(abs, abs, maxBytes);
  return 'refused' in r ? null : r.buf;
}

/** A user-named file outside the repository (`--config ../shared.yml`): same guards, own folder as root. */
export function readTextOutside(abs: string, maxBytes = DEFAULT_MAX_BYTES): TextRead | Refusal {
  const reader = new RepoReader(path.dirname(abs));
  return reader.readText(path.basename(abs), maxBytes);
}

/**
 * A file the runner or git hands odyssey outside the repository (the event payload, git's
 * `shallow` list): regular files only, never blocking, size-bounded. The text, or null.
 */
export function readRunnerFile(abs: string, maxBytes = 64 * 1024 * 1024): string | null {
  let s: Stats;
  try {
    s = statSync(abs);
  } catch {
    return null;
  }
  if (!s.isFile()) return null;
  const r = readRegular(realpathSync.native(abs), abs, maxBytes);
  return 'refused' in r ? null : lossy.decode(r.buf);
}
