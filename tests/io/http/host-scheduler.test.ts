import { describe, expect, it } from 'vitest';
import { HostScheduler, type Slot } from '../../../src/io/http/host-scheduler.js';

const tick = () => new Promise((r) => setImmediate(r));

/** Starts `n` acquisitions and returns the slots granted so far (live array). */
function ask(s: HostScheduler, host: string, n: number, granted: Array<[string, Slot | null]>) {
  for (let i = 0; i < n; i++) void s.acquire(host).then((slot) => granted.push([host, slot]));
}

describe('HostScheduler', () => {
  it('grants up to the per-host limit and lets other hosts through meanwhile', async () => {
    const s = new HostScheduler(10, 2, async () => {});
    const granted: Array<[string, Slot | null]> = [];
    ask(s, 'a', 5, granted);
    ask(s, 'b', 1, granted);
    await tick();
    expect(granted.map(([h]) => h).sort()).toEqual(['a', 'a', 'b']);
    granted[0]![1]!.release();
    await tick();
    expect(granted.filter(([h]) => h === 'a').length).toBe(3);
  });

  it('never exceeds the global limit', async () => {
    const s = new HostScheduler(3, 2, async () => {});
    const granted: Array<[string, Slot | null]> = [];
    for (const h of ['a', 'b', 'c', 'd']) ask(s, h, 2, granted);
    await tick();
    expect(granted.length).toBe(3);
    expect(s.peakInFlight).toBe(3);
  });

  it('hands freed slots to waiting hosts in turn', async () => {
    const s = new HostScheduler(1, 5, async () => {});
    const granted: Array<[string, Slot | null]> = [];
    ask(s, 'x', 1, granted);
    await tick();
    ask(s, 'a', 3, granted);
    ask(s, 'b', 2, granted);
    for (let i = 0; i < 5; i++) {
      granted.at(-1)![1]!.release();
      await tick();
    }
    expect(granted.map(([h]) => h)).toEqual(['x', 'a', 'b', 'a', 'b', 'a']);
  });

  it('pauses a host that answered 429 and halves its limit once per pause', async () => {
    let wake: () => void = () => {};
    const waits: number[] = [];
    const s = new HostScheduler(10, 4, (ms) => (waits.push(ms), new Promise<void>((r) => (wake = r))));
    s.slowDown('a', 1000);
    s.slowDown('a', 1000);
    expect(s.limitOf('a')).toBe(2);
    const granted: Array<[string, Slot | null]> = [];
    ask(s, 'a', 3, granted);
    ask(s, 'b', 1, granted);
    await tick();
    expect(granted.map(([h]) => h)).toEqual(['b']);
    wake();
    await tick();
    await tick();
    expect(granted.map(([h]) => h)).toEqual(['b', 'a', 'a']);
    expect(waits).toEqual([1000, 1000]);
    s.slowDown('a', 10);
    expect(s.limitOf('a')).toBe(1);
  });

  it('refuses every waiting and later request to a closed host', async () => {
    const s = new HostScheduler(10, 1, async () => {});
    const granted: Array<[string, Slot | null]> = [];
    ask(s, 'a', 3, granted);
    await tick();
    s.close('a');
    await tick();
    expect(granted.map(([, slot]) => slot === null)).toEqual([false, true, true]);
    expect(await s.acquire('a')).toBeNull();
  });
});

describe('HostScheduler: stalled requests', () => {
  it('frees the global slot of a demoted request but keeps its host slot', async () => {
    const s = new HostScheduler(1, 1, async () => {});
    const granted: Array<[string, Slot | null]> = [];
    ask(s, 'slow', 2, granted);
    ask(s, 'fast', 1, granted);
    await tick();
    expect(granted.map(([h]) => h)).toEqual(['slow']);
    granted[0]![1]!.demote();
    await tick();
    // the global slot went to the other host; the slow host is still at its limit
    expect(granted.map(([h]) => h)).toEqual(['slow', 'fast']);
    granted[1]![1]!.release();
    await tick();
    expect(granted.length).toBe(2);
    granted[0]![1]!.release();
    await tick();
    expect(granted.map(([h]) => h)).toEqual(['slow', 'fast', 'slow']);
  });

  it('demotes at most four requests per global slot', async () => {
    const s = new HostScheduler(1, 1, async () => {});
    const granted: Array<[string, Slot | null]> = [];
    for (const h of ['a', 'b', 'c', 'd', 'e', 'f', 'g']) ask(s, h, 1, granted);
    for (let i = 0; i < 6; i++) {
      await tick();
      granted.at(-1)![1]!.demote();
    }
    await tick();
    // a–d demoted (the cap), e holds the one real slot, f and g wait
    expect(granted.map(([h]) => h)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
