// Shows that a long external check is alive: a live line on a terminal, a log line every few
// seconds in GitHub Actions (where carriage returns do not redraw), nothing otherwise.
import type { ExternalProgress } from './check-external.js';

export type ProgressMode = 'tty' | 'log' | 'off';

export interface ProgressReporterOptions {
  mode: ProgressMode;
  write: (text: string) => void;
  now?: () => number;
  /** Log mode: least time between lines. Default 5 s. */
  logEveryMs?: number;
  /** Terminal mode: least time between redraws. Default 100 ms. */
  redrawEveryMs?: number;
  /** Log mode: also print on a timer, so a run stuck on slow hosts still shows life. Default true. */
  heartbeat?: boolean;
}

export interface ProgressReporter {
  update(p: ExternalProgress): void;
  /** Clears the live line (terminal) or prints the closing line (log). */
  finish(): void;
}

/**
 * A live line only when stderr is an interactive terminal (not a dumb one); otherwise none, so
 * CI logs and redirected output hold the report alone. `log` stays for callers that want a line
 * every few seconds.
 */
export function progressMode(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): ProgressMode {
  if (env.TERM === 'dumb') return 'off';
  return stream.isTTY ? 'tty' : 'off';
}

export function formatProgress(p: ExternalProgress, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? p.done / (elapsedMs / 1000) : 0;
  const pct = p.total > 0 ? Math.floor((p.done / p.total) * 100) : 100;
  const fail = p.failures === 1 ? '1 failing' : `${p.failures} failing`;
  return `checking links: ${p.done}/${p.total} (${pct}%), ${rate.toFixed(rate < 10 ? 1 : 0)}/s, ${fail}`;
}

export function createProgressReporter(o: ProgressReporterOptions): ProgressReporter {
  const now = o.now ?? Date.now;
  const start = now();
  let last: ExternalProgress | null = null;
  let lastWrite = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  const logEvery = o.logEveryMs ?? 5000;
  const redrawEvery = o.redrawEveryMs ?? 100;

  const emit = () => {
    if (!last) return;
    const t = now();
    lastWrite = t;
    const text = formatProgress(last, t - start);
    if (o.mode === 'tty') o.write(`\r\x1b[2K${text}`);
    else o.write(`${text}\n`);
  };
  if (o.mode === 'log' && o.heartbeat !== false) {
    timer = setInterval(() => {
      if (now() - lastWrite >= logEvery) emit();
    }, logEvery);
    timer.unref();
  }

  return {
    update(p) {
      if (o.mode === 'off') return;
      const first = last === null;
      last = { ...p };
      const every = o.mode === 'tty' ? redrawEvery : logEvery;
      if (first || p.done === p.total || now() - lastWrite >= every) emit();
    },
    finish() {
      if (timer) clearInterval(timer);
      if (o.mode === 'tty' && last) o.write('\r\x1b[2K');
      else if (o.mode === 'log' && last) {
        const secs = ((now() - start) / 1000).toFixed(1);
        o.write(`checked ${last.done}/${last.total} links in ${secs} s, ${last.failures} failing\n`);
      }
    },
  };
}
