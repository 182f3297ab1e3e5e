// Loopback HTTP servers that behave like the web a link checker meets: each on its own
// 127.0.0.x address (a separate host for free), counting every request it sees.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What a path answers. Paths not listed answer 404. */
export type Behaviour =
  | { kind: 'ok' }
  | { kind: 'status'; status: number }
  /** 405 to HEAD (or `headStatus`), 200 to GET. */
  | { kind: 'no-head'; headStatus?: number }
  /** `to` is absolute or a path on the same server. */
  | { kind: 'redirect'; to: string; status?: number }
  /** `failures` answers of `status` (default 503), then 200. */
  | { kind: 'flaky'; failures: number; status?: number }
  /** `times` answers of 429 with this Retry-After (omitted when undefined), then 200. */
  | { kind: 'rate-limit'; times: number; retryAfter?: string }
  /** Accepts the request and never answers. */
  | { kind: 'hang' };

export interface FarmHostOptions {
  /** 127.0.0.x (or ::1) to listen on. */
  ip: string;
  routes?: Record<string, Behaviour>;
  /** Delay before every answer. */
  latencyMs?: number;
  /** More requests in flight than this get 429 with `Retry-After: rateLimitRetryAfter`. */
  maxInFlight?: number;
  rateLimitRetryAfter?: string;
}

export interface RequestRecord {
  method: string;
  path: string;
  host: string | undefined;
  headers: http.IncomingHttpHeaders;
  status: number | null;
}

export interface FarmHost {
  ip: string;
  port: number;
  /** `http://ip:port` */
  origin: string;
  url(path: string): string;
  requests: RequestRecord[];
  /** Answers of 429 this host sent. */
  tooMany: number;
  /** Most requests this host had in flight at once. */
  peakInFlight: number;
  /** TCP connections accepted (keep-alive reuse shows as fewer connections than requests). */
  connections: number;
  /** Requests to one path (all methods). */
  count(path: string): number;
  setRoute(path: string, b: Behaviour): void;
  /** Forgets requests, counters and how often each path was asked (flaky paths fail again). */
  reset(): void;
}

export interface LinkFarm {
  hosts: FarmHost[];
  host(ip: string): FarmHost;
  totalRequests(): number;
  reset(): void;
  /** An http URL on `ip` at a port nothing listens on (connection refused). */
  refusedUrl(ip: string, path?: string): Promise<string>;
  close(): Promise<void>;
}

function startHost(opts: FarmHostOptions): Promise<{ host: FarmHost; close: () => Promise<void> }> {
  const routes = new Map<string, Behaviour>(Object.entries(opts.routes ?? {}));
  const seen = new Map<string, number>();
  const sockets = new Set<Socket>();
  let inFlight = 0;
  const host: FarmHost = {
    ip: opts.ip,
    port: 0,
    origin: '',
    url: (p) => `${host.origin}${p}`,
    requests: [],
    tooMany: 0,
    peakInFlight: 0,
    connections: 0,
    count: (p) => host.requests.filter((r) => r.path === p).length,
    setRoute: (p, b) => void routes.set(p, b),
    reset: () => {
      host.requests = [];
      host.tooMany = 0;
      host.connections = 0;
      host.peakInFlight = inFlight;
      seen.clear();
    },
  };

  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    const record: RequestRecord = { method: req.method ?? '', path, host: req.headers.host, headers: req.headers, status: null };
    host.requests.push(record);
    inFlight++;
    host.peakInFlight = Math.max(host.peakInFlight, inFlight);
    let counted = true;
    const done = () => {
      if (counted) inFlight--;
      counted = false;
    };
    res.on('close', done);
    const send = (status: number, headers: Record<string, string> = {}) => {
      record.status = status;
      if (status === 429) host.tooMany++;
      const body = `${status}\n`;
      // Like real servers, say the length even to HEAD: without it a client cannot reuse the connection.
      res.writeHead(status, { 'content-type': 'text/plain', 'content-length': String(body.length), ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (opts.maxInFlight !== undefined && inFlight > opts.maxInFlight) {
      send(429, opts.rateLimitRetryAfter === undefined ? {} : { 'retry-after': opts.rateLimitRetryAfter });
      return;
    }
    const b = routes.get(path);
    const n = (seen.get(path) ?? 0) + 1;
    seen.set(path, n);
    const answer = () => {
      if (!b) return send(404);
      switch (b.kind) {
        case 'ok':
          return send(200);
        case 'status':
          return send(b.status);
        case 'no-head':
          return send(req.method === 'HEAD' ? (b.headStatus ?? 405) : 200);
        case 'redirect':
          return send(b.status ?? 301, { location: b.to });
        case 'flaky':
          return send(n <= b.failures ? (b.status ?? 503) : 200);
        case 'rate-limit':
          return send(n <= b.times ? 429 : 200, n <= b.times && b.retryAfter !== undefined ? { 'retry-after': b.retryAfter } : {});
        case 'hang':
          return;
      }
    };
    if (opts.latencyMs) setTimeout(answer, opts.latencyMs);
    else answer();
  });
  server.on('connection', (s) => {
    host.connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, opts.ip, () => {
      const a = server.address() as AddressInfo;
      host.port = a.port;
      host.origin = `http://${a.family === 'IPv6' ? `[${opts.ip}]` : opts.ip}:${a.port}`;
      resolve({
        host,
        close: () =>
          new Promise<void>((r) => {
            for (const s of sockets) s.destroy();
            server.close(() => r());
          }),
      });
    });
  });
}

export async function startLinkFarm(hosts: FarmHostOptions[]): Promise<LinkFarm> {
  const started = await Promise.all(hosts.map(startHost));
  return {
    hosts: started.map((s) => s.host),
    host(ip) {
      const h = started.find((s) => s.host.ip === ip);
      if (!h) throw new Error(`no farm host on ${ip}`);
      return h.host;
    },
    totalRequests: () => started.reduce((n, s) => n + s.host.requests.length, 0),
    reset: () => started.forEach((s) => s.host.reset()),
    async refusedUrl(ip, path = '/') {
      // Take a free port, then let it go: nothing listens there afterwards.
      const probe = http.createServer();
      await new Promise<void>((r) => probe.listen(0, ip, r));
      const port = (probe.address() as AddressInfo).port;
      await new Promise<void>((r) => probe.close(() => r()));
      return `http://${ip}:${port}${path}`;
    },
    close: async () => {
      await Promise.all(started.map((s) => s.close()));
    },
  };
}
