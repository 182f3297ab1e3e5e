// Speed and honesty of external link checking on a loopback link farm, beside linkinator and
// markdown-link-check. Run alone: npx tsx bench/external/index.ts [--no-peers] [--only NAME]
// [--timeout SECONDS] [--defaults]
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultConfig } from '../../src/core/config.js';
import { checkExternal } from '../../src/io/http/check-external.js';
import { createProgressReporter, progressMode } from '../../src/io/http/progress.js';
import { mulberry32, planFarm, type PlannedUrl } from './farm-plan.js';
import { startFarmProcess, type HostSnapshot } from './farm-process.js';
import { writeJourney } from './journey.js';
import { occurrenceKey, runLinkinator, runMarkdownLinkCheck, type PeerReport } from './peers.js';

export interface ExternalBenchOptions {
  peers?: boolean;
  /** Run only these checkers (odyssey, odyssey-defaults, odyssey-per-host-10, linkinator, markdown-link-check). */
  only?: string[];
  timeoutSeconds?: number;
  log?: (line: string) => void;
}

export interface ExternalBenchRow {
  checker: string;
  seconds: number;
  requests: number;
  tooMany: number;
  /** Most requests any one host had in flight at once. */
  peakPerHost: number;
  /** Most requests one distinct URL cost (its redirect hop included), 429 and 5xx answers aside. */
  maxPerUrl: number;
  misses: number;
  falseReports: number;
  reported: number;
}

const HOSTS = 20;
const PER_HOST_URLS = 100;
const LATENCY_MS = 40;
const FARM_LIMIT = 6;
const MODULES = 200;
const OCCURRENCES = 3400;

export async function runExternalBench(o: ExternalBenchOptions = {}): Promise<ExternalBenchRow[]> {
  const log = o.log ?? ((l: string) => console.log(l));
  const timeoutSeconds = o.timeoutSeconds ?? 5;
  const plan = planFarm({ hosts: HOSTS, perHost: PER_HOST_URLS, latencyMs: LATENCY_MS, maxInFlight: FARM_LIMIT, seed: 7 });
  const farm = await startFarmProcess(plan.hosts);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'odyssey-bench-ext-'));
  try {
    const urlOf = (u: PlannedUrl) => farm.url(u.ip, u.path);
    const urls = plan.urls.map(urlOf);
    const journey = await writeJourney(dir, urls, MODULES, OCCURRENCES, mulberry32(11));
    const deadUrls = new Set(plan.urls.filter((u) => u.dead).map(urlOf));
    const expected = new Set(journey.links.filter((l) => deadUrls.has(l.url)).map((l) => occurrenceKey(l.file, l.url)));
    const ideal = (urls.length * LATENCY_MS) / (HOSTS * FARM_LIMIT) / 1000;
    log(`external links: ${HOSTS} hosts, ${urls.length} distinct URLs (${deadUrls.size} dead), ${journey.links.length} occurrences in ${journey.files.length} files`);
    log(`farm: ${LATENCY_MS} ms latency, 429 (Retry-After: 1) past ${FARM_LIMIT} in flight per host; timeout ${timeoutSeconds} s; ideal schedule ${ideal.toFixed(2)} s`);

    const wanted = (name: string) => (o.only ? o.only.includes(name) : o.peers !== false || name.startsWith('odyssey'));
    const runners: Array<[string, () => Promise<PeerReport>]> = [
      ['odyssey', () => runOdyssey(journey.links, dir, timeoutSeconds, { concurrency: HOSTS * FARM_LIMIT, perHost: FARM_LIMIT })],
      ['odyssey-defaults', () => runOdyssey(journey.links, dir, timeoutSeconds, {})],
      // per-host set above what the farm allows: shows the slow-down after 429s
      ['odyssey-per-host-10', () => runOdyssey(journey.links, dir, timeoutSeconds, { concurrency: HOSTS * 10, perHost: 10 })],
      ['linkinator', () => runLinkinator(dir, journey.files, timeoutSeconds * 1000)],
      ['markdown-link-check', () => runMarkdownLinkCheck(dir, journey.files, timeoutSeconds * 1000)],
    ];
    const rows: ExternalBenchRow[] = [];
    for (const [name, go] of runners) {
      if (!wanted(name)) continue;
      await farm.reset();
      const t0 = performance.now();
      const report = await go();
      const seconds = (performance.now() - t0) / 1000;
      const row = measure(name, seconds, report, expected, await farm.snapshot(), plan.urls);
      rows.push(row);
      log(formatRow(row));
    }
    return rows;
  } finally {
    await farm.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function runOdyssey(links: import('../../src/core/model.js').Link[], root: string, timeout: number, over: { concurrency?: number; perHost?: number }): Promise<PeerReport> {
  const cfg = { ...defaultConfig().links, allowPrivate: true, timeout, ...over };
  const reporter = createProgressReporter({ mode: progressMode(process.stderr, process.env), write: (s) => process.stderr.write(s) });
  const { findings } = await checkExternal(links, cfg, { root, cache: false, progress: (p) => reporter.update(p) });
  reporter.finish();
  return { broken: new Set(findings.filter((f) => f.severity === 'error').map((f) => occurrenceKey(f.file, f.url ?? ''))) };
}

function measure(checker: string, seconds: number, report: PeerReport, expected: Set<string>, hosts: HostSnapshot[], planned: PlannedUrl[]): ExternalBenchRow {
  let misses = 0;
  for (const k of expected) if (!report.broken.has(k)) misses++;
  let falseReports = 0;
  for (const k of report.broken) if (!expected.has(k)) falseReports++;
  // Requests per path, 429 and 5xx answers aside.
  const byPath = new Map<string, number>();
  for (const h of hosts)
    for (const [p, status] of h.requests)
      if (status !== 429 && !(status !== null && status >= 500)) byPath.set(`${h.ip}${p}`, (byPath.get(`${h.ip}${p}`) ?? 0) + 1);
  let maxPerUrl = 0;
  for (const u of planned) {
    const n = (byPath.get(`${u.ip}${u.path}`) ?? 0) + (u.target ? (byPath.get(`${u.ip}${u.target}`) ?? 0) : 0);
    maxPerUrl = Math.max(maxPerUrl, n);
  }
  return {
    checker,
    seconds,
    requests: hosts.reduce((n, h) => n + h.requests.length, 0),
    tooMany: hosts.reduce((n, h) => n + h.tooMany, 0),
    peakPerHost: Math.max(...hosts.map((h) => h.peakInFlight)),
    maxPerUrl,
    misses,
    falseReports,
    reported: report.broken.size,
  };
}

export function formatRow(r: ExternalBenchRow): string {
  return `${r.checker.padEnd(20)} ${r.seconds.toFixed(1).padStart(7)} s  ${String(r.requests).padStart(6)} requests  ${String(r.tooMany).padStart(5)}×429  peak/host ${String(r.peakPerHost).padStart(3)}  max/URL ${r.maxPerUrl}  reported ${r.reported}  misses ${r.misses}  false ${r.falseReports}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const at = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const only = at('--only');
  await runExternalBench({
    peers: !args.includes('--no-peers'),
    only: only ? only.split(',') : undefined,
    timeoutSeconds: at('--timeout') ? Number(at('--timeout')) : undefined,
  });
}
