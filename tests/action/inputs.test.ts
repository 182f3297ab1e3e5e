import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultConfig } from '../../src/core/config.js';
import { INPUT_NAMES, INPUTS, InputError, inputEnvName, linkMode, mergeInputs, readInputs } from '../../src/action/inputs.js';

const actionYml = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
};

describe('the inputs table', () => {
  it('names exactly the inputs of action.yml, with the same defaults', () => {
    expect([...INPUT_NAMES].sort()).toEqual(Object.keys(actionYml.inputs).sort());
    for (const name of INPUT_NAMES) expect([name, INPUTS[name].default]).toEqual([name, String(actionYml.inputs[name]!.default ?? '')]);
  });

  it('keeps hyphens in the environment names GitHub sets', () => {
    expect(inputEnvName('stale-days')).toBe('INPUT_STALE-DAYS');
    expect(inputEnvName('max-issue-operations')).toBe('INPUT_MAX-ISSUE-OPERATIONS');
  });
});

describe('readInputs', () => {
  it('gives the defaults when nothing is set (a local run)', () => {
    expect(readInputs({})).toEqual({
      token: '',
      root: '.',
      sync: true,
      commit: 'auto',
      commitMessage: 'docs: update learning progress [skip ci]',
      failOn: 'error',
      stale: 'auto',
      dryRun: false,
    });
  });

  it('parses every input into a typed value', () => {
    const got = readInputs({
      INPUT_TOKEN: 'ghs_x',
      INPUT_ROOT: 'journey',
      INPUT_CONFIG: 'cfg/odyssey.yml',
      INPUT_SYNC: 'false',
      INPUT_COMMIT: 'Pull-Request',
      'INPUT_COMMIT-MESSAGE': 'chore: table',
      INPUT_LINKS: 'external',
      'INPUT_FAIL-ON': 'warning',
      INPUT_STALE: 'on',
      'INPUT_STALE-DAYS': '14',
      'INPUT_STALE-LABEL': 'idle',
      'INPUT_MAX-ISSUE-OPERATIONS': '0',
      'INPUT_DRY-RUN': 'TRUE',
    });
    expect(got).toEqual({
      token: 'ghs_x',
      root: 'journey',
      config: 'cfg/odyssey.yml',
      sync: false,
      commit: 'pull-request',
      commitMessage: 'chore: table',
      links: 'external',
      failOn: 'warning',
      stale: 'on',
      staleDays: 14,
      staleLabel: 'idle',
      maxIssueOperations: 0,
      dryRun: true,
    });
  });

  it.each([
    ['INPUT_COMMIT', 'yes', 'input `commit` is "yes": use one of auto, push, pull-request, off'],
    ['INPUT_LINKS', 'all', 'input `links` is "all": use one of off, local, external'],
    ['INPUT_FAIL-ON', 'errors', 'input `fail-on` is "errors": use one of error, warning, never'],
    ['INPUT_STALE', 'true', 'input `stale` is "true": use one of auto, on, off'],
    ['INPUT_STALE-DAYS', '2.5', 'input `stale-days` is "2.5": use a whole number from 1 to 3650'],
    ['INPUT_STALE-DAYS', '0', 'input `stale-days` is "0": use a whole number from 1 to 3650'],
    ['INPUT_MAX-ISSUE-OPERATIONS', '-1', 'input `max-issue-operations` is "-1": use a whole number from 0 to 1000'],
    ['INPUT_STALE-DAYS', '99999999999999999999', 'input `stale-days` is "99999999999999999999": use a whole number from 1 to 3650'],
    ['INPUT_DRY-RUN', 'yes', 'input `dry-run` is "yes": use true or false'],
    ['INPUT_SYNC', 'on', 'input `sync` is "on": use true or false'],
  ])('%s=%s is refused with a message naming the input and its values', (key, value, message) => {
    expect(() => readInputs({ [key]: value })).toThrow(new InputError(message));
  });
});

describe('mergeInputs', () => {
  it('lets the inputs win over .odyssey.yml and keeps the file where an input is not given', () => {
    const config = defaultConfig();
    config.stale = { days: 60, label: 'from-file', maxIssueOperations: 5 };
    const merged = mergeInputs(config, readInputs({ 'INPUT_STALE-DAYS': '7' }));
    expect(merged.stale).toEqual({ days: 7, label: 'from-file', maxIssueOperations: 5 });
  });

  it('reads links from the file when the input is left empty, and from the input when given', () => {
    const config = defaultConfig();
    config.links.external = true;
    expect(linkMode(config, readInputs({}))).toBe('external');
    expect(mergeInputs(config, readInputs({ INPUT_LINKS: 'local' })).links.external).toBe(false);
    expect(linkMode(defaultConfig(), readInputs({}))).toBe('local');
  });
});
