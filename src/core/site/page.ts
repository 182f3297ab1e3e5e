// The journey as one self-contained page (SPEC §10): CSS and SVG inline, no script, no request to
// any other host. Every piece of user text goes through `esc`, every URL through `safeHref`.
import { taskProgress, type Finding, type Module, type Status } from '../model.js';
import type { JourneyHistory } from '../history/types.js';
import type { JourneyStats } from '../history/stats.js';
import { STATUS_LABELS } from '../status/status-labels.js';
import { statusCounts } from '../table/progress-line.js';
import { burnupSvg } from './burnup-svg.js';
import { esc, link } from './html.js';
import { SITE_CSS } from './style.js';

export interface SiteStaleTopic {
  id: string;
  title: string;
  daysIdle: number;
  lastActivity: string;
}

export interface SiteInput {
  /** The page's heading: the repository's name when known. */
  title: string;
  /** `YYYY-MM-DD`. */
  generated: string;
  modules: readonly Module[];
  /** Where a module's row links (its README on GitHub, or a relative path). */
  moduleHref: (m: Module) => string;
  /** Where a finding links (its file and line), when the repository's web address is known. */
  findingHref?: (f: Finding) => string;
  /** Null when there is no history (not a git repository). */
  history: JourneyHistory | null;
  stats: JourneyStats | null;
  stale: readonly SiteStaleTopic[] | null;
  findings: readonly Finding[];
  notes: readonly string[];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

// Words and a coloured dot, no emoji: a machine without an emoji font would show empty boxes.
function statusText(s: Status | null): string {
  if (s === null) return '<span class="status status-unknown">Unknown</span>';
  return `<span class="status status-${s}">${esc(STATUS_LABELS[s].label)}</span>`;
}

function progress(modules: readonly Module[]): string {
  const c = statusCounts(modules);
  const total = modules.length;
  const pct = total === 0 ? 0 : Math.floor((c.done / total) * 100);
  const items = [
    `<span class="status status-done">${c.done} done</span>`,
    `<span class="status status-in-progress">${c['in-progress']} in progress</span>`,
    `<span class="status status-paused">${c.paused} paused</span>`,
    `<span class="status status-todo">${c.todo} to do</span>`,
    ...(c.unknown > 0 ? [`<span class="status status-unknown">${c.unknown} unknown</span>`] : []),
  ];
  return (
    `<section aria-labelledby="progress-h"><h2 id="progress-h">Progress: ${pct}%</h2>` +
    `<div class="bar" role="progressbar" aria-label="Topics done" aria-valuemin="0" aria-valuemax="100" aria-valuenow="${pct}" aria-valuetext="${pct}% (${c.done} of ${total} topics done)"><span style="width:${pct}%"></span></div>` +
    `<ul class="counts">${items.map((i) => `<li>${i}</li>`).join('')}</ul></section>`
  );
}

function table(input: SiteInput): string {
  const rows = input.modules.map((m) => {
    const { done, total } = taskProgress(m);
    return (
      `<tr><th scope="row">${link(input.moduleHref(m), m.title)}</th><td>${statusText(m.status)}</td>` +
      `<td class="num">${total > 0 ? `${done}/${total}` : '–'}</td><td class="date">${esc(m.started ?? '')}</td><td class="date">${esc(m.completed ?? '')}</td>` +
      `<td class="num">${m.confidence !== undefined ? `${m.confidence}/5` : ''}</td></tr>`
    );
  });
  return (
    `<section aria-labelledby="topics-h"><h2 id="topics-h">Topics</h2><div class="scroll"><table id="topics">` +
    `<caption>${plural(input.modules.length, 'topic')}, in the order of the progress table</caption>` +
    `<thead><tr><th scope="col">Topic</th><th scope="col">Status</th><th scope="col">Tasks</th><th scope="col">Started</th><th scope="col">Completed</th><th scope="col">Confidence</th></tr></thead>` +
    `<tbody>${rows.join('') || '<tr><td colspan="6">No topics yet.</td></tr>'}</tbody></table></div></section>`
  );
}

function charts(stats: JourneyStats | null): string {
  const head = '<section aria-labelledby="burnup-h"><h2 id="burnup-h">Burn-up</h2>';
  if (stats === null || stats.series.length === 0) return `${head}<p class="muted">No history yet: the chart appears once a module README is committed.</p></section>`;
  const figs = [
    `<figure id="burnup-topics"><figcaption>Topics done per week</figcaption>${burnupSvg(stats.series, 'topics', 'bt')}<div class="key"><span class="k-done">done</span><span class="k-total">all topics</span></div></figure>`,
  ];
  if (stats.series.some((p) => p.tasksTotal > 0)) {
    figs.push(`<figure id="burnup-tasks"><figcaption>Tasks done per week</figcaption>${burnupSvg(stats.series, 'tasks', 'bk')}<div class="key"><span class="k-done">done</span><span class="k-total">all tasks</span></div></figure>`);
  }
  return `${head}<div class="charts">${figs.join('')}</div></section>`;
}

function pace(stats: JourneyStats | null): string {
  if (stats === null) return '';
  const s = stats.streaks;
  const items = [
    `<p><strong>Streak:</strong> ${plural(s.current, 'active week')} now; longest ${plural(s.longest, 'week')}${s.lastActiveWeek ? `; last active the week of ${esc(s.lastActiveWeek)}` : ''}.</p>`,
  ];
  if (stats.durations.length > 0) {
    items.push(
      '<div class="scroll"><table id="durations"><caption>Time from started to completed</caption><thead><tr><th scope="col">Topic</th><th scope="col">Started</th><th scope="col">Completed</th><th scope="col">Days</th></tr></thead><tbody>' +
        stats.durations.map((d) => `<tr><th scope="row">${esc(d.title)}</th><td class="date">${esc(d.started)}</td><td class="date">${d.completed ? esc(d.completed) : '<span class="muted">in progress</span>'}</td><td class="num">${d.days}</td></tr>`).join('') +
        '</tbody></table></div>',
    );
  }
  if (stats.forecasts.length > 0) {
    items.push(
      '<h3>Forecasts, from each topic\'s own pace</h3><ul class="plain">' +
        stats.forecasts
          .map((f) => `<li>${esc(f.title)}: ${f.tasksDone}/${f.tasksTotal} tasks; ${f.kind === 'date' ? `at ${f.tasksPerWeek} a week, done around <strong>${esc(f.date)}</strong>` : esc(f.reason)}</li>`)
          .join('') +
        '</ul>',
    );
  }
  return `<section aria-labelledby="pace-h"><h2 id="pace-h">Streaks and pace</h2>${items.join('')}</section>`;
}

function stale(list: readonly SiteStaleTopic[] | null): string {
  if (list === null) return '';
  const body = list.length === 0 ? '<p>None: every topic in progress has moved recently.</p>' : `<ul class="plain">${list.map((t) => `<li>${esc(t.title)}: idle ${plural(t.daysIdle, 'day')} (last activity ${esc(t.lastActivity)})</li>`).join('')}</ul>`;
  return `<section aria-labelledby="stale-h"><h2 id="stale-h">Stale topics</h2>${body}</section>`;
}

function findings(input: SiteInput): string {
  const list = input.findings;
  const head = '<section aria-labelledby="links-h"><h2 id="links-h">Link findings</h2>';
  if (list.length === 0) return `${head}<p>None: every link checked is fine.</p></section>`;
  const shown = list.slice(0, 1000);
  const rows = shown.map((f) => {
    const where = `${f.file}:${f.line}:${f.column}`;
    return `<tr><td>${f.severity === 'error' ? 'error' : 'warning'}</td><td>${input.findingHref ? link(input.findingHref(f), where) : esc(where)}</td><td>${esc(f.kind)}</td><td>${esc(f.message)}</td></tr>`;
  });
  return (
    `${head}<div class="scroll"><table id="findings"><caption>${plural(list.length, 'finding')}${list.length > shown.length ? ` (the first ${shown.length} shown)` : ''}</caption>` +
    `<thead><tr><th scope="col">Severity</th><th scope="col">Where</th><th scope="col">Kind</th><th scope="col">Message</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`
  );
}

function timelines(history: JourneyHistory | null): string {
  if (history === null) return '';
  const cards = history.topics.map((t) => {
    const events = t.events.length === 0 ? '<li class="muted">No commit with a readable status block.</li>' : t.events.map((e) => `<li><span class="date">${esc(e.date)}</span> ${statusText(e.status)}${e.tasksTotal > 0 ? ` ${e.tasksDone}/${e.tasksTotal}` : ''}</li>`).join('');
    return `<article class="timeline" id="timeline-${esc(t.id)}"><h3>${esc(t.title)}</h3><ol>${events}</ol></article>`;
  });
  return `<section aria-labelledby="timelines-h"><h2 id="timelines-h">Timeline per topic</h2><div class="timelines">${cards.join('') || '<p class="muted">No history yet.</p>'}</div></section>`;
}

export function renderSite(input: SiteInput): string {
  const notes = input.notes.length > 0 ? `<div class="notes" role="note">${input.notes.map((n) => `<p>${esc(n)}</p>`).join('')}</div>` : '';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No script, style and images only from the page itself: nothing can reach another host.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(input.title)}: learning journey</title>`,
    `<style>${SITE_CSS}</style>`,
    '</head>',
    '<body><main>',
    `<header><h1>${esc(input.title)}</h1><p class="muted">Learning journey, as of ${esc(input.generated)}. Made by odyssey.</p></header>`,
    notes,
    progress(input.modules),
    table(input),
    charts(input.stats),
    pace(input.stats),
    stale(input.stale),
    findings(input),
    timelines(input.history),
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
