// Renders a README with its Mermaid charts in headless Chromium and saves a PNG; then checks that
// the pie and the gantt were really drawn (the page reports its SVGs back over loopback).
//
//   npx tsx bench/screenshot/render-readme.ts                  # this repository, synced with charts in a temp copy
//   npx tsx bench/screenshot/render-readme.ts --template       # the template README after `odyssey init`
//   npx tsx bench/screenshot/render-readme.ts --readme FILE    # any README as it is
//   options: --out FILE.png (default bench/screenshot/readme.png), --from HEADING-TEXT, --height PX, --today YYYY-MM-DD
//
// Needs Debian's `chromium` (apt-get install -y chromium). Nothing leaves 127.0.0.1: Chromium gets a
// dead proxy for every other address, a resolver that knows no names, and no background services.
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readmePage } from './page.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const MERMAID_DIST = path.join(REPO, 'node_modules/mermaid/dist');

interface Report {
  error: string | null;
  svgs: Array<{ type: string | null; slices: number; bars: number; width: number; height: number; labels: string[] }>;
  images: Array<{ src: string | null; loaded: boolean }>;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.svg': 'image/svg+xml', '.png': 'image/png', '.html': 'text/html' };

function serve(dir: string, html: string, onReport: (r: Report) => void): Promise<http.Server> {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'POST' && url.pathname === '/report') {
      let body = '';
      for await (const chunk of req) body += chunk;
      onReport(JSON.parse(body) as Report);
      res.end('ok');
      return;
    }
    if (url.pathname === '/') {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(html);
      return;
    }
    const base = url.pathname.startsWith('/mermaid/') ? MERMAID_DIST : dir;
    const rel = decodeURIComponent(url.pathname.replace(/^\/mermaid\//, '/'));
    const file = path.join(base, path.normalize(rel));
    if (!file.startsWith(base)) return void res.writeHead(403).end();
    try {
      const data = await readFile(file);
      res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
      res.end(data);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function chromium(url: string, out: string, height: number): Promise<void> {
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--hide-scrollbars',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--disable-sync',
    '--disable-breakpad',
    '--no-pings',
    '--metrics-recording-only',
    '--proxy-server=http://127.0.0.1:9',
    '--proxy-bypass-list=127.0.0.1',
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    `--window-size=1100,${height}`,
    '--virtual-time-budget=20000',
    `--screenshot=${out}`,
    url,
  ];
  return new Promise((resolve, reject) => {
    execFile('chromium', args, { timeout: 120_000 }, (err, _stdout, stderr) => (err ? reject(new Error(`chromium failed: ${err.message}\n${stderr}`)) : resolve()));
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      readme: { type: 'string' },
      template: { type: 'boolean' },
      out: { type: 'string' },
      height: { type: 'string' },
      from: { type: 'string' },
      today: { type: 'string' },
    },
  });
  const out = path.resolve(values.out ?? path.join(REPO, 'bench/screenshot/readme.png'));
  // The engine (init, sync) is loaded only when there is something to sync.
  const today = values.today ?? new Date().toISOString().slice(0, 10);
  const readmeFile = values.readme
    ? path.resolve(values.readme)
    : values.template
      ? await (await import('./journeys.js')).templateDemo(today)
      : await (await import('./journeys.js')).thisRepository(REPO, today);
  const markdown = await readFile(readmeFile, 'utf8');
  const fences = [...markdown.matchAll(/^```mermaid\r?\n(?:%%\{.*\}%%\r?\n)?([a-z]+)/gm)].map((m) => m[1]);
  const html = readmePage(markdown, values.from);

  let report: Report | null = null;
  const server = await serve(path.dirname(readmeFile), html, (r) => (report = r));
  const { port } = server.address() as AddressInfo;
  const t0 = performance.now();
  try {
    await chromium(`http://127.0.0.1:${port}/`, out, Number(values.height ?? 4200));
  } finally {
    server.close();
  }
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const r = report as Report | null;
  const size = (await stat(out)).size;
  console.log(`readme: ${readmeFile}`);
  console.log(`png: ${out} (${size} bytes, chromium ${seconds} s)`);
  if (r === null) {
    console.log('FAIL: the page never reported back (Mermaid did not finish)');
    return 1;
  }
  for (const s of r.svgs) console.log(`  ${s.type}: ${s.width}×${s.height}px, ${s.slices} slice(s), ${s.bars} bar(s); labels: ${s.labels.slice(0, 12).join(' | ')}`);
  for (const i of r.images) console.log(`  image ${i.src}: ${i.loaded ? 'loaded' : 'NOT loaded'}`);
  const problems: string[] = [];
  if (r.error) problems.push(`mermaid: ${r.error}`);
  if (fences.includes('pie') && !r.svgs.some((s) => s.type === 'pie' && s.slices > 0)) problems.push('no pie with slices was drawn');
  if (fences.includes('gantt') && !r.svgs.some((s) => s.type === 'gantt' && s.bars > 0)) problems.push('no gantt with bars was drawn');
  if (fences.length === 0) problems.push('the README has no ```mermaid fences (add the chart zone and run sync)');
  if (r.images.some((i) => !i.loaded)) problems.push('an image did not load');
  for (const p of problems) console.log(`FAIL: ${p}`);
  if (problems.length === 0) console.log(`ok: ${r.svgs.map((s) => s.type).join(' + ')} drawn`);
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = await main();
