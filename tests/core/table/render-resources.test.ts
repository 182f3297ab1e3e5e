// Resources are written relative to their module README; the table is read from the README that
// holds the zone, so its links must be rebased to point at the same places.
import type { Link, Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { rebaseLink } from '../../../src/core/table/cell-text.js';
import { renderProgress } from '../../../src/core/table/index.js';
import { module } from './modules.js';
import { parseMarkdown } from './remark-oracle.js';

const MODULE = 'modules/01-a/README.md';

/** The URLs of the resource cell's links, as remark reads the rendered table back. */
function resourceUrls(urls: string[], readme: string): string[] {
  const m = module('01-a', { resources: urls.map((url, i) => ({ title: `r${i}`, url, line: 1, column: 1 })) });
  const body = renderProgress([m], { columns: [{ key: 'resources' }], readme });
  const table = parseMarkdown(body).children.find((n) => n.type === 'table') as Table;
  return table.children[1]!.children[0]!.children.filter((n): n is Link => n.type === 'link').map((n) => n.url);
}

describe('resource links in the progress table', () => {
  it('rebases relative paths and bare fragments onto the module folder, from a root README', () => {
    const written = ['notes.md', '#part-two', './sub/deep.md#x', '../02-b/README.md#b', '../02-b/', 'notes.md?plain=1#L2', '../../LICENSE', '../..'];
    expect(resourceUrls(written, 'README.md')).toEqual([
      'modules/01-a/notes.md',
      'modules/01-a/README.md#part-two',
      'modules/01-a/sub/deep.md#x',
      'modules/02-b/README.md#b',
      'modules/02-b/',
      'modules/01-a/notes.md?plain=1#L2',
      'LICENSE',
      '.',
    ]);
  });

  it('rebases relative to the folder of a README kept elsewhere', () => {
    expect(resourceUrls(['notes.md', '#part-two', '../../', '../../docs/guide.md'], 'docs/README.md')).toEqual([
      '../modules/01-a/notes.md',
      '../modules/01-a/README.md#part-two',
      '../',
      'guide.md',
    ]);
  });

  it('keeps web addresses, other schemes, root-relative paths and placeholders as written', () => {
    const kept = [
      'https://arxiv.org/abs/1706.03762',
      '//cdn.example.org/x',
      'mailto:me@example.org',
      'ftp://files/x',
      '/LICENSE',
      '/docs/a.md#b',
      'link_to_paper',
      'TODO',
      '#',
      '?',
      '../../../outside.md',
      'bad%zz.md',
    ];
    expect(resourceUrls(kept, 'README.md')).toEqual(kept);
    expect(resourceUrls(kept, 'docs/README.md')).toEqual(kept);
  });

  it('re-encodes a decoded path so that spaces and brackets stay one link', () => {
    const urls = resourceUrls(['my notes (v2).md', 'caf%C3%A9.md', 'café.md'], 'README.md');
    expect(urls).toEqual(['modules/01-a/my%20notes%20%28v2%29.md', 'modules/01-a/caf%C3%A9.md', 'modules/01-a/caf%C3%A9.md']);
    expect(rebaseLink('my notes (v2).md', MODULE, 'README.md')).toBe('modules/01-a/my%20notes%20%28v2%29.md');
  });

  it('keeps an empty address as written (check reports it at its source)', () => {
    expect(rebaseLink('', MODULE, 'README.md')).toBe('');
    expect(rebaseLink('  ', MODULE, 'README.md')).toBe('  ');
  });
});
