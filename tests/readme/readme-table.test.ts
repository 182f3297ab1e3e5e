// The repository's own README, as GitHub shows it in a 1,012 px README column (cmark-gfm, GitHub's
// stylesheet, headless Chromium): the progress table fits the column (no column clipped behind a
// sideways scroll) and no row grows tall. The screenshot is kept in test-artifacts/ to look at.
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, CMARK_GFM, renderReadme } from '../support/render-readme.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tools = existsSync(CHROMIUM) && existsSync(CMARK_GFM) && existsSync(path.join(ROOT, 'node_modules/github-markdown-css'));

describe.skipIf(!tools)('the README progress table at 1,012 px', () => {
  it('fits the column with every column visible, rows at most 8 lines tall', { timeout: 120_000 }, async () => {
    await mkdir(path.join(ROOT, 'test-artifacts'), { recursive: true });
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    // The progress zone and the section it sits in: the screenshot shows the table, whatever is above it.
    const from = readme.indexOf('\n## ', readme.lastIndexOf('\n## ', readme.indexOf('<!-- odyssey:progress:start -->')) - 1);
    const zone = readme.slice(from, readme.indexOf('<!-- odyssey:progress:end -->'));
    expect(zone).toContain('| Module/Topic');
    const layout = await renderReadme(zone, {
      width: 1012,
      height: 2000,
      screenshot: path.join(ROOT, 'test-artifacts/readme-1012.png'),
    });
    expect(layout.columns.map((c) => c.header)).toEqual(['Module/Topic', 'Status', 'Key Resources', 'Dates', 'Confidence (1-5)', 'Key Learnings/Challenges']);
    expect(layout.tableWidth).toBeLessThanOrEqual(layout.columnWidth);
    expect(layout.visibleWidth).toBe(layout.tableWidth);
    expect(layout.tallestRowLines).toBeLessThanOrEqual(8);
    for (const c of layout.columns) expect(c.width, c.header).toBeGreaterThanOrEqual(70);
  });
});
