import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseStatusBlock } from '../../../src/core/status/index.js';
import { repeatedKeys } from '../../../src/core/status/repeated-keys.js';

/** `line:col severity message` of every finding on the README `lines` (joined with `eol`). */
function where(lines: string[], eol = '\n', bom = ''): string[] {
  const text = bom + lines.join(eol) + eol;
  return parseStatusBlock({ id: '01-a', file: 'modules/01-a/README.md', text }).findings.map(
    (f) => `${f.line}:${f.column} ${f.severity} ${f.message}`,
  );
}
const twice = (at: string, key: string): string => `${at} error the status block is not valid YAML: \`${key}\` is written twice: keep only one`;

describe('a key written twice', () => {
  it('names the repeated key at its own line when the value before it is empty', () => {
    expect(where(['---', 'status: todo', 'completed: 2026-12-01', 'started:', 'completed:', '---'])).toEqual([twice('5:1', 'completed')]);
  });

  it('names the repeated key when the value before it is written', () => {
    const block = ['---', 'status: todo', 'started: 2026-01-01', 'completed: 2026-12-01', 'started: 2026-02-02', '---'];
    expect(where(block)).toEqual([twice('5:1', 'started')]);
  });

  it('is found past comments and blank lines after an empty value', () => {
    expect(where(['---', 'status: todo', 'started: # soon', '', '# later', 'started:', '---'])).toEqual([twice('6:1', 'started')]);
  });

  it('is placed the same with CRLF line endings', () => {
    const block = ['---', 'status: todo', 'completed:', 'started:', 'completed:', '---'];
    expect(where(block, '\r\n')).toEqual([twice('5:1', 'completed')]);
  });

  it('is placed the same after a BOM', () => {
    expect(where(['---', 'status: todo', 'started:', 'started:', '---'], '\r\n', '\uFEFF')).toEqual([twice('4:1', 'started')]);
    expect(where(['---', 'status: todo', 'started:', 'started:', '---'], '\n', '\uFEFF')).toEqual([twice('4:1', 'started')]);
  });

  it('reports each repeat on its own line, quoted or not', () => {
    expect(where(['---', 'status:', 'title:', 'status:', 'title:', '---'])).toEqual([twice('4:1', 'status'), twice('5:1', 'title')]);
    expect(where(['---', 'status: todo', '"started":', "'started': 2026-01-01", '---'])).toEqual([twice('4:1', 'started')]);
  });

  it('inside a resource and in a flow map, at the key', () => {
    expect(where(['---', 'status: todo', 'resources:', '  - title: A', '    url:', '    url: x.md', '---'])).toEqual([twice('6:5', 'url')]);
    expect(where(['---', '{status: todo, status: done}', '---'])).toEqual([twice('2:16', 'status')]);
  });
});

describe('repeatedKeys', () => {
  it('lists the second and later writings of a scalar key, in YAML order, nested maps included', () => {
    const yaml = 'a: 1\nb:\n  c: 1\n  c: 2\na:\n1: x\n"1": y\n';
    const doc = parseDocument(yaml, { uniqueKeys: false });
    expect(repeatedKeys(doc)).toEqual([
      { name: 'c', offset: yaml.indexOf('  c: 2') + 2 },
      { name: 'a', offset: yaml.indexOf('a:\n1') },
    ]);
  });
});
