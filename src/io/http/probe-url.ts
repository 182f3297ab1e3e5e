// Checks one distinct URL: HEAD first, GET when HEAD is refused or fails, redirects followed
// with every hop resolved and checked before connecting, retries for 5xx and network errors,
// 429s handed to the host scheduler.
import type { IncomingHttpHeaders } from 'node:http';
import { bareHostname, isIpLiteral, type AddressClass } from '../../core/links/address.js';
import { parseRetryAfter } from '../../core/links/retry-after.js';
import { backoffMs } from './backoff.js';
import type { HostScheduler, Sleep } from './host-scheduler.js';
import { requestHeaders } from './request-headers.js';
import type { Resolution } from './resolve-host.js';
import { sendRequest, type Agents, type Answer } from './send-request.js';

export interface ProbeConfig {
  timeout: number;
  retries: number;
  maxRedirects: number;
  accept: Array<[number, number]>;
  maxRetryAfter: number;
  userAgent: string;
  headers: Record<string, Record<string, string>>;
}

export interface ProbeCounters {
  requests: number;
  tooMany: number;
  retries: number;
}

export interface ProbeContext {
  cfg: ProbeConfig;
  env: NodeJS.ProcessEnv;
  scheduler: HostScheduler;
  resolve: (hostname: string) => Promise<Resolution>;
  agents: Agents;
  sleep: Sleep;
  now: () => number;
  random: () => number;
  backoffBaseMs: number;
  counters: ProbeCounters;
  /** The proxy for a URL (HTTP_PROXY, HTTPS_PROXY, NO_PROXY), or null to connect directly. */
  proxyFor?: (url: URL) => URL | null;
}

export type Outcome =
  | { ok: true; status: number; chain: string[] }
  | { ok: false; kind: 'http-error'; status?: number; reason: string; chain: string[] }
  | { ok: false; kind: 'http-timeout'; chain: string[] }
  | { ok: false; kind: 'http-unreachable'; code: string; chain: string[] }
  | { ok: false; kind: 'http-rate-limited'; retryAfterMs: number | null; chain: string[] }
  | { ok: false; kind: 'blocked-address'; address: string; class: AddressClass; chain: string[] };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** After this long without an answer a request no longer counts against the global limit. */
const STALL_MS = 1000;
/** Answers of 429 one URL may get before it is reported as rate-limited. */
const MAX_RATE_LIMITED = 5;
/** Network errors worth a retry; the rest (bad certificate, no such host) will not heal. */
const TRANSIENT = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNABORTED', 'UND_ERR_SOCKET']);

export function isAccepted(status: number, accept: Array<[number, number]>): boolean {
  return accept.some(([lo, hi]) => status >= lo && status <= hi);
}

