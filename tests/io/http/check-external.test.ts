import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { defaultConfig, type LinksConfig } from '../../../src/core/config.js';
import type { Link } from '../../../src/core/model.js';
import { checkExternal, type CheckExternalOptions } from '../../../src/io/http/check-external.js';
import { startLinkFarm, type LinkFarm } from '../../support/link-farm.js';
import { tmpRepo } from '../../support/tmp-repo.js';

let farm: LinkFarm;
const A = '127.0.0.2';
const B = '127.0.0.3';
const C = '127.0.0.4';

beforeAll(async () => {
  farm = await startLinkFarm([{ ip: A }, { ip: B }, { ip: C, latencyMs: 20 }]);
});
afterAll(async () => {
  await farm.close();
});

function cfg(over: Partial<LinksConfig> = {}): LinksConfig {
  return { ...defaultConfig().links, allowPrivate: true, timeout: 2, ...over };
}

function link(url: string, file = 'README.md', line = 1, column = 1): Link {
  return { url, file, line, column, form: 'inline' };
}

/** Instant waits that remember what they were asked to wait. */
function sleeper(): { waits: number[]; sleep: (ms: number) => Promise<void> } {
  const waits: number[] = [];
  return { waits, sleep: (ms) => (waits.push(ms), new Promise((r) => setImmediate(r))) };
}

async function run(links: Link[], c: Partial<LinksConfig> = {}, o: CheckExternalOptions = {}) {
  const root = o.root ?? (await tmpRepo({}));
  return checkExternal(links, cfg(c), { sleep: sleeper().sleep, random: () => 0.5, ...o, root });
}

describe('checkExternal: answers', () => {
  it('fetches each distinct URL once and reports every occurrence at its own place', async () => {
    const h = farm.host(A);
    h.setRoute('/once/ok', { kind: 'ok' });
    const dead = h.url('/once/dead');
    const links = [
      link(h.url('/once/ok')),
      link(`${h.url('/once/ok')}#intro`, 'modules/a/README.md', 4, 3),
      link(dead, 'README.md', 7, 2),
      link(`${dead}#x`, 'modules/b/README.md', 2, 5),
      link(dead.replace('http://', 'HTTP://'), 'modules/c/README.md', 9, 1),
    ];
    const { findings, stats } = await run(links);
    expect(h.count('/once/ok')).toBe(1);
    // A 404 is an answer about the page, not a refusal of HEAD: no second request.
    expect(h.requests.filter((r) => r.path === '/once/dead').map((r) => r.method)).toEqual(['HEAD']);
    expect(findings.map((f) => [f.file, f.line, f.column, f.kind, f.severity])).toEqual([
      ['README.md', 7, 2, 'http-error', 'error'],
      ['modules/b/README.md', 2, 5, 'http-error', 'error'],
      ['modules/c/README.md', 9, 1, 'http-error', 'error'],
    ]);
    expect(findings[1]!.url).toBe(`${dead}#x`);
    expect(findings[0]!.message).toContain('answered 404 Not Found');
    expect(stats).toMatchObject({ occurrences: 5, urls: 2, checked: 2, ok: 1, errors: 1, requests: 2 });
  });

  it('asks with GET when HEAD is refused (405, 403, 501) and passes the link', async () => {
    const h = farm.host(A);
    h.setRoute('/nohead/405', { kind: 'no-head' });
    h.setRoute('/nohead/403', { kind: 'no-head', headStatus: 403 });
    h.setRoute('/nohead/501', { kind: 'no-head', headStatus: 501 });
    const { findings } = await run(['/nohead/405', '/nohead/403', '/nohead/501'].map((p) => link(h.url(p))));
    expect(findings).toEqual([]);
    for (const p of ['/nohead/405', '/nohead/403', '/nohead/501'])
      expect(h.requests.filter((r) => r.path === p).map((r) => r.method)).toEqual(['HEAD', 'GET']);
  });

  it('asks with GET when HEAD fails with a server error, and trusts a 410 to HEAD', async () => {
    const h = farm.host(A);
    h.setRoute('/nohead/500', { kind: 'no-head', headStatus: 500 });
    h.setRoute('/gone', { kind: 'status', status: 410 });
    const { findings } = await run([link(h.url('/nohead/500'), 'a.md'), link(h.url('/gone'), 'b.md')]);
    expect(findings.map((f) => [f.file, f.kind])).toEqual([['b.md', 'http-error']]);
    expect(findings[0]!.message).toContain('410 Gone');
    expect(h.requests.filter((r) => r.path === '/nohead/500').map((r) => `${r.method} ${r.status}`)).toEqual(['HEAD 500', 'GET 200']);
    expect(h.count('/gone')).toBe(1);
  });

  it('reports a TLS failure as http-unreachable without retrying it', async () => {
    const h = farm.host(A);
    const { findings, stats } = await run([link(h.url('/tls').replace('http:', 'https:'))], { retries: 2 });
    expect(findings.map((f) => f.kind)).toEqual(['http-unreachable']);
    expect(stats).toMatchObject({ requests: 1, retries: 0 });
  });

  it('checks IPv6 literal hosts', async (t) => {
    let v6: LinkFarm;
    try {
      v6 = await startLinkFarm([{ ip: '::1', routes: { '/six': { kind: 'ok' } } }]);
    } catch {
      t.skip(); // no IPv6 loopback on this machine
      return;
    }
    try {
      const h = v6.host('::1');
      expect(h.url('/six')).toMatch(/^http:\/\/\[::1\]:\d+\/six$/);
      const { findings } = await run([link(h.url('/six')), link(h.url('/none'), 'b.md')]);
      expect(findings.map((f) => [f.file, f.kind])).toEqual([['b.md', 'http-error']]);
      expect(h.count('/six')).toBe(1);
    } finally {
      await v6.close();
    }
  });

  it('honours links.accept', async () => {
    const h = farm.host(A);
    h.setRoute('/accept/403', { kind: 'status', status: 403 });
    const { findings } = await run([link(h.url('/accept/403'))], { accept: [[200, 299], [403, 403]] });
    expect(findings).toEqual([]);
    expect(h.count('/accept/403')).toBe(1);
  });

  it('sends the user agent and the configured headers only to the matching host', async () => {
    const a = farm.host(A);
    const b = farm.host(B);
    a.setRoute('/hdr', { kind: 'redirect', to: b.url('/hdr') });
    b.setRoute('/hdr', { kind: 'ok' });
    const { findings } = await run([link(a.url('/hdr'))], { userAgent: 'odyssey-test/1', headers: { [A]: { 'X-Key': 'secret' } } });
    expect(findings).toEqual([]);
    const ra = a.requests.find((r) => r.path === '/hdr')!;
    const rb = b.requests.find((r) => r.path === '/hdr')!;
    expect(ra.headers['user-agent']).toBe('odyssey-test/1');
    expect(ra.headers['x-key']).toBe('secret');
    expect(rb.headers['x-key']).toBeUndefined();
  });
});

