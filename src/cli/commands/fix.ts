// The command's code is imported when it runs: other commands, --help and --version do not load it.
import type { Command } from '../command.js';

export const fixCommand: Command = {
  name: 'fix',
  summary: 'rewrite broken link targets whose fix is certain; prints the change as a diff',
  details: [
    'Certain fixes only: the real letter case of a path, a path that only lacks .md (or /README.md),',
    'and with --base REF the new path of a file renamed since REF and the new anchor of a heading retitled since REF.',
    'Only the link targets change; every other byte stays. "Did you mean" hints are never applied.',
    'Exit 0, or 2 on a usage error.',
  ].join('\n'),
  options: {
    'dry-run': { type: 'boolean', description: 'print the diff, write nothing' },
    base: { type: 'string', arg: 'REF', description: 'also fix what a change since REF broke (renamed files, retitled headings)' },
    'no-cache': { type: 'boolean', description: 'do not read or write the caches under .odyssey/' },
  },
  async run(input, ctx) {
    const [{ planFixes, applyFixPlan }, { unifiedDiff }, { UsageError }] = await Promise.all([
      import('../../run/fix.js'),
      import('../../core/render/unified-diff.js'),
      import('../../core/exit.js'),
    ]);
    const base = typeof input.options.base === 'string' ? input.options.base : undefined;
    if (base !== undefined && base.trim() === '') throw new UsageError('--base is empty: give a branch, tag or commit (e.g. --base origin/main)');
    const dryRun = input.options['dry-run'] === true;
    const plan = await planFixes({ root: input.root, config: input.config, ...(base !== undefined ? { base } : {}), cache: !input.options['no-cache'] });
    let links = 0;
    for (const f of plan.files) {
      ctx.stdout(unifiedDiff(f.file, f.before, f.after));
      links += f.applied.length;
      for (const s of f.skipped) ctx.stderr(`${f.file}:${s.line}:${s.column}: \`${s.url}\` not found where the check saw it: left as is\n`);
    }
    if (!dryRun) await applyFixPlan(input.root, plan);
    const files = plan.files.filter((f) => f.applied.length > 0).length;
    const what = `${links} link${links === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`;
    const rest = plan.left ? `; ${plan.left} broken link${plan.left === 1 ? '' : 's'} without a certain fix left for you (odyssey check lists them)` : '';
    ctx.stderr(`${links === 0 ? 'nothing to fix with certainty' : dryRun ? `would fix ${what} (--dry-run: nothing written)` : `fixed ${what}`}${rest}\n`);
    return 0;
  },
};
