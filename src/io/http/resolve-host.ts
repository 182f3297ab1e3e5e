// Host name → one address to connect to, after checking EVERY address the name resolves to.
import { promises as dns } from 'node:dns';
import { classifyAddress, isIpLiteral, type AddressClass } from '../../core/links/address.js';

export type Lookup = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export const systemLookup: Lookup = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

export type Resolution =
  | { type: 'address'; address: string; family: number }
  | { type: 'blocked'; address: string; class: AddressClass }
  | { type: 'dns-error'; code: string; message: string };

export interface ResolveOptions {
  lookup: Lookup;
  allowPrivate: boolean;
  /** Addresses treated as public (tests: one loopback server stands for "the internet"). */
  trusted?: ReadonlySet<string>;
}

function judge(addresses: Array<{ address: string; family: number }>, o: ResolveOptions): Resolution {
  if (addresses.length === 0) return { type: 'dns-error', code: 'ENOTFOUND', message: 'no address' };
  if (!o.allowPrivate) {
    for (const a of addresses) {
      if (o.trusted?.has(a.address)) continue;
      const c = classifyAddress(a.address);
      if (c) return { type: 'blocked', address: a.address, class: c };
    }
  }
  const first = addresses[0]!;
  return { type: 'address', address: first.address, family: first.family };
}

/**
 * Resolves with a per-run memo: one lookup per host name, and the address it checked is the
 * address every request to that host connects to.
 */
export function createResolver(o: ResolveOptions): (hostname: string) => Promise<Resolution> {
  const memo = new Map<string, Promise<Resolution>>();
  return (hostname) => {
    let p = memo.get(hostname);
    if (!p) {
      p = (async (): Promise<Resolution> => {
        if (isIpLiteral(hostname)) return judge([{ address: hostname, family: hostname.includes(':') ? 6 : 4 }], o);
        try {
          return judge(await o.lookup(hostname), o);
        } catch (err) {
          const e = err as NodeJS.ErrnoException;
          return { type: 'dns-error', code: e.code ?? 'ENOTFOUND', message: e.message };
        }
      })();
      memo.set(hostname, p);
      // A failed lookup may be transient: a retry looks up again.
      void p.then((r) => {
        if (r.type === 'dns-error') memo.delete(hostname);
      });
    }
    return p;
  };
}
