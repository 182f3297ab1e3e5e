// One HTTP request to an address that was already resolved and checked: the socket goes to
// `address` (no second DNS lookup, so no rebinding between check and connect), while the
// Host header and TLS server name still carry the URL's host.
import http from 'node:http';
import https from 'node:https';
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
}

class RequestTimeout extends Error {}

export function sendRequest(spec: RequestSpec): Promise<Answer> {
  const { url } = spec;
  const secure = url.protocol === 'https:';
  const hostname = bareHostname(url);
  const options: https.RequestOptions = {
    host: spec.address,
    family: spec.family,
    port: url.port || (secure ? 443 : 80),
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
    const settle = (a: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(a);
    };
    const req = (secure ? https : http).request(options, (res) => {
      settle({ type: 'answer', status: res.statusCode ?? 0, headers: res.headers });
      // Only the status matters: a HEAD answer has no body, so its socket can go back to the
      // pool; a GET body is cut off rather than downloaded.
      if (spec.method === 'HEAD') res.resume();
      else res.destroy();
    });
    const timer = setTimeout(() => req.destroy(new RequestTimeout()), spec.timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err instanceof RequestTimeout) settle({ type: 'timeout' });
      else settle({ type: 'network', code: err.code ?? 'ERROR', message: err.message });
    });
    req.end();
  });
}
