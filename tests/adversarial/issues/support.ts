// Shared set-up of the issue-body family: a fake GitHub with a token, a journey in a real git
// repository, and the real Octokit client with tiny waits.
import { afterEach, beforeEach } from 'vitest';
import { defaultConfig, type Config } from '../../../src/core/config.js';
import { makeOctokit, type GitHubClient } from '../../../src/io/github.js';
import { loadModules } from '../../../src/io/modules.js';
import { FakeGitHub } from '../../support/fake-github.js';
import { moduleReadme } from '../../support/tmp-repo.js';
import { journeyRepo } from '../../action/support/journey-repo.js';

export const REF = { owner: 'me', repo: 'journey' };
export const SERVER = 'http://127.0.0.5:8443';

export function useFake(): { gh: () => FakeGitHub } {
  let gh: FakeGitHub;
  beforeEach(async () => {
    gh = await FakeGitHub.start();
    gh.login = 'odyssey-bot';
    gh.repo('me', 'journey');
  });
  afterEach(async () => gh.close());
  return { gh: () => gh };
}

export function client(gh: FakeGitHub, timeoutMs?: number): GitHubClient {
  return makeOctokit({ token: 't', baseUrl: gh.url, timeScale: 1, retries: 2, ...(timeoutMs ? { timeoutMs } : {}) });
}

export function config(over: Partial<Config['issues']> = {}): Config {
  const c = defaultConfig();
  return { ...c, issues: { ...c.issues, topics: 'active', ...over } };
}

/** A journey whose topics were last touched in January 2026 (stale by March). */
export async function journey(modules: Record<string, { title: string; status?: string; body?: string; extra?: Record<string, string> }>): Promise<{ dir: string; sha: string }> {
  const files: Record<string, string> = { 'README.md': '# Journey\n' };
  for (const [id, m] of Object.entries(modules)) {
    files[`modules/${id}/README.md`] = moduleReadme(
      { title: JSON.stringify(m.title), status: m.status ?? 'in-progress', started: '2026-01-01', ...m.extra },
      m.body ?? '# Notes\n\n- [ ] first task\n',
    );
  }
  return journeyRepo(files, '2026-01-02T09:00:00Z');
}

export async function modulesOf(dir: string) {
  return (await loadModules(dir, defaultConfig())).modules;
}

/** A mention or issue reference GitHub would make live: `@name` or `#12` not broken by a joiner, outside URLs. */
export function liveMentions(text: string): string[] {
  const noUrls = text.replace(/https?:\/\/[^\s)]*/g, '');
  return [...noUrls.matchAll(/(?<![A-Za-z0-9_.+\-\u200d])@[A-Za-z0-9_-]+|(?<![\u200d&])#\d+/g)].map((m) => m[0]);
}