describe('checkExternal: redirects', () => {
  it('follows redirects across hosts and reports a dead end with where it ended', async () => {
    const a = farm.host(A);
    const b = farm.host(B);
    a.setRoute('/r/good', { kind: 'redirect', to: b.url('/r/target') });
    b.setRoute('/r/target', { kind: 'ok' });
    a.setRoute('/r/bad', { kind: 'redirect', to: '/r/gone', status: 302 });
    const { findings } = await run([link(a.url('/r/good')), link(a.url('/r/bad'), 'x.md', 3)]);
    expect(findings.map((f) => [f.file, f.kind])).toEqual([['x.md', 'http-error']]);
    expect(findings[0]!.message).toContain(`redirected to ${a.url('/r/gone')}`);
    expect(a.count('/r/good')).toBe(1);
    expect(b.count('/r/target')).toBe(1);
  });

  it('stops a redirect loop and a chain longer than links.max-redirects', async () => {
    const a = farm.host(A);
    a.setRoute('/loop/1', { kind: 'redirect', to: '/loop/2' });
    a.setRoute('/loop/2', { kind: 'redirect', to: '/loop/1' });
    for (let i = 1; i <= 4; i++) a.setRoute(`/chain/${i}`, { kind: 'redirect', to: `/chain/${i + 1}` });
    a.setRoute('/chain/5', { kind: 'ok' });
    const { findings } = await run([link(a.url('/loop/1'), 'a.md'), link(a.url('/chain/1'), 'b.md')], { maxRedirects: 2 });
    expect(findings.map((f) => [f.file, f.kind])).toEqual([
      ['a.md', 'http-error'],
      ['b.md', 'http-error'],
    ]);
    expect(findings[0]!.message).toContain('redirects in a loop');
    expect(findings[1]!.message).toContain('more than 2 times');
    expect(a.count('/loop/1')).toBe(1);
    expect(a.count('/loop/2')).toBe(1);
    expect(a.count('/chain/3')).toBe(1);
    expect(a.count('/chain/4')).toBe(0);
  });

  it('never follows a redirect to anything but http(s)', async () => {
    const a = farm.host(A);
    a.setRoute('/r/ftp', { kind: 'redirect', to: 'ftp://127.0.0.2/file' });
    a.setRoute('/r/file', { kind: 'redirect', to: 'file:///etc/passwd' });
    const { findings, stats } = await run([link(a.url('/r/ftp'), 'a.md'), link(a.url('/r/file'), 'b.md')]);
    expect(findings.map((f) => f.kind)).toEqual(['http-error', 'http-error']);
    expect(findings[0]!.message).toContain('redirects to ftp://127.0.0.2/file, which is not a web (http or https) address');
    expect(findings[1]!.message).toContain('redirects to file:///etc/passwd');
    expect(stats.requests).toBe(2);
  });

  it('skips links that are not http(s) and counts them', async () => {
    const { findings, stats } = await run([link('mailto:me@example.org'), link('ftp://127.0.0.2/x'), link('https://')]);
    expect(stats).toMatchObject({ skipped: 2, invalid: 1, urls: 0, requests: 0 });
    expect(findings.map((f) => f.kind)).toEqual(['http-error']);
  });
});

