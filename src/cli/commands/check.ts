// The command's code is imported when it runs: other commands, --help and --version do not load it.
import { reportOptions, type Command } from '../command.js';
import { UsageError } from '../../core/exit.js';
import type { FailOn } from '../../run/check.js';
import type { ReportFormat } from '../../core/render/report.js';

export const checkCommand: Command = {
  name: 'check',
  summary: 'check links: placeholders, missing files and anchors (and web links with --external)',
  details: [
    'Scans the root README and modules/**/*.md (links.include / links.exclude), status-block resources included.',
    'A comment <!-- odyssey-disable-next-line --> silences the links on the next line.',
    'Exit 1 when a finding is at or above --fail-on.',
    'With --base REF (a branch, tag or commit): also checks the repository at REF (read from git, no checkout) and marks',
    'each finding new or existing; only new ones fail the run (--pr-fail-on all: every one). Certain fixes show as "fix:".',
  ].join('\n'),
  options: {
    external: { type: 'boolean', description: 'also fetch http(s) links (or links.external: true)' },
    ...reportOptions(['text', 'json', 'sarif', 'github', 'markdown']),
    'fail-on': { type: 'string', values: ['error', 'warning', 'never'], default: 'error', description: 'lowest severity that fails the run (default: error)' },
    base: { type: 'string', arg: 'REF', description: 'judge by what changed since REF (its merge-base with HEAD): new findings fail, existing ones do not' },
    'pr-fail-on': { type: 'string', values: ['new', 'all'], default: 'new', description: 'with --base: which findings can fail the run (default: new)' },
    'no-cache': { type: 'boolean', description: 'do not read or write the cache (.odyssey/, or ODYSSEY_CACHE_DIR)' },
  },
  async run(input, ctx) {
    const [{ renderReport }, { runCheck }, { VERSION }, { createProgressReporter, progressMode }] = await Promise.all([
      import('../../core/render/report.js'),
      import('../../run/check.js'),
      import('../../version.js'),
      import('../../io/http/progress.js'),
    ]);
    const format = input.options.format as ReportFormat;
    // Progress goes to stderr, and only when stderr is a terminal (a live line).
    const reporter = createProgressReporter({ mode: progressMode({ isTTY: ctx.stderrIsTTY ?? ctx.isTTY }, ctx.env), write: ctx.stderr });
    const opts = {
      root: input.root,
      config: input.config,
      external: input.options.external === true ? true : undefined,
      failOn: input.options['fail-on'] as FailOn,
    };
    const io = { env: ctx.env, progress: (p: Parameters<typeof reporter.update>[0]) => reporter.update(p), ...(input.options['no-cache'] ? { cacheFile: null } : {}) };
    const base = typeof input.options.base === 'string' ? input.options.base : undefined;
    if (base !== undefined && base.trim() === '') throw new UsageError('--base is empty: give a branch, tag or commit (e.g. --base origin/main)');
    const result = await (async () => {
      if (base !== undefined) {
        const { runCheckWithBase } = await import('../../run/check-base.js');
        return runCheckWithBase({ ...opts, base, prFailOn: input.options['pr-fail-on'] as 'new' | 'all' }, io);
      }
      const { withCertainFixes } = await import('../../core/change/certain-fix.js');
      const r = await runCheck(opts, io);
      return { ...r, findings: withCertainFixes(r.findings, { view: r.repo.view, renamed: new Map() }).findings, fixed: undefined };
    })().finally(() => reporter.finish());
    for (const n of result.notices) ctx.stderr(`odyssey check: note: ${n}\n`);
    const out = format === 'github' ? (ctx.workflowCommands ?? ctx.stdout) : ctx.stdout;
    out(renderReport(format, { findings: result.findings, counts: result.counts, fixed: result.fixed, countsLine: true, title: 'odyssey check' }, { color: ctx.color ?? false, version: VERSION }));
    return result.exitCode;
  },
};
