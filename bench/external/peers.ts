// The peers, each with its most favourable settings, reduced to the same answer: the
// (file, url) occurrences it reports as broken.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface PeerReport {
  /** `file\turl` of every occurrence reported broken. */
  broken: Set<string>;
}

export const occurrenceKey = (file: string, url: string): string => `${file}\t${url}`;

/**
 * linkinator 7: its own static server for the markdown files, 100 requests at once (its
 * default), Retry-After honoured (`retry`), 5xx and network errors retried (`retryErrors`).
 */
export async function runLinkinator(dir: string, files: string[], timeoutMs: number): Promise<PeerReport> {
  const { LinkChecker } = await import('linkinator');
  const checker = new LinkChecker();
  const result = await checker.check({
    path: files,
    serverRoot: dir,
    markdown: true,
    concurrency: 100,
    timeout: timeoutMs,
    retry: true,
    retryErrors: true,
    retryErrorsCount: 3,
    retryErrorsJitter: 1000,
  });
  const broken = new Set<string>();
  for (const l of result.links) {
    if (l.state !== 'BROKEN' || !l.parent) continue;
    // parent is the markdown file (as given, or absolute), or a page on linkinator's own server
    const file = /^https?:/.test(l.parent)
      ? decodeURIComponent(new URL(l.parent).pathname).replace(/^\//, '')
      : path.relative(dir, path.resolve(dir, l.parent)).split(path.sep).join('/');
    broken.add(occurrenceKey(file, l.url));
  }
  return { broken };
}

interface MlcResult {
  link: string;
  status: 'alive' | 'dead' | 'ignored' | 'error';
  statusCode: number;
}

/**
 * markdown-link-check 3 as its CLI runs: files one after another (each file's links two at a
 * time, its fixed limit), 429 retried after Retry-After.
 */
export async function runMarkdownLinkCheck(dir: string, files: string[], timeoutMs: number): Promise<PeerReport> {
  const require = createRequire(import.meta.url);
  const mlc = require('markdown-link-check') as (md: string, opts: object, cb: (err: Error | null, r: MlcResult[]) => void) => void;
  const opts = { timeout: `${Math.round(timeoutMs / 1000)}s`, retryOn429: true, retryCount: 3, fallbackRetryDelay: '1s', aliveStatusCodes: [200, 206] };
  const broken = new Set<string>();
  for (const file of files) {
    const md = await readFile(path.join(dir, file), 'utf8');
    const results = await new Promise<MlcResult[]>((resolve, reject) => mlc(md, opts, (err, r) => (err ? reject(err) : resolve(r))));
    for (const r of results) if (r.status === 'dead' || r.status === 'error') broken.add(occurrenceKey(file, r.link));
  }
  return { broken };
}
