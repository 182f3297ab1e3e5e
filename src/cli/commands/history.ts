// `odyssey history`: each topic's status and task counts over time, from git.
import { Exit, UsageError } from '../../core/exit.js';
import type { Command } from '../command.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const historyCommand: Command = {
  name: 'history',
  summary: "each topic's status and task counts over time, read from git (with streaks and forecasts)",
  details: [
    'Reads every module README\'s past with one `git log` and one `git cat-file`, along the first-parent',
    'line (a merged pull request counts on the day it was merged). A version whose status block does',
    'not parse is listed under "skipped". The result is cached in .odyssey/ so a rerun reads only new',
    'commits. A shallow clone shows what it has: fetch the whole history (fetch-depth: 0) for the rest.',
  ].join('\n'),
  options: {
    format: { type: 'string', values: ['text', 'json'], default: 'text', description: 'output format (default: text)' },
    since: { type: 'string', arg: 'YYYY-MM-DD', description: 'only events on or after this day' },
  },
  async run(input, ctx) {
    const since = input.options.since;
    if (typeof since === 'string' && (!DAY.test(since) || Number.isNaN(Date.parse(`${since}T00:00:00Z`)))) {
      throw new UsageError(`--since takes a calendar date like 2026-03-31; got '${since}'`);
    }
    const [{ runHistory }, { historyJson, historyText, historySince }] = await Promise.all([import('../../run/history.js'), import('../../core/history/index.js')]);
    const today = new Date().toISOString().slice(0, 10);
    const result = await runHistory({ root: input.root, config: input.config, stats: input.options.format !== 'json' }, today);
    for (const n of result.notes) ctx.stderr(`odyssey history: ${n}\n`);
    if (!result.available) return Exit.usage;
    const history = typeof since === 'string' ? historySince(result.history, since) : result.history;
    ctx.stdout(input.options.format === 'json' ? historyJson(history) : historyText(history, result.stats));
    return Exit.ok;
  },
};
