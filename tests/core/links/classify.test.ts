import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config.js';
import { classifyLinks, extractLinks, mapFileView, placeholderReason, resolveTarget, compileUrlPatterns } from '../../../src/core/links/index.js';
import type { Link } from '../../../src/core/model.js';

const cfg = defaultConfig().links;
const link = (url: string, file = 'modules/01-a/README.md', form: Link['form'] = 'inline'): Link => ({ file, line: 3, column: 5, url, form });
const none = compileUrlPatterns([]);

const repo = mapFileView(
  new Map([
    ['README.md', 'file'],
    ['modules', 'dir'],
    ['modules/01-a', 'dir'],
    ['modules/01-a/README.md', 'file'],
    ['modules/01-a/my notes.md', 'file'],
    ['modules/02-b/README.md', 'file'],
    ['assets/logo.png', 'file'],
  ]),
  new Map([
    ['modules/01-a/README.md', extractLinks('modules/01-a/README.md', '# Intro\n\n## Part A\n\n## Part A\n\n<a name="kept"></a>\n').anchors],
    ['modules/02-b/README.md', new Set(['overview'])],
  ]),
  new Map([['modules/01-a/readme.md', 'modules/01-a/README.md']]),
);
const kinds = (urls: string[], file?: string) => classifyLinks(urls.map((u) => link(u, file)), repo, cfg).findings.map((f) => `${f.url} ${f.kind} ${f.severity}`);

describe('placeholders', () => {
  it.each(['', ' ', '#', '?', 'link', 'url', 'TODO', 'TBD', 'link_to_paper', 'https://example.com/x', 'http://www.example.org', 'https://api.example', 'https://x.test/a', 'https://foo.invalid'])(
    '%j is a placeholder',
    (url) => expect(placeholderReason(url, none)).not.toBeNull(),
  );
  it.each(['notes.md', './x', '#intro', 'https://arxiv.org/abs/1', 'mailto:me@x.org', 'https://example-site.org', '/README.md'])('%j is a real link', (url) =>
    expect(placeholderReason(url, none)).toBeNull(),
  );
  it('a bare word naming a file or folder that is there is a real link, not a placeholder', () => {
    expect(kinds(['modules', 'link'], 'README.md')).toEqual(['link placeholder warning']);
    expect(kinds(['modules'], 'modules/01-a/README.md')).toEqual(['modules placeholder warning']);
  });
  it('takes extra patterns from links.placeholders (globs and /regex/)', () => {
    const extra = compileUrlPatterns(['https://fixme.org/*', '/^coming-soon/']);
    expect(placeholderReason('https://fixme.org/a/b', extra)).toMatch(/links.placeholders/);
    expect(placeholderReason('coming-soon.md', extra)).toMatch(/links.placeholders/);
    expect(placeholderReason('https://fixme.org.uk/', extra)).toBeNull();
  });
  it('is a warning of its own kind, not a missing file, and names the link text', () => {
    const r = classifyLinks([{ ...link('link'), text: 'Coursera ML' }], repo, cfg);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ kind: 'placeholder', severity: 'warning', line: 3, column: 5 });
    expect(r.findings[0]!.message).toContain('Coursera ML');
  });
});

describe('paths', () => {
  it('resolves relative to the linking file and root-relative to the root, stripping query and fragment', () => {
    expect(resolveTarget('modules/01-a/README.md', '../02-b/README.md?plain=1#overview')).toEqual({ type: 'local', path: 'modules/02-b/README.md', fragment: 'overview', trailingSlash: false });
    expect(resolveTarget('modules/01-a/README.md', '/assets/logo.png')).toMatchObject({ type: 'local', path: 'assets/logo.png' });
    expect(resolveTarget('modules/01-a/README.md', 'my%20notes.md')).toMatchObject({ type: 'local', path: 'modules/01-a/my notes.md' });
  });
  it('accepts existing files and folders, decoded escapes included', () => {
    expect(kinds(['../02-b/README.md', '/assets/logo.png', 'my%20notes.md', '../01-a', '../01-a/', '/', '../../README.md?x=1'])).toEqual([]);
  });
  it('reports a missing file as an error', () => {
    expect(kinds(['nope.md', '../03-c/README.md'])).toEqual(['nope.md missing-file error', '../03-c/README.md missing-file error']);
  });
  it('reports a path that exists only in another letter case, naming the real one', () => {
    const r = classifyLinks([link('readme.md')], repo, cfg);
    expect(r.findings[0]).toMatchObject({ kind: 'missing-file' });
    expect(r.findings[0]!.message).toContain('exists only as modules/01-a/README.md');
  });
  it('reports a path that leaves the repository as outside-repo', () => {
    expect(kinds(['../../../secrets.md', '/../x.md'])).toEqual(['../../../secrets.md outside-repo error', '/../x.md outside-repo error']);
  });
  it('reports a broken %-escape instead of throwing', () => {
    expect(kinds(['bad%E0%A4.md'])).toEqual(['bad%E0%A4.md missing-file error']);
  });
  it('leaves http(s) links to the external check and counts other schemes', () => {
    const r = classifyLinks([link('https://arxiv.org/abs/1'), link('//cdn.org/x.js'), link('mailto:a@b.org'), link('tel:123')], repo, cfg);
    expect(r.findings).toEqual([]);
    expect(r.external.map((l) => l.url)).toEqual(['https://arxiv.org/abs/1', '//cdn.org/x.js']);
    expect(r.counts['other-scheme']).toBe(2);
  });
  it('skips links matching links.ignore and counts them', () => {
    const r = classifyLinks([link('nope.md'), link('https://a.org/x')], repo, { ...cfg, ignore: ['nope.*', 'https://a.org/*'] });
    expect(r.findings).toEqual([]);
    expect(r.external).toEqual([]);
    expect(r.counts.ignored).toBe(2);
  });
});