describe('checkExternal: retries, rate limits and timeouts', () => {
  it('retries 503 with backoff and passes when the server recovers', async () => {
    const a = farm.host(A);
    a.setRoute('/flaky/once', { kind: 'flaky', failures: 1 });
    a.setRoute('/flaky/thrice', { kind: 'flaky', failures: 3 });
    a.setRoute('/flaky/always', { kind: 'flaky', failures: 99 });
    const s = sleeper();
    const { findings, stats } = await run(
      [link(a.url('/flaky/once'), 'a.md'), link(a.url('/flaky/thrice'), 'b.md'), link(a.url('/flaky/always'), 'c.md')],
      { retries: 2 },
      { sleep: s.sleep, backoffBaseMs: 100 },
    );
    // HEAD 503 → GET 200
    expect(a.requests.filter((r) => r.path === '/flaky/once').map((r) => `${r.method} ${r.status}`)).toEqual(['HEAD 503', 'GET 200']);
    // HEAD 503 → GET 503 → retry 503 → retry 200
    expect(a.count('/flaky/thrice')).toBe(4);
    expect(a.count('/flaky/always')).toBe(4);
    expect(findings.map((f) => [f.file, f.kind])).toEqual([['c.md', 'http-error']]);
    expect(findings[0]!.message).toContain('503 Service Unavailable');
    expect(stats.retries).toBe(4);
    // backoff doubles: 100, 200 (jitter fixed at ×1 by random() = 0.5)
    expect(s.waits.sort((x, y) => x - y)).toEqual([100, 100, 200, 200]);
  });

  it('honours Retry-After on 429 and passes the link', async () => {
    const a = farm.host(B);
    a.setRoute('/429/short', { kind: 'rate-limit', times: 1, retryAfter: '1' });
    const s = sleeper();
    const { findings, stats } = await run([link(a.url('/429/short'))], {}, { sleep: s.sleep });
    expect(findings).toEqual([]);
    expect(a.requests.filter((r) => r.path === '/429/short').map((r) => r.status)).toEqual([429, 200]);
    expect(s.waits).toEqual([1000]);
    expect(stats.tooMany).toBe(1);
  });

  it('backs off on 429 without Retry-After and reports rate-limited (a warning) after five', async () => {
    const a = farm.host(B);
    a.setRoute('/429/forever', { kind: 'rate-limit', times: 99 });
    const s = sleeper();
    const { findings } = await run([link(a.url('/429/forever'))], {}, { sleep: s.sleep });
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([['http-rate-limited', 'warning']]);
    expect(findings[0]!.message).toContain('not known to be dead');
    expect(a.count('/429/forever')).toBe(5);
    expect(s.waits).toEqual([1000, 2000, 4000, 8000]);
  });

  it('reads an HTTP-date Retry-After with the clock it is given', async () => {
    const a = farm.host(B);
    const now = Date.UTC(2026, 0, 1, 0, 0, 0);
    a.setRoute('/429/date', { kind: 'rate-limit', times: 1, retryAfter: 'Thu, 01 Jan 2026 00:00:07 GMT' });
    const s = sleeper();
    const { findings } = await run([link(a.url('/429/date'))], {}, { sleep: s.sleep, now: () => now });
    expect(findings).toEqual([]);
    expect(s.waits).toEqual([7000]);
  });

  it('gives up on a host whose Retry-After is past links.max-retry-after: a warning, and no more requests to it', async () => {
    const farm2 = await startLinkFarm([{ ip: '127.0.0.5', maxInFlight: 0, rateLimitRetryAfter: '3600' }]);
    try {
      const h = farm2.host('127.0.0.5');
      const s = sleeper();
      const { findings, stats } = await run(
        ['/a', '/b', '/c'].map((p, i) => link(h.url(p), `m${i}.md`)),
        { perHost: 1, maxRetryAfter: 60 },
        { sleep: s.sleep },
      );
      expect(findings.map((f) => [f.file, f.kind, f.severity])).toEqual([
        ['m0.md', 'http-rate-limited', 'warning'],
        ['m1.md', 'http-rate-limited', 'warning'],
        ['m2.md', 'http-rate-limited', 'warning'],
      ]);
      expect(findings[0]!.message).toContain('Retry-After 3600 s');
      expect(h.requests.length).toBe(1);
      expect(s.waits).toEqual([]);
      expect(stats.warnings).toBe(3);
    } finally {
      await farm2.close();
    }
  });

  it('slows down a host that answers 429 and still checks every URL on it', async () => {
    const farm2 = await startLinkFarm([{ ip: '127.0.0.6', latencyMs: 15, maxInFlight: 2, rateLimitRetryAfter: '0' }]);
    try {
      const h = farm2.host('127.0.0.6');
      const paths = Array.from({ length: 16 }, (_, i) => `/p${i}`);
      for (const p of paths) h.setRoute(p, { kind: 'ok' });
      const { findings, stats } = await checkExternal(paths.map((p) => link(h.url(p))), cfg({ perHost: 8, concurrency: 16 }), {
        root: await tmpRepo({}),
        cache: false,
      });
      expect(findings).toEqual([]);
      expect(h.tooMany).toBeGreaterThan(0);
      for (const p of paths) expect(h.requests.filter((r) => r.path === p).at(-1)!.status).toBe(200);
      // 8 → 4 → 2 after the first two bursts: far fewer 429s than a checker that keeps 8 in flight
      expect(stats.tooMany).toBe(h.tooMany);
      expect(h.tooMany).toBeLessThan(16);
    } finally {
      await farm2.close();
    }
  });

  it('reports a server that never answers as http-timeout after one timeout, without retrying', async () => {
    const a = farm.host(A);
    a.setRoute('/hang', { kind: 'hang' });
    const { findings } = await run([link(a.url('/hang'))], { timeout: 0.3 });
    expect(findings.map((f) => f.kind)).toEqual(['http-timeout']);
    expect(findings[0]!.message).toContain('within 0.3 s');
    expect(a.count('/hang')).toBe(1);
  });

  it('lets other hosts through while a server keeps a request hanging', async () => {
    const a = farm.host(A);
    const b = farm.host(B);
    a.setRoute('/hang/2', { kind: 'hang' });
    for (const p of ['/w/1', '/w/2', '/w/3']) b.setRoute(p, { kind: 'ok' });
    const seen: number[] = [];
    const { findings } = await run(
      [link(a.url('/hang/2'), 'a.md'), ...['/w/1', '/w/2', '/w/3'].map((p) => link(b.url(p), 'b.md'))],
      { concurrency: 1, timeout: 1.5 },
      { progress: (p) => seen.push(p.failures) },
    );
    expect(findings.map((f) => [f.file, f.kind])).toEqual([['a.md', 'http-timeout']]);
    // With one global slot, the other host's three URLs finished before the hanging one gave up.
    expect(seen).toEqual([0, 0, 0, 0, 1]);
  });

  it('reports a refused connection as http-unreachable after its retries', async () => {
    const url = await farm.refusedUrl(A, '/nothing');
    const s = sleeper();
    const { findings, stats } = await run([link(url)], { retries: 2 }, { sleep: s.sleep });
    expect(findings.map((f) => f.kind)).toEqual(['http-unreachable']);
    expect(findings[0]!.message).toContain('connection refused');
    expect(stats).toMatchObject({ retries: 2, requests: 3 });
  });

  it('keeps within the global and per-host limits', async () => {
    const c = farm.host(C);
    const paths = Array.from({ length: 12 }, (_, i) => `/lim/${i}`);
    for (const p of paths) c.setRoute(p, { kind: 'ok' });
    const before = c.peakInFlight;
    const { stats } = await run(paths.map((p) => link(c.url(p))), { perHost: 3, concurrency: 16 });
    expect(before).toBeLessThanOrEqual(3);
    expect(c.peakInFlight).toBeLessThanOrEqual(3);
    expect(stats.peakInFlight).toBe(3);
  });
});

