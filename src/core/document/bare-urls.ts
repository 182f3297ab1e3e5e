// GFM "autolink literals": bare `https://…`, `www.…` and e-mail addresses in text. The rules are
// those of remark-gfm (mdast-util-gfm-autolink-literal), which our differential test holds us to.
import type { Span } from './markdown.js';

export interface BareUrl {
  /** Offset in the scanned text. */
  offset: number;
  url: string;
}

const URL_RE = /(?<![\da-z])(https?:\/\/|www(?=\.))([\w-]*(?:\.[\w\-.]*)?)([^\t\n\r ]*)/gi;
const EMAIL_RE = /(?<![\w+\-.]|(?:^|[^\d@A-Za-z])(?:mailto|xmpp):)([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)/g;
const MAILTO_RE = /(?<![\w+\-.@])mailto:([\w+\-.]+)@([\w-]+(?:\.[\w-]+)+)/g;
const PUNCT_OR_SPACE = /[\p{P}\p{S}\s]/u;
// Emphasis and strike markers are syntax, not part of the URL (remark sees them as separate nodes).
const TRAILING = new Set('!"&\'),.:;<>?]}*_~');

function isCorrectDomain(domain: string): boolean {
  const parts = domain.split('.');
  if (parts.length < 2) return false;
  for (const p of [parts[parts.length - 1], parts[parts.length - 2]]) {
    if (p && (p.includes('_') || !/[\dA-Za-z]/.test(p))) return false;
  }
  return true;
}

function splitUrl(url: string): string {
  let index = url.length;
  while (index > 0 && TRAILING.has(url[index - 1]!)) index--;
  if (index === url.length) return url;
  let trail = url.slice(index);
  let kept = url.slice(0, index);
  const open = kept.split('(').length - 1;
  let close = kept.split(')').length - 1;
  let ci = trail.indexOf(')');
  while (ci !== -1 && open > close) {
    kept += trail.slice(0, ci + 1);
    trail = trail.slice(ci + 1);
    ci = trail.indexOf(')');
    close++;
  }
  return kept;
}

function scanSegment(text: string, base: number, out: BareUrl[]): void {
  const taken: Span[] = [];
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(text); m; m = URL_RE.exec(text)) {
    const i = m.index;
    if (i > 0 && !PUNCT_OR_SPACE.test(text[i - 1]!)) continue;
    let protocol = m[1]!;
    let domain = m[2]!;
    let rest = m[3]!;
    // Raw text still holds emphasis markers that remark has already taken off (`_https://x.org_`).
    const whole = (domain + rest).replace(/[*_~]+$/, '');
    if (whole.length < domain.length) domain = whole;
    rest = whole.slice(domain.length);
    let prefix = '';
    if (/^w/i.test(protocol)) {
      domain = protocol + domain;
      protocol = '';
      prefix = 'http://';
    }
    if (PUNCT_OR_SPACE.test(domain[0] ?? ' ')) continue;
    // micromark takes `http://localhost:3000` as a link; `www.` needs a real domain.
    if ((prefix || domain.includes('.')) && !isCorrectDomain(domain)) continue;
    const kept = splitUrl(domain + rest);
    out.push({ offset: base + i, url: prefix + protocol + kept });
    taken.push({ start: i, end: i + protocol.length + kept.length });
    URL_RE.lastIndex = i + protocol.length + kept.length;
  }
  if (!text.includes('@')) return;
  const free = (s: number, e: number) => !taken.some((t) => s < t.end && e > t.start);
  for (const [re, pre] of [[MAILTO_RE, 'mailto:'], [EMAIL_RE, '']] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (/[\d\-_]$/.test(m[2]!) || !free(m.index, m.index + m[0].length)) continue;
      // remark places a `mailto:` literal at the address, after the scheme.
      out.push({ offset: base + m.index + pre.length, url: pre ? m[0] : `mailto:${m[0]}` });
      taken.push({ start: m.index, end: m.index + m[0].length });
    }
  }
}

/** Bare URLs in `text` outside the `skip` spans (links, code, HTML already parsed there). */
export function findBareUrls(text: string, skip: Span[]): BareUrl[] {
  if (!/[:.@]/.test(text)) return [];
  const out: BareUrl[] = [];
  const spans = skip.length > 1 ? [...skip].sort((a, b) => a.start - b.start) : skip;
  let pos = 0;
  for (const s of spans) {
    if (s.start > pos) scanSegment(text.slice(pos, s.start), pos, out);
    if (s.end > pos) pos = s.end;
  }
  if (pos < text.length) scanSegment(text.slice(pos), pos, out);
  out.sort((a, b) => a.offset - b.offset);
  return out;
}
