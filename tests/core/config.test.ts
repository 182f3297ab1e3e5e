import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfig, parseConfig } from '../../src/core/config.js';

const err = (text: string): string => {
  try {
    parseConfig(text);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('parseConfig', () => {
  it('gives the defaults for an empty file, a comment-only file and a BOM', () => {
    expect(parseConfig('')).toEqual(defaultConfig());
    expect(parseConfig('# nothing yet\n')).toEqual(defaultConfig());
    expect(parseConfig('\uFEFFreadme: README.md\n')).toEqual(defaultConfig());
  });

  it('reads every SPEC key', () => {
    const cfg = parseConfig(`
readme: docs/README.md
modules: topics/
table:
  columns: [topic, status, {key: difficulty, header: How hard}]
links:
  include: [README.md, "topics/**/*.md"]
  exclude: ["topics/drafts/**"]
  placeholders: ["^tbd-"]
  ignore: ["^https://localhost"]
  external: true
  allow-private: true
  timeout: 2.5
  concurrency: 8
  per-host: 2
  accept: ["200-299", 403]
  cache: .cache/links.json
  cache-age: 0
stale:
  days: 14
  label: "🐢 stale topic"
  max-issue-operations: 0
`);
    expect(cfg.readme).toBe('docs/README.md');
    expect(cfg.modules).toBe('topics');
    expect(cfg.table.columns).toEqual([{ key: 'topic' }, { key: 'status' }, { key: 'difficulty', header: 'How hard' }]);
    expect(cfg.links).toMatchObject({
      include: ['README.md', 'topics/**/*.md'],
      exclude: ['topics/drafts/**'],
      placeholders: ['^tbd-'],
      ignore: ['^https://localhost'],
      external: true,
      allowPrivate: true,
      timeout: 2.5,
      concurrency: 8,
      perHost: 2,
      accept: [[200, 299], [403, 403]],
      cache: '.cache/links.json',
      cacheAge: 0,
    });
    expect(cfg.stale).toEqual({ days: 14, label: '🐢 stale topic', maxIssueOperations: 0 });
  });

  it('names the key, its position and the values it takes', () => {
    expect(err('stale:\n  days: soon\n')).toBe('.odyssey.yml:2:9: `stale.days`: expected a whole number from 1 to 3650');
    expect(err('links:\n  external: yes please\n')).toBe('.odyssey.yml:2:13: `links.external`: expected true or false');
    expect(err('links:\n  accept: ["2xx"]\n')).toMatch(/`links.accept\[0\]`: expected an HTTP status code like 403 or a range like "200-299"/);
    expect(err('links:\n  per-host: 0\n')).toMatch(/`links.per-host`: expected a whole number from 1 to 64/);
    expect(err('table:\n  columns: []\n')).toMatch(/`table.columns`: expected a list of columns such as topic, status/);
  });

  it('refuses paths that leave the repository, bad patterns and a column listed twice', () => {
    expect(err('readme: ../outside.md\n')).toMatch(/^\.odyssey\.yml:1:9: `readme`: expected a path inside the repository.*got "\.\.\/outside\.md"$/);
    expect(err('modules: /etc\n')).toMatch(/`modules`: expected a path inside the repository/);
    expect(err('badge: a/../../b.svg\n')).toMatch(/`badge`: expected a path inside the repository/);
    expect(err('links:\n  cache: ../c.json\n')).toMatch(/`links.cache`: expected a path inside the repository/);
    expect(parseConfig('modules: ./notes/\n').modules).toBe('notes');
    expect(err('links:\n  placeholders: ["ok", "/[unclosed/"]\n')).toMatch(/^\.odyssey\.yml:2:24: `links.placeholders\[1\]`: not a valid pattern \(\/\[unclosed\/: Invalid regular expression/);
    expect(err('links:\n  ignore: "/(/"\n')).toMatch(/`links.ignore`: not a valid pattern/);
    expect(err('table:\n  columns: [topic, status, topic]\n')).toMatch(/^\.odyssey\.yml:2:28: `table.columns\[2\]`: the column `topic` is listed twice: keep one$/);
  });

  it('says what numbers and chart values it takes', () => {
    expect(err('links:\n  cache-age: -1\n')).toMatch(/`links.cache-age`: expected a number from 0 to 8760$/);
    expect(parseConfig('links:\n  cache-age: 0\n').links.cacheAge).toBe(0);
    expect(err('links:\n  timeout: 0\n')).toMatch(/`links.timeout`: expected a number above 0, up to 600$/);
    expect(err('chart: maybe\n')).toMatch(/`chart`: expected true, false, or a mapping with keys pie, gantt, burnup$/);
  });

  it('rejects unknown keys, listing the ones that exist', () => {
    expect(err('tabel: {}\n')).toBe('.odyssey.yml:1:1: `tabel`: unknown key; the top level takes readme, modules, table, chart, badge, links, stale');
    expect(err('links:\n  extrenal: true\n')).toMatch(/^\.odyssey\.yml:2:3: `links.extrenal`: unknown key; `links` takes include, exclude/);
  });

  it('reports YAML that does not parse with its position', () => {
    expect(err('links: [unclosed\n')).toMatch(/^\.odyssey\.yml:\d+:\d+: not valid YAML/);
    expect(err('- a\n- b\n')).toMatch(/expected a mapping of keys/);
  });

  it('chart takes a boolean or per-chart switches; badge a path or false', () => {
    expect(parseConfig('chart: false\n').chart).toEqual({ pie: false, gantt: false, burnup: false });
    expect(parseConfig('chart:\n  gantt: false\n').chart).toEqual({ pie: true, gantt: false, burnup: true });
    expect(parseConfig('badge: .github/odyssey.svg\n').badge).toBe('.github/odyssey.svg');
    expect(parseConfig('badge: false\n').badge).toBeNull();
  });

  it('bounds every number: a timeout past what Node timers hold, huge or negative counts, NaN and infinity', () => {
    expect(err('links:\n  timeout: 1e9\n')).toBe('.odyssey.yml:2:12: `links.timeout`: expected a number above 0, up to 600');
    expect(err('links:\n  timeout: .nan\n')).toMatch(/`links.timeout`: expected a number above 0, up to 600$/);
    expect(err('links:\n  cache-age: .inf\n')).toMatch(/`links.cache-age`: expected a number from 0 to 8760$/);
    expect(err('links:\n  concurrency: 100000\n')).toMatch(/`links.concurrency`: expected a whole number from 1 to 256$/);
    expect(err('links:\n  retries: -1\n')).toMatch(/`links.retries`: expected a whole number from 0 to 10$/);
    expect(err('links:\n  max-retry-after: 86400\n')).toMatch(/`links.max-retry-after`: expected a number from 0 to 3600$/);
    expect(err('stale:\n  days: 1e12\n')).toMatch(/`stale.days`: expected a whole number from 1 to 3650$/);
    expect(err('stale:\n  max-issue-operations: 5000\n')).toMatch(/`stale.max-issue-operations`: expected a whole number from 0 to 1000$/);
    expect(err('links:\n  concurrency: "8"\n')).toMatch(/`links.concurrency`: expected a whole number from 1 to 256$/);
    expect(parseConfig('links:\n  timeout: 600\n  concurrency: 256\nstale:\n  days: 3650\n').links.timeout).toBe(600);
  });

  it('points into lists and column mappings at the item that is wrong', () => {
    expect(err('links:\n  include: [README.md, 1]\n')).toBe('.odyssey.yml:2:24: `links.include[1]`: expected a non-empty string');
    expect(err('table:\n  columns: [{header: X}]\n')).toBe('.odyssey.yml:2:13: `table.columns[0].key`: missing; expected a non-empty string');
    expect(err('table:\n  columns: [{key: a, colour: red}]\n')).toBe('.odyssey.yml:2:22: `table.columns[0].colour`: unknown key; `table.columns[0]` takes key, header');
    expect(err('chart: {pie: 1}\n')).toBe('.odyssey.yml:1:14: `chart.pie`: expected true or false');
    expect(err('links: [a]\n')).toMatch(/^\.odyssey\.yml:1:8: `links`: expected a mapping with keys include, exclude, placeholders/);
    expect(err('links:\n  headers:\n    example.org: [1]\n')).toMatch(/`links.headers.example.org`: expected a mapping of header name → value$/);
  });

  it('reports the first problem in the file, whatever order the schema lists its keys in', () => {
    expect(err('stale:\n  days: 0\nreadme: /etc/passwd\n')).toMatch(/^\.odyssey\.yml:2:9: `stale.days`/);
    expect(err('readme: /etc/passwd\nstale:\n  days: 0\n')).toMatch(/^\.odyssey\.yml:1:9: `readme`/);
  });

  it('takes prototype names only as what they are: unknown keys, or column names', () => {
    expect(err('__proto__: {readme: x}\n')).toMatch(/^\.odyssey\.yml:1:1: `__proto__`: unknown key; the top level takes readme/);
    expect(err('links:\n  constructor: 1\n')).toMatch(/`links.constructor`: unknown key/);
    expect(parseConfig('table:\n  columns: [constructor, __proto__, toString]\n').table.columns.map((c) => c.key)).toEqual(['constructor', '__proto__', 'toString']);
    expect(Object.keys(parseConfig('links:\n  headers:\n    __proto__: {a: b}\n').links.headers)).toEqual([]);
    expect(Object.getPrototypeOf(parseConfig('links:\n  headers:\n    __proto__: {a: b}\n').links.headers)).toBe(Object.prototype);
  });

  it('refuses a YAML bomb and keys that are not plain names', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
    expect(err(bomb)).toMatch(/^\.odyssey\.yml:1:1: the YAML aliases \(\*name\) expand to too much .*write the values out instead$/);
    expect(err('? [a]\n: 1\n')).toBe('.odyssey.yml:1:3: a key must be a plain name, not a list or a mapping');
  });

  it('an empty section takes its defaults', () => {
    expect(parseConfig('links:\nstale:\n  days: 3\n')).toEqual({ ...defaultConfig(), stale: { ...defaultConfig().stale, days: 3 } });
  });
});

