// The action's inputs: one table that mirrors action.yml, parsed once into typed values.
// A bad value is an InputError that names the input and the values it takes.
import { BOUNDS, type Config } from '../core/config.js';

export const COMMIT_MODES = ['auto', 'push', 'pull-request', 'off'] as const;
export const LINK_MODES = ['off', 'local', 'external'] as const;
export const FAIL_ON = ['error', 'warning', 'never'] as const;
export const STALE_MODES = ['auto', 'on', 'off'] as const;

export type CommitMode = (typeof COMMIT_MODES)[number];
export type LinkMode = (typeof LINK_MODES)[number];
export type FailOn = (typeof FAIL_ON)[number];
export type StaleMode = (typeof STALE_MODES)[number];

export interface ActionInputs {
  token: string;
  root: string;
  /** Undefined: `.odyssey.yml` in the root, when there is one. */
  config?: string;
  sync: boolean;
  commit: CommitMode;
  commitMessage: string;
  /** Undefined: `local`, or `external` when the configuration sets `links.external: true`. */
  links?: LinkMode;
  failOn: FailOn;
  stale: StaleMode;
  /** Undefined: the configuration file's value (or its default). */
  staleDays?: number;
  staleLabel?: string;
  maxIssueOperations?: number;
  dryRun: boolean;
}

export class InputError extends Error {
  override name = 'InputError';
}

type Parser<T> = (raw: string, name: string) => T;

interface InputSpec<K extends keyof ActionInputs> {
  key: K;
  /** The default action.yml declares ('' when none); a test keeps the two equal. */
  default: string;
  parse: Parser<ActionInputs[K]>;
}

const oneOf =
  <T extends string>(values: readonly T[]): Parser<T> =>
  (raw, name) => {
    const v = raw.trim().toLowerCase();
    if ((values as readonly string[]).includes(v)) return v as T;
    throw new InputError(`input \`${name}\` is "${raw}": use one of ${values.join(', ')}`);
  };

// The YAML 1.2 core schema's booleans, as @actions/core's getBooleanInput takes them.
const bool: Parser<boolean> = (raw, name) => {
  const v = raw.trim();
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE'].includes(v)) return false;
  throw new InputError(`input \`${name}\` is "${raw}": use true or false`);
};

const optional =
  <T>(parse: Parser<T>): Parser<T | undefined> =>
  (raw, name) =>
    raw.trim() === '' ? undefined : parse(raw, name);

const text: Parser<string> = (raw) => raw.trim();
const optionalText: Parser<string | undefined> = (raw) => (raw.trim() === '' ? undefined : raw.trim());

/** The same range as the configuration key the input stands for. */
const wholeNumber =
  ({ min, max }: { min: number; max: number }): Parser<number | undefined> =>
  (raw, name) => {
    const v = raw.trim();
    if (v === '') return undefined;
    if (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max) return Number(v);
    throw new InputError(`input \`${name}\` is "${raw}": use a whole number from ${min} to ${max}`);
  };

const nonEmpty: Parser<string> = (raw, name) => {
  const v = raw.trim();
  if (v === '') throw new InputError(`input \`${name}\` is empty: give it a value or leave the input out for its default`);
  return v;
};

/** Every input of action.yml, by its name there. */
export const INPUTS = {
  token: { key: 'token', default: '${{ github.token }}', parse: text },
  root: { key: 'root', default: '.', parse: nonEmpty },
  config: { key: 'config', default: '', parse: optionalText },
  sync: { key: 'sync', default: 'true', parse: bool },
  commit: { key: 'commit', default: 'auto', parse: oneOf(COMMIT_MODES) },
  'commit-message': { key: 'commitMessage', default: 'docs: update learning progress [skip ci]', parse: nonEmpty },
  links: { key: 'links', default: '', parse: optional(oneOf(LINK_MODES)) },
  'fail-on': { key: 'failOn', default: 'error', parse: oneOf(FAIL_ON) },
  stale: { key: 'stale', default: 'auto', parse: oneOf(STALE_MODES) },
  'stale-days': { key: 'staleDays', default: '', parse: wholeNumber(BOUNDS.staleDays) },
  'stale-label': { key: 'staleLabel', default: '', parse: optionalText },
  'max-issue-operations': { key: 'maxIssueOperations', default: '', parse: wholeNumber(BOUNDS.maxIssueOperations) },
  'dry-run': { key: 'dryRun', default: 'false', parse: bool },
} as const satisfies { [name: string]: InputSpec<keyof ActionInputs> };

export type InputName = keyof typeof INPUTS;
export const INPUT_NAMES = Object.keys(INPUTS) as InputName[];

/** The environment variable GitHub sets for an input: upper case, spaces to `_`, hyphens kept. */
export function inputEnvName(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * Reads every input from the environment. An input that is absent or empty takes the table's
 * default (GitHub passes action.yml's defaults itself; local runs and tests may not), except
 * `token`, whose default is an expression only GitHub can evaluate.
 */
export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const out: Record<string, unknown> = {};
  for (const name of INPUT_NAMES) {
    const spec = INPUTS[name] as InputSpec<keyof ActionInputs>;
    const given = env[inputEnvName(name)] ?? '';
    const raw = given.trim() === '' && !spec.default.startsWith('${{') ? spec.default : given;
    out[spec.key] = spec.parse(raw, name);
  }
  return out as unknown as ActionInputs;
}

/** The configuration with the inputs laid over it: inputs win over `.odyssey.yml`. */
export function mergeInputs(config: Config, inputs: ActionInputs): Config {
  return {
    ...config,
    links: { ...config.links, external: linkMode(config, inputs) === 'external' },
    stale: {
      days: inputs.staleDays ?? config.stale.days,
      label: inputs.staleLabel ?? config.stale.label,
      maxIssueOperations: inputs.maxIssueOperations ?? config.stale.maxIssueOperations,
    },
  };
}

/** What `links` means once the configuration is known. */
export function linkMode(config: Config, inputs: Pick<ActionInputs, 'links'>): LinkMode {
  return inputs.links ?? (config.links.external ? 'external' : 'local');
}
