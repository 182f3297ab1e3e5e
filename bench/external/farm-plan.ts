// The web the benchmark checks: 20 loopback hosts, each with 100 linked paths of known fate.
import type { Behaviour, FarmHostOptions } from '../../tests/support/link-farm.js';
import { mulberry32 } from '../../tests/support/prng.js';

export type Fate = 'ok' | 'dead' | 'no-head' | 'redirect' | 'redirect-dead' | 'flaky' | 'hang';

export interface PlannedUrl {
  ip: string;
  path: string;
  fate: Fate;
  /** A failure every checker should report. */
  dead: boolean;
  /** The path a redirect leads to (same host). */
  target?: string;
}

/** Per 100 paths on a host. */
const MIX: Array<[Fate, number]> = [
  ['dead', 5],
  ['redirect', 5],
  ['redirect-dead', 1],
  ['no-head', 5],
  ['flaky', 3],
  ['hang', 1],
];

export { mulberry32 };

export function shuffle<T>(xs: T[], rnd: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

export interface FarmPlan {
  hosts: FarmHostOptions[];
  urls: PlannedUrl[];
}

export function planFarm(o: { hosts: number; perHost: number; latencyMs: number; maxInFlight: number; seed: number }): FarmPlan {
  const rnd = mulberry32(o.seed);
  const hosts: FarmHostOptions[] = [];
  const urls: PlannedUrl[] = [];
  for (let h = 1; h <= o.hosts; h++) {
    const ip = `127.0.0.${h}`;
    const routes: Record<string, Behaviour> = {};
    const fates: Fate[] = [];
    for (const [fate, per100] of MIX) for (let i = 0; i < Math.round((per100 * o.perHost) / 100); i++) fates.push(fate);
    while (fates.length < o.perHost) fates.push('ok');
    shuffle(fates, rnd);
    fates.forEach((fate, i) => {
      const path = `/h${h}/doc-${i}`;
      const u: PlannedUrl = { ip, path, fate, dead: fate === 'dead' || fate === 'redirect-dead' || fate === 'hang' };
      switch (fate) {
        case 'ok':
          routes[path] = { kind: 'ok' };
          break;
        case 'dead':
          break; // unknown paths answer 404
        case 'no-head':
          routes[path] = { kind: 'no-head' };
          break;
        case 'redirect':
          u.target = `/h${h}/moved-${i}`;
          routes[path] = { kind: 'redirect', to: u.target };
          routes[u.target] = { kind: 'ok' };
          break;
        case 'redirect-dead':
          u.target = `/h${h}/gone-${i}`;
          routes[path] = { kind: 'redirect', to: u.target, status: 302 };
          break;
        case 'flaky':
          routes[path] = { kind: 'flaky', failures: 1 };
          break;
        case 'hang':
          routes[path] = { kind: 'hang' };
          break;
      }
      urls.push(u);
    });
    hosts.push({ ip, routes, latencyMs: o.latencyMs, maxInFlight: o.maxInFlight, rateLimitRetryAfter: '1' });
  }
  return { hosts, urls };
}
