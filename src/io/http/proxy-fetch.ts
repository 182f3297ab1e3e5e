// A `fetch` for Octokit that goes through a forward proxy (see via-proxy.ts). Node 20's own fetch
// takes no proxy, and undici's ProxyAgent would add 0.8 MB to the CLI bundle that every command
// parses at start; the GitHub API needs only this much: a request with a body, the whole answer
// back, redirects followed, an abort signal honoured.
import type { IncomingMessage } from 'node:http';
import { requestViaProxy } from './via-proxy.js';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

function answer(res: IncomingMessage, body: Buffer, url: URL, method: string): Response {
  const headers = new Headers();
  for (const [k, v] of Object.entries(res.headers)) {
    if (Array.isArray(v)) for (const x of v) headers.append(k, x);
    else if (v !== undefined) headers.set(k, v);
  }
  const status = res.statusCode ?? 502;
  const empty = method === 'HEAD' || status === 204 || status === 205 || status === 304;
  const response = new Response(empty ? null : new Uint8Array(body), { status, statusText: res.statusMessage ?? '', headers });
  Object.defineProperty(response, 'url', { value: url.href });
  return response;
}

export function fetchThroughProxy(proxy: URL): typeof fetch {
  return async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    let url = new URL(request.url);
    let method = request.method;
    let body: Buffer | undefined = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const headers: Record<string, string> = {};
    request.headers.forEach((v, k) => (headers[k] = v));
    const signal = init?.signal ?? undefined;
    for (let hop = 0; ; hop++) {
      signal?.throwIfAborted();
      const { res, data } = await new Promise<{ res: IncomingMessage; data: Buffer }>((resolve, reject) => {
        const r = requestViaProxy(proxy, url, {
          method,
          headers: body ? { ...headers, 'content-length': String(body.length) } : headers,
          ...(body ? { body } : {}),
          onError: reject,
          onResponse: (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => resolve({ res, data: Buffer.concat(chunks) }));
            res.on('error', reject);
          },
        });
        signal?.addEventListener('abort', () => r.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted')), { once: true });
      });
      const location = res.headers.location;
      if (REDIRECTS.has(res.statusCode ?? 0) && location && (init?.redirect ?? 'follow') === 'follow' && hop < MAX_REDIRECTS) {
        url = new URL(location, url);
        if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      return answer(res, data, url, method);
    }
  };
}
