// The one definition of `.odyssey.yml`: the validator (parseConfig) and odyssey.schema.json
// (scripts/config-schema.mjs) both come from it. Every message says what the key takes, so a
// ConfigError only has to add the key and where it is. Every number has a range.
import * as z from 'zod/mini';
import { invalidUrlPattern } from '../links/url-pattern.js';

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

export const DEFAULT_USER_AGENT = 'odyssey-link-check (+https://github.com/features/actions)';

/**
 * Ranges of every number. `links.timeout` stays far below 2^31-1 ms, where Node's timers overflow
 * and fire at once; the others keep a run's time and its writes to GitHub bounded.
 */
export const BOUNDS = {
  timeout: { above: 0, max: 600 },
  concurrency: { min: 1, max: 256 },
  perHost: { min: 1, max: 64 },
  cacheAge: { min: 0, max: 8760 },
  retries: { min: 0, max: 10 },
  maxRedirects: { min: 0, max: 50 },
  maxRetryAfter: { min: 0, max: 3600 },
  staleDays: { min: 1, max: 3650 },
  maxIssueOperations: { min: 0, max: 1000 },
} as const;

/** Longest string and list a key takes: a configuration is a few lines, not a payload. */
const MAX_TEXT = 1000;
const MAX_ITEMS = 500;

const describe = <T extends z.ZodMiniType>(schema: T, description: string): T => {
  z.globalRegistry.add(schema, { description });
  return schema;
};

function wholeNumber(range: { min: number; max: number }, fallback: number, description: string) {
  const what = `expected a whole number from ${range.min} to ${range.max}`;
  const n = z.number({ error: what }).check(z.int({ error: what }), z.minimum(range.min, { error: what }), z.maximum(range.max, { error: what }));
  return describe(z._default(n, fallback), description);
}

function realNumber(range: { above?: number; min?: number; max: number }, fallback: number, description: string) {
  const what =
    range.above !== undefined ? `expected a number above ${range.above}, up to ${range.max}` : `expected a number from ${range.min} to ${range.max}`;
  const low = range.above !== undefined ? z.gt(range.above, { error: what }) : z.gte(range.min!, { error: what });
  const n = z.number({ error: what }).check(low, z.lte(range.max, { error: what }));
  return describe(z._default(n, fallback), description);
}

const text = (what = 'expected a non-empty string', max = MAX_TEXT) =>
  z.string({ error: what }).check(
    z.minLength(1, { error: what }),
    z.refine((s) => s.trim() !== '', { error: what }),
    z.maxLength(max, { error: `expected at most ${max} characters` }),
  );

const flag = (fallback: boolean, description: string) => describe(z._default(z.boolean({ error: 'expected true or false' }), fallback), description);

/** A path inside the repository: relative, never leaving the root. `like` names an example. */
export function insidePath(p: string): string | null {
  const raw = p.replace(/\\/g, '/').replace(/\/+$/, '');
  const parts = raw.split('/').filter((s) => s !== '' && s !== '.');
  if (raw.startsWith('/') || /^[a-zA-Z]:/.test(raw) || parts.includes('..') || parts.length === 0) return null;
  return parts.join('/');
}

const repoPath = (like: string) =>
  text().check(
    z.refine((p) => insidePath(p) !== null, {
      error: (iss) => `expected a path inside the repository, relative to its root (like ${like}); got "${String(iss.input).replace(/\\/g, '/').replace(/\/+$/, '')}"`,
    }),
  );

const list = <T extends z.ZodMiniType>(item: T, what: string) =>
  z.union([item, z.array(item, { error: what }).check(z.maxLength(MAX_ITEMS, { error: `expected at most ${MAX_ITEMS} items` }))], { error: what });

const globs = (fallback: string[], description: string) => describe(z._default(list(text(), 'expected a list of strings'), fallback), description);

const urlPattern = text().check(
  z.refine((p) => invalidUrlPattern([p]) === null, {
    error: (iss) =>
      `not a valid pattern (${invalidUrlPattern([String(iss.input)])}); write a glob like "https://example.org/*" or a /regular expression/`,
  }),
);
const urlPatterns = (description: string) => describe(z._default(list(urlPattern, 'expected a list of strings'), []), description);

