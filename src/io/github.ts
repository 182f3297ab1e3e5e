// The ONE place an Octokit is made: @octokit/rest with the retry and throttling plugins.
// Everything that talks to GitHub is handed this client, so tests reach it over real HTTP.
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { proxyFor, type ProxyEnv } from '../core/net/proxy-for.js';
import { fetchThroughProxy } from './http/proxy-fetch.js';

export const DEFAULT_API_URL = 'https://api.github.com';

const GitHubOctokit = Octokit.plugin(retry, throttling);
export type GitHubClient = InstanceType<typeof GitHubOctokit>;

export interface OctokitLog {
  debug: (message: string) => unknown;
  info: (message: string) => unknown;
  warn: (message: string) => unknown;
  error: (message: string) => unknown;
}

export interface MakeOctokitOptions {
  /** Without a token the client is anonymous (public reads only). */
  token?: string;
  /** `GITHUB_API_URL`: GitHub Enterprise Server is `https://HOST/api/v3`. */
  baseUrl?: string;
  /** Retries of one request after a 5xx, a network error or a rate limit. Default 3. */
  retries?: number;
  log?: OctokitLog;
  /**
   * Milliseconds per second of waiting: retry back-off, `Retry-After` and the pacing between
   * writes that GitHub asks for. 1000 for real; tests pass 1 so waits stay tiny.
   */
  timeScale?: number;
  /** Longest primary rate-limit reset worth waiting for, in seconds (default 60); past it the request fails. */
  maxRateLimitWait?: number;
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read. Default: process.env. */
  env?: ProxyEnv;
  /** Milliseconds one request may take before it is abandoned (default 30,000): a stalled API ends the run. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** A request GitHub never answered in time; its message is the whole story. */
export class GitHubTimeoutError extends Error {
  override name = 'GitHubTimeoutError';
}

const quietLog: OctokitLog = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export function makeOctokit(opts: MakeOctokitOptions = {}): GitHubClient {
  const retries = opts.retries ?? 3;
  const scale = opts.timeScale ?? 1000;
  const maxWait = opts.maxRateLimitWait ?? 60;
  const log = opts.log ?? quietLog;
  const describe = (o: { method: string; url: string }): string => `${o.method} ${o.url}`;
  const baseUrl = (opts.baseUrl ?? DEFAULT_API_URL).replace(/\/+$/, '');
  const proxy = proxyFor(new URL(baseUrl), opts.env ?? process.env);
  const octokit = new GitHubOctokit({
    ...(proxy ? { request: { fetch: fetchThroughProxy(proxy) } } : {}),
    ...(opts.token ? { auth: opts.token } : {}),
    baseUrl,
    userAgent: 'odyssey',
    log,
    retry: { retries, retryAfterBaseValue: scale },
    throttle: {
      retryAfterBaseValue: scale,
      // GitHub asks for a second between writes and more between notifying ones (issues, comments).
      write: pacer(1 * scale),
      notifications: pacer(3 * scale),
      onSecondaryRateLimit: (retryAfter: number, o: { method: string; url: string }, _k: unknown, retryCount: number) => {
        const again = retryCount < retries;
        log.warn(`GitHub secondary rate limit on ${describe(o)}: ${again ? `retrying after ${retryAfter}s (${retryCount + 1}/${retries})` : 'giving up'}`);
        return again;
      },
      onRateLimit: (retryAfter: number, o: { method: string; url: string }, _k: unknown, retryCount: number) => {
        const again = retryCount < retries && retryAfter <= maxWait;
        log.warn(`GitHub rate limit on ${describe(o)}: ${again ? `retrying after ${retryAfter}s` : `resets in ${retryAfter}s; giving up`}`);
        return again;
      },
    } as never,
  });
  withTimeout(octokit, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  return octokit;
}

/**
 * Every request gets its own deadline. The abort is a plain AbortError, which Octokit passes on
 * without retrying: a stall costs one timeout, and the run ends saying which request stalled.
 */
function withTimeout(octokit: GitHubClient, ms: number): void {
  octokit.hook.wrap('request', async (request, options) => {
    const controller = new AbortController();
    const outer = options.request?.signal as AbortSignal | undefined;
    outer?.addEventListener('abort', () => controller.abort(), { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, ms);
    try {
      // Hooks share one options object (each is bound to it): the signal is set on it in place.
      options.request = { ...options.request, signal: controller.signal };
      return await request(options);
    } catch (err) {
      if (timedOut) {
        const url = String(options.url).replace(/^https?:\/\/[^/]+/, '').replace(/\{[^}]*\}/g, (m) => String((options as Record<string, unknown>)[m.slice(1, -1)] ?? m));
        throw new GitHubTimeoutError(`GitHub did not answer ${options.method} ${url} within ${ms / 1000}s: the API is not responding; the run stops here (run it again later)`);
      }
      throw err;
    } finally {
      clearTimeout(timer);
    }
  });
}

export { webUrlFor } from './web-url.js';

/**
 * Stand-in for a Bottleneck group with `maxConcurrent: 1, minTime`: the plugin only schedules
 * a no-op on it to space writes out, so a tiny queue does (and lets tests scale the spacing).
 */
function pacer(minTime: number): unknown {
  let next = 0;
  let chain: Promise<unknown> = Promise.resolve();
  const limiter = {
    schedule<T>(...args: unknown[]): Promise<T> {
      const [first, ...rest] = args;
      const [fn, ...fnArgs] = (typeof first === 'function' ? args : rest) as [(...a: unknown[]) => T | Promise<T>, ...unknown[]];
      const run = chain.then(async () => {
        const wait = next - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        next = Date.now() + minTime;
        return fn(...fnArgs);
      });
      chain = run.catch(() => undefined);
      return run;
    },
  };
  return { key: () => limiter };
}
