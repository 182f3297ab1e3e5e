// One HTTP request to an address that was already resolved and checked: the socket goes to
// `address` (no second DNS lookup, so no rebinding between check and connect), while the
// Host header and TLS server name still carry the URL's host.
// Through a proxy (HTTP_PROXY / HTTPS_PROXY), an http URL is asked in absolute form and an https
// one through a CONNECT tunnel; the proxy resolves the name, so `address` is the URL's host.
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { bareHostname, isIpLiteral } from '../../core/links/address.js';

export interface Agents {
  http: http.Agent;
  https: https.Agent;
}

export function createAgents(): Agents {
  // Keep-alive matters: a run sends many requests to few hosts.
  return {
    http: new http.Agent({ keepAlive: true }),
    https: new https.Agent({ keepAlive: true }),
  };
}

export function destroyAgents(a: Agents): void {
  a.http.destroy();
  a.https.destroy();
}

export type Answer =
  | { type: 'answer'; status: number; headers: http.IncomingHttpHeaders }
  | { type: 'timeout' }
  | { type: 'network'; code: string; message: string };

export interface RequestSpec {
  url: URL;
  method: 'HEAD' | 'GET';
  address: string;
  family: number;
  headers: Record<string, string>;
  timeoutMs: number;
  agents: Agents;
  /** The proxy to go through (from the environment), or none for a direct connection. */
  proxy?: URL | null;
}

class RequestTimeout extends Error {}

export function sendRequest(spec: RequestSpec): Promise<Answer> {
  const { url } = spec;
  const secure = url.protocol === 'https:';
  const hostname = bareHostname(url);
  const port = url.port || (secure ? 443 : 80);
  const options: https.RequestOptions = {
    host: spec.address,
    family: spec.family,
    port,
    path: `${url.pathname}${url.search}`,
    method: spec.method,
    headers: { host: url.host, ...spec.headers },
    agent: secure ? spec.agents.https : spec.agents.http,
  };
  if (url.username || url.password)
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  if (secure && !isIpLiteral(hostname)) options.servername = hostname;

  return new Promise<Answer>((resolve) => {
    let settled = false;
    let current: { destroy(err?: Error): void } | null = null;
    const settle = (a: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(a);
    };
    const onError = (err: NodeJS.ErrnoException) => {
      if (err instanceof RequestTimeout) settle({ type: 'timeout' });
      else settle({ type: 'network', code: err.code ?? 'ERROR', message: err.message });
    };
    const timer = setTimeout(() => current?.destroy(new RequestTimeout()), spec.timeoutMs);
    const ask = (o: https.RequestOptions, viaTls: boolean) => {
      const req = (viaTls ? https : http).request(o, (res) => {
        settle({ type: 'answer', status: res.statusCode ?? 0, headers: res.headers });
        // Only the status matters: a HEAD answer has no body, so its socket can go back to the
        // pool; a GET body is cut off rather than downloaded.
        if (spec.method === 'HEAD') res.resume();
        else res.destroy();
      });
      current = req;
      req.on('error', onError);
      req.end();
    };

    const proxy = spec.proxy;
    if (!proxy) return ask(options, secure);
    const proxyOptions = {
      host: bareHostname(proxy),
      port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
      headers: proxyAuthorization(proxy),
    };
    const viaTlsProxy = proxy.protocol === 'https:';
    if (!secure) {
      // Absolute form to the proxy: it connects to the host itself.
      return ask({ ...options, ...proxyOptions, family: undefined, path: url.href, agent: false, headers: { ...options.headers, ...proxyOptions.headers } }, viaTlsProxy);
    }
    const connect = (viaTlsProxy ? https : http).request({ ...proxyOptions, method: 'CONNECT', path: `${url.hostname}:${port}`, headers: { host: `${url.hostname}:${port}`, ...proxyOptions.headers }, agent: false });
    current = connect;
    connect.on('error', onError);
    connect.on('connect', (res, socket: Duplex) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        settle({ type: 'network', code: 'EPROXY', message: `the proxy ${proxy.host} refused the tunnel to ${url.host} (${res.statusCode})` });
        return;
      }
      ask(
        {
          ...options,
          // No agent: a request without one uses createConnection (the tunnel) as its socket.
          agent: undefined,
          createConnection: () => tls.connect({ socket, servername: isIpLiteral(hostname) ? undefined : hostname, ALPNProtocols: ['http/1.1'] }),
        },
        true,
      );
    });
    connect.end();
  });
}

function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username && !proxy.password) return {};
  const basic = Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64');
  return { 'proxy-authorization': `Basic ${basic}` };
}
