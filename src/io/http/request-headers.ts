// Headers for one request: the user agent, `links.headers` by host pattern, and a GitHub
// token for GitHub's own hosts (their anonymous rate limit is tiny). Computed per hop, so a
// redirect to another host never carries the previous host's credentials.

const GITHUB_HOSTS = new Set(['github.com', 'api.github.com']);

/** `github.com` matches itself; `*.example.org` matches its subdomains; `*` matches all. */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.trim().toLowerCase();
  const h = host.toLowerCase();
  if (p === '*') return true;
  if (p.startsWith('*.')) return h.endsWith(p.slice(1));
  return p === h;
}

export function requestHeaders(
  url: URL,
  cfg: { userAgent: string; headers: Record<string, Record<string, string>> },
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  const out: Record<string, string> = {
    'user-agent': cfg.userAgent,
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  };
  const token = env.GITHUB_TOKEN?.trim();
  if (token && url.protocol === 'https:' && GITHUB_HOSTS.has(url.hostname)) out.authorization = `Bearer ${token}`;
  for (const [pattern, headers] of Object.entries(cfg.headers)) {
    if (!hostMatches(pattern, url.hostname)) continue;
    for (const [name, value] of Object.entries(headers)) out[name.toLowerCase()] = value;
  }
  return out;
}
