// External link checking: every distinct http(s) URL fetched once (or taken from the cache),
// every occurrence reported at its own file and line.
import path from 'node:path';
import type { LinksConfig } from '../../core/config.js';
import { normalizeUrl } from '../../core/links/address.js';
import { compareFindings, finding, type Finding, type Link, type Severity } from '../../core/model.js';
import { HostScheduler, type Sleep } from './host-scheduler.js';
import { RepoReader } from '../reader.js';
import { isFreshPass, openWebLinkStore, readLinkCache, writeLinkCache, type CacheEntry } from './web-link-store.js';
import { outcomeMessage } from './outcome-message.js';
import { probeUrl, type Outcome, type ProbeCounters } from './probe-url.js';
import { createResolver, systemLookup, type Lookup } from './resolve-host.js';
import { createAgents, destroyAgents } from './send-request.js';

export interface ExternalProgress {
  done: number;
  total: number;
  failures: number;
}

export interface CheckExternalOptions {
  /** The repository root; `cfg.cache` is relative to it. Default: the working directory. */
  root?: string;
  /** Where GITHUB_TOKEN is read from. Default: process.env. */
  env?: NodeJS.ProcessEnv;
  now?: () => number;
  progress?: (p: ExternalProgress) => void;
  /** Resolves a host name to all its addresses. Default: the system resolver (`dns.lookup`). */
  lookup?: Lookup;
  /** Every wait (backoff, Retry-After) goes through this. Tests make it instant. */
  sleep?: Sleep;
  random?: () => number;
  /** First retry's backoff; doubles each retry. Default 500 ms. */
  backoffBaseMs?: number;
  /** Addresses exempt from blocking even without `allowPrivate` (tests). */
  trustedAddresses?: string[];
  /** false: neither read nor write the cache file. */
  cache?: boolean;
}

export interface CheckExternalResult {
  findings: Finding[];
  stats: Record<string, number>;
}

const WARNING_KINDS = new Set(['http-rate-limited', 'blocked-address']);
const realSleep: Sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function checkExternal(links: Link[], cfg: LinksConfig, opts: CheckExternalOptions = {}): Promise<CheckExternalResult> {
  const now = opts.now ?? Date.now;
  const findings: Finding[] = [];
  const stats = { occurrences: links.length, urls: 0, skipped: 0, invalid: 0, cached: 0, checked: 0, ok: 0, errors: 0, warnings: 0, requests: 0, retries: 0, tooMany: 0, peakInFlight: 0, cacheWriteFailed: 0 };

  const byUrl = new Map<string, Link[]>();
  for (const link of links) {
    const key = normalizeUrl(link.url);
    if (key === null) {
      if (/^\s*https?:/i.test(link.url)) {
        stats.invalid++;
        findings.push(finding(link.file, link.line, link.column, 'http-error', 'error', `${link.url} is not a valid URL; write a full address such as https://example.org/page`, { url: link.url }));
      } else stats.skipped++; // not http(s): never becomes a request
      continue;
    }
    const list = byUrl.get(key);
    if (list) list.push(link);
    else byUrl.set(key, [link]);
  }
  stats.urls = byUrl.size;

  const useCache = opts.cache !== false;
  const store = useCache ? openWebLinkStore(new RepoReader(opts.root ?? process.cwd()), cfg.cache, opts.env ?? process.env) : null;
  const previous = store ? readLinkCache(store) : new Map<string, CacheEntry>();
  const startedAt = now();
  const toCheck: string[] = [];
  for (const url of byUrl.keys()) {
    if (isFreshPass(previous.get(url), startedAt, cfg.cacheAge)) stats.cached++;
    else toCheck.push(url);
  }

  const counters: ProbeCounters = { requests: 0, tooMany: 0, retries: 0 };
  const sleep = opts.sleep ?? realSleep;
  const scheduler = new HostScheduler(cfg.concurrency, cfg.perHost, sleep);
  const agents = createAgents();
  const ctx = {
    cfg,
    env: opts.env ?? process.env,
    scheduler,
    resolve: createResolver({ lookup: opts.lookup ?? systemLookup, allowPrivate: cfg.allowPrivate, trusted: new Set(opts.trustedAddresses ?? []) }),
    agents,
    sleep,
    now,
    random: opts.random ?? Math.random,
    backoffBaseMs: opts.backoffBaseMs ?? 500,
    counters,
  };

  const progress = { done: stats.cached, total: byUrl.size, failures: 0 };
  opts.progress?.({ ...progress });
  const outcomes = new Map<string, Outcome>();
  try {
    await Promise.all(
      toCheck.map(async (url) => {
        let o: Outcome;
        try {
          o = await probeUrl(url, ctx);
        } catch (err) {
          // A bug must not silently pass a link: report it on the link.
          o = { ok: false, kind: 'http-unreachable', code: err instanceof Error ? err.message : String(err), chain: [url] };
        }
        outcomes.set(url, o);
        progress.done++;
        if (!o.ok) progress.failures++;
        opts.progress?.({ ...progress });
      }),
    );
  } finally {
    destroyAgents(agents);
  }

  const checkedAt = new Date(now()).toISOString();
  const entries = new Map<string, CacheEntry>();
  for (const [url, e] of previous) if (isFreshPass(e, startedAt, cfg.cacheAge)) entries.set(url, e);
  for (const [url, o] of outcomes) {
    stats.checked++;
    entries.set(url, { url, ok: o.ok, status: o.ok ? o.status : 'status' in o && o.status !== undefined ? o.status : 0, checkedAt });
    if (o.ok) {
      stats.ok++;
      continue;
    }
    const severity: Severity = WARNING_KINDS.has(o.kind) ? 'warning' : 'error';
    if (severity === 'error') stats.errors++;
    else stats.warnings++;
    for (const link of byUrl.get(url)!) {
      findings.push(finding(link.file, link.line, link.column, o.kind, severity, outcomeMessage(link.url, o, cfg.timeout), { url: link.url }));
    }
  }
  if (store && (outcomes.size > 0 || entries.size !== previous.size)) {
    // A store that cannot be written costs the next run time, not this run its results.
    if (!writeLinkCache(store, entries.values())) stats.cacheWriteFailed = 1;
  }

  stats.requests = counters.requests;
  stats.retries = counters.retries;
  stats.tooMany = counters.tooMany;
  stats.peakInFlight = scheduler.peakInFlight;
  findings.sort(compareFindings);
  return { findings, stats };
}
