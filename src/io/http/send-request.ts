// One HTTP request to an address that was already resolved and checked: the socket goes to
// `address` (no second DNS lookup, so no rebinding between check and connect), while the
// Host header and TLS server name still carry the URL's host.
// Through a proxy (HTTP_PROXY / HTTPS_PROXY) the request goes by via-proxy.ts instead, and the
// proxy resolves the name.
import http from 'node:http';
import https from 'node:https';
import { bareHostname, isIpLiteral } from '../../core/links/address.js';
import { requestViaProxy } from './via-proxy.js';

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
    const onResponse = (res: http.IncomingMessage) => {
      settle({ type: 'answer', status: res.statusCode ?? 0, headers: res.headers });
      // Only the status matters: a HEAD answer has no body, so its socket can go back to the
      // pool; a GET body is cut off rather than downloaded.
      if (spec.method === 'HEAD') res.resume();
      else res.destroy();
    };
    if (spec.proxy) {
      current = requestViaProxy(spec.proxy, url, { method: spec.method, headers: spec.headers, onResponse, onError });
      return;
    }
    const req = (secure ? https : http).request(options, onResponse);
    current = req;
    req.on('error', onError);
    req.end();
  });
}
