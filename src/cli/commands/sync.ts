// The command's code is imported when it runs: other commands, --help and --version do not load it.
import { reportOptions, type Command } from '../command.js';
import type { ReportFormat } from '../../core/render/report.js';

export const syncCommand: Command = {
  name: 'sync',
  summary: 'rebuild the progress table (and chart zone, badge) from the modules\' status blocks',
  details:
    'Exit 0 when all is well; 1 when a status block has an error (the table is still written, the\n' +
    "broken module's row marked ❓) or, with --check, when the README is out of date; 2 for a usage\n" +
    'or configuration error (a missing or unbalanced zone marker among them).',
  options: {
    check: { type: 'boolean', description: 'write nothing; exit 1 when the README is out of date' },
    ...reportOptions(['text', 'json', 'sarif', 'github', 'markdown']),
  },
  async run(input, ctx) {
    const [{ lineDiff }, { renderReport }, { runSync }, { VERSION }] = await Promise.all([
      import('../../core/render/line-diff.js'),
      import('../../core/render/report.js'),
      import('../../run/sync.js'),
      import('../../version.js'),
    ]);
    const check = Boolean(input.options.check);
    const format = (input.options.format ?? 'text') as ReportFormat;
    const result = await runSync({ root: input.root, config: input.config, check });
    for (const n of result.notes) ctx.stderr(`odyssey sync: ${n}\n`);
    const n = result.modules.length;
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    const counts = { modules: n, errors, warnings: result.findings.length - errors, changed: result.changes.length };
    const out = format === 'github' ? (ctx.workflowCommands ?? ctx.stdout) : ctx.stdout;
    out(renderReport(format, { findings: result.findings, counts, title: 'odyssey sync' }, { color: ctx.color ?? false, version: VERSION }));
    // Machine formats keep stdout to the report alone: what sync did goes to stderr.
    const say = format === 'text' || format === 'markdown' ? ctx.stdout : ctx.stderr;
    if (format === 'markdown' && result.findings.length > 0) say('\n');
    const what = `${n} module${n === 1 ? '' : 's'}`;
    if (result.changes.length === 0) {
      say(`${input.config.readme} is up to date (${what}).\n`);
    } else if (check) {
      for (const c of result.changes) {
        say(`${c.path} is out of date: run \`odyssey sync\` to update it.\n`);
        if (c.before !== null && !c.path.endsWith('.svg')) say(lineDiff(c.before, c.after).map((l) => `  ${l}\n`).join(''));
      }
    } else {
      for (const c of result.changes) say(`updated ${c.path} (${what}).\n`);
    }
    return result.exitCode;
  },
};
