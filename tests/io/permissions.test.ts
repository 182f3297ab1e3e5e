import { describe, expect, it } from 'vitest';
import { isPermissionError, WriteGate } from '../../src/io/permissions.js';

const forbidden = Object.assign(new Error('Resource not accessible by integration'), { status: 403, response: { headers: {} } });
const secondary = Object.assign(new Error('You have exceeded a secondary rate limit'), { status: 403, response: { headers: { 'retry-after': '60' } } });

describe('isPermissionError', () => {
  it('tells a missing permission from a rate limit', () => {
    expect(isPermissionError(forbidden)).toBe(true);
    expect(isPermissionError(secondary)).toBe(false);
    expect(isPermissionError(Object.assign(new Error('API rate limit exceeded'), { status: 403, response: { headers: { 'x-ratelimit-remaining': '0' } } }))).toBe(false);
    expect(isPermissionError(Object.assign(new Error('Server Error'), { status: 502 }))).toBe(false);
  });

  it('reads a GraphQL FORBIDDEN error (answered with 200) as a missing permission', () => {
    expect(isPermissionError({ errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] })).toBe(true);
  });
});

describe('WriteGate', () => {
  it('skips the writes of an area after its first 403 and says so once', async () => {
    const gate = new WriteGate();
    let calls = 0;
    const write = async () => {
      calls++;
      throw forbidden;
    };
    expect(await gate.attempt('issues', write)).toEqual({ ok: false, skipped: 'issues' });
    expect(await gate.attempt('issues', write)).toEqual({ ok: false, skipped: 'issues' });
    expect(calls).toBe(1);
    expect(await gate.attempt('contents', async () => 'sha')).toEqual({ ok: true, value: 'sha' });
    expect(gate.notice()).toBe(
      'read-only token: skipped writes (issues). To let odyssey write, give the workflow `permissions: issues: write` (a pull request from a fork never gets them).',
    );
  });

  it('names the permission the refused request needed, not the one the caller guessed', async () => {
    const gate = new WriteGate();
    const blob = Object.assign(new Error('Resource not accessible by integration'), { status: 403, request: { url: 'https://api.github.com/repos/o/r/git/blobs' } });
    expect(await gate.attempt('pull-requests', async () => Promise.reject(blob))).toEqual({ ok: false, skipped: 'contents' });
    expect(gate.skipped).toEqual(['contents']);
  });

  it('lets other errors through and says nothing when all went well', async () => {
    const gate = new WriteGate();
    await expect(gate.attempt('contents', async () => Promise.reject(secondary))).rejects.toBe(secondary);
    expect(gate.notice()).toBeNull();
  });
});
