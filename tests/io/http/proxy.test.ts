// External link checks through HTTP_PROXY / HTTPS_PROXY, and NO_PROXY going around them, against
// a forward proxy and servers the test starts on loopback.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, type LinksConfig } from '../../../src/core/config.js';
import type { Link } from '../../../src/core/model.js';
import { bypassesProxy, proxyFor } from '../../../src/core/net/proxy-for.js';
import { checkExternal } from '../../../src/io/http/check-external.js';
import { startTestProxy, type TestProxy } from '../../support/http-proxy.js';
import { startLinkFarm, type LinkFarm } from '../../support/link-farm.js';
import { tmpRepo } from '../../support/tmp-repo.js';

const SITE = '127.0.0.2';
const DIRECT = '127.0.0.3';
const PROXY = '127.0.0.5';
const TLS_SITE = '127.0.0.6';

let farm: LinkFarm;
let proxy: TestProxy;
let tlsServer: https.Server;
const sniSeen: string[] = [];

beforeAll(async () => {
  farm = await startLinkFarm([{ ip: SITE, routes: { '/ok': { kind: 'ok' } } }, { ip: DIRECT, routes: { '/direct': { kind: 'ok' } } }]);
  // A self-signed https site: reaching its certificate proves the tunnel led there.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'odyssey-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', `${dir}/k.pem`, '-out', `${dir}/c.pem`, '-days', '1', '-subj', '/CN=secure.test'], { stdio: 'ignore' });
  const [key, cert] = await Promise.all([readFile(`${dir}/k.pem`), readFile(`${dir}/c.pem`)]);
  tlsServer = https.createServer({ key, cert, SNICallback: (name, cb) => (sniSeen.push(name), cb(null, tls.createSecureContext({ key, cert }))) }, (_q, s) => s.end('ok'));
  await new Promise<void>((r) => tlsServer.listen(0, TLS_SITE, r));
  const tlsPort = (tlsServer.address() as AddressInfo).port;
  proxy = await startTestProxy(PROXY, { 'journey.test': `${SITE}:${farm.host(SITE).port}`, 'secure.test': `${TLS_SITE}:${tlsPort}` });
});
afterAll(async () => {
  await proxy.close();
  await farm.close();
  await new Promise<void>((r) => tlsServer.close(() => r()));
});

const link = (url: string, line = 1): Link => ({ url, file: 'README.md', line, column: 1, form: 'inline' });
const cfg = (over: Partial<LinksConfig> = {}): LinksConfig => ({ ...defaultConfig().links, timeout: 3, ...over });
/** A resolver that fails the test if asked: through a proxy, names are the proxy's to resolve. */
const noDns = async (host: string): Promise<never> => {
  throw new Error(`looked up ${host} although a proxy was set`);
};

async function check(links: Link[], env: NodeJS.ProcessEnv, c: Partial<LinksConfig> = {}, lookup = noDns as never) {
  return checkExternal(links, cfg(c), { root: await tmpRepo({}), env, lookup, cache: false, sleep: async () => {}, random: () => 0.5 });
}