function header(h: IncomingHttpHeaders, name: string): string | undefined {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

export async function probeUrl(start: string, ctx: ProbeContext): Promise<Outcome> {
  const { cfg, counters } = ctx;
  let url = new URL(start);
  let method: 'HEAD' | 'GET' = 'HEAD';
  const chain = [url.href];
  let retriesUsed = 0;
  let limited = 0;
  const retryLater = async (extraMs = 0): Promise<boolean> => {
    if (retriesUsed >= cfg.retries) return false;
    retriesUsed++;
    counters.retries++;
    await ctx.sleep(Math.max(backoffMs(retriesUsed, ctx.backoffBaseMs, ctx.random), extraMs));
    return true;
  };

  for (;;) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return { ok: false, kind: 'http-error', reason: `redirects to ${url.href}, which is not a web (http or https) address`, chain };
    const hostname = bareHostname(url);
    const proxy = ctx.proxyFor?.(url) ?? null;
    // Through a proxy, the proxy resolves names: the blocked-address check still applies to a
    // literal IP address, but a name is the proxy's to resolve (and to police).
    const r: Resolution = proxy && !isIpLiteral(hostname) ? { type: 'address', address: hostname, family: 0 } : await ctx.resolve(hostname);
    if (r.type === 'blocked') return { ok: false, kind: 'blocked-address', address: r.address, class: r.class, chain };
    if (r.type === 'dns-error') {
      if (TRANSIENT.has(r.code) && (await retryLater())) continue;
      return { ok: false, kind: 'http-unreachable', code: r.code, chain };
    }

    const slot = await ctx.scheduler.acquire(hostname);
    if (!slot) return { ok: false, kind: 'http-rate-limited', retryAfterMs: null, chain };
    counters.requests++;
    let a: Answer;
    let rateLimited: Outcome | 'retry' | null = null;
    // A server that is slow to answer (or never will) must not hold a global slot for a whole
    // timeout while other hosts wait.
    const stall = setTimeout(() => slot.demote(), Math.min(STALL_MS, (cfg.timeout * 1000) / 2));
    try {
      a = await sendRequest({
        url,
        method,
        address: r.address,
        family: r.family,
        headers: requestHeaders(url, cfg, ctx.env),
        timeoutMs: cfg.timeout * 1000,
        agents: ctx.agents,
        proxy,
      });
      // Decided while the slot is still held, so no queued request slips out to a host
      // that just said "too many".
      if (a.type === 'answer' && a.status === 429 && !isAccepted(429, cfg.accept)) rateLimited = onTooMany(hostname, a.headers, ++limited, chain, ctx);
    } finally {
      clearTimeout(stall);
      slot.release();
    }
    if (rateLimited === 'retry') continue;
    if (rateLimited) return rateLimited;

    if (a.type === 'timeout') return { ok: false, kind: 'http-timeout', chain };
    if (a.type === 'network') {
      if (TRANSIENT.has(a.code) && (await retryLater())) {
        // Some servers drop a HEAD they dislike: the retry asks with GET.
        method = 'GET';
        continue;
      }
      return { ok: false, kind: 'http-unreachable', code: a.code, chain };
    }

    const { status, headers } = a;
    const location = header(headers, 'location');
    if (REDIRECTS.has(status) && location !== undefined) {
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        return { ok: false, kind: 'http-error', status, reason: `redirects to \`${location}\`, which is not a valid URL`, chain };
      }
      next.hash = '';
      if (chain.includes(next.href)) {
        chain.push(next.href);
        return { ok: false, kind: 'http-error', status, reason: 'redirects in a loop', chain };
      }
      if (chain.length > cfg.maxRedirects) {
        chain.push(next.href);
        return { ok: false, kind: 'http-error', status, reason: `redirects more than ${cfg.maxRedirects} times (\`links.max-redirects\`)`, chain };
      }
      chain.push(next.href);
      url = next;
      continue;
    }

    if (isAccepted(status, cfg.accept)) return { ok: true, status, chain };
    if (method === 'HEAD' && status !== 404 && status !== 410) {
      // Many servers refuse or mishandle HEAD (405, 403, 501, even 500): GET decides. A 404
      // or 410 is an answer about the page, not about the method.
      method = 'GET';
      continue;
    }
    if (status >= 500 && status !== 501) {
      const asked = parseRetryAfter(headers['retry-after'], ctx.now());
      const extra = asked !== null && asked <= cfg.maxRetryAfter * 1000 ? asked : 0;
      if (await retryLater(extra)) continue;
    }
    return { ok: false, kind: 'http-error', status, reason: '', chain };
  }
}

/** A 429: wait as asked (the whole host waits) and retry, or give the host up past the cap. */
function onTooMany(hostname: string, headers: IncomingHttpHeaders, limited: number, chain: string[], ctx: ProbeContext): Outcome | 'retry' {
  ctx.counters.tooMany++;
  const asked = parseRetryAfter(headers['retry-after'], ctx.now());
  const wait = asked ?? backoffMs(limited, Math.max(ctx.backoffBaseMs, 1000), ctx.random);
  if (wait > ctx.cfg.maxRetryAfter * 1000) {
    // The host asked for longer than we may wait: ask it nothing more this run.
    ctx.scheduler.close(hostname);
    return { ok: false, kind: 'http-rate-limited', retryAfterMs: asked, chain };
  }
  if (limited >= MAX_RATE_LIMITED) return { ok: false, kind: 'http-rate-limited', retryAfterMs: asked, chain };
  ctx.scheduler.slowDown(hostname, wait);
  return 'retry';
}