describe('anchors', () => {
  it('accepts slugs, numbered duplicates, explicit names, user-content- prefixes and line anchors', () => {
    expect(kinds(['#intro', '#part-a', '#part-a-1', '#kept', '#user-content-part-a', '#L10', '#L10-L20', 'README.md#Part-A', '../02-b/README.md#overview'])).toEqual([]);
  });
  it('reports a missing same-file and cross-file anchor with a suggestion', () => {
    const r = classifyLinks([link('#part-b'), link('../02-b/README.md#overveiw')], repo, cfg);
    expect(r.findings.map((f) => `${f.kind} ${f.message}`)).toEqual([
      'missing-anchor `#part-b`: this file has no heading or anchor #part-b; did you mean #part-a?',
      'missing-anchor `../02-b/README.md#overveiw`: modules/02-b/README.md has no heading or anchor #overveiw; did you mean #overview?',
    ]);
  });
  it('does not check anchors into non-markdown files, and counts them', () => {
    const r = classifyLinks([link('/assets/logo.png#top')], repo, cfg);
    expect(r.findings).toEqual([]);
    expect(r.counts['unchecked-anchor']).toBe(1);
  });
  it('reports a reference once, at its definition', () => {
    const e = extractLinks('modules/01-a/README.md', '[x][r] [y][r]\n\n[r]: gone.md\n');
    const r = classifyLinks(e.links, repo, cfg);
    expect(r.findings.map((f) => `${f.line}:${f.column} ${f.kind}`)).toEqual(['3:1 missing-file']);
    expect(r.counts.references).toBe(2);
  });
});

describe('long addresses in messages', () => {
  it('quote at most 100 characters of a bare-word placeholder; the finding keeps the whole url', () => {
    const url = 'x'.repeat(1_000_000);
    const [f] = classifyLinks([link(url)], repo, cfg).findings;
    expect(f!.url).toBe(url);
    expect(f!.message.length).toBeLessThan(400);
    expect(f!.message).toContain(`\`${'x'.repeat(100)}…\``);
  });
});

describe('missing-anchor hints', () => {
  const notes = 'modules/03-attention/README.md';
  const view = (markdown: string) =>
    mapFileView(new Map([[notes, 'file']]), new Map([[notes, extractLinks(notes, markdown).anchors]]), new Map());
  const message = (url: string, markdown: string) => {
    const r = classifyLinks([link(url, notes)], view(markdown), cfg);
    expect(r.findings.map((f) => f.kind)).toEqual(['missing-anchor']);
    return r.findings[0]!.message;
  };

  it('after "## Self-Attention" became "## Self Attention Mechanism", suggests the new heading', () => {
    expect(message('#self-attention', '# Attention\n\n## Self Attention Mechanism\n\n## Exercises\n')).toBe(
      '`#self-attention`: this file has no heading or anchor #self-attention; did you mean #self-attention-mechanism?',
    );
  });

  it('suggests by words whatever the letter case of the link', () => {
    expect(message('#Mechanism-Self-Attention', '# Attention\n\n## Self Attention Mechanism\n')).toContain(
      'has no heading or anchor #Mechanism-Self-Attention; did you mean #self-attention-mechanism?',
    );
  });

  it('lists a few of the headings when none is near', () => {
    const markdown = ['# Attention', '## Reading', '## Exercises', '## Project', '## Retro', '## Links', '## Log'].join('\n\n');
    expect(message('#quantum-computing', markdown)).toBe(
      '`#quantum-computing`: this file has no heading or anchor #quantum-computing; ' +
        'its headings and anchors are #attention, #reading, #exercises, #project, #retro and 2 more',
    );
  });

  it('says when the file has no headings', () => {
    expect(message('#intro', 'Just text.\n')).toBe('`#intro`: this file has no heading or anchor #intro (it has no headings)');
  });
});
