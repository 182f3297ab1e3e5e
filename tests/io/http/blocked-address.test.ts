// Blocking is decided before any connection: these tests never reach a non-loopback address
// (made-up host names resolve through an injected lookup, and are refused before connecting).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type LinksConfig } from '../../../src/core/config.js';
import type { Link } from '../../../src/core/model.js';
import { checkExternal, type CheckExternalOptions } from '../../../src/io/http/check-external.js';
import type { Lookup } from '../../../src/io/http/resolve-host.js';
import { startLinkFarm, type LinkFarm } from '../../support/link-farm.js';
import { tmpRepo } from '../../support/tmp-repo.js';

let farm: LinkFarm;
const PUBLIC = '127.0.0.2'; // stands for "the internet" through trustedAddresses
const INSIDE = '127.0.0.3';

beforeAll(async () => {
  farm = await startLinkFarm([{ ip: PUBLIC }, { ip: INSIDE }]);
});
afterAll(async () => {
  await farm.close();
});

const link = (url: string, file = 'README.md'): Link => ({ url, file, line: 1, column: 1, form: 'inline' });

function fakeDns(table: Record<string, string[]>): { lookup: Lookup; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    lookup: async (host) => {
      asked.push(host);
      const addrs = table[host];
      if (!addrs) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return addrs.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
    },
  };
}

async function run(links: Link[], over: Partial<LinksConfig>, o: CheckExternalOptions) {
  const c = { ...defaultConfig().links, timeout: 2, ...over };
  return checkExternal(links, c, { root: await tmpRepo({}), cache: false, sleep: async () => {}, ...o });
}

describe('blocked addresses', () => {
  it('refuses a loopback URL without sending anything unless links.allow-private is set', async () => {
    const h = farm.host(INSIDE);
    h.setRoute('/secret', { kind: 'ok' });
    const blocked = await run([link(h.url('/secret'))], { allowPrivate: false }, {});
    expect(blocked.findings.map((f) => [f.kind, f.severity])).toEqual([['blocked-address', 'warning']]);
    expect(blocked.findings[0]!.message).toContain(`resolves to ${INSIDE}, a loopback address`);
    expect(blocked.findings[0]!.message).toContain('links.allow-private: true');
    expect(h.count('/secret')).toBe(0);

    const allowed = await run([link(h.url('/secret'))], { allowPrivate: true }, {});
    expect(allowed.findings).toEqual([]);
    expect(h.count('/secret')).toBe(1);
  });

  it('refuses a host name that resolves to a private address, before connecting', async () => {
    const dns = fakeDns({ 'intranet.test': ['10.0.0.5'], 'meta.test': ['169.254.169.254'], 'shared.test': ['100.64.1.1'] });
    const { findings, stats } = await run(
      [link('http://intranet.test/wiki', 'a.md'), link('http://meta.test/latest/meta-data/', 'b.md'), link('https://shared.test/', 'c.md')],
      { allowPrivate: false },
      { lookup: dns.lookup },
    );
    expect(findings.map((f) => [f.file, f.kind])).toEqual([
      ['a.md', 'blocked-address'],
      ['b.md', 'blocked-address'],
      ['c.md', 'blocked-address'],
    ]);
    expect(findings[1]!.message).toContain('169.254.169.254, a cloud metadata address');
    expect(findings[2]!.message).toContain('carrier-grade NAT');
    expect(stats.requests).toBe(0);
    expect(dns.asked.sort()).toEqual(['intranet.test', 'meta.test', 'shared.test']);
  });

  it('checks every resolved address, not just the first', async () => {
    // The trusted one comes first; the private one behind it must still block.
    const dns = fakeDns({ 'mixed.test': [PUBLIC, '192.168.1.10'] });
    const { findings, stats } = await run([link(`http://mixed.test:${farm.host(PUBLIC).port}/`)], { allowPrivate: false }, { lookup: dns.lookup, trustedAddresses: [PUBLIC] });
    expect(findings.map((f) => f.kind)).toEqual(['blocked-address']);
    expect(findings[0]!.message).toContain('192.168.1.10, a private address');
    expect(stats.requests).toBe(0);
  });

  it('re-checks every redirect hop: a public page redirecting inside is refused at the hop', async () => {
    const pub = farm.host(PUBLIC);
    const inside = farm.host(INSIDE);
    pub.setRoute('/to-inside', { kind: 'redirect', to: inside.url('/admin') });
    pub.setRoute('/to-intranet', { kind: 'redirect', to: 'http://intranet.test/admin' });
    inside.setRoute('/admin', { kind: 'ok' });
    const dns = fakeDns({ 'intranet.test': ['fd00::1'] });
    const { findings, stats } = await run(
      [link(pub.url('/to-inside'), 'a.md'), link(pub.url('/to-intranet'), 'b.md')],
      { allowPrivate: false },
      { lookup: dns.lookup, trustedAddresses: [PUBLIC] },
    );
    expect(findings.map((f) => [f.file, f.kind])).toEqual([
      ['a.md', 'blocked-address'],
      ['b.md', 'blocked-address'],
    ]);
    expect(findings[0]!.message).toContain(`(redirected to ${inside.url('/admin')}) resolves to ${INSIDE}`);
    expect(findings[1]!.message).toContain('fd00::1, a unique-local (private IPv6) address');
    expect(inside.count('/admin')).toBe(0);
    expect(stats.requests).toBe(2);
  });

  it('connects to the address it checked, keeping the host name in the Host header', async () => {
    const pub = farm.host(PUBLIC);
    pub.setRoute('/pinned', { kind: 'ok' });
    const dns = fakeDns({ 'site.test': [PUBLIC] });
    const { findings } = await run([link(`http://site.test:${pub.port}/pinned`)], { allowPrivate: false }, { lookup: dns.lookup, trustedAddresses: [PUBLIC] });
    expect(findings).toEqual([]);
    expect(pub.requests.find((r) => r.path === '/pinned')!.host).toBe(`site.test:${pub.port}`);
    expect(dns.asked).toEqual(['site.test']);
  });

  it('looks each host name up once per run', async () => {
    const pub = farm.host(PUBLIC);
    for (const p of ['/once/1', '/once/2', '/once/3']) pub.setRoute(p, { kind: 'ok' });
    const dns = fakeDns({ 'site.test': [PUBLIC] });
    await run(['/once/1', '/once/2', '/once/3'].map((p) => link(`http://site.test:${pub.port}${p}`)), { allowPrivate: true }, { lookup: dns.lookup });
    expect(dns.asked).toEqual(['site.test']);
  });

  it('reports a host name that does not resolve as http-unreachable', async () => {
    const dns = fakeDns({});
    const { findings } = await run([link('https://no-such-host.test/page')], { allowPrivate: false }, { lookup: dns.lookup });
    expect(findings.map((f) => f.kind)).toEqual(['http-unreachable']);
    expect(findings[0]!.message).toContain('no such host');
  });

  it('blocks localhost through the system resolver', async () => {
    const { findings, stats } = await run([link(`http://localhost:${farm.host(PUBLIC).port}/`)], { allowPrivate: false }, {});
    expect(findings.map((f) => f.kind)).toEqual(['blocked-address']);
    expect(stats.requests).toBe(0);
  });
});
