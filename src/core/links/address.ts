// Which addresses an external link check must never reach, and the URL form used to fetch a
// URL once. Pure: the caller resolves host names; this only judges the resolved addresses.

/** Why an address is refused; `null` for an ordinary public address. */
export type AddressClass =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'metadata'
  | 'unique-local'
  | 'site-local'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'documentation'
  | 'benchmarking'
  | 'invalid';

type V4 = [number, number, number, number];

function parseV4(s: string): V4 | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out as V4;
}

/** Eight 16-bit groups, or null. Accepts `::`, a dotted IPv4 tail and a `%zone`. */
function parseV6(input: string): number[] | null {
  let s = input.replace(/^\[|\]$/g, '');
  const pct = s.indexOf('%');
  if (pct >= 0) s = s.slice(0, pct);
  if (!s.includes(':')) return null;
  const lastColon = s.lastIndexOf(':');
  const last = s.slice(lastColon + 1);
  if (last.includes('.')) {
    // A dotted IPv4 tail is two groups written differently.
    const v4 = parseV4(last);
    if (!v4) return null;
    s = `${s.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const group = (h: string): number[] | null => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = group(halves[0]!);
  const rest = halves.length === 2 ? group(halves[1]!) : [];
  if (!head || !rest) return null;
  const known = head.length + rest.length;
  if (halves.length === 2) {
    if (known > 7) return null;
    return [...head, ...new Array<number>(8 - known).fill(0), ...rest];
  }
  return known === 8 ? head : null;
}

function classifyV4([a, b, c, d]: V4): AddressClass | null {
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return c === 169 && d === 254 ? 'metadata' : 'link-local';
  // Alibaba's metadata service sits inside the CGNAT range; name it for the message.
  if (a === 100 && b === 100 && c === 100 && d === 200) return 'metadata';
  if (a === 100 && b >= 64 && b <= 127) return 'cgnat';
  // Azure's wire server and Oracle's metadata address are not in any private range.
  if (a === 168 && b === 63 && c === 129 && d === 16) return 'metadata';
  if (a === 192 && b === 0 && c === 0) return d === 192 ? 'metadata' : 'reserved';
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100) || (a === 203 && b === 0 && c === 113))
    return 'documentation';
  if (a === 198 && (b === 18 || b === 19)) return 'benchmarking';
  if (a >= 224 && a <= 239) return 'multicast';
  if (a === 255 && b === 255 && c === 255 && d === 255) return 'broadcast';
  if (a >= 240) return 'reserved';
  return null;
}

function v4From(hi: number, lo: number): V4 {
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];
}

function classifyV6(g: number[]): AddressClass | null {
  const [g0, g1, g2, g3, g4, g5, g6, g7] = g as [number, number, number, number, number, number, number, number];
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroTo(8)) return 'unspecified';
  if (zeroTo(7) && g7 === 1) return 'loopback';
  // Addresses that carry an IPv4 address inside are judged by that address.
  if (zeroTo(5) && g5 === 0xffff) return classifyV4(v4From(g6, g7)); // ::ffff:a.b.c.d (mapped)
  if (zeroTo(4) && g4 === 0xffff && g5 === 0) return classifyV4(v4From(g6, g7)); // ::ffff:0:a.b.c.d (translated)
  if (zeroTo(6)) return classifyV4(v4From(g6, g7)); // ::a.b.c.d (compatible, deprecated)
  if (g0 === 0x64 && g1 === 0xff9b && (g2 | g3 | g4 | g5) === 0) return classifyV4(v4From(g6, g7)); // NAT64
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 1) return 'reserved'; // local-use NAT64
  if (g0 === 0x2002) return classifyV4(v4From(g1, g2)); // 6to4
  if (g0 === 0x2001 && g1 === 0) return 'reserved'; // Teredo: the real peer is obfuscated
  if (g0 === 0x2001 && g1 === 0x0db8) return 'documentation';
  if (g0 === 0x0100 && (g1 | g2 | g3) === 0) return 'reserved'; // discard prefix
  if ((g0 & 0xfe00) === 0xfc00) return g0 === 0xfd00 && g1 === 0x0ec2 ? 'metadata' : 'unique-local';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xffc0) === 0xfec0) return 'site-local';
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  if (g0 === 0) return 'reserved'; // the rest of ::/8 is unassigned or special
  return null;
}

/** True when `s` is an IPv4 or IPv6 literal (brackets allowed). */
export function isIpLiteral(s: string): boolean {
  return parseV4(s) !== null || parseV6(s) !== null;
}

/**
 * Classifies a resolved address. Anything that is not a plain public unicast address gets a
 * class (and so is refused unless private addresses are allowed); text that is not an address
 * at all is `invalid`, never public.
 */
export function classifyAddress(address: string): AddressClass | null {
  const v4 = parseV4(address);
  if (v4) return classifyV4(v4);
  const v6 = parseV6(address);
  if (v6) return classifyV6(v6);
  return 'invalid';
}

/** Words for a message: "a private address", "the cloud metadata address"… */
export function describeAddressClass(c: AddressClass): string {
  switch (c) {
    case 'metadata':
      return 'a cloud metadata address';
    case 'cgnat':
      return 'a carrier-grade NAT (shared) address';
    case 'unique-local':
      return 'a unique-local (private IPv6) address';
    case 'invalid':
      return 'something that is not an IP address';
    default:
      return `${/^[aeiou]/.test(c) ? 'an' : 'a'} ${c} address`;
  }
}

/**
 * The form a URL is fetched and cached under: fragment removed, scheme and host lowercased,
 * default port dropped (WHATWG URL parsing does the last two). Only http(s) URLs have one;
 * anything else gives null so it can never become a request.
 */
export function normalizeUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.hostname === '') return null;
  u.hash = '';
  return u.href;
}

/** The host an address check is about: the URL's hostname without IPv6 brackets. */
export function bareHostname(u: URL): string {
  return u.hostname.replace(/^\[|\]$/g, '');
}
