import { describe, expect, it } from 'vitest';
import { finding } from '../../../src/core/model.js';
import { escapeCommandData, escapeCommandProperty, formatGithubCommand } from '../../../src/core/render/findings-github.js';
import { renderFindingsMarkdown } from '../../../src/core/render/findings-markdown.js';
import { REPORT_FORMATS, renderReport } from '../../../src/core/render/report.js';

const hostile = finding('docs/a,b:c%.md', 4, 2, 'missing-file', 'error', 'line one\nline two 100%\r::error::injected | <b>x</b>');

describe('github workflow commands', () => {
  it('escape the message and the properties as the runner parses them, so one finding is one command', () => {
    expect(escapeCommandData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeCommandProperty('a,b:c')).toBe('a%2Cb%3Ac');
    const line = formatGithubCommand(hostile);
    expect(line).toBe('::error file=docs/a%2Cb%3Ac%25.md,line=4,col=2,title=odyssey missing-file::line one%0Aline two 100%25%0D::error::injected | <b>x</b>');
    expect(line.split('\n')).toHaveLength(1);
  });

  it('warnings are ::warning and carry the end of the range', () => {
    const f = { ...finding('README.md', 3, 5, 'placeholder', 'warning', 'fill it in'), endLine: 3, endColumn: 9 };
    expect(formatGithubCommand(f)).toBe('::warning file=README.md,line=3,col=5,endLine=3,endColumn=9,title=odyssey placeholder::fill it in');
  });
});

describe('markdown report', () => {
  it('keeps every finding in one table row: no line break, no `|`, no raw HTML', () => {
    const md = renderFindingsMarkdown([hostile], 'odyssey check');
    const rows = md.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.split(/(?<!\\)\|/)).toHaveLength(6);
    expect(md).not.toContain('<b>');
    expect(md).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});

describe('renderReport', () => {
  it('serves every format and the text one is one line per finding', () => {
    for (const format of REPORT_FORMATS) expect(renderReport(format, { findings: [hostile], counts: {} }, { color: false, version: '0' }).length).toBeGreaterThan(0);
    expect(renderReport('text', { findings: [hostile, finding('z.md', 1, 1, 'placeholder', 'warning', 'w')], counts: {} }, { color: false, version: '0' })).toBe(
      'docs/a,b:c%.md:4:2: error missing-file line one\n    line two 100%\r::error::injected | <b>x</b>\n\nz.md:1:1: warning placeholder w\n',
    );
  });
});
