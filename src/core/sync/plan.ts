// The sync plan: which files change and to what. Pure: the run step reads and writes.
import type { Config } from '../config.js';
import type { Module } from '../model.js';
import { parseDocument } from '../document/index.js';
import { findZone, missingZoneMessage, renderProgress, spliceZone } from '../table/index.js';
import { renderCharts } from '../render/chart.js';
import { renderBadge } from '../render/badge.js';
import { existingBurnup, renderBurnup } from '../render/burnup-chart.js';
import type { WeekPoint } from '../history/burnup.js';

export interface FileChange {
  /** Root-relative, `/`-separated. */
  path: string;
  /** Current content, or null when the file does not exist yet. */
  before: string | null;
  after: string;
}

export interface ZoneProblem {
  file: string;
  line: number;
  column: number;
  /** The whole message, starting with `file:line:col:`, with the marker lines to paste. */
  message: string;
}

export interface SyncPlanInput {
  readme: { path: string; text: string };
  modules: Module[];
  config: Config;
  /** Today, YYYY-MM-DD: open bars of the gantt end here. */
  today: string;
  /**
   * The burn-up's weekly series; `keep` leaves the burn-up blocks in the zone as they are (no
   * history to draw from: a shallow clone, no git); absent: no burn-up.
   */
  burnup?: WeekPoint[] | 'keep';
  /** Current badge file content, when a badge is configured (null: absent). */
  badgeBefore?: string | null;
}

export type SyncPlan = { ok: true; changes: FileChange[] } | { ok: false; problem: ZoneProblem };

export function planSync(input: SyncPlanInput): SyncPlan {
  const { readme, modules, config } = input;
  let text = readme.text;

  // The README is parsed once; both zones are found in that one model.
  const model = parseDocument(text, readme.path);
  const progress = findZone(text, readme.path, 'progress', model);
  if (progress.kind === 'error') return { ok: false, problem: { file: readme.path, line: progress.line, column: progress.column, message: progress.message } };
  const where = `${readme.path}:1:1: `;
  if (progress.kind === 'absent') {
    // The table's own message: it says which marker text was found and why it does not count.
    return { ok: false, problem: { file: readme.path, line: 1, column: 1, message: `${where}${missingZoneMessage(readme.path, 'progress', progress.ignored)}` } };
  }
  // The chart zone is opt-in: it is filled only when its markers are there.
  const chart = findZone(text, readme.path, 'chart', model);
  if (chart.kind === 'error') return { ok: false, problem: { file: readme.path, line: chart.line, column: chart.column, message: chart.message } };
  const before = text.length;
  text = spliceZone(text, progress, renderProgress(modules, { columns: config.table.columns, readme: readme.path }));
  if (chart.kind === 'found') {
    // Zones never overlap (findZone says so), so a chart zone after the table moves by the table's change.
    const shift = chart.contentStart >= progress.contentEnd ? text.length - before : 0;
    const moved = { ...chart, contentStart: chart.contentStart + shift, contentEnd: chart.contentEnd + shift };
    const burnup =
      input.burnup === undefined ? undefined : input.burnup === 'keep' ? existingBurnup(text.slice(moved.contentStart, moved.contentEnd)) : renderBurnup(input.burnup);
    text = spliceZone(text, moved, renderCharts(modules, { now: input.today, pie: config.chart.pie, gantt: config.chart.gantt, ...(burnup ? { burnup } : {}) }));
  }

  const changes: FileChange[] = [];
  if (text !== readme.text) changes.push({ path: readme.path, before: readme.text, after: text });
  if (config.badge) {
    const svg = renderBadge(modules);
    if (svg !== input.badgeBefore) changes.push({ path: config.badge, before: input.badgeBefore ?? null, after: svg });
  }
  return { ok: true, changes };
}
