import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOctokit, webUrlFor } from '../../src/io/github.js';
import { FakeGitHub } from '../support/fake-github.js';

let gh: FakeGitHub;
beforeAll(async () => {
  gh = await FakeGitHub.start();
  gh.repo('me', 'journey');
});
afterAll(async () => gh.close());

const client = (over: Parameters<typeof makeOctokit>[0] = {}) => makeOctokit({ token: 't0k', baseUrl: gh.url, timeScale: 1, ...over });

describe('makeOctokit', () => {
  it('talks to the configured base URL with the odyssey user agent and the token', async () => {
    gh.reset();
    await client().rest.issues.listForRepo({ owner: 'me', repo: 'journey' });
    expect(gh.requests).toHaveLength(1);
    expect(String(gh.requests[0]!.headers['user-agent'])).toMatch(/^odyssey /);
    expect(gh.requests[0]!.headers.authorization).toBe('token t0k');
  });

  it('retries 5xx answers and then succeeds', async () => {
    gh.reset();
    gh.failNext(2, { path: /\/issues$/ });
    const { status } = await client().rest.issues.listForRepo({ owner: 'me', repo: 'journey' });
    expect(status).toBe(200);
    expect(gh.requests.map((r) => r.status)).toEqual([502, 502, 200]);
  });

  it('gives up on 5xx after the configured number of retries', async () => {
    gh.reset();
    gh.failNext(5, { path: /\/issues$/ });
    await expect(client({ retries: 2 }).rest.issues.listForRepo({ owner: 'me', repo: 'journey' })).rejects.toMatchObject({ status: 502 });
    expect(gh.requests).toHaveLength(3);
  });

  it('honours a secondary rate limit: waits its retry-after and retries, a bounded number of times', async () => {
    const warnings: string[] = [];
    const log = { debug: () => {}, info: () => {}, warn: (m: string) => warnings.push(m), error: () => {} };
    gh.reset();
    gh.secondaryLimitNext(1, 2, { method: 'POST' });
    const { data } = await client({ log }).rest.issues.create({ owner: 'me', repo: 'journey', title: 'x' });
    expect(data.title).toBe('x');
    expect(gh.requests.map((r) => r.status)).toEqual([403, 201]);
    expect(warnings[0]).toBe('GitHub secondary rate limit on POST /repos/{owner}/{repo}/issues: retrying after 2s (1/3)');

    gh.reset();
    gh.secondaryLimitNext(10, 1, { method: 'POST' });
    await expect(client({ retries: 2, log }).rest.issues.create({ owner: 'me', repo: 'journey', title: 'y' })).rejects.toMatchObject({ status: 403 });
    expect(gh.requests).toHaveLength(3);
    expect(warnings.at(-1)).toContain('giving up');
  });

  it('reads 404 and 422 answers as request errors with GitHub’s message', async () => {
    gh.reset();
    await expect(client().rest.issues.get({ owner: 'me', repo: 'journey', issue_number: 999 })).rejects.toMatchObject({ status: 404 });
    await expect(client().rest.issues.create({ owner: 'me', repo: 'journey', title: '' })).rejects.toMatchObject({
      status: 422,
      response: { data: { message: 'Validation Failed' } },
    });
  });
});

describe('webUrlFor', () => {
  it('maps API addresses to web addresses, GitHub Enterprise included', () => {
    expect(webUrlFor('https://api.github.com')).toBe('https://github.com');
    expect(webUrlFor('https://ghe.example.com/api/v3')).toBe('https://ghe.example.com');
    expect(webUrlFor('https://api.acme.ghe.com')).toBe('https://acme.ghe.com');
    expect(webUrlFor('http://127.0.0.1:4000')).toBe('http://127.0.0.1:4000');
  });
});
