// GitHub Enterprise Server shape: the web server, the REST API and GraphQL are told apart by
// GITHUB_SERVER_URL, GITHUB_API_URL and GITHUB_GRAPHQL_URL, the web on another host than the API.
// The built action's issue bodies link to the web host, pinned to the commit, and a second run
// of the same push makes zero writes (no body rewritten because a link moved).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildActionBundle } from '../../action/support/build-bundle.js';
import { act, startWorld, writesOf } from '../../action/support/topic-world.js';

let bundle: Awaited<ReturnType<typeof buildActionBundle>>;
beforeAll(async () => {
  bundle = await buildActionBundle();
});
afterAll(() => bundle.dispose());

const WEB = 'https://127.0.0.5:8443';

describe('the action on a GitHub Enterprise-shaped environment', () => {
  it('links to GITHUB_SERVER_URL at the commit, and its second run makes zero writes', async (ctx) => {
    const w = await startWorld(bundle.file, { host: '127.0.0.6', serverUrl: WEB });
    ctx.onTestFinished(() => w.gh.close());
    // A stale topic too: its notice lives in the topic issue, with a line link of its own.
    const inputs = { 'stale-days': '30', stale: 'on' };
    const first = await act(w, 'push', { inputs });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const issues = w.gh.repo('learner', 'journey').issues;
    expect(issues).toHaveLength(1);
    const body = issues[0]!.body!;
    const links = [...body.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(3);
    for (const l of links) expect(l.startsWith(`${WEB}/learner/journey/blob/${w.sha}/`), l).toBe(true);
    expect(body).not.toContain('127.0.0.6');
    expect(body).not.toContain('blob/HEAD');
    expect(issues[0]!.labels).toEqual(['topic', 'stale-topic']);

    const second = await act(w, 'push', { inputs });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(writesOf(second.requests)).toEqual([]);
    expect(second.requests.every((r) => !r.path.startsWith('http'))).toBe(true);
  }, 120_000);
});
