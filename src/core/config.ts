// `.odyssey.yml`: parsed once, at the edge, into typed values with defaults. What it takes is
// defined once, in config/schema.ts; here the YAML is read with positions, checked against that
// schema, and a problem becomes a ConfigError naming the file, line, key and the values it takes.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
import type { core } from 'zod/mini';
import { configSchema, duplicateColumn, keysAt, insidePath, parseStatusRange, type ConfigData } from './config/schema.js';

export { BOUNDS, BUILTIN_COLUMNS, DEFAULT_USER_AGENT, parseStatusRange } from './config/schema.js';

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

export interface Config {
  readme: string;
  modules: string;
  table: { columns: Column[] };
  chart: { pie: boolean; gantt: boolean; burnup: boolean };
  /** Path of the SVG progress badge `sync` writes, or null for none. */
  badge: string | null;
  links: LinksConfig;
  stale: StaleConfig;
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


/** Aliases a configuration may expand: enough for any real file, far too few for a YAML bomb. */
const MAX_ALIAS_COUNT = 50;

/** The typed configuration from what the schema accepted. */
function toConfig(d: ConfigData): Config {
  const asList = <T>(v: T | T[]): T[] => (Array.isArray(v) ? [...v] : [v]);
  const links = d.links;
  return {
    readme: insidePath(d.readme)!,
    modules: insidePath(d.modules)!,
    table: {
      columns: d.table.columns.map((c) =>
        typeof c === 'string' ? { key: c } : c.header === undefined ? { key: c.key } : { key: c.key, header: c.header },
      ),
    },
    chart: typeof d.chart === 'boolean' ? { pie: d.chart, gantt: d.chart, burnup: d.chart } : { pie: d.chart.pie, gantt: d.chart.gantt, burnup: d.chart.burnup },
    badge: d.badge === false || d.badge === null ? null : insidePath(d.badge),
    links: {
      include: asList(links.include),
      exclude: asList(links.exclude),
      placeholders: asList(links.placeholders),
      ignore: asList(links.ignore),
      external: links.external,
      allowPrivate: links['allow-private'],
      timeout: links.timeout,
      concurrency: links.concurrency,
      perHost: links['per-host'],
      accept: asList(links.accept).map((a) => parseStatusRange(String(a))!),
      cache: insidePath(links.cache)!,
      cacheAge: links['cache-age'],
      userAgent: links['user-agent'],
      retries: links.retries,
      maxRedirects: links['max-redirects'],
      headers: Object.fromEntries(Object.entries(links.headers).map(([host, h]) => [host, { ...h }])),
      maxRetryAfter: links['max-retry-after'],
    },
    stale: { days: d.stale.days, label: d.stale.label, maxIssueOperations: d.stale['max-issue-operations'] },
  };
}

export function defaultConfig(): Config {
  return toConfig(configSchema.parse({}));
}

type Path = ReadonlyArray<PropertyKey>;

/** `links.accept[0]`: a path as the user reads it. */
function keyName(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** The YAML node at `path`, and whether the whole path was found (or only a parent of it). */
function nodeAt(root: Node, path: Path, keyOf?: string): { node: Node; found: boolean } {
  let node: Node = root;
  for (const seg of path) {
    let next: Node | undefined;
    if (isMap(node)) next = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg))?.value as Node | undefined;
    else if (isSeq(node) && typeof seg === 'number') next = node.items[seg] as Node | undefined;
    if (!next) return { node, found: false };
    node = next;
  }
  if (keyOf !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === keyOf);
    if (pair) return { node: pair.key as Node, found: true };
  }
  return { node, found: true };
}

/**
 * A value that fits none of a union's shapes (a string, or a list of strings) is explained by the
 * shape it came nearest to: the one whose problem lies deepest (`links.include[0]`, not `links.include`).
 */
function deepest(issue: core.$ZodIssue): core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const branches = issue.errors.filter((b) => b.length > 0);
  // A shape whose own type is wrong is the farthest; then the deeper the problem, the nearer.
  const depth = (b: core.$ZodIssue[]) =>
    b.some((i) => i.code === 'invalid_type' && i.path.length === 0) ? -1 : Math.max(...b.map((i) => i.path.length + 0.5));
  const best = branches.reduce((a, b) => (depth(b) > depth(a) ? b : a), branches[0]!);
  if (!best || depth(best) < 0) return [issue];
  return best.flatMap((i) => deepest({ ...i, path: [...issue.path, ...i.path] } as core.$ZodIssue));
}

/** Parses `.odyssey.yml` text. `file` is only used in messages. Empty text gives the defaults. */
export function parseConfig(text: string, file = '.odyssey.yml'): Config {
  const lc = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lc, prettyErrors: false });
  const at = (n: Node | null | undefined): [number | undefined, number | undefined] => {
    const off = n?.range?.[0];
    if (off === undefined) return [undefined, undefined];
    const p = lc.linePos(off);
    return [p.line, p.col];
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const p = lc.linePos(e.pos[0]);
    throw new ConfigError(`not valid YAML: ${e.message.split('\n')[0]}`, file, p.line, p.col);
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return defaultConfig();
  if (!isMap(root)) throw new ConfigError('expected a mapping of keys (readme, modules, table, links, stale, …)', file, 1, 1);

  let oddKey: Node | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (pair.key !== null && !isScalar(pair.key)) {
        oddKey = pair.key as Node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (oddKey) throw new ConfigError('a key must be a plain name, not a list or a mapping', file, ...at(oddKey));

  let data: Record<string, unknown>;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
  } catch (err) {
    throw new ConfigError(
      `the YAML aliases (*name) expand to too much (${(err as Error).message.split('\n')[0]}): write the values out instead`,
      file,
      ...at(root),
    );
  }
  // An empty section (`links:` with nothing under it) takes the defaults, as an absent one does.
  for (const [k, v] of Object.entries(data)) if (v === null && k !== 'badge') delete data[k];

  const result = configSchema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.flatMap(deepest).map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        const key = issue.keys[0]!;
        const { node } = nodeAt(root, issue.path, key);
        const where = issue.path.length ? `\`${keyName(issue.path)}\` takes` : 'the top level takes';
        return { key: keyName([...issue.path, key]), message: `unknown key; ${where} ${keysAt(issue.path).join(', ')}`, node };
      }
      const { node, found } = nodeAt(root, issue.path);
      return { key: keyName(issue.path), message: found ? issue.message : `missing; ${issue.message}`, node };
    });
    // The first problem in the file, as a reader meets them.
    problems.sort((a, b) => (a.node.range?.[0] ?? 0) - (b.node.range?.[0] ?? 0));
    const first = problems[0]!;
    throw new ConfigError(`\`${first.key}\`: ${first.message}`, file, ...at(first.node));
  }
  const twice = duplicateColumn(result.data.table.columns);
  if (twice) {
    const path = ['table', 'columns', twice.index];
    throw new ConfigError(`\`${keyName(path)}\`: ${twice.message}`, file, ...at(nodeAt(root, path).node));
  }
  return toConfig(result.data);
}