/** `403` or `"200-299"` → an inclusive range; null when it is not one. */
export function parseStatusRange(raw: string): [number, number] | null {
  const m = /^\s*(\d{3})\s*(?:-\s*(\d{3})\s*)?$/.exec(raw);
  if (!m) return null;
  const lo = Number(m[1]);
  const hi = m[2] ? Number(m[2]) : lo;
  if (lo < 100 || hi > 599 || hi < lo) return null;
  return [lo, hi];
}

const ACCEPT_WHAT = 'expected an HTTP status code like 403 or a range like "200-299"';
const statusRange = z.union(
  [
    z.int({ error: ACCEPT_WHAT }).check(z.minimum(100, { error: ACCEPT_WHAT }), z.maximum(599, { error: ACCEPT_WHAT })),
    z.string({ error: ACCEPT_WHAT }).check(z.regex(/^\s*\d{3}\s*(?:-\s*\d{3}\s*)?$/, { error: ACCEPT_WHAT })),
  ],
  { error: ACCEPT_WHAT },
).check(
  z.refine((v) => parseStatusRange(String(v)) !== null, { error: ACCEPT_WHAT }),
);

const COLUMNS_WHAT = `expected a list of columns such as ${BUILTIN_COLUMNS.join(', ')} or status-block field names`;
const column = z.union(
  [
    text(),
    z.strictObject({
      key: describe(text(), 'A built-in column or a status-block field.'),
      header: z.optional(describe(text(), 'Header text; default: the built-in header, or the key made readable.')),
    }),
  ],
  { error: 'expected a column name or {key, header}' },
);
const columnKey = (c: unknown): string => (typeof c === 'string' ? c : (c as { key: string }).key);

const section = <T extends z.core.$ZodLooseShape>(shape: T, description: string) =>
  describe(z.prefault(z.strictObject(shape, { error: `expected a mapping with keys ${Object.keys(shape).join(', ')}` }), {} as never), description);

const chartSwitches = z.strictObject({
  pie: flag(true, 'Draw the pie chart of statuses.'),
  gantt: flag(true, 'Draw the gantt chart of started and completed topics.'),
  burnup: flag(true, 'Draw the burn-up chart of topics completed over time (from git history).'),
});

