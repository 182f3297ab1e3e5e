// `odyssey stale`: lists stale topics; with --issues, reconciles their GitHub issues.
// The command's code is imported when it runs (Octokit only with --issues): other commands,
// --help and --version do not load it.
import { Exit, UsageError } from '../../core/exit.js';
import { parseDay, utcDate } from '../../core/stale/days.js';
import type { runStale as RunStale } from '../../run/stale.js';
import { reportOptions, type Command } from '../command.js';

export const staleCommand: Command = {
  name: 'stale',
  summary: 'list in-progress topics untouched for too long (with --issues, keep one GitHub issue per stale topic)',
  details: [
    'A topic is stale when its status is in-progress and nothing under its folder changed (git history)',
    'for `stale.days` days (default 30) or its own `stale-after`.',
    'With --issues: GITHUB_TOKEN from the environment; GITHUB_API_URL for GitHub Enterprise.',
  ].join('\n'),
  options: {
    now: { type: 'string', arg: 'YYYY-MM-DD', description: 'count idle days up to this date (default: today)' },
    ...reportOptions(['text', 'json', 'github', 'markdown', 'sarif']),
    issues: { type: 'boolean', description: 'open, update and close the GitHub issues of stale topics' },
    repo: { type: 'string', arg: 'OWNER/NAME', description: 'the repository for --issues (default: $GITHUB_REPOSITORY)' },
    'dry-run': { type: 'boolean', description: 'with --issues: print what would be done, write nothing' },
  },
  async run(input, ctx) {
    const o = input.options;
    let now = new Date();
    if (typeof o.now === 'string') {
      const ms = parseDay(o.now);
      if (ms === null) throw new UsageError(`--now takes a calendar date like 2026-03-31; got '${o.now}'`);
      now = new Date(ms);
    }
    const dryRun = o['dry-run'] === true;
    if (dryRun && !o.issues) throw new UsageError('--dry-run goes with --issues (without --issues, odyssey stale writes nothing anyway)');
    if (o.repo !== undefined && !o.issues) throw new UsageError('--repo goes with --issues');

    let issues: Parameters<typeof RunStale>[0]['issues'];
    let repoName: string | undefined;
    if (o.issues) {
      repoName = (typeof o.repo === 'string' ? o.repo : undefined) ?? ctx.env.GITHUB_REPOSITORY;
      const m = repoName ? /^([A-Za-z0-9-_.]+)\/([A-Za-z0-9-_.]+)$/.exec(repoName) : null;
      if (!m) {
        throw new UsageError(repoName ? `--repo takes OWNER/NAME, like octo/learning; got '${repoName}'` : '--issues needs --repo OWNER/NAME (or GITHUB_REPOSITORY)');
      }
      const token = ctx.env.GITHUB_TOKEN || ctx.env.GH_TOKEN || undefined;
      if (!token && !dryRun) throw new UsageError('--issues needs a token in GITHUB_TOKEN with `issues: write` (or add --dry-run to only look)');
      const { makeOctokit } = await import('../../io/github.js');
      const octokit = makeOctokit({
        token,
        baseUrl: ctx.env.GITHUB_API_URL || undefined,
        env: ctx.env,
        log: { debug: () => {}, info: () => {}, warn: (msg) => ctx.stderr(`odyssey stale: ${msg}\n`), error: (msg) => ctx.stderr(`odyssey stale: ${msg}\n`) },
      });
      issues = { octokit, owner: m[1]!, repo: m[2]!, dryRun, ...(ctx.env.GITHUB_SERVER_URL ? { webUrl: ctx.env.GITHUB_SERVER_URL.replace(/\/+$/, '') } : {}) };
    }

    const [{ runStale }, { staleJson, staleText }] = await Promise.all([import('../../run/stale.js'), import('../../core/stale/format.js')]);
    const result = await runStale({ root: input.root, config: input.config, now, ...(issues ? { issues } : {}) });
    if (o.format === 'json') ctx.stdout(staleJson(result));
    else if (o.format === 'github' || o.format === 'markdown' || o.format === 'sarif') {
      // The formats that annotate files: one warning per stale topic, at its module README.
      const [{ renderReport }, { staleFindings }, { VERSION }] = await Promise.all([
        import('../../core/render/report.js'),
        import('../../core/stale/stale-findings.js'),
        import('../../version.js'),
      ]);
      (o.format === 'github' ? (ctx.workflowCommands ?? ctx.stdout) : ctx.stdout)(renderReport(o.format, { findings: staleFindings(result.stale), counts: { stale: result.stale.length }, title: 'odyssey stale' }, { color: false, version: VERSION }));
    } else ctx.stdout(staleText(result, { today: utcDate(now.getTime()), days: input.config.stale.days, ...(repoName ? { repo: repoName } : {}), dryRun }));
    return Exit.ok;
  },
};
