// The command's code is imported when it runs: other commands, --help and --version do not load it.
import type { Command } from '../command.js';
import type { FailOn } from '../../run/check.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'check links: placeholders, missing files and anchors (and web links with --external)',
  details: [
    'Scans the root README and modules/**/*.md (links.include / links.exclude), status-block resources included.',
    'A comment <!-- odyssey-disable-next-line --> silences the links on the next line.',
    'Exit 1 when a finding is at or above --fail-on.',
  ].join('\n'),
  options: {
    external: { type: 'boolean', description: 'also fetch http(s) links (or links.external: true)' },
    format: { type: 'string', values: ['text', 'json', 'sarif'], default: 'text', description: 'output format (default: text)' },
    'fail-on': { type: 'string', values: ['error', 'warning', 'never'], default: 'error', description: 'lowest severity that fails the run (default: error)' },
    'no-cache': { type: 'boolean', description: 'do not read or write the cache (.odyssey/, or ODYSSEY_CACHE_DIR)' },
  },
  async run(input, ctx) {
    const [{ renderFindingsJson }, { renderFindingsText }, { renderSarif }, { runCheck }, { VERSION }, { createProgressReporter, progressMode }] =
      await Promise.all([
        import('../../core/render/findings-json.js'),
        import('../../core/render/findings-text.js'),
        import('../../core/render/sarif.js'),
        import('../../run/check.js'),
        import('../../version.js'),
        import('../../io/http/progress.js'),
      ]);
    const format = input.options.format as 'text' | 'json' | 'sarif';
    // Progress goes to stderr: a live line on a terminal, a line every few seconds in CI.
    const reporter = createProgressReporter({ mode: progressMode({ isTTY: ctx.isTTY }, ctx.env), write: ctx.stderr });
    const result = await runCheck(
      {
        root: input.root,
        config: input.config,
        external: input.options.external === true ? true : undefined,
        failOn: input.options['fail-on'] as FailOn,
      },
      { env: ctx.env, progress: (p) => reporter.update(p), ...(input.options['no-cache'] ? { cacheFile: null } : {}) },
    ).finally(() => reporter.finish());
    for (const n of result.notices) ctx.stderr(`odyssey check: note: ${n}\n`);
    if (format === 'json') ctx.stdout(renderFindingsJson(result.findings, result.counts));
    else if (format === 'sarif') ctx.stdout(renderSarif(result.findings, { version: VERSION }));
    else ctx.stdout(renderFindingsText(result.findings, result.counts, { color: ctx.isTTY }));
    return result.exitCode;
  },
};
