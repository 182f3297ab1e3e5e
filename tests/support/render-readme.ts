// Renders markdown as GitHub shows a README: cmark-gfm (GitHub's parser, with its extensions),
// GitHub's stylesheet (github-markdown-css, light) in headless Chromium, in a README column of a
// given width. Returns layout figures of the first table after the progress marker, and writes a
// screenshot when asked.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const CHROMIUM = '/usr/bin/chromium';
export const CMARK_GFM = '/usr/bin/cmark-gfm';

export interface TableLayout {
  /** Width the table may take (the README column's content box). */
  columnWidth: number;
  /** Width the table needs; above columnWidth it scrolls sideways and the last columns are off screen. */
  tableWidth: number;
  /** Width of the part the reader sees without scrolling. */
  visibleWidth: number;
  /** Per column: its header and rendered width. */
  columns: Array<{ header: string; width: number }>;
  /** Tallest row, in lines of body text. */
  tallestRowLines: number;
  /** Height of the whole table, in px. */
  tableHeight: number;
}

/** GitHub's README box: 1,012 px wide with 32 px padding at the default (xl) layout. */
export async function renderReadme(markdown: string, opts: { width: number; screenshot?: string; height?: number }): Promise<TableLayout> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'odyssey-render-'));
  try {
    const mdFile = path.join(dir, 'README.md');
    await writeFile(mdFile, markdown);
    const { stdout: html } = await run(CMARK_GFM, ['-e', 'table', '-e', 'autolink', '-e', 'tasklist', '-e', 'strikethrough', '--unsafe', mdFile], { maxBuffer: 64 << 20 });
    const css = await readFile(path.resolve(import.meta.dirname, '../../node_modules/github-markdown-css/github-markdown-light.css'), 'utf8');
    const measure = `
      const t = [...document.querySelectorAll('table')][0];
      const lh = parseFloat(getComputedStyle(document.querySelector('.markdown-body p') || document.body).lineHeight) || 24;
      const rows = [...t.querySelectorAll('tr')];
      const out = {
        columnWidth: t.parentElement.clientWidth - parseFloat(getComputedStyle(t.parentElement).paddingLeft) - parseFloat(getComputedStyle(t.parentElement).paddingRight),
        tableWidth: t.scrollWidth,
        visibleWidth: t.clientWidth,
        columns: [...rows[0].children].map((c) => ({ header: c.textContent.trim(), width: Math.round(c.getBoundingClientRect().width) })),
        tallestRowLines: Math.max(...rows.slice(1).map((r) => Math.round((r.getBoundingClientRect().height - 13) / lh))),
        tableHeight: Math.round(t.getBoundingClientRect().height),
      };
      document.getElementById('metrics').textContent = JSON.stringify(out);`;
    const page = `<!doctype html><html><head><meta charset="utf-8"><style>${css}
      body { margin: 0; background: #fff; }
      .markdown-body { box-sizing: border-box; width: ${opts.width}px; padding: 32px; }
      #metrics { display: none; }</style></head>
      <body><article class="markdown-body">${html}</article><pre id="metrics"></pre><script>${measure}</script></body></html>`;
    const htmlFile = path.join(dir, 'readme.html');
    await writeFile(htmlFile, page);
    const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${path.join(dir, 'profile')}`, '--hide-scrollbars'];
    const { stdout: dom } = await run(CHROMIUM, [...flags, `--window-size=${opts.width},${opts.height ?? 1600}`, '--dump-dom', `file://${htmlFile}`], { maxBuffer: 64 << 20 });
    const m = /<pre id="metrics">([^<]*)<\/pre>/.exec(dom);
    if (!m) throw new Error('no metrics in the rendered page');
    if (opts.screenshot) await run(CHROMIUM, [...flags, `--window-size=${opts.width},${opts.height ?? 1600}`, `--screenshot=${path.resolve(opts.screenshot)}`, `file://${htmlFile}`]);
    return JSON.parse(m[1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')) as TableLayout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
