// `odyssey site --out DIR`: the journey as one self-contained page for GitHub Pages.
import { Exit, UsageError } from '../../core/exit.js';
import type { Command } from '../command.js';

export const siteCommand: Command = {
  name: 'site',
  summary: 'write the journey as one self-contained page, DIR/index.html (for GitHub Pages)',
  details: [
    'The page holds the progress bar, the table (linked to each module on GitHub when the `origin`',
    'remote is known), the burn-up chart, streaks, a timeline per topic, stale topics and the link',
    'findings. CSS and SVG are inline: no script, no request to any other host.',
  ].join('\n'),
  options: {
    out: { type: 'string', arg: 'DIR', description: 'the folder to write index.html into (required)' },
  },
  async run(input, ctx) {
    const out = input.options.out;
    if (typeof out !== 'string' || out.trim() === '') throw new UsageError('--out DIR is required: the folder to write index.html into (e.g. --out _site)');
    const path = await import('node:path');
    const { runSite } = await import('../../run/site.js');
    const result = await runSite({ root: input.root, config: input.config, out: path.resolve(ctx.cwd, out), now: new Date() });
    for (const n of result.notes) ctx.stderr(`odyssey site: ${n}\n`);
    ctx.stdout(`wrote ${path.relative(ctx.cwd, result.file) || result.file} (${result.modules} topic${result.modules === 1 ? '' : 's'}, ${(result.bytes / 1024).toFixed(0)} KB)\n`);
    return Exit.ok;
  },
};
