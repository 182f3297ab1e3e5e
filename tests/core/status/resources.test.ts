import { describe, expect, it } from 'vitest';
import { parseStatusBlock } from '../../../src/core/status/index.js';
import { parseMarkdownLink } from '../../../src/core/status/resources.js';

function parse(text: string) {
  return parseStatusBlock({ id: '01-basics', file: 'modules/01-basics/README.md', text });
}

describe('resources', () => {
  it('reads both shapes and a bare URL, each at the column its URL is written', () => {
    const text = [
      '---',
      'status: wip',
      'resources:',
      '  - "[Paper](https://arxiv.org/abs/1706.03762)"',
      "  - '[Blog](../notes/blog.md \"The blog\")'",
      '  - "[Plain](https://example.org/a)"',
      '  - https://pytorch.org/docs',
      '  - title: Illustrated',
      '    url: "https://jalammar.github.io/x/"',
      '  - url: https://b.org',
      '  - { title: Flow, url: https://c.org }',
      '---',
      '',
    ].join('\r\n');
    const { module, findings } = parse(text);
    expect(findings).toEqual([]);
    expect(module.resources).toEqual([
      { title: 'Paper', url: 'https://arxiv.org/abs/1706.03762', line: 4, column: 14 },
      { title: 'Blog', url: '../notes/blog.md', line: 5, column: 13 },
      { title: 'Plain', url: 'https://example.org/a', line: 6, column: 14 },
      { title: 'https://pytorch.org/docs', url: 'https://pytorch.org/docs', line: 7, column: 5 },
      { title: 'Illustrated', url: 'https://jalammar.github.io/x/', line: 9, column: 11 },
      { title: 'https://b.org', url: 'https://b.org', line: 10, column: 10 },
      { title: 'Flow', url: 'https://c.org', line: 11, column: 25 },
    ]);
  });

  it('keeps a placeholder URL for the link checker to judge', () => {
    const { module, findings } = parse('---\nstatus: wip\nresources:\n  - "[Paper](link_to_paper)"\n---\n');
    expect(findings).toEqual([]);
    expect(module.resources).toEqual([{ title: 'Paper', url: 'link_to_paper', line: 4, column: 14 }]);
  });

  it('a URL that also appears in the link text is placed at the destination', () => {
    const { module } = parse('---\nstatus: wip\nresources:\n  - "[https://a.io](https://a.io)"\n---\n');
    expect(module.resources[0]).toMatchObject({ line: 4, column: 21 });
  });

  it('a wrong item names its index and shows both accepted forms', () => {
    const text = '---\nstatus: wip\nresources:\n  - "[ok](https://a.io)"\n  - Attention paper, page 3\n  - 42\n  - [a, b]\n---\n';
    const { module, findings } = parse(text);
    const forms = 'write it as `- "[Title](https://…)"` (quoted), or as `- title: Title` with `url: https://…` on the next line';
    expect(findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      `5:5 resource 2 \`Attention paper, page 3\` is not a link: ${forms}`,
      `7:5 resource 4 is not a link: ${forms}`,
    ]);
    expect(module.resources.map((r) => r.url)).toEqual(['https://a.io', '42']);
    expect(module.broken).toBe(true);
    expect(module.status).toBe('in-progress');
  });

  it('a mapping without url says what to add', () => {
    const text = '---\nstatus: wip\nresources:\n  - title: Paper\n  - title: Blog\n    link: https://a.io\n---\n';
    expect(parse(text).findings.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([
      '4:5 resource 1 has no `url`: add `url: https://…` below its `title`',
      '5:5 resource 2 has no `url`: write `url:` instead of `link:`',
    ]);
  });

  it('resources that are not a list are an error; empty is none', () => {
    expect(parse('---\nstatus: wip\nresources: https://a.io\n---\n').findings.map((f) => `${f.line}:${f.column}`)).toEqual(['3:12']);
    const empty = parse('---\nstatus: wip\nresources:\n---\n');
    expect(empty.findings).toEqual([]);
    expect(empty.module.resources).toEqual([]);
  });
});

describe('parseMarkdownLink', () => {
  it('handles brackets in text, parentheses in URLs, angle brackets and titles', () => {
    expect(parseMarkdownLink('[a [b] c](https://x.org/Foo_(bar))')).toEqual({ text: 'a [b] c', url: 'https://x.org/Foo_(bar)' });
    expect(parseMarkdownLink('[a](<my file.md>)')).toEqual({ text: 'a', url: 'my file.md' });
    expect(parseMarkdownLink("[a](b.md 'T')")).toEqual({ text: 'a', url: 'b.md' });
    expect(parseMarkdownLink('[a](b.md) trailing')).toBeNull();
    expect(parseMarkdownLink('[a](b c)')).toBeNull();
    expect(parseMarkdownLink('[a] (b)')).toBeNull();
    expect(parseMarkdownLink('[\\]](u)')).toEqual({ text: ']', url: 'u' });
  });
});