describe('external checks through a proxy', () => {
  it('sends an http link through HTTP_PROXY in absolute form, with no DNS lookup of its own', async () => {
    const before = proxy.requests.length;
    const url = `http://journey.test:${farm.host(SITE).port}/ok`;
    const r = await check([link(url)], { HTTP_PROXY: proxy.url });
    expect(r.findings).toEqual([]);
    expect(proxy.requests.slice(before)).toEqual([{ method: 'HEAD', target: url, proxyAuthorization: undefined }]);
    expect(farm.host(SITE).requests.at(-1)).toMatchObject({ method: 'HEAD', path: '/ok', host: `journey.test:${farm.host(SITE).port}` });
  });

  it('lowercase http_proxy wins, and proxy credentials go as Proxy-Authorization, never to the site', async () => {
    const before = proxy.requests.length;
    const withAuth = proxy.url.replace('http://', 'http://me:s%20cret@');
    const r = await check([link(`http://journey.test:${farm.host(SITE).port}/ok`)], { http_proxy: withAuth, HTTP_PROXY: 'http://127.0.0.9:1' });
    expect(r.findings).toEqual([]);
    expect(proxy.requests.slice(before)[0]!.proxyAuthorization).toBe(`Basic ${Buffer.from('me:s cret').toString('base64')}`);
    expect(farm.host(SITE).requests.at(-1)!.headers['proxy-authorization']).toBeUndefined();
  });

  it('tunnels an https link through HTTPS_PROXY with CONNECT, TLS to the site named in SNI', async () => {
    const before = proxy.requests.length;
    const r = await check([link('https://secure.test/page')], { HTTPS_PROXY: proxy.url });
    expect(proxy.requests.slice(before)).toEqual([{ method: 'CONNECT', target: 'secure.test:443', proxyAuthorization: undefined }]);
    // The tunnel reached the self-signed site: the certificate is refused, as it should be.
    expect(sniSeen).toContain('secure.test');
    expect(r.findings).toMatchObject([{ kind: 'http-unreachable', message: expect.stringMatching(/SELF_SIGNED|certificate/i) }]);
  });

  it('NO_PROXY goes around the proxy: the listed host is asked directly', async () => {
    const before = proxy.requests.length;
    const direct = farm.host(DIRECT);
    const seen = direct.requests.length;
    const r = await check([link(direct.url('/direct'))], { HTTP_PROXY: proxy.url, NO_PROXY: `example.org, ${DIRECT}` }, { allowPrivate: true });
    expect(r.findings).toEqual([]);
    expect(proxy.requests.length).toBe(before);
    expect(direct.requests.length).toBe(seen + 1);
  });

  it('a name in NO_PROXY is resolved and checked here again, so a private address is still refused', async () => {
    const before = proxy.requests.length;
    const lookup = async () => [{ address: SITE, family: 4 }];
    const r = await check([link(`http://journey.test:${farm.host(SITE).port}/ok`)], { HTTP_PROXY: proxy.url, no_proxy: '.test' }, {}, lookup as never);
    expect(r.findings).toMatchObject([{ kind: 'blocked-address' }]);
    expect(proxy.requests.length).toBe(before);
  });

  it('keeps refusing a literal private address even with a proxy set', async () => {
    const before = proxy.requests.length;
    const r = await check([link(farm.host(DIRECT).url('/direct'))], { HTTP_PROXY: proxy.url });
    expect(r.findings).toMatchObject([{ kind: 'blocked-address' }]);
    expect(proxy.requests.length).toBe(before);
  });
});

describe('proxyFor', () => {
  const u = (s: string) => new URL(s);
  it('picks the proxy by scheme, lowercase first, https falling back to the http proxy', () => {
    expect(proxyFor(u('http://a.org/'), { HTTP_PROXY: 'http://p:1' })?.href).toBe('http://p:1/');
    expect(proxyFor(u('https://a.org/'), { HTTP_PROXY: 'http://p:1' })?.href).toBe('http://p:1/');
    expect(proxyFor(u('https://a.org/'), { HTTPS_PROXY: 'http://s:2', https_proxy: 'http://l:3' })?.href).toBe('http://l:3/');
    expect(proxyFor(u('http://a.org/'), { HTTPS_PROXY: 'http://s:2' })).toBeNull();
    expect(proxyFor(u('http://a.org/'), { HTTP_PROXY: 'proxy.corp:3128' })?.href).toBe('http://proxy.corp:3128/');
    expect(proxyFor(u('http://a.org/'), { HTTP_PROXY: '' })).toBeNull();
    expect(proxyFor(u('http://a.org/'), { HTTP_PROXY: 'socks5://p:1' })).toBeNull();
  });

  it.each([
    ['*', 'http://a.org/', true],
    ['a.org', 'http://a.org/', true],
    ['a.org', 'http://www.a.org/', true],
    ['a.org', 'http://ba.org/', false],
    ['.a.org', 'http://www.a.org/', true],
    ['*.a.org', 'http://www.a.org/', true],
    ['a.org:8080', 'http://a.org:8080/', true],
    ['a.org:8080', 'http://a.org/', false],
    ['a.org:80', 'http://a.org/', true],
    ['10.0.0.1, b.org', 'http://10.0.0.1/', true],
    ['[::1]', 'http://[::1]:3000/', true],
    ['A.ORG', 'http://a.org/', true],
  ])('NO_PROXY=%s for %s: %s', (list, url, bypass) => {
    expect(bypassesProxy(u(url), { NO_PROXY: list })).toBe(bypass);
  });
});
