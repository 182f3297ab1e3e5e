// `history` output: JSON exactly as SPEC §10, and a readable timeline per topic with the stats.
import { STATUS_LABELS } from '../status/status-labels.js';
import type { JourneyStats } from './stats.js';
import type { JourneyHistory } from './types.js';

export function historyJson(h: JourneyHistory): string {
  return JSON.stringify({ topics: h.topics, skipped: h.skipped }, null, 2) + '\n';
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function statsLines(stats: JourneyStats): string[] {
  const out: string[] = [];
  const s = stats.streaks;
  out.push(`Streak: ${plural(s.current, 'active week')} now; longest ${plural(s.longest, 'week')}${s.lastActiveWeek ? `; last active the week of ${s.lastActiveWeek}` : ''}.`);
  for (const d of stats.durations) {
    out.push(d.completed ? `${d.title}: ${plural(d.days, 'day')} from ${d.started} to ${d.completed}` : `${d.title}: started ${d.started}, ${plural(d.days, 'day')} to its last change`);
  }
  for (const f of stats.forecasts) {
    out.push(f.kind === 'date' ? `${f.title}: ${f.tasksDone}/${f.tasksTotal} tasks; at ${f.tasksPerWeek} a week, done around ${f.date}` : `${f.title}: ${f.tasksDone}/${f.tasksTotal} tasks; no forecast: ${f.reason}`);
  }
  return out;
}

export function historyText(h: JourneyHistory, stats: JourneyStats | null): string {
  const lines: string[] = [];
  if (h.topics.length === 0) lines.push('No topic has a history yet: commit a modules/<id>/README.md with a status block.');
  for (const t of h.topics) {
    lines.push(`${t.title} (${t.id})`);
    if (t.events.length === 0) lines.push('  (no commit with a readable status block)');
    for (const e of t.events) {
      const { emoji, label } = STATUS_LABELS[e.status];
      const tasks = e.tasksTotal > 0 ? ` ${e.tasksDone}/${e.tasksTotal} tasks` : '';
      lines.push(`  ${e.date}  ${emoji} ${label}${tasks}  ${e.commit.slice(0, 7)}`);
    }
  }
  if (h.skipped.length > 0) {
    lines.push('', `Skipped (${plural(h.skipped.length, 'version')} whose status block did not parse):`);
    for (const s of h.skipped) lines.push(`  ${s.commit.slice(0, 7)} ${s.date} ${s.file}:${s.line}: ${s.error}`);
  }
  if (stats) lines.push('', ...statsLines(stats));
  return lines.join('\n') + '\n';
}
