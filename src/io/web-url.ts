// The web address that goes with an API address, for when GITHUB_SERVER_URL is not given.
/** The web address that goes with an API address (for links in issue bodies). */
export function webUrlFor(apiBaseUrl: string): string {
  const u = new URL(apiBaseUrl);
  if (u.hostname === 'api.github.com') return 'https://github.com';
  if (u.hostname.startsWith('api.') && u.hostname.endsWith('.ghe.com')) return `${u.protocol}//${u.hostname.slice(4)}`;
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/api\/v3\/?$/, '').replace(/\/+$/, '')}`;
}
