// Stale topics at 1,000 modules (100 stale): API requests and wall time against the fake GitHub
// API on loopback, first run (files every issue) and second run (nothing to change).
// Run alone: npx tsx bench/stale/index.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../src/core/config.js';
import { makeOctokit } from '../../src/io/github.js';
import { runStale, type RunStaleResult } from '../../src/run/stale.js';
import { FakeGitHub } from '../../tests/support/fake-github.js';
import { moduleReadme } from '../../tests/support/stale-repo.js';
import { table } from '../support/measure.js';

const MODULES = 1000;
const STALE = 100;
const NOW = new Date('2026-03-31T00:00:00Z');
const DAY = 86_400_000;

interface Planned {
  id: string;
  status: string;
  at: number;
}

/** Who is what: 100 stale, 300 active, 300 done, 200 todo, 100 paused; one backdated commit each. */
function plannedModules(): Planned[] {
  const out: Planned[] = [];
  for (let i = 1; i <= MODULES; i++) {
    const id = `${String(i).padStart(4, '0')}-topic-${i}`;
    const k = i % 10;
    const status = k === 0 ? 'in-progress' : k <= 3 ? 'in-progress' : k <= 6 ? 'done' : k <= 8 ? 'todo' : 'paused';
    const stale = k === 0;
    const at = NOW.getTime() - (stale ? 40 + (i % 200) : 1 + (i % 25)) * DAY - (i % 7) * 3_600_000;
    out.push({ id, status, at });
  }
  return out;
}

/** A real repository with one backdated commit per module, made in one `git fast-import`. */
function buildRepo(dir: string, modules: Planned[]): void {
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  const parts: string[] = [];
  const sorted = [...modules].sort((a, b) => a.at - b.at);
  sorted.forEach((m, n) => {
    const text = moduleReadme({
      title: `Topic ${m.id}`,
      status: m.status,
      started: '2025-06-01',
      ...(m.status === 'done' ? { completed: '2025-09-01' } : {}),
      tasks: Array.from({ length: 6 }, (_, t) => `[${t < 3 ? 'x' : ' '}] Task ${t + 1}`),
    });
    const secs = Math.floor(m.at / 1000);
    const msg = `work on ${m.id}`;
    parts.push(
      `commit refs/heads/main\nmark :${n + 1}\nauthor Learner <l@example.invalid> ${secs} +0000\ncommitter Learner <l@example.invalid> ${secs} +0000\n` +
        `data ${Buffer.byteLength(msg)}\n${msg}\n${n > 0 ? `from :${n}\n` : ''}M 100644 inline modules/${m.id}/README.md\ndata ${Buffer.byteLength(text)}\n${text}\n`,
    );
  });
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: parts.join('') });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir });
}

export async function runStaleBench(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'odyssey-bench-stale-'));
  const gh = await FakeGitHub.start();
  try {
    const modules = plannedModules();
    const t0 = performance.now();
    buildRepo(dir, modules);
    const buildMs = performance.now() - t0;
    gh.repo('me', 'journey');
    // Unrelated issues in the same repository: the label filter keeps them out of our reads.
    for (let i = 0; i < 2000; i++) gh.addIssue('me', 'journey', { title: `question ${i}`, labels: ['question'] });
    // No pacing or retry waits against the fake: wall time is odyssey's own work plus loopback HTTP.
    const octokit = makeOctokit({ token: 't', baseUrl: gh.url, timeScale: 0 });
    const config = defaultConfig();
    config.stale.maxIssueOperations = 1000;

    const rows: Array<Record<string, string | number>> = [];
    const measureRun = async (name: string, withIssues: boolean, budget = 1000): Promise<RunStaleResult> => {
      config.stale.maxIssueOperations = budget;
      gh.reset();
      const start = performance.now();
      const r = await runStale({ root: dir, config, now: NOW, ...(withIssues ? { issues: { octokit, owner: 'me', repo: 'journey', dryRun: false } } : {}) });
      const ms = performance.now() - start;
      rows.push({
        run: name,
        stale: r.stale.length,
        'API requests': gh.requests.length,
        reads: gh.requests.length - gh.writes().length,
        writes: gh.writes().length,
        created: r.applied?.outcomes.filter((o) => o.ok && o.action.kind === 'create').length ?? 0,
        closed: r.applied?.outcomes.filter((o) => o.ok && o.action.kind === 'close').length ?? 0,
        deferred: r.plan?.deferred.length ?? 0,
        'wall ms': ms.toFixed(0),
      });
      return r;
    };

    const listed = await measureRun('list only (no --issues)', false);
    if (listed.stale.length !== STALE) throw new Error(`expected ${STALE} stale topics, got ${listed.stale.length}`);
    await measureRun('first run, default max-issue-operations (30)', true, 30);
    await measureRun('first run, budget 1000 (files the rest)', true);
    await measureRun('second run, nothing to change', true);
    // Ten stale topics get a commit: the next run closes their issues (comment + close each).
    const revived = listed.stale.slice(0, 10).map((t) => t.id);
    for (const id of revived) {
      execFileSync('git', ['commit', '-q', '--allow-empty', '-m', `touch ${id}`], { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 'L', GIT_AUTHOR_EMAIL: 'l@x', GIT_COMMITTER_NAME: 'L', GIT_COMMITTER_EMAIL: 'l@x' } });
    }
    execFileSync('sh', ['-c', `for id in ${revived.join(' ')}; do echo more >> modules/$id/README.md; done && git add -A && GIT_AUTHOR_DATE=2026-03-30T10:00:00Z GIT_COMMITTER_DATE=2026-03-30T10:00:00Z git -c user.name=L -c user.email=l@x commit -q -m revive`], { cwd: dir });
    await measureRun('third run, 10 topics active again', true);

    return [
      `## stale (${MODULES} modules, ${STALE} stale; repository with 2,000 unrelated issues; fake GitHub on loopback)`,
      '',
      table(rows),
      '',
      `Repository built with one git fast-import in ${buildMs.toFixed(0)} ms (${MODULES} backdated commits). One \`git log\` per run for all modules.`,
      'Reads are the labelled-issue list, 100 a page (⌈issues/100⌉), plus one label check when no labelled issue exists.',
      'Pacing is off against the fake. Against github.com the throttling plugin spaces writes ≥ 1 s apart and issue/comment creation ≥ 3 s apart,',
      'so filing 100 issues takes about 5 minutes: that is why max-issue-operations defaults to 30 and the rest waits for the next run.',
      '',
    ].join('\n');
  } finally {
    await gh.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(await runStaleBench());
}
