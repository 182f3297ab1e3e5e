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
    const layout = await renderReadme(await readFile(path.join(ROOT, 'README.md'), 'utf8'), {
      width: 1012,
      height: 1500,
      screenshot: path.join(ROOT, 'test-artifacts/readme-1012.png'),
    });
    expect(layout.columns.map((c) => c.header)).toEqual(['Module/Topic', 'Status', 'Key Resources', 'Dates', 'Confidence (1-5)', 'Key Learnings/Challenges']);
    expect(layout.tableWidth).toBeLessThanOrEqual(layout.columnWidth);
    expect(layout.visibleWidth).toBe(layout.tableWidth);
    expect(layout.tallestRowLines).toBeLessThanOrEqual(8);
    for (const c of layout.columns) expect(c.width, c.header).toBeGreaterThanOrEqual(70);
  });
});
