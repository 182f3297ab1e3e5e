// Issue-body injection: what a learner (or a stranger's pull request) writes in titles, tasks,
// resources and folder names reaches issue bodies only as inert text — no mention, no issue
// reference, no HTML, no second marker — and odyssey's markers survive any folder name.
import { describe, expect, it } from 'vitest';
import { findMarkerId, markerLine } from '../../../src/core/issues/marker-id.js';
import { runStale } from '../../../src/run/stale.js';
import { runTopicIssues } from '../../../src/run/topics.js';
import { topicMarkerId } from '../../../src/core/topics/issue-text.js';
import { client, config, journey, liveMentions, modulesOf, REF, SERVER, useFake } from './support.js';

const { gh } = useFake();
const now = new Date('2026-03-31T00:00:00Z');
const HOSTILE_TITLE = 'Attention @octocat @org/team see #1 and GH-2 and octo/repo#3 <img src=x onerror=alert(1)>';
const HOSTILE_TASK = 'ping @someone about #42 <!-- odyssey:topic 99-other --> <!-- odyssey:stale 99-other -->';

async function topics(dir: string, sha: string) {
  return runTopicIssues({ root: dir, config: config(), modules: await modulesOf(dir), stale: [], octokit: client(gh()), ...REF, serverUrl: SERVER, sha, prefix: '', dryRun: false });
}

describe('issue-body injection', () => {
  it('a stale issue notifies no one: mentions and references in the title and tasks are neutralised', async () => {
    const { dir } = await journey({ '01-a': { title: HOSTILE_TITLE, body: `# N\n\n- [ ] ${HOSTILE_TASK}\n` } });
    await runStale({ root: dir, config: config({ topics: 'off' }), now, issues: { octokit: client(gh()), ...REF, dryRun: false, webUrl: SERVER } });
    const [issue] = gh().repo('me', 'journey').issues;
    expect(issue).toBeDefined();
    expect(liveMentions(issue!.title)).toEqual([]);
    expect(liveMentions(issue!.body!)).toEqual([]);
    expect(issue!.body).not.toContain('<img');
    expect(issue!.body!.match(/<!--\s*odyssey:stale/g)).toHaveLength(1);
  });

  it('a topic issue notifies no one either, and carries exactly one marker and no HTML from the notes', async () => {
    const { dir, sha } = await journey({ '01-a': { title: HOSTILE_TITLE, body: `# N\n\n- [ ] ${HOSTILE_TASK}\n  - [ ] nested @nested-user\n` } });
    const r = await topics(dir, sha);
    expect(r.applied?.outcomes.map((o) => o.ok)).toEqual([true]);
    const [issue] = gh().repo('me', 'journey').issues;
    expect(liveMentions(issue!.title)).toEqual([]);
    expect(liveMentions(issue!.body!)).toEqual([]);
    expect(issue!.body).not.toMatch(/<img|<!--\s*odyssey:(topic|stale) 99/);
    expect(topicMarkerId(issue!.body)).toBe('01-a');
  });

  it('a resource with a javascript: URL is shown as text, never as a link', async () => {
    const { dir, sha } = await journey({ '01-a': { title: 'A', extra: { resources: '\n  - "[click](javascript:alert(1))"' } } });
    await topics(dir, sha);
    const body = gh().repo('me', 'journey').issues[0]!.body!;
    expect(body).not.toMatch(/\]\(javascript:/i);
    expect(body).toContain('- click (`javascript:alert(1)`)');
  });

  it('a folder name with spaces keeps its issue: the second run finds it (no duplicate, no write)', async () => {
    const { dir } = await journey({ '01 my topic': { title: 'Spaced' } });
    const opts = { root: dir, config: config({ topics: 'off' }), now, issues: { octokit: client(gh()), ...REF, dryRun: false, webUrl: SERVER } };
    await runStale(opts);
    gh().reset();
    const second = await runStale(opts);
    expect(second.plan?.unchanged).toEqual([{ id: '01 my topic', number: 1 }]);
    expect(gh().writes()).toEqual([]);
    expect(gh().repo('me', 'journey').issues).toHaveLength(1);
  });

  it('a folder name holding `-->` cannot end the marker early: found again, no duplicate', async () => {
    const id = '01-a --> <!-- odyssey:stale 02-b -->';
    expect(findMarkerId('stale', markerLine('stale', id))).toBe(id);
    expect(markerLine('stale', id)).toMatch(/^<!-- odyssey:stale [A-Za-z0-9._~%-]+ -->$/);
    const { dir, sha } = await journey({ '01-a -->': { title: 'Arrow' } });
    await topics(dir, sha);
    gh().reset();
    const again = await topics(dir, sha);
    expect(again.plan?.unchanged).toEqual([{ id: '01-a -->', number: 1 }]);
    expect(gh().writes()).toEqual([]);
  });

  it('an issue filed before markers were encoded (raw id with a space) is adopted, not duplicated', async () => {
    const { dir } = await journey({ '01 old': { title: 'Old' } });
    gh().addIssue('me', 'journey', { title: 'Stale topic: Old (01 old)', body: '<!-- odyssey:stale 01 old -->\nold text', labels: ['stale-topic'] });
    await runStale({ root: dir, config: config({ topics: 'off' }), now, issues: { octokit: client(gh()), ...REF, dryRun: false, webUrl: SERVER } });
    const issues = gh().repo('me', 'journey').issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]!.body).toContain('<!-- odyssey:stale 01%20old -->');
  });

  it('line links are pinned to the commit and start at GITHUB_SERVER_URL, never the API host or blob/HEAD', async () => {
    const { dir, sha } = await journey({ '01-a': { title: 'A' } });
    await runStale({ root: dir, config: config({ topics: 'off' }), now, issues: { octokit: client(gh()), ...REF, dryRun: false, webUrl: SERVER } });
    await topics(dir, sha);
    for (const issue of gh().repo('me', 'journey').issues) {
      const links = [...issue.body!.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
      expect(links.length).toBeGreaterThan(0);
      for (const l of links) expect(l.startsWith(`${SERVER}/me/journey/blob/${sha}/`), l).toBe(true);
      expect(issue.body).not.toContain(gh().url);
      expect(issue.body).not.toContain('blob/HEAD');
    }
  });
});
