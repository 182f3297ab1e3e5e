// Hands out request slots: at most `global` requests in flight overall and `limit` per host.
// A busy host never holds up the others (each host has its own queue), and a host that
// answers 429 is paused for its Retry-After and keeps a lower limit for the rest of the run.

export type Sleep = (ms: number) => Promise<void>;

/** Stalled requests allowed per global slot. */
const STALLED_PER_SLOT = 4;

interface HostState {
  limit: number;
  inFlight: number;
  paused: boolean;
  pauseToken: number;
  /** Given up on (Retry-After past the cap): requests are refused without being sent. */
  closed: boolean;
  queue: Array<(slot: Slot | null) => void>;
}

export interface Slot {
  release(): void;
  /**
   * The request has waited long for an answer: stop counting it against the global limit (an
   * idle socket costs us nothing) while it still counts against its host's. Bounded, so a run
   * full of hanging hosts cannot open sockets without end.
   */
  demote(): void;
}

export class HostScheduler {
  private readonly hosts = new Map<string, HostState>();
  /** Hosts with someone waiting, in the order they started waiting (round robin). */
  private readonly waiting = new Set<string>();
  private inFlight = 0;
  private stalled = 0;
  peakInFlight = 0;

  constructor(
    private readonly global: number,
    private readonly perHost: number,
    private readonly sleep: Sleep,
  ) {}

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      s = { limit: this.perHost, inFlight: 0, paused: false, pauseToken: 0, closed: false, queue: [] };
      this.hosts.set(host, s);
    }
    return s;
  }

  /** A slot for one request to `host`, or null when the host was given up on. */
  acquire(host: string): Promise<Slot | null> {
    const s = this.state(host);
    if (s.closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      s.queue.push(resolve);
      this.waiting.add(host);
      this.dispatch();
    });
  }

  /** The current per-host limit (lowered after 429s). */
  limitOf(host: string): number {
    return this.state(host).limit;
  }

  /**
   * The host answered 429: pause it for `waitMs` and halve its limit once per pause, so a
   * burst of 429s from one overload counts as one signal.
   */
  slowDown(host: string, waitMs: number): void {
    const s = this.state(host);
    if (!s.paused) s.limit = Math.max(1, Math.ceil(s.limit / 2));
    s.paused = true;
    const token = ++s.pauseToken;
    void this.sleep(waitMs).then(() => {
      if (s.pauseToken !== token) return;
      s.paused = false;
      this.dispatch();
    });
  }

  /** Stop sending to `host`: everyone waiting and everyone who asks later gets null. */
  close(host: string): void {
    const s = this.state(host);
    s.closed = true;
    for (const w of s.queue.splice(0)) w(null);
    this.waiting.delete(host);
  }

  private dispatch(): void {
    let granted = true;
    while (granted && this.inFlight < this.global) {
      granted = false;
      for (const host of this.waiting) {
        if (this.inFlight >= this.global) break;
        const s = this.hosts.get(host)!;
        if (s.queue.length === 0) {
          this.waiting.delete(host);
          continue;
        }
        if (s.paused || s.inFlight >= s.limit) continue;
        const wake = s.queue.shift()!;
        // To the back of the line: the next free slot goes to another host first.
        this.waiting.delete(host);
        if (s.queue.length > 0) this.waiting.add(host);
        s.inFlight++;
        this.inFlight++;
        this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
        granted = true;
        let released = false;
        let demoted = false;
        wake({
          release: () => {
            if (released) return;
            released = true;
            s.inFlight--;
            if (demoted) this.stalled--;
            else this.inFlight--;
            this.dispatch();
          },
          demote: () => {
            if (released || demoted || this.stalled >= this.global * STALLED_PER_SLOT) return;
            demoted = true;
            this.stalled++;
            this.inFlight--;
            this.dispatch();
          },
        });
      }
    }
  }
}
