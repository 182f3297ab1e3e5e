// The GitHub API client through HTTPS_PROXY / HTTP_PROXY (undici's ProxyAgent), and NO_PROXY
// going around it, against the fake GitHub API and a forward proxy on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOctokit } from '../../src/io/github.js';
import { FakeGitHub } from '../support/fake-github.js';
import { startTestProxy, type TestProxy } from '../support/http-proxy.js';

let gh: FakeGitHub;
let proxy: TestProxy;
let apiPort: string;

beforeAll(async () => {
  gh = await FakeGitHub.start();
  gh.repo('me', 'journey');
  apiPort = new URL(gh.url).port;
  // Only the proxy knows where api.github.test is: a request that arrives went through it.
  proxy = await startTestProxy('127.0.0.7', { 'api.github.test': `127.0.0.1:${apiPort}` });
});
afterAll(async () => {
  await proxy.close();
  await gh.close();
});

describe('makeOctokit behind a proxy', () => {
  it('sends every API request through HTTP_PROXY, with the token to GitHub and none to the proxy', async () => {
    gh.reset();
    const before = proxy.requests.length;
    const octokit = makeOctokit({ token: 't0k', baseUrl: `http://api.github.test:${apiPort}`, timeScale: 1, env: { HTTP_PROXY: proxy.url } });
    const { status } = await octokit.rest.issues.listForRepo({ owner: 'me', repo: 'journey' });
    expect(status).toBe(200);
    const seen = proxy.requests.slice(before);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.target.includes(`api.github.test:${apiPort}`))).toBe(true);
    expect(gh.requests).toHaveLength(1);
    expect(gh.requests[0]!.headers.authorization).toBe('token t0k');
  });

  it('carries a write (a JSON body) and GitHub\'s error answers through the proxy', async () => {
    gh.reset();
    const octokit = makeOctokit({ token: 't0k', baseUrl: `http://api.github.test:${apiPort}`, timeScale: 1, retries: 0, env: { http_proxy: proxy.url } });
    const { data } = await octokit.rest.issues.create({ owner: 'me', repo: 'journey', title: 'Stale: Attention', body: 'idle for 40 days' });
    expect(data.number).toBeGreaterThan(0);
    expect(gh.requests.at(-1)!.body).toMatchObject({ title: 'Stale: Attention', body: 'idle for 40 days' });
    await expect(octokit.rest.issues.get({ owner: 'me', repo: 'journey', issue_number: 9999 })).rejects.toMatchObject({ status: 404 });
  });

  it('goes straight to GitHub when NO_PROXY lists its host', async () => {
    gh.reset();
    const before = proxy.requests.length;
    const octokit = makeOctokit({ token: 't0k', baseUrl: gh.url, timeScale: 1, env: { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' } });
    await octokit.rest.issues.listForRepo({ owner: 'me', repo: 'journey' });
    expect(gh.requests).toHaveLength(1);
    expect(proxy.requests.length).toBe(before);
  });

  it('without a proxy in the environment, does not use one', async () => {
    gh.reset();
    const before = proxy.requests.length;
    await makeOctokit({ token: 't0k', baseUrl: gh.url, timeScale: 1, env: {} }).rest.issues.listForRepo({ owner: 'me', repo: 'journey' });
    expect(gh.requests).toHaveLength(1);
    expect(proxy.requests.length).toBe(before);
  });
});
