// `.odyssey.yml`: parsed once, at the edge, into typed values with defaults.
// A bad key or value is a ConfigError that names the key and the values it takes.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { invalidUrlPattern } from './links/url-pattern.js';

export const BUILTIN_COLUMNS = [
  'topic',
  'status',
  'notes',
  'resources',
  'started',
  'completed',
  'confidence',
  'learnings',
] as const;

export interface Column {
  /** A built-in column name or the name of a status-block field. */
  key: string;
  /** Header text; undefined means the default header for the key. */
  header?: string;
}

export interface LinksConfig {
  include: string[];
  exclude: string[];
  placeholders: string[];
  ignore: string[];
  external: boolean;
  allowPrivate: boolean;
  /** Seconds per URL. */
  timeout: number;
  concurrency: number;
  perHost: number;
  /** Inclusive ranges of accepted HTTP status codes. */
  accept: Array<[number, number]>;
  cache: string;
  /** Hours. */
  cacheAge: number;
  userAgent: string;
  retries: number;
  maxRedirects: number;
  /** Extra request headers by host pattern (`github.com`, `*.example.org`). */
  headers: Record<string, Record<string, string>>;
  /** Longest wait for a `Retry-After`, in seconds; past it the link is `http-rate-limited`. */
  maxRetryAfter: number;
}

export interface StaleConfig {
  days: number;
  label: string;
  maxIssueOperations: number;
}

export interface IssuesConfig {
  /** Topic issues (SPEC §9): `off`, `active` (in-progress and paused topics) or `all` (todo too). */
  topics: 'off' | 'active' | 'all';
  /** The label every topic issue carries. */
  label: string;
}

export interface Config {
  readme: string;
  modules: string;
  table: { columns: Column[] };
  chart: { pie: boolean; gantt: boolean };
  /** Path of the SVG progress badge `sync` writes, or null for none. */
  badge: string | null;
  links: LinksConfig;
  stale: StaleConfig;
  issues: IssuesConfig;
}

export const DEFAULT_USER_AGENT = 'odyssey-link-check (+https://github.com/features/actions)';

export function defaultConfig(): Config {
  return {
    readme: 'README.md',
    modules: 'modules',
    table: { columns: BUILTIN_COLUMNS.map((key) => ({ key })) },
    chart: { pie: true, gantt: true },
    badge: null,
    links: {
      include: ['README.md', 'modules/**/*.md'],
      exclude: [],
      placeholders: [],
      ignore: [],
      external: false,
      allowPrivate: false,
      timeout: 15,
      concurrency: 16,
      perHost: 4,
      accept: [[200, 299]],
      cache: '.odyssey/links-cache.json',
      cacheAge: 24,
      userAgent: DEFAULT_USER_AGENT,
      retries: 2,
      maxRedirects: 10,
      headers: {},
      maxRetryAfter: 60,
    },
    stale: { days: 30, label: 'stale-topic', maxIssueOperations: 30 },
    issues: { topics: 'off', label: 'topic' },
  };
}

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(file ? `${file}${line ? `:${line}:${column ?? 1}` : ''}: ${message}` : message);
    this.name = 'ConfigError';
  }
}

type Pos = { line: number; column: number } | undefined;

