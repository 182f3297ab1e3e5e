import { describe, expect, it } from 'vitest';
import { createProgressReporter, formatProgress, progressMode } from '../../../src/io/http/progress.js';

describe('progressMode', () => {
  it('draws only on a real terminal: quiet in Actions, in a pipe and on a dumb terminal', () => {
    expect(progressMode({ isTTY: false }, { GITHUB_ACTIONS: 'true' })).toBe('off');
    expect(progressMode({ isTTY: true }, { TERM: 'dumb' })).toBe('off');
    expect(progressMode({ isTTY: true }, {})).toBe('tty');
    expect(progressMode({ isTTY: false }, {})).toBe('off');
  });
});

describe('formatProgress', () => {
  it('shows done/total, percent, rate and failures', () => {
    expect(formatProgress({ done: 120, total: 2000, failures: 3 }, 4000)).toBe('checking links: 120/2000 (6%), 30/s, 3 failing');
    expect(formatProgress({ done: 3, total: 4, failures: 1 }, 2000)).toBe('checking links: 3/4 (75%), 1.5/s, 1 failing');
  });
});

describe('createProgressReporter', () => {
  it('in log mode writes the first update, then at most one line per interval, then a closing line', () => {
    let t = 0;
    const out: string[] = [];
    const r = createProgressReporter({ mode: 'log', write: (s) => out.push(s), now: () => t, logEveryMs: 5000, heartbeat: false });
    r.update({ done: 0, total: 10, failures: 0 });
    t = 1000;
    r.update({ done: 1, total: 10, failures: 0 });
    t = 5000;
    r.update({ done: 5, total: 10, failures: 1 });
    t = 6000;
    r.update({ done: 10, total: 10, failures: 1 });
    r.finish();
    expect(out).toEqual([
      'checking links: 0/10 (0%), 0.0/s, 0 failing\n',
      'checking links: 5/10 (50%), 1.0/s, 1 failing\n',
      'checking links: 10/10 (100%), 1.7/s, 1 failing\n',
      'checked 10/10 links in 6.0 s, 1 failing\n',
    ]);
  });

  it('in terminal mode redraws one line in place and clears it at the end', () => {
    let t = 0;
    const out: string[] = [];
    const r = createProgressReporter({ mode: 'tty', write: (s) => out.push(s), now: () => t, redrawEveryMs: 100 });
    r.update({ done: 0, total: 2, failures: 0 });
    t = 50;
    r.update({ done: 1, total: 2, failures: 0 });
    t = 60;
    r.update({ done: 2, total: 2, failures: 0 });
    r.finish();
    expect(out.length).toBe(3);
    expect(out.every((s) => s.startsWith('\r\x1b[2K') && !s.includes('\n'))).toBe(true);
    expect(out[1]).toContain('2/2');
    expect(out[2]).toBe('\r\x1b[2K');
  });

  it('writes nothing when off', () => {
    const out: string[] = [];
    const r = createProgressReporter({ mode: 'off', write: (s) => out.push(s) });
    r.update({ done: 1, total: 1, failures: 0 });
    r.finish();
    expect(out).toEqual([]);
  });
});
