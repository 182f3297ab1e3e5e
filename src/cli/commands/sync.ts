// The command's code is imported when it runs: other commands, --help and --version do not load it.
import type { Command } from '../command.js';

export const syncCommand: Command = {
  name: 'sync',
  summary: 'rebuild the progress table (and chart zone, badge) from the modules\' status blocks',
  details:
    'Exit 0 when all is well; 1 when a status block has an error (the table is still written, the\n' +
    "broken module's row marked ❓) or, with --check, when the README is out of date; 2 for a usage\n" +
    'or configuration error (a missing or unbalanced zone marker among them).',
  options: {
    check: { type: 'boolean', description: 'write nothing; exit 1 when the README is out of date' },
  },
  async run(input, ctx) {
    const [{ lineDiff }, { formatFindingLine }, { runSync }] = await Promise.all([
      import('../../core/render/line-diff.js'),
      import('../../core/render/finding-line.js'),
      import('../../run/sync.js'),
    ]);
    const check = Boolean(input.options.check);
    const result = await runSync({ root: input.root, config: input.config, check });
    for (const f of result.findings) ctx.stdout(formatFindingLine(f) + '\n');
    for (const n of result.notes) ctx.stderr(`odyssey sync: ${n}\n`);
    const n = result.modules.length;
    const what = `${n} module${n === 1 ? '' : 's'}`;
    if (result.changes.length === 0) {
      ctx.stdout(`${input.config.readme} is up to date (${what}).\n`);
    } else if (check) {
      for (const c of result.changes) {
        ctx.stdout(`${c.path} is out of date: run \`odyssey sync\` to update it.\n`);
        if (c.before !== null && !c.path.endsWith('.svg')) ctx.stdout(lineDiff(c.before, c.after).map((l) => `  ${l}\n`).join(''));
      }
    } else {
      for (const c of result.changes) ctx.stdout(`updated ${c.path} (${what}).\n`);
    }
    return result.exitCode;
  },
};