/** Parses `.odyssey.yml` text. `file` is only used in messages. Empty text gives the defaults. */
export function parseConfig(text: string, file = '.odyssey.yml'): Config {
  const lc = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lc, prettyErrors: false });
  const posOf = (n: Node | null | undefined): Pos => {
    const off = n?.range?.[0];
    if (off === undefined) return undefined;
    const p = lc.linePos(off);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const p = lc.linePos(e.pos[0]);
    throw new ConfigError(`not valid YAML: ${e.message.split('\n')[0]}`, file, p.line, p.col);
  }
  const cfg = defaultConfig();
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return cfg;
  if (!isMap(root)) throw new ConfigError('expected a mapping of keys (readme, modules, table, links, stale, …)', file, 1, 1);

  const fail = (key: string, what: string, n: Node | null | undefined): never => {
    const p = posOf(n);
    throw new ConfigError(`\`${key}\`: ${what}`, file, p?.line, p?.column);
  };
  const str = (key: string, n: Node | null | undefined): string => {
    if (isScalar(n) && typeof n.value === 'string' && n.value.trim() !== '') return n.value;
    return fail(key, 'expected a non-empty string', n);
  };
  const bool = (key: string, n: Node | null | undefined): boolean => {
    if (isScalar(n) && typeof n.value === 'boolean') return n.value;
    return fail(key, 'expected true or false', n);
  };
  const int = (key: string, n: Node | null | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number => {
    if (isScalar(n) && typeof n.value === 'number' && Number.isInteger(n.value) && n.value >= min && n.value <= max)
      return n.value;
    return fail(key, `expected a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ' up'}`, n);
  };
  /** `positive`: above 0 (a timeout); otherwise 0 or more (an age, a wait). */
  const num = (key: string, n: Node | null | undefined, positive: boolean): number => {
    if (isScalar(n) && typeof n.value === 'number' && Number.isFinite(n.value) && (positive ? n.value > 0 : n.value >= 0)) return n.value;
    return fail(key, positive ? 'expected a number above 0' : 'expected a number, 0 or more', n);
  };
  /** A path inside the repository: relative, `/`-separated, never leaving the root. */
  const repoPath = (key: string, n: Node | null | undefined): string => {
    const raw = str(key, n).replace(/\\/g, '/').replace(/\/+$/, '');
    const parts = raw.split('/').filter((p) => p !== '' && p !== '.');
    if (raw.startsWith('/') || /^[a-zA-Z]:/.test(raw) || parts.includes('..') || parts.length === 0) {
      return fail(key, `expected a path inside the repository, relative to its root (like ${key === 'modules' ? 'modules' : key === 'readme' ? 'README.md or docs/README.md' : '.github/odyssey-progress.svg'}); got "${raw}"`, n);
    }
    return parts.join('/');
  };
  const patterns = (key: string, n: Node | null | undefined): string[] => {
    const list = strList(key, n);
    const bad = invalidUrlPattern(list);
    if (bad) {
      const i = list.findIndex((p) => bad.startsWith(`${p}: `));
      return fail(`${key}[${i}]`, `not a valid pattern (${bad}); write a glob like "https://example.org/*" or a /regular expression/`, isSeq(n) ? (n.items[i] as Node) : n);
    }
    return list;
  };
  const strList = (key: string, n: Node | null | undefined): string[] => {
    if (isScalar(n) && typeof n.value === 'string') return [n.value];
    if (!isSeq(n)) return fail(key, 'expected a list of strings', n);
    return n.items.map((it, i) => str(`${key}[${i}]`, it as Node));
  };
  const section = (
    key: string,
    n: Node | null | undefined,
    known: Record<string, (v: Node | null | undefined, k: string) => void>,
  ): void => {
    if (isScalar(n) && n.value === null) return;
    if (!isMap(n)) return fail(key, `expected a mapping with keys ${Object.keys(known).join(', ')}`, n);
    for (const pair of n.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : '';
      const handler = known[k];
      const full = key ? `${key}.${k}` : k;
      if (!handler) {
        fail(full, `unknown key; ${key ? `\`${key}\` takes` : 'the top level takes'} ${Object.keys(known).join(', ')}`, pair.key as Node);
      }
      handler!(pair.value as Node, full);
    }
  };

  section('', root, {
    readme: (v, k) => (cfg.readme = repoPath(k, v)),
    modules: (v, k) => (cfg.modules = repoPath(k, v)),
    table: (v, k) =>
      section(k, v, {
        columns: (cv, ck) => {
          if (!isSeq(cv) || cv.items.length === 0) return fail(ck, `expected a list of columns such as ${BUILTIN_COLUMNS.join(', ')} or status-block field names`, cv);
          const seen = new Set<string>();
          cfg.table.columns = cv.items.map((it, i) => {
            const col = column(it as Node, i);
            if (seen.has(col.key)) fail(`${ck}[${i}]`, `the column \`${col.key}\` is listed twice: keep one`, it as Node);
            seen.add(col.key);
            return col;
          });
          function column(it: Node, i: number): Column {
            const item = it as Node;
            if (isScalar(item)) return { key: str(`${ck}[${i}]`, item) };
            if (isMap(item)) {
              const col: Column = { key: '' };
              section(`${ck}[${i}]`, item, {
                key: (x, xk) => (col.key = str(xk, x)),
                header: (x, xk) => (col.header = str(xk, x)),
              });
              if (!col.key) fail(`${ck}[${i}].key`, 'missing: name the column (a built-in such as topic, or a status-block field)', item);
              return col;
            }
            return fail(`${ck}[${i}]`, 'expected a column name or {key, header}', item);
          }
        },
      }),
    chart: (v, k) => {
      if (isScalar(v) && typeof v.value === 'boolean') {
        cfg.chart = { pie: v.value, gantt: v.value };
        return;
      }
      if (!isMap(v)) return fail(k, 'expected true, false, or a mapping with keys pie, gantt', v);
      section(k, v, {
        pie: (x, xk) => (cfg.chart.pie = bool(xk, x)),
        gantt: (x, xk) => (cfg.chart.gantt = bool(xk, x)),
      });
    },
    badge: (v, k) => {
      if (isScalar(v) && (v.value === false || v.value === null)) cfg.badge = null;
      else cfg.badge = repoPath(k, v);
    },
    links: (v, k) =>
      section(k, v, {
        include: (x, xk) => (cfg.links.include = strList(xk, x)),
        exclude: (x, xk) => (cfg.links.exclude = strList(xk, x)),
        placeholders: (x, xk) => (cfg.links.placeholders = patterns(xk, x)),
        ignore: (x, xk) => (cfg.links.ignore = patterns(xk, x)),
        external: (x, xk) => (cfg.links.external = bool(xk, x)),
        'allow-private': (x, xk) => (cfg.links.allowPrivate = bool(xk, x)),
        timeout: (x, xk) => (cfg.links.timeout = num(xk, x, true)),
        concurrency: (x, xk) => (cfg.links.concurrency = int(xk, x, 1, 256)),
        'per-host': (x, xk) => (cfg.links.perHost = int(xk, x, 1, 64)),
        accept: (x, xk) => (cfg.links.accept = parseAccept(xk, x, fail)),
        cache: (x, xk) => (cfg.links.cache = repoPath(xk, x)),
        'cache-age': (x, xk) => (cfg.links.cacheAge = num(xk, x, false)),
        'user-agent': (x, xk) => (cfg.links.userAgent = str(xk, x)),
        retries: (x, xk) => (cfg.links.retries = int(xk, x, 0, 10)),
        'max-redirects': (x, xk) => (cfg.links.maxRedirects = int(xk, x, 0, 50)),
        'max-retry-after': (x, xk) => (cfg.links.maxRetryAfter = num(xk, x, false)),
        headers: (x, xk) => {
          if (!isMap(x)) return fail(xk, 'expected a mapping of host → {header: value}', x);
          for (const pair of x.items) {
            const host = isScalar(pair.key) ? String(pair.key.value) : '';
            const hv = pair.value as Node;
            if (!isMap(hv)) return fail(`${xk}.${host}`, 'expected a mapping of header name → value', hv);
            const h: Record<string, string> = {};
            for (const hp of hv.items) {
              const name = isScalar(hp.key) ? String(hp.key.value) : '';
              h[name] = str(`${xk}.${host}.${name}`, hp.value as Node);
            }
            cfg.links.headers[host] = h;
          }
        },
      }),
    stale: (v, k) =>
      section(k, v, {
        days: (x, xk) => (cfg.stale.days = int(xk, x, 1)),
        label: (x, xk) => (cfg.stale.label = str(xk, x)),
        'max-issue-operations': (x, xk) => (cfg.stale.maxIssueOperations = int(xk, x, 0)),
      }),
    issues: (v, k) =>
      section(k, v, {
        topics: (x, xk) => {
          const t = isScalar(x) && typeof x.value === 'string' ? x.value : x === null || x === undefined ? '' : String(isScalar(x) ? x.value : '');
          if (t === 'off' || t === 'active' || t === 'all') cfg.issues.topics = t;
          // YAML reads a bare `off` as the boolean false.
          else if (isScalar(x) && x.value === false) cfg.issues.topics = 'off';
          else fail(xk, 'expected one of off, active, all', x);
        },
        label: (x, xk) => {
          const l = str(xk, x);
          if (l.includes(',')) fail(xk, 'a label cannot hold a comma (GitHub reads it as two labels)', x);
          cfg.issues.label = l;
        },
      }),
  });
  return cfg;
}

/** `["200-299", 403]` → inclusive ranges. Also used for the action input. */
export function parseAccept(
  key: string,
  n: Node | null | undefined,
  fail: (key: string, what: string, n: Node | null | undefined) => never,
): Array<[number, number]> {
  const items = isSeq(n) ? n.items : [n];
  return items.map((it, i) => {
    const item = it as Node;
    const raw = isScalar(item) ? String(item.value) : '';
    const r = parseStatusRange(raw);
    if (!r) return fail(`${key}[${i}]`, 'expected an HTTP status code like 403 or a range like "200-299"', item);
    return r;
  });
}

export function parseStatusRange(raw: string): [number, number] | null {
  const m = /^\s*(\d{3})\s*(?:-\s*(\d{3})\s*)?$/.exec(raw);
  if (!m) return null;
  const lo = Number(m[1]);
  const hi = m[2] ? Number(m[2]) : lo;
  if (lo < 100 || hi > 599 || hi < lo) return null;
  return [lo, hi];
}
