// Starts farm-child.ts and talks to it: the bench's view of a farm in another process.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FarmHostOptions } from '../../tests/support/link-farm.js';

export interface HostSnapshot {
  ip: string;
  tooMany: number;
  peakInFlight: number;
  connections: number;
  /** [path, status] per request; status null when never answered. */
  requests: Array<[string, number | null]>;
}

export interface RemoteFarm {
  url(ip: string, path: string): string;
  reset(): Promise<void>;
  snapshot(): Promise<HostSnapshot[]>;
  close(): Promise<void>;
}

export async function startFarmProcess(hosts: FarmHostOptions[]): Promise<RemoteFarm> {
  const child: ChildProcess = fork(fileURLToPath(new URL('./farm-child.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = <T>(msg: object, type: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const onMsg = (m: { type: string }) => {
        if (m.type !== type) return;
        child.off('message', onMsg);
        child.off('exit', onExit);
        resolve(m as T);
      };
      const onExit = (code: number | null) => reject(new Error(`link farm process exited (${code})`));
      child.on('message', onMsg);
      child.once('exit', onExit);
      child.send(msg);
    });
  const { ports } = await ask<{ ports: Record<string, number> }>({ type: 'start', hosts }, 'ready');
  return {
    url: (ip, path) => `http://${ip}:${ports[ip]}${path}`,
    reset: async () => void (await ask({ type: 'reset' }, 'done')),
    snapshot: async () => (await ask<{ hosts: HostSnapshot[] }>({ type: 'snapshot' }, 'snapshot')).hosts,
    close: async () => {
      await ask({ type: 'close' }, 'done');
    },
  };
}
