import type { Module, Status } from '../model.js';
import { STATUS_LABELS, UNKNOWN_LABEL } from './labels.js';

const BAR_CELLS = 10;

/** Counts per status; `unknown` counts modules whose status block is missing or broken. */
export function statusCounts(modules: readonly Module[]): Record<Status | 'unknown', number> {
  const counts = { todo: 0, 'in-progress': 0, paused: 0, done: 0, unknown: 0 };
  for (const m of modules) counts[m.status ?? 'unknown']++;
  return counts;
}

/**
 * `**Progress:** ▓▓▓░░░░░░░ 36% · ✅ 4 done · 🚧 2 in progress · ⏸️ 1 paused · ⏳ 4 to do`.
 * Both the bar and the percentage round down, so neither shows 100% before every module is done.
 */
export function progressLine(modules: readonly Module[], now?: string): string {
  const total = modules.length;
  const c = statusCounts(modules);
  const ratio = total === 0 ? 0 : c.done / total;
  const filled = Math.floor(ratio * BAR_CELLS);
  const bar = '▓'.repeat(filled) + '░'.repeat(BAR_CELLS - filled);
  const parts = [
    `${STATUS_LABELS.done.emoji} ${c.done} done`,
    `${STATUS_LABELS['in-progress'].emoji} ${c['in-progress']} in progress`,
    `${STATUS_LABELS.paused.emoji} ${c.paused} paused`,
    `${STATUS_LABELS.todo.emoji} ${c.todo} to do`,
  ];
  if (c.unknown > 0) parts.push(`${UNKNOWN_LABEL.emoji} ${c.unknown} unknown`);
  if (total === 0) parts.splice(0, parts.length, 'no modules yet');
  if (now) parts.push(`updated ${now}`);
  return `**Progress:** ${bar} ${Math.floor(ratio * 100)}% · ${parts.join(' · ')}`;
}
