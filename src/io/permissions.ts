// A read-only token (a fork's pull request, a repository whose default token is read-only) is
// learnt from the first 403 of a write; later writes of that kind are skipped, and the run says
// so once instead of failing for lack of write access.

export type WriteArea = 'contents' | 'issues' | 'pull-requests';

interface HttpishError {
  status?: number;
  request?: { url?: string };
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
  errors?: Array<{ type?: string; message?: string }>;
}

/** A refusal for lack of permission, as opposed to a rate limit (also a 403 on GitHub). */
export function isPermissionError(err: unknown): boolean {
  const e = err as HttpishError;
  if (!e || typeof e !== 'object') return false;
  if (Array.isArray(e.errors) && e.errors.some((x) => x.type === 'FORBIDDEN' || /not accessible by integration/i.test(x.message ?? ''))) return true;
  if (e.status !== 403) return false;
  const headers = e.response?.headers ?? {};
  if (String(headers['x-ratelimit-remaining'] ?? '') === '0' || headers['retry-after'] !== undefined) return false;
  return !/rate limit|abuse/i.test(e.message ?? '');
}

/** Which permission a refused request needed, from its URL; `fallback` when it does not say. */
export function areaOf(err: unknown, fallback: WriteArea): WriteArea {
  const url = (err as HttpishError)?.request?.url ?? '';
  if (/\/pulls(\/|$|\?)/.test(url)) return 'pull-requests';
  if (/\/(issues|labels)(\/|$|\?)/.test(url)) return 'issues';
  if (/\/(git|contents)\/|\/graphql/.test(url)) return 'contents';
  return fallback;
}

export type Gated<T> = { ok: true; value: T } | { ok: false; skipped: WriteArea };

export class WriteGate {
  private readonly refused = new Set<WriteArea>();

  /**
   * Runs `write` unless `area` was already refused; a permission error marks refused the area the
   * refused request needed (a pull request's branch needs `contents` before `pull-requests`).
   */
  async attempt<T>(area: WriteArea, write: () => Promise<T>): Promise<Gated<T>> {
    if (this.refused.has(area)) return { ok: false, skipped: area };
    try {
      return { ok: true, value: await write() };
    } catch (err) {
      if (!isPermissionError(err)) throw err;
      const refused = areaOf(err, area);
      this.refused.add(refused);
      return { ok: false, skipped: refused };
    }
  }

  /** Marks an area refused from a permission error met elsewhere (say, inside a runner). */
  refuse(area: WriteArea): void {
    this.refused.add(area);
  }

  get skipped(): WriteArea[] {
    return [...this.refused].sort();
  }

  /** The one notice, e.g. "read-only token: skipped writes (issues)"; null when nothing was skipped. */
  notice(): string | null {
    if (this.refused.size === 0) return null;
    const need = this.skipped.map((a) => `${a}: write`).join(', ');
    return `read-only token: skipped writes (${this.skipped.join(', ')}). To let odyssey write, give the workflow \`permissions: ${need}\` (a pull request from a fork never gets them).`;
  }
}
