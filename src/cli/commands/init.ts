// The command's code is imported when it runs: other commands, --help and --version do not load it.
import type { Command } from '../command.js';

import { WHAT_INIT_LOOKS_FOR } from '../../core/init/looks-for.js';

export const initCommand: Command = {
  name: 'init',
  summary: 'turn a template README into an odyssey repository: wrap its progress table, create module folders',
  details: [
    `${WHAT_INIT_LOOKS_FOR}.`,
    'For each row it creates modules/<id>/README.md with a status block made from the row, or adds only the',
    'status block to a module README that has none. Running it again changes nothing.',
  ].join('\n'),
  options: {
    'dry-run': { type: 'boolean', description: 'print the plan and write nothing' },
    charts: { type: 'boolean', description: 'also add the chart zone (a Mermaid pie and timeline that sync fills) after the table' },
  },
  async run(input, ctx) {
    const [{ renderInitPlan }, { formatFindingLine }, { runInit }] = await Promise.all([
      import('../../core/init/plan-text.js'),
      import('../../core/render/finding-line.js'),
      import('../../run/init.js'),
    ]);
    const dryRun = input.options['dry-run'] === true;
    const charts = input.options.charts === true;
    const result = await runInit({ root: input.root, config: input.config, configFile: input.configFile, dryRun, charts });
    if (!result.ok) {
      ctx.stderr(`odyssey init: ${formatFindingLine(result.problem)}\n`);
      return result.exitCode;
    }
    ctx.stdout(renderInitPlan(result.plan, dryRun));
    return result.exitCode;
  },
};
