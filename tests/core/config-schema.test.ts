// odyssey.schema.json, the validator, action.yml and the README say the same about every key.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readInputs, InputError } from '../../src/action/inputs.js';
import { ConfigError, parseConfig } from '../../src/core/config.js';
import { configSchemaText } from '../../src/core/config/schema.js';

const read = (rel: string) => readFileSync(new URL(`../../${rel}`, import.meta.url), 'utf8');
type Schema = { properties?: Record<string, Schema>; default?: unknown; minimum?: number; maximum?: number };
const schema = JSON.parse(read('odyssey.schema.json')) as Schema & Record<string, unknown>;
const validate = new Ajv2020({ strict: false }).compile(schema);

const keyAt = (dotted: string): Schema => dotted.split('.').reduce<Schema>((s, k) => s.properties![k]!, schema);

/** Every key of the schema as `links.timeout`, sections opened. */
function leafKeys(s: Schema, prefix = ''): string[] {
  return Object.entries(s.properties ?? {}).flatMap(([k, v]) =>
    v.properties && !['chart'].includes(prefix + k) ? leafKeys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

const accepts = (yamlText: string): boolean => {
  try {
    parseConfig(yamlText);
    return true;
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return false;
  }
};

describe('odyssey.schema.json', () => {
  it('is what the configuration definition generates (run `npm run schema` when this fails)', () => {
    expect(read('odyssey.schema.json')).toBe(configSchemaText());
  });

  it('is published at the URL its $id and init\'s comment name: the npm package of this name', () => {
    const pkg = JSON.parse(read('package.json')) as { name: string; files: string[] };
    expect(schema.$id).toBe(`https://cdn.jsdelivr.net/npm/${pkg.name}/odyssey.schema.json`);
    expect(pkg.files).toContain('odyssey.schema.json');
  });

  it('is valid JSON Schema draft 2020-12', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const ajv = new Ajv2020({ strict: false });
    expect(ajv.validateSchema(schema)).toBe(true);
  });

  it.each([
    ['', true],
    ['links:\n  timeout: 2.5\n  concurrency: 8\n  accept: ["200-299", 403]\n', true],
    ['table:\n  columns: [topic, {key: difficulty, header: How hard}]\n', true],
    ['chart: {pie: false}\nbadge: .github/p.svg\n', true],
    ['badge: false\n', true],
    ['links:\n  headers:\n    github.com: {Authorization: "token x"}\n', true],
    ['links:\n  timeout: 1000000000\n', false],
    ['links:\n  timeout: 0\n', false],
    ['links:\n  concurrency: 1000\n', false],
    ['links:\n  per-host: 0\n', false],
    ['links:\n  accept: [99]\n', false],
    ['links:\n  accept: ["2xx"]\n', false],
    ['links:\n  externall: true\n', false],
    ['stale:\n  days: 0\n', false],
    ['stale:\n  days: 2.5\n', false],
    ['stale:\n  max-issue-operations: 100000\n', false],
    ['stale:\n  label: ""\n', false],
    ['table:\n  columns: []\n', false],
    ['table:\n  columns: [{header: X}]\n', false],
    ['chart: maybe\n', false],
    ['readme: 3\n', false],
    ['tabel: {}\n', false],
  ])('agrees with the validator on %j (accepted: %s)', (text, ok) => {
    expect(accepts(text)).toBe(ok);
    expect(validate(parse(text) ?? {})).toBe(ok);
  });
});

describe('the keys action.yml and the README describe', () => {
  const action = parse(read('action.yml')) as { inputs: Record<string, { description: string }> };
  // Inputs that stand for a configuration key, and say so with "(default N or the config's KEY)".
  const inputKeys: Record<string, string> = {
    'stale-days': 'stale.days',
    'stale-label': 'stale.label',
    'max-issue-operations': 'stale.max-issue-operations',
  };

  it.each(Object.entries(inputKeys))('input %s names %s and its default as the schema does', (input, key) => {
    const desc = action.inputs[input]!.description;
    expect(desc).toContain(`the config's ${key}`);
    expect(desc).toContain(`default ${String(keyAt(key).default)} or the config's ${key}`);
  });

  it.each([
    ['stale-days', 'INPUT_STALE-DAYS', 'stale.days'],
    ['max-issue-operations', 'INPUT_MAX-ISSUE-OPERATIONS', 'stale.max-issue-operations'],
  ])('input %s takes the range of %s', (input, env, key) => {
    const { minimum, maximum } = keyAt(key) as Required<Schema>;
    expect(action.inputs[input]!.description).toContain(`${minimum} to ${maximum} (default`);
    expect(readInputs({ [env]: String(minimum) })).toBeTruthy();
    expect(readInputs({ [env]: String(maximum) })).toBeTruthy();
    expect(() => readInputs({ [env]: String(maximum + 1) })).toThrow(InputError);
    if (minimum > 0) expect(() => readInputs({ [env]: String(minimum - 1) })).toThrow(InputError);
  });

  const readme = read('README.md');
  const block = /## Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;

  it("the README's configuration example is a valid configuration naming every key", () => {
    expect(() => parseConfig(block, 'README.md')).not.toThrow();
    const shown = parse(block) as Record<string, unknown>;
    const has = (dotted: string) => dotted.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], shown) !== undefined;
    expect(leafKeys(schema).filter((k) => !has(k))).toEqual([]);
  });

  it("the README's example shows each key's default, except the keys it shows as an example", () => {
    const shown = parse(block) as Record<string, Record<string, unknown>>;
    const examples = new Set(['badge', 'links.headers']);
    const differs = leafKeys(schema)
      .filter((k) => !examples.has(k))
      .filter((k) => {
        const [a, b] = k.split('.') as [string, string | undefined];
        const value = b === undefined ? shown[a] : shown[a]![b];
        return JSON.stringify(value) !== JSON.stringify(keyAt(k).default);
      });
    expect(differs).toEqual([]);
  });

  it('the README points editors at the schema', () => {
    expect(readme).toContain('odyssey.schema.json');
    expect(readme).toContain('# yaml-language-server: $schema=');
  });
});
