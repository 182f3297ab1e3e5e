// One request through a forward proxy (HTTP_PROXY / HTTPS_PROXY): an http URL is asked in
// absolute form (`GET http://host/path`), an https one through a CONNECT tunnel with TLS to the
// site inside it. The proxy resolves the name. Proxy credentials in the proxy URL go as
// Proxy-Authorization to the proxy only.
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { bareHostname, isIpLiteral } from '../../core/links/address.js';

export interface ProxiedRequest {
  /** Cancels the request (a timeout, an abort): `error` is then emitted with `reason`. */
  destroy(reason?: Error): void;
}

export interface ProxiedRequestOptions {
  method: string;
  /** The request's headers (Host is set from the URL). */
  headers: Record<string, string>;
  body?: Buffer;
  onResponse: (res: http.IncomingMessage) => void;
  onError: (err: NodeJS.ErrnoException) => void;
}

function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username && !proxy.password) return {};
  const basic = Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64');
  return { 'proxy-authorization': `Basic ${basic}` };
}

export function requestViaProxy(proxy: URL, url: URL, o: ProxiedRequestOptions): ProxiedRequest {
  const secure = url.protocol === 'https:';
  const hostname = bareHostname(url);
  const port = url.port || (secure ? '443' : '80');
  const toProxy = proxy.protocol === 'https:' ? https : http;
  const proxyHost = { host: bareHostname(proxy), port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80) };
  const auth = url.username || url.password ? `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` : undefined;
  let current: { destroy(err?: Error): void };
  let destroyed: Error | null = null;

  const send = (req: http.ClientRequest) => {
    current = req;
    req.on('error', o.onError);
    if (o.body) req.end(o.body);
    else req.end();
  };

  if (!secure) {
    // Absolute form: the proxy connects to the host itself.
    send(
      toProxy.request(
        { ...proxyHost, method: o.method, path: url.href, headers: { host: url.host, ...o.headers, ...proxyAuthorization(proxy) }, agent: false, ...(auth ? { auth } : {}) },
        o.onResponse,
      ),
    );
  } else {
    const target = `${url.hostname}:${port}`;
    const connect = toProxy.request({ ...proxyHost, method: 'CONNECT', path: target, headers: { host: target, ...proxyAuthorization(proxy) }, agent: false });
    current = connect;
    connect.on('error', o.onError);
    connect.on('connect', (res, socket: Duplex) => {
      if (destroyed) return void socket.destroy();
      if (res.statusCode !== 200) {
        socket.destroy();
        const err: NodeJS.ErrnoException = new Error(`the proxy ${proxy.host} refused the tunnel to ${url.host} (${res.statusCode})`);
        err.code = 'EPROXY';
        o.onError(err);
        return;
      }
      send(
        https.request(
          {
            host: hostname,
            port,
            method: o.method,
            path: `${url.pathname}${url.search}`,
            headers: { host: url.host, ...o.headers },
            ...(auth ? { auth } : {}),
            // No agent: a request without one uses createConnection (the tunnel) as its socket.
            agent: undefined,
            createConnection: () => tls.connect({ socket, servername: isIpLiteral(hostname) ? undefined : hostname, ALPNProtocols: ['http/1.1'] }),
          },
          o.onResponse,
        ),
      );
    });
    connect.end();
  }
  return {
    destroy(reason) {
      destroyed = reason ?? new Error('aborted');
      current.destroy(destroyed);
    },
  };
}
