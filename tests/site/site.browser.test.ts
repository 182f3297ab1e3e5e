// The page in a real browser (Debian's chromium, headless) at a phone's and a laptop's width, in
// both colour schemes: every topic, the chart and the table are there and visible, nothing is
// requested from anywhere but the file itself, text contrast is at least 4.5:1. Screenshots go
// to test-artifacts/ (git-ignored) for a person to look at.
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { commitAll, git, initRepo, tempDir, writeFileIn } from '../support/stale-repo.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(import.meta.dirname, '../../test-artifacts');

const block = (fields: Record<string, string>, tasks: string[] = []): string =>
  ['---', ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`), '---', '# Notes', '', ...tasks.map((t) => `- ${t}`), ''].join('\n');

const TITLES = ['Foundations', 'Transformers <img src=x onerror=alert(1)>', 'Fine-tuning "LoRA" & PEFT', 'Ethics'];

async function journeySite(): Promise<{ root: string; file: string }> {
  const root = await initRepo();
  git(root, ['remote', 'add', 'origin', 'git@github.com:octo/learning.git']);
  await writeFileIn(root, 'README.md', '# Journey\n\n[a bad link](javascript:alert(1)) and [a placeholder](link_to_paper)\n');
  const ids = ['01-foundations', '02-transformers', '03-fine-tuning', '04-ethics'];
  const write = async (i: number, status: string, done: number, total: number): Promise<void> => {
    const tasks = Array.from({ length: total }, (_, k) => `[${k < done ? 'x' : ' '}] task ${k + 1}`);
    await writeFileIn(root, `modules/${ids[i]}/README.md`, block({ title: JSON.stringify(TITLES[i]), status, started: '2026-01-05' }, tasks));
  };
  for (let i = 0; i < 4; i++) await write(i, 'todo', 0, 4);
  commitAll(root, '2026-01-05T10:00:00Z');
  const steps: Array<[string, number, string, number]> = [
    ['2026-01-07T10:00:00Z', 0, 'in-progress', 1],
    ['2026-01-13T10:00:00Z', 0, 'in-progress', 3],
    ['2026-01-20T10:00:00Z', 0, 'done', 4],
    ['2026-01-21T10:00:00Z', 1, 'in-progress', 1],
    ['2026-01-28T10:00:00Z', 1, 'in-progress', 2],
    ['2026-02-03T10:00:00Z', 1, 'in-progress', 3],
    ['2026-02-04T10:00:00Z', 2, 'paused', 1],
  ];
  for (const [when, i, status, done] of steps) {
    await write(i, status, done, 4);
    commitAll(root, when);
  }
  const out = path.join(await tempDir(), 'site');
  const r = await runCli(['site', '--out', out], root);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return { root, file: path.join(out, 'index.html') };
}

/** WCAG contrast ratio of two `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string): number => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => Number(v) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('odyssey site in a real browser', () => {
  let browser: Browser;
  let site: { root: string; file: string };

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), as .ci/run does, or set CHROMIUM_PATH`);
    mkdirSync(ARTIFACTS, { recursive: true });
    site = await journeySite();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  }, 120_000);
  afterAll(async () => browser?.close());

  it('escapes user text and never makes a javascript: URL a link', async () => {
    const html = await readFile(site.file, 'utf8');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('Transformers &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toMatch(/<script|https?:\/\/(?!github\.com\/octo\/learning\/)[^"\s<]*"/);
    expect(html).toContain('href="https://github.com/octo/learning/blob/HEAD/modules/02-transformers/README.md"');
  });

  for (const width of [375, 1280]) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`at ${width} px (${scheme}): every topic, the chart and the table visible; no request leaves the file; contrast at least 4.5:1`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, javaScriptEnabled: true });
        const requests: string[] = [];
        const self = pathToFileURL(site.file).href;
        // Every request the page makes is seen here; only the page itself may load.
        await context.route('**/*', (route) => {
          requests.push(route.request().url());
          return route.request().url() === self ? route.continue() : route.abort();
        });
        const page = await context.newPage();
        const dialogs: string[] = [];
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        await page.goto(self, { waitUntil: 'load' });

        const table = page.locator('table#topics');
        await expect.poll(() => table.isVisible()).toBe(true);
        expect(await table.locator('caption').textContent()).toBe('4 topics, in the order of the progress table');
        expect(await table.locator('thead th[scope="col"]').count()).toBe(6);
        for (const title of TITLES) {
          const row = table.getByRole('rowheader', { name: title, exact: true });
          expect(await row.isVisible(), title).toBe(true);
          expect(await page.locator('.timeline h3', { hasText: title }).first().isVisible(), `timeline of ${title}`).toBe(true);
        }
        for (const id of ['burnup-topics', 'burnup-tasks']) {
          const svg = page.locator(`#${id} svg[role="img"]`);
          expect(await svg.isVisible()).toBe(true);
          const box = (await svg.boundingBox())!;
          expect(box.width).toBeGreaterThan(250);
          expect(box.height).toBeGreaterThan(100);
          expect(await svg.locator('title').textContent()).toMatch(/^Burn-up: (topics|tasks) done/);
          expect(await svg.locator('polyline.done').getAttribute('points')).toMatch(/^[\d.]+,[\d.]+( [\d.]+,[\d.]+){4}$/);
        }
        // Nothing wider than the screen but the tables' own scrolling boxes.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

        const pairs = await page.evaluate(() => {
          const bgOf = (el: Element): string => {
            for (let e: Element | null = el; e; e = e.parentElement) {
              const bg = getComputedStyle(e).backgroundColor;
              if (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
            }
            return getComputedStyle(document.body).backgroundColor;
          };
          const sel = ['body', 'p.muted', 'a', 'th', 'td', '.status-done', '.status-in-progress', '.status-paused', '.status-todo', 'caption', 'figcaption', '.timeline li'];
          return sel.flatMap((s) => [...document.querySelectorAll(s)].slice(0, 3).map((el) => ({ s, fg: getComputedStyle(el).color, bg: bgOf(el) })));
        });
        expect(pairs.length).toBeGreaterThan(20);
        for (const p of pairs) expect(contrast(p.fg, p.bg), `${p.s}: ${p.fg} on ${p.bg}`).toBeGreaterThanOrEqual(4.5);

        await page.screenshot({ path: path.join(ARTIFACTS, `site-${width}${scheme === 'dark' ? '-dark' : ''}.png`), fullPage: true });
        expect(requests).toEqual([self]);
        expect(dialogs).toEqual([]);
        await context.close();
      }, 60_000);
    }
  }
});
