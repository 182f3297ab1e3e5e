// Journeys to photograph, each synced into a temp folder (the checkout itself is never written):
// this repository as it is, or the template README taken through `init` with a few topics under way.
// Both go through the same run functions the CLI calls, then get the chart zone and the badge.
import { cp, mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../src/core/config.js';
import { runInit } from '../../src/run/init.js';
import { runSync } from '../../src/run/sync.js';

// The template users start from (a copy of the shared seed README kept with the init tests).
const SEED = path.resolve(import.meta.dirname, '../../tests/core/init/fixtures/template-README.md');
const BADGE = '.github/odyssey-progress.svg';
const PROGRESS_END = '<!-- odyssey:progress:end -->';
const CHART_ZONE = '<!-- odyssey:chart:start -->\n<!-- odyssey:chart:end -->\n';

// Status, start and completion per template module: enough variety for every slice and bar kind.
const TEMPLATE_PROGRESS: Record<string, [string, string, string]> = {
  '01-foundations': ['done', '2026-01-05', '2026-02-01'],
  '03-transformer-architecture': ['done', '2026-02-02', '2026-03-10'],
  '04-llm-pretraining': ['in-progress', '2026-03-11', ''],
  '05-llm-fine-tuning': ['paused', '2026-03-20', ''],
};

const exists = (p: string) => stat(p).then(() => true, () => false);

/** Adds the chart zone after the table zone and the badge under the title (when missing), then syncs. */
async function chartAndSync(root: string, today: string): Promise<string> {
  const readmeFile = path.join(root, 'README.md');
  let readme = await readFile(readmeFile, 'utf8');
  if (!readme.includes('<!-- odyssey:chart:start -->')) {
    const at = readme.indexOf('\n', readme.indexOf(PROGRESS_END)) + 1;
    readme = `${readme.slice(0, at)}\n${CHART_ZONE}${readme.slice(at)}`;
  }
  if (!readme.includes(BADGE)) readme = readme.replace(/^(# .*\n)/, `$1\n![progress](${BADGE})\n`);
  await writeFile(readmeFile, readme);
  const configFile = path.join(root, '.odyssey.yml');
  const configText = (await exists(configFile)) ? await readFile(configFile, 'utf8') : '';
  const config = parseConfig(configText);
  config.badge = BADGE;
  config.chart = { pie: true, gantt: true, burnup: false };
  await runSync({ root, config, check: false, today });
  return readmeFile;
}

/** This checkout's README and modules, copied and synced with charts. */
export async function thisRepository(repo: string, today: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'odyssey-shot-'));
  await cp(path.join(repo, 'README.md'), path.join(root, 'README.md'));
  await cp(path.join(repo, 'modules'), path.join(root, 'modules'), { recursive: true });
  if (await exists(path.join(repo, '.odyssey.yml'))) await cp(path.join(repo, '.odyssey.yml'), path.join(root, '.odyssey.yml'));
  return chartAndSync(root, today);
}

/** The template README → `odyssey init` → some progress → charts. */
export async function templateDemo(today: string): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'odyssey-shot-'));
  await writeFile(path.join(root, 'README.md'), await readFile(SEED, 'utf8'));
  const init = await runInit({ root, config: parseConfig(''), configFile: null, dryRun: false });
  if (!init.ok) throw new Error(init.problem.message);
  for (const [id, [status, started, completed]] of Object.entries(TEMPLATE_PROGRESS)) {
    const file = path.join(root, 'modules', id, 'README.md');
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text
        .replace(/^status: .*$/m, `status: ${status}`)
        .replace(/^started:.*$/m, `started: ${started}`)
        .replace(/^completed:.*$/m, completed ? `completed: ${completed}` : 'completed:'),
    );
  }
  return chartAndSync(root, today);
}
