// site: modules + history + link check + stale topics → one self-contained DIR/index.html.
import path from 'node:path';
import type { Config } from '../core/config.js';
import type { Finding, Module } from '../core/model.js';
import { renderSite } from '../core/site/page.js';
import { fileUrl } from '../core/site/remote.js';
import { writePage } from '../io/page-file.js';
import { repoWeb } from '../io/git-remote.js';
import { loadModules } from '../io/modules.js';
import { runCheck } from './check.js';
import { runHistory } from './history.js';
import { runStale } from './stale.js';

export interface SiteOptions {
  root: string;
  config: Config;
  /** The folder to write `index.html` into (made when missing). */
  out: string;
  now: Date;
}

export interface SiteResult {
  file: string;
  bytes: number;
  modules: number;
  notes: string[];
}

export async function runSite(opts: SiteOptions): Promise<SiteResult> {
  const { root, config, now } = opts;
  const today = now.toISOString().slice(0, 10);
  const loaded = await loadModules(root, config);
  const [history, check, stale, where] = await Promise.all([
    runHistory({ root, config }, today),
    runCheck({ root, config, external: false, failOn: 'never' }),
    runStale({ root, config, now, loaded: { modules: loaded.modules, findings: [] } }),
    repoWeb(root),
  ]);
  const notes = [...history.notes];
  const out = path.resolve(opts.out);
  // Links from the page: to GitHub when the remote is known, else relative to where the page is.
  const rel = (file: string): string => path.relative(out, path.join(root, file)).split(path.sep).map(encodeURIComponent).join('/');
  const moduleHref = (m: Module): string => (where.web ? fileUrl(where.web, `${where.prefix}${m.file}`) : rel(m.file));
  const findingHref = (f: Finding): string => (where.web ? `${fileUrl(where.web, `${where.prefix}${f.file}`)}#L${f.line}` : rel(f.file));
  const title = where.web ? where.web.replace(/^https?:\/\/[^/]+\//, '') : path.basename(path.resolve(root));
  const html = renderSite({
    title,
    generated: today,
    modules: loaded.modules,
    moduleHref,
    findingHref,
    history: history.available ? history.history : null,
    stats: history.stats,
    stale: stale.stale.map((t) => ({ id: t.id, title: t.title, daysIdle: t.daysIdle, lastActivity: t.lastActivity })),
    findings: [...loaded.findings, ...check.findings],
    notes,
  });
  const file = path.join(out, 'index.html');
  await writePage(file, html);
  return { file, bytes: Buffer.byteLength(html), modules: loaded.modules.length, notes };
}
