// A tiny forward proxy on loopback for tests: absolute-form requests (`GET http://host/path`) are
// forwarded, CONNECT opens a tunnel. The proxy resolves names itself through `hosts` (a name →
// `ip:port` table; an unknown name is a 502), and records every request it was asked to carry.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

export interface ProxiedRequest {
  method: string;
  /** The absolute URL (forwarded request) or `host:port` (CONNECT). */
  target: string;
  proxyAuthorization: string | undefined;
}

export interface TestProxy {
  /** `http://ip:port` */
  url: string;
  requests: ProxiedRequest[];
  close(): Promise<void>;
}

export async function startTestProxy(ip: string, hosts: Record<string, string>): Promise<TestProxy> {
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  const where = (hostPort: string): { host: string; port: number } | null => {
    const name = hostPort.replace(/:\d+$/, '');
    const mapped = hosts[name] ?? hosts[hostPort];
    if (!mapped) return null;
    const [host, port] = mapped.split(':');
    return { host: host!, port: Number(port) };
  };
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', target: req.url ?? '', proxyAuthorization: req.headers['proxy-authorization'] });
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute-form only');
      return;
    }
    const to = where(target.host);
    if (!to) {
      res.writeHead(502).end('unknown host');
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    const up = http.request({ host: to.host, port: to.port, method: req.method, path: `${target.pathname}${target.search}`, headers }, (upRes) => {
      res.writeHead(upRes.statusCode ?? 502, upRes.headers);
      upRes.pipe(res);
    });
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    requests.push({ method: 'CONNECT', target: req.url ?? '', proxyAuthorization: req.headers['proxy-authorization'] });
    const to = where(req.url ?? '');
    if (!to) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const up = net.connect(to.port, to.host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) up.write(head);
      up.pipe(client);
      client.pipe(up);
    });
    sockets.add(up);
    up.on('error', () => client.destroy());
    client.on('error', () => up.destroy());
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, ip, r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${ip}:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
