// docs/action.md and the workflows say what action.yml says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const read = (rel: string) => readFileSync(new URL(`../../${rel}`, import.meta.url), 'utf8');
const actionYml = parse(read('action.yml')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};
const docs = read('docs/action.md');

/** The rows of the table between `<!-- odyssey:<name>:start -->` and its end marker, as cells. */
function tableRows(name: string): string[][] {
  const m = new RegExp(`<!-- odyssey:${name}:start -->\\n([\\s\\S]*?)<!-- odyssey:${name}:end -->`).exec(docs);
  if (!m) throw new Error(`docs/action.md has no ${name} table`);
  return m[1]!
    .trim()
    .split('\n')
    .slice(2)
    .map((row) => row.replace(/^\|\s*|\s*\|$/g, '').split(/\s*\|\s*/).map((c) => c.replace(/^`|`$/g, '')));
}

describe('docs/action.md', () => {
  it('lists every input of action.yml with its default and description', () => {
    const want = Object.entries(actionYml.inputs).map(([name, i]) => [name, String(i.default ?? ''), i.description]);
    expect(tableRows('inputs')).toEqual(want);
  });

  it('lists every output of action.yml with its description', () => {
    expect(tableRows('outputs')).toEqual(Object.entries(actionYml.outputs).map(([name, o]) => [name, o.description]));
  });

  it('shows a workflow that parses and grants the permissions the features need', () => {
    const block = /```yaml\n([\s\S]*?)```/.exec(docs)![1]!;
    const wf = parse(block) as { on: Record<string, unknown>; permissions: Record<string, string>; concurrency: unknown };
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['push', 'pull_request', 'schedule']));
    expect(wf.permissions).toMatchObject({ contents: 'write', issues: 'write' });
    expect(wf.concurrency).toBeTruthy();
  });
});

describe('action.yml', () => {
  it('runs the committed bundle on node24', () => {
    expect(actionYml.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });
});

describe('.github/workflows', () => {
  it('runs this repository through its own action on push, pull request and a weekly schedule', () => {
    const wf = parse(read('.github/workflows/odyssey.yml')) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      concurrency: { group: string };
      jobs: Record<string, { steps: Array<{ uses?: string }> }>;
    };
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['push', 'pull_request', 'schedule']));
    expect(wf.permissions).toMatchObject({ contents: 'write', issues: 'write' });
    expect(wf.concurrency.group).toContain('github.ref');
    expect(Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.uses))).toContain('./');
  });

  it('fails when dist/ is not a fresh build', () => {
    const text = read('.github/workflows/check-dist.yml');
    expect(text).toContain('npm run build');
    expect(text).toMatch(/git status --porcelain -- dist/);
    expect(text).toContain('exit 1');
  });
});