export const configSchema = z.strictObject({
  readme: describe(z._default(repoPath('README.md or docs/README.md'), 'README.md'), 'The file holding the zones (the progress table, the chart).'),
  modules: describe(z._default(repoPath('modules'), 'modules'), 'The folder with one folder per topic.'),
  table: section(
    {
      columns: describe(
        z._default(
          z.array(column, { error: COLUMNS_WHAT }).check(
            z.minLength(1, { error: COLUMNS_WHAT }),
            z.maxLength(100, { error: 'expected at most 100 columns' }),
          ),
          [...BUILTIN_COLUMNS],
        ),
        `The table's columns: built-ins (${BUILTIN_COLUMNS.join(', ')}) or status-block fields, each a name or {key, header}.`,
      ),
    },
    'The progress table.',
  ),
  chart: describe(
    z._default(z.union([z.boolean(), chartSwitches], { error: 'expected true, false, or a mapping with keys pie, gantt, burnup' }), true),
    'What the chart zone holds: true, false, or {pie, gantt, burnup}.',
  ),
  badge: describe(
    z._default(z.union([z.literal(false), z.null(), repoPath('.github/odyssey-progress.svg')], { error: 'expected a path inside the repository (like .github/odyssey-progress.svg) or false' }), false),
    'Path of the SVG progress badge sync writes, or false for none.',
  ),
  links: section(
    {
      include: globs(['README.md', 'modules/**/*.md'], 'Files whose links are checked (globs).'),
      exclude: globs([], 'Files never checked (globs).'),
      placeholders: urlPatterns('Extra placeholder patterns, on top of the built-in list: globs or /regular expressions/.'),
      ignore: urlPatterns('URL patterns never checked: globs or /regular expressions/.'),
      external: flag(false, 'Also fetch external URLs.'),
      'allow-private': flag(false, 'Let external checks reach private and loopback addresses.'),
      timeout: realNumber(BOUNDS.timeout, 15, 'Seconds per URL.'),
      concurrency: wholeNumber(BOUNDS.concurrency, 16, 'URLs checked at once.'),
      'per-host': wholeNumber(BOUNDS.perHost, 4, 'URLs checked at once on one host.'),
      accept: describe(z._default(list(statusRange, ACCEPT_WHAT), ['200-299']), 'Accepted HTTP statuses: codes like 403 or ranges like "200-299".'),
      cache: describe(z._default(repoPath('.odyssey/links-cache.json'), '.odyssey/links-cache.json'), 'Where the external-link cache is kept.'),
      'cache-age': realNumber(BOUNDS.cacheAge, 24, 'Hours a cached external result is trusted.'),
      'user-agent': describe(z._default(text(), DEFAULT_USER_AGENT), 'User-Agent of external checks.'),
      retries: wholeNumber(BOUNDS.retries, 2, 'Retries for 5xx answers and network errors, with backoff.'),
      'max-redirects': wholeNumber(BOUNDS.maxRedirects, 10, 'Redirects followed before a link is reported.'),
      'max-retry-after': realNumber(BOUNDS.maxRetryAfter, 60, 'Longest Retry-After waited, in seconds; a longer one makes the link http-rate-limited.'),
      headers: describe(
        z._default(
          z.record(
            z.string(),
            z.record(z.string(), text(), { error: 'expected a mapping of header name → value' }),
            { error: 'expected a mapping of host → {header: value}' },
          ),
          {},
        ),
        'Extra request headers by host pattern (github.com, *.example.org).',
      ),
    },
    'Link checking.',
  ),
  stale: section(
    {
      days: wholeNumber(BOUNDS.staleDays, 30, 'Days without a change after which an in-progress topic is stale.'),
      label: describe(z._default(text('expected a non-empty string', 50), 'stale-topic'), 'Label of stale-topic issues.'),
      'max-issue-operations': wholeNumber(BOUNDS.maxIssueOperations, 30, 'Most issue writes in one run.'),
    },
    'Stale-topic issues.',
  ),
});

export type ConfigInput = z.input<typeof configSchema>;
export type ConfigData = z.output<typeof configSchema>;

type Def = { type: string; shape?: Record<string, Schemaish>; innerType?: Schemaish; options?: Schemaish[]; element?: Schemaish; valueType?: Schemaish };
type Schemaish = { _zod: { def: Def } };

/** The keys the mapping at `path` takes (`['links']` → include, exclude, …), read from the definition. */
export function keysAt(path: ReadonlyArray<PropertyKey>): string[] {
  const open = (s: Schemaish): Schemaish[] => {
    const d = s._zod.def;
    if (d.innerType) return open(d.innerType);
    if (d.options) return d.options.flatMap(open);
    return [s];
  };
  let at: Schemaish[] = open(configSchema as unknown as Schemaish);
  for (const seg of path) {
    at = at.flatMap((s) => {
      const d = s._zod.def;
      const next = typeof seg === 'number' ? d.element : (d.shape?.[String(seg)] ?? d.valueType);
      return next ? open(next) : [];
    });
  }
  return Object.keys(at.find((s) => s._zod.def.shape)?._zod.def.shape ?? {});
}

/** Checks that need the whole list: a column listed twice. Returns the index and a message. */
export function duplicateColumn(columns: readonly unknown[]): { index: number; message: string } | null {
  const seen = new Set<string>();
  for (const [i, c] of columns.entries()) {
    const key = columnKey(c);
    if (seen.has(key)) return { index: i, message: `the column \`${key}\` is listed twice: keep one` };
    seen.add(key);
  }
  return null;
}

export const SCHEMA_ID = 'https://cdn.jsdelivr.net/npm/odyssey-journey/odyssey.schema.json';
/** The first line of a configuration odyssey writes: editors with the YAML language server complete and check it. */
export const SCHEMA_COMMENT = `# yaml-language-server: $schema=${SCHEMA_ID}`;

/** odyssey.schema.json: JSON Schema draft 2020-12 of what a user writes. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: SCHEMA_ID,
    title: 'odyssey configuration (.odyssey.yml)',
    description: 'Every key is optional. https://github.com/odyssey/odyssey#configuration',
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

/** The committed file's text. */
export function configSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
