// The journey over time as markdown (the job summary): burn-up, streaks, durations, forecasts.
import { renderBurnup } from '../render/burnup-chart.js';
import type { JourneyStats } from './stats.js';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const cell = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

export function journeyMarkdown(stats: JourneyStats | null, notes: readonly string[]): string[] {
  const out = ['### The journey over time', ''];
  for (const n of notes) out.push(`> ${cell(n)}`, '');
  if (stats === null) return out;
  for (const b of renderBurnup(stats.series)) out.push(...b, '');
  const s = stats.streaks;
  out.push(`**Streak:** ${plural(s.current, 'active week')} now · longest ${plural(s.longest, 'week')}${s.lastActiveWeek ? ` · last active the week of ${s.lastActiveWeek}` : ''}`, '');
  if (stats.durations.length > 0) {
    out.push('| Topic | Started | Completed | Days |', '| --- | --- | --- | ---: |');
    for (const d of stats.durations) out.push(`| ${cell(d.title)} | ${d.started} | ${d.completed ?? '(in progress)'} | ${d.days} |`);
    out.push('');
  }
  if (stats.forecasts.length > 0) {
    out.push('**Forecasts** (from each topic\'s own pace):', '');
    for (const f of stats.forecasts) {
      out.push(`- ${cell(f.title)}: ${f.tasksDone}/${f.tasksTotal} tasks; ${f.kind === 'date' ? `at ${f.tasksPerWeek} a week, done around ${f.date}` : f.reason}`);
    }
    out.push('');
  }
  return out;
}
