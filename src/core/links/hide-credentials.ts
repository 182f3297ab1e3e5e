// `scheme://user:password@host/…` → `scheme://***@host/…`: a user name alone can be a token
// (`https://ghp_…@github.com/…`), so the whole user-info part goes. Applied wherever a URL enters a
// Finding (core/model.ts `finding()`), so every printer (text, JSON, SARIF, summary, annotations)
// shows the hidden form.
const USERINFO = /\b([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^\s/?#@<>"'`\]\[()]+)@/g;

/** Every URL in `text` with its user-info replaced by `***`. */
export function hideCredentials(text: string): string {
  if (!text.includes('@')) return text;
  return text.replace(USERINFO, (m, scheme: string, info: string) => (info === '***' ? m : `${scheme}***@`));
}

/** True when a URL carries user-info (a user name or password). */
export function hasCredentials(url: string): boolean {
  return hideCredentials(url) !== url;
}
