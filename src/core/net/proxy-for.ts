// Which proxy a request to `url` goes through, from the environment as curl, undici and most
// tools read it: `https_proxy`/`HTTPS_PROXY` for https (falling back to the http proxy, as
// undici's EnvHttpProxyAgent does), `http_proxy`/`HTTP_PROXY` for http; lowercase first; an empty
// value is unset. `no_proxy`/`NO_PROXY` lists hosts reached directly: `*` (all), a name (itself
// and its subdomains), `.name` or `*.name` (subdomains), an IP address, each optionally `:port`.
// Pure: the environment is handed in.

export type ProxyEnv = Readonly<Record<string, string | undefined>>;

const pick = (env: ProxyEnv, ...names: string[]): string | undefined => {
  for (const n of names) {
    const v = env[n]?.trim();
    if (v) return v;
  }
  return undefined;
};

function defaultPort(protocol: string): string {
  return protocol === 'https:' ? '443' : '80';
}

/** The host without IPv6 brackets, lowercase, no trailing dot. */
function bareHost(host: string): string {
  return host.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
}

/** True when `url` is listed in NO_PROXY. */
export function bypassesProxy(url: URL, env: ProxyEnv): boolean {
  const list = pick(env, 'no_proxy', 'NO_PROXY');
  if (!list) return false;
  const host = bareHost(url.hostname);
  const port = url.port || defaultPort(url.protocol);
  for (const raw of list.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    let entryPort: string | null = null;
    const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry);
    if (m) {
      entry = m[1]!;
      entryPort = m[2]!;
    }
    if (entryPort !== null && entryPort !== port) continue;
    entry = bareHost(entry);
    if (entry.startsWith('*.')) entry = entry.slice(1);
    if (entry.startsWith('.')) {
      if (host.endsWith(entry) || host === entry.slice(1)) return true;
    } else if (host === entry || host.endsWith(`.${entry}`)) return true;
  }
  return false;
}

/** The proxy for `url`, or null for a direct connection (no proxy set, or NO_PROXY lists it). */
export function proxyFor(url: URL, env: ProxyEnv): URL | null {
  const raw =
    url.protocol === 'https:'
      ? pick(env, 'https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY')
      : url.protocol === 'http:'
        ? pick(env, 'http_proxy', 'HTTP_PROXY')
        : undefined;
  if (!raw || bypassesProxy(url, env)) return null;
  try {
    // `proxy.corp:3128` means http://proxy.corp:3128, as curl reads it.
    const proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
    return proxy.protocol === 'http:' || proxy.protocol === 'https:' ? proxy : null;
  } catch {
    return null;
  }
}
