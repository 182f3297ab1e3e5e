// External links against misbehaving servers on loopback (127.0.0.x): endless redirects, redirects
// to private or non-web addresses, trickling and never-answering servers, huge and compressed
// bodies, garbage, and credentials in URLs, which are never printed.
import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExternal } from '../../../src/io/http/check-external.js';
import { parseConfig } from '../../../src/core/config.js';
import { attack, expectSafe, hostile } from '../support/harness.js';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

interface Server {
  origin: string;
  hits: () => number;
  bytesSent: () => number;
  close: () => Promise<void>;
}

const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function serve(ip: string, handler: Handler): Promise<Server> {
  let hits = 0;
  let sent = 0;
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    hits++;
    const write = res.write.bind(res);
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) sent += chunk.length;
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof res.write;
    handler(req, res);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, ip, r));
  const s: Server = {
    origin: `http://${ip}:${(server.address() as AddressInfo).port}`,
    hits: () => hits,
    bytesSent: () => sent,
    close: async () => {
      for (const k of sockets) k.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  servers.push(s);
  return s;
}

/** A raw TCP server: `onSocket` decides what (if anything) is said. */
async function rawServe(ip: string, onSocket: (s: net.Socket) => void): Promise<Server> {
  let hits = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((sock) => {
    hits++;
    sockets.add(sock);
    sock.on('error', () => {});
    sock.on('close', () => sockets.delete(sock));
    onSocket(sock);
  });
  await new Promise<void>((r) => server.listen(0, ip, r));
  const s: Server = {
    origin: `http://${ip}:${(server.address() as AddressInfo).port}`,
    hits: () => hits,
    bytesSent: () => 0,
    close: async () => {
      for (const k of sockets) k.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  servers.push(s);
  return s;
}

const CONFIG = '.odyssey.yml';
const yml = (extra = '') => `links:\n  allow-private: true\n  timeout: 2\n  retries: 0\n${extra}`;

interface Json {
  findings: Array<{ kind: string; severity: string; message: string; url?: string }>;
}

/** check --external on a README linking `urls`; asserts the harness guarantees; returns the findings. */
async function checkLinks(urls: string[], o: { config?: string; boundMs?: number; format?: 'json' | 'text' | 'sarif' } = {}) {
  const h = await hostile({ [CONFIG]: o.config ?? yml(), 'README.md': `# J\n\n${urls.map((u, i) => `[l${i}](${u})`).join('\n')}\n` });
  const r = await attack(h, ['check', '--external', '--no-cache', '--format', o.format ?? 'json'], { boundMs: o.boundMs ?? 20_000, env: { GITHUB_ACTIONS: 'true' } });
  await expectSafe(h, r);
  return { r, findings: o.format && o.format !== 'json' ? [] : (JSON.parse(r.stdout) as Json).findings };
}

let endless: Server, loop: Server, trickleHead: Server, trickleBody: Server, huge: Server, bomb: Server, never: Server, slam: Server, garbage: Server, bigHeaders: Server, creds: Server, longLocation: Server, toScheme: Server;

beforeAll(async () => {
  endless = await serve('127.0.0.21', (req, res) => {
    const n = Number(/\/r\/(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
    res.writeHead(302, { location: `/r/${n + 1}` }).end();
  });
  loop = await serve('127.0.0.22', (req, res) => res.writeHead(301, { location: req.url === '/a' ? '/b' : '/a' }).end());
  // Headers one byte every 150 ms: never complete within the 2 s timeout.
  trickleHead = await rawServe('127.0.0.23', (sock) => {
    const text = 'HTTP/1.1 200 OK\r\nX-Slow: ' + 'a'.repeat(200) + '\r\n\r\n';
    let i = 0;
    const t = setInterval(() => {
      if (sock.destroyed || i >= text.length) return clearInterval(t);
      sock.write(text[i++]!);
    }, 150);
    sock.on('close', () => clearInterval(t));
  });
  // Headers at once, then a body that trickles forever.
  // HEAD refused, so the GET decides; its body trickles forever.
  trickleBody = await serve('127.0.0.24', (req, res) => {
    if (req.method === 'HEAD') return void res.writeHead(405).end();
    res.writeHead(200, { 'content-type': 'text/html' });
    res.flushHeaders();
    const t = setInterval(() => (res.destroyed ? clearInterval(t) : res.write('x')), 100);
    res.on('close', () => clearInterval(t));
  });
  // An endless body: 64 KiB chunks as fast as the socket takes them.
  huge = await serve('127.0.0.25', (req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(10 * 1024 ** 3) });
    if (req.method === 'HEAD') return res.end();
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once('drain', pump);
    };
    pump();
  });
  // A gzip bomb: 10 MiB of compressed zeros claiming to be HTML; HEAD refused so GET is tried.
  const zeros = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
  bomb = await serve('127.0.0.26', (req, res) => {
    if (req.method === 'HEAD') return void res.writeHead(405).end();
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': String(zeros.length) });
    res.end(zeros);
  });
  never = await rawServe('127.0.0.27', () => {});
  slam = await rawServe('127.0.0.28', (sock) => sock.destroy());
  garbage = await rawServe('127.0.0.29', (sock) => sock.end('\x00\x01garbage ::error::pwned\r\n\r\n'));
  bigHeaders = await serve('127.0.0.30', (_req, res) => res.writeHead(200, { 'x-big': 'b'.repeat(200_000) }).end());
  creds = await serve('127.0.0.31', (req, res) => {
    if (req.url === '/moved') return void res.writeHead(302, { location: `http://admin:hunter2-redirect@${req.headers.host}/gone` }).end();
    res.writeHead(404).end();
  });
  longLocation = await serve('127.0.0.32', (_req, res) => res.writeHead(302, { location: `/${'l'.repeat(12_000)}` }).end());
  toScheme = await serve('127.0.0.33', (req, res) => res.writeHead(302, { location: req.url === '/js' ? 'javascript:alert(1)' : 'file:///etc/passwd' }).end());
});

describe.concurrent('external links against hostile servers', () => {
  it('endless redirects (a new address every hop) end at links.max-redirects with a finding', async () => {
    const { findings } = await checkLinks([`${endless.origin}/r/0`], { config: yml('  max-redirects: 5\n') });
    expect(findings).toEqual([expect.objectContaining({ kind: 'http-error', message: expect.stringContaining('redirects more than 5 times') })]);
    expect(endless.hits()).toBeLessThanOrEqual(8);
  });

  it('a redirect loop is a finding naming the loop', async () => {
    const { findings } = await checkLinks([`${loop.origin}/a`]);
    expect(findings).toEqual([expect.objectContaining({ kind: 'http-error', message: expect.stringContaining('loop') })]);
  });

  it('headers trickling in a byte at a time: a timeout after links.timeout, not an endless wait', async () => {
    const t0 = Date.now();
    const { findings } = await checkLinks([`${trickleHead.origin}/`]);
    expect(findings).toEqual([expect.objectContaining({ kind: 'http-timeout' })]);
    expect(Date.now() - t0).toBeLessThan(12_000);
  });

  it('a body that trickles forever: the status decides, the body is not waited for', async () => {
    const { findings } = await checkLinks([`${trickleBody.origin}/`]);
    expect(findings).toEqual([]);
  });

  it('a 10 GiB body: the answer is taken from the headers, the body is not read', async () => {
    const { findings } = await checkLinks([`${huge.origin}/big`, `${huge.origin}/big?get=1`]);
    expect(findings).toEqual([]);
    expect(huge.bytesSent()).toBeLessThan(64 * 1024 * 1024);
  });

  it('a gzip bomb is never decompressed', async () => {
    const before = process.memoryUsage().rss;
    const { findings } = await checkLinks([`${bomb.origin}/bomb`]);
    expect(findings).toEqual([]);
    expect(process.memoryUsage().rss - before).toBeLessThan(48 * 1024 * 1024);
  });

  it('a server that accepts and never answers: a timeout finding within the bound', async () => {
    const { findings } = await checkLinks([`${never.origin}/`]);
    expect(findings).toEqual([expect.objectContaining({ kind: 'http-timeout' })]);
  });

  it('a server that drops the connection at once: unreachable, no crash', async () => {
    const { findings } = await checkLinks([`${slam.origin}/`]);
    expect(findings).toEqual([expect.objectContaining({ kind: 'http-unreachable' })]);
  });

  it('a server that answers garbage (holding a workflow command): a finding, printed safely', async () => {
    const { r } = await checkLinks([`${garbage.origin}/`], { format: 'text' });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => /^\s*::/.test(l))).toEqual([]);
  });

  it('200 KB of response headers: a finding, no crash', async () => {
    const { findings } = await checkLinks([`${bigHeaders.origin}/`]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.kind).toMatch(/^http-/);
  });

  it('a 12 KB Location header: a finding with a bounded message', async () => {
    const { findings } = await checkLinks([`${longLocation.origin}/`], { config: yml('  max-redirects: 2\n') });
    expect(findings).toHaveLength(1);
  });

  it('a redirect to javascript: or file: is a finding, never followed', async () => {
    const { findings } = await checkLinks([`${toScheme.origin}/js`, `${toScheme.origin}/file`]);
    expect(findings.map((f) => f.kind)).toEqual(['http-error', 'http-error']);
    expect(toScheme.hits()).toBe(2);
  });

  it('credentials in a link are never printed (text output)', async () => {
    const { r } = await checkLinks([`http://alice:hunter2-text@${creds.origin.slice(7)}/gone`], { format: 'text' });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('hunter2');
    expect(r.stdout).toContain('***@');
  });

  it('credentials in a link are never printed (JSON output, url field included)', async () => {
    const { r, findings } = await checkLinks([`http://alice:hunter2-json@${creds.origin.slice(7)}/gone`]);
    expect(r.stdout).not.toContain('hunter2');
    expect(findings[0]!.url).toMatch(/^http:\/\/\*\*\*@/);
  });

  it('credentials in a link are never printed (SARIF output)', async () => {
    const { r } = await checkLinks([`https://tok_abcdef123456@${creds.origin.slice(7)}/gone`, `http://bob:hunter2-sarif@${creds.origin.slice(7)}/gone`], { format: 'sarif' });
    expect(r.stdout).not.toContain('hunter2');
    expect(r.stdout).not.toContain('tok_abcdef123456');
  });

  it('credentials a server puts in a redirect are never printed', async () => {
    const { r, findings } = await checkLinks([`${creds.origin}/moved`]);
    expect(findings).toHaveLength(1);
    expect(r.stdout).not.toContain('hunter2-redirect');
  });

  it('a redirect from a public host to a private address is blocked, not requested', async () => {
    const inner = await serve('127.0.0.34', (_req, res) => res.writeHead(200).end());
    const outer = await serve('127.0.0.35', (_req, res) => res.writeHead(302, { location: `${inner.origin}/admin` }).end());
    const cfg = parseConfig('links:\n  timeout: 2\n  retries: 0\n');
    const h = await hostile({ 'README.md': '# J\n' });
    const r = await checkExternal([{ file: 'README.md', line: 3, column: 1, url: `${outer.origin}/`, form: 'inline' }], cfg.links, {
      root: h.root,
      cache: false,
      trustedAddresses: ['127.0.0.35'],
    });
    expect(r.findings).toEqual([expect.objectContaining({ kind: 'blocked-address' })]);
    expect(inner.hits()).toBe(0);
  });
});