describe('checkExternal: cache', () => {
  it('rechecks nothing that passed within cache-age, always rechecks failures, and rechecks all once it is old', async () => {
    const a = farm.host(A);
    a.setRoute('/cache/ok', { kind: 'ok' });
    const root = await tmpRepo({});
    const links = [link(a.url('/cache/ok')), link(a.url('/cache/dead'))];
    let clock = Date.UTC(2026, 5, 1, 12);
    const opts = { root, now: () => clock };
    const c = { cache: '.odyssey/links-cache.json', cacheAge: 24 };

    const first = await run(links, c, opts);
    expect(first.stats).toMatchObject({ cached: 0, checked: 2 });
    const file = path.join(root, '.odyssey/links-cache.json');
    const sealed = await readFile(file, 'utf8');
    expect(sealed).toMatch(/^odyssey-sealed-1 [0-9a-f]{64}\n/);
    const saved = JSON.parse(sealed.slice(sealed.indexOf('\n') + 1));
    expect(saved.entries).toEqual([
      { url: a.url('/cache/dead'), ok: false, status: 404, checkedAt: '2026-06-01T12:00:00.000Z' },
      { url: a.url('/cache/ok'), ok: true, status: 200, checkedAt: '2026-06-01T12:00:00.000Z' },
    ]);
    // Atomic write: no temp file left beside the cache (the folder ignores itself for git).
    expect(await readdir(path.dirname(file))).toEqual(['.gitignore', 'links-cache.json']);

    clock += 23 * 3_600_000;
    const second = await run(links, c, opts);
    expect(second.stats).toMatchObject({ cached: 1, checked: 1 });
    expect(second.findings.map((f) => f.kind)).toEqual(['http-error']);
    expect(a.count('/cache/ok')).toBe(1);
    expect(a.count('/cache/dead')).toBe(2);

    clock += 2 * 3_600_000;
    const third = await run(links, c, opts);
    expect(third.stats).toMatchObject({ cached: 0, checked: 2 });
    expect(a.count('/cache/ok')).toBe(2);
  });

  it('treats an unreadable cache file as empty', async () => {
    const a = farm.host(A);
    a.setRoute('/cache/junk', { kind: 'ok' });
    const root = await tmpRepo({ '.odyssey/links-cache.json': '{not json' });
    const { stats } = await run([link(a.url('/cache/junk'))], {}, { root });
    expect(stats).toMatchObject({ cached: 0, checked: 1, ok: 1 });
  });
});

