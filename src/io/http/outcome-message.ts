// What a failed check tells the user: what happened, and what to write instead.
import { STATUS_CODES } from 'node:http';
import { describeAddressClass } from '../../core/links/address.js';
import type { Outcome } from './probe-url.js';

const CODES: Record<string, string> = {
  ENOTFOUND: 'no such host',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EAI_AGAIN: 'DNS lookup failed',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
};

export function outcomeMessage(url: string, o: Exclude<Outcome, { ok: true }>, timeoutSeconds: number): string {
  const last = o.chain[o.chain.length - 1] ?? url;
  const via = o.chain.length > 1 ? ` (redirected to ${last})` : '';
  switch (o.kind) {
    case 'http-error': {
      if (o.reason) {
        const loop = o.reason === 'redirects in a loop' ? `: ${o.chain.join(' → ')}` : '';
        return `${url} ${o.reason}${loop}; link the page's final address directly, or remove the link`;
      }
      const s = o.status === undefined ? 'an error' : `${o.status} ${STATUS_CODES[o.status] ?? ''}`.trim();
      return `${url} answered ${s}${via}; link where the page moved, an archived copy (https://web.archive.org/), or remove the link (or accept the status in \`links.accept\`)`;
    }
    case 'http-timeout':
      return `${url} did not answer within ${timeoutSeconds} s${via}; check the address, or raise \`links.timeout\` if the site is just slow`;
    case 'http-unreachable':
      return `${url} could not be reached${via}: ${CODES[o.code] ?? o.code}; fix the address or remove the link`;
    case 'http-rate-limited':
      return `${url} is rate-limited (429${o.retryAfterMs !== null ? `, Retry-After ${Math.ceil(o.retryAfterMs / 1000)} s` : ''}): not known to be dead; rerun later, raise \`links.max-retry-after\`, or add it to \`links.ignore\``;
    case 'blocked-address':
      return `${url}${via} resolves to ${o.address}, ${describeAddressClass(o.class)}: not requested; link a public address, or set \`links.allow-private: true\` if you mean it`;
  }
}