describe('checkExternal: progress', () => {
  it('reports done, total and failures as URLs finish', async () => {
    const a = farm.host(A);
    a.setRoute('/prog/1', { kind: 'ok' });
    a.setRoute('/prog/2', { kind: 'ok' });
    const seen: Array<{ done: number; total: number; failures: number }> = [];
    await run([link(a.url('/prog/1')), link(a.url('/prog/2')), link(a.url('/prog/404'))], {}, { progress: (p) => seen.push(p) });
    expect(seen[0]).toEqual({ done: 0, total: 3, failures: 0 });
    expect(seen.at(-1)).toEqual({ done: 3, total: 3, failures: 1 });
    expect(seen.map((p) => p.done)).toEqual([0, 1, 2, 3]);
  });
});

describe('checkExternal: cache that cannot be written', () => {
  it('still returns the findings and counts the failed write', async () => {
    const a = farm.host(A);
    // The cache path runs through a file, so its folder cannot be made.
    const root = await tmpRepo({ 'blocker': 'a file, not a folder' });
    const { findings, stats } = await run([link(a.url('/cache/unwritable'))], { cache: 'blocker/links-cache.json' }, { root });
    expect(findings.map((f) => f.kind)).toEqual(['http-error']);
    expect(stats.cacheWriteFailed).toBe(1);
  });
});
