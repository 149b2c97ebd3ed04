/**
 * Politeness per host: at most `concurrency` requests to one host at a time, served in arrival order, and successive
 * requests to it started at least `delayMs` apart (a caller may ask for a longer delay for its request: a robots.txt
 * Crawl-delay). Requests to different hosts do not wait for each other. Waiting goes through the injected clock, so
 * the spacing is observable in tests.
 */
import type { Clock } from './clock.js';

/** Politeness settings. */
export interface HostLimits {
  /** Requests to one host at a time (default 1). */
  concurrency: number;
  /** Least time between the starts of two requests to one host (default 1 s). */
  delayMs: number;
}

/** Default politeness. */
export const DEFAULT_HOST_LIMITS: HostLimits = { concurrency: 1, delayMs: 1000 };

/** Hosts remembered before idle ones are swept. */
const SWEEP_AT = 10_000;

interface HostState {
  active: number;
  /** The earliest time the next request may start. */
  nextStart: number;
  /** Requests waiting for a slot, first come first served. */
  waiting: (() => void)[];
}

/** Options of one scheduled request. */
export interface RunOptions {
  /** A longer delay than the default for this host (a Crawl-delay); a shorter one is ignored. */
  delayMs?: number;
  signal?: AbortSignal;
}

/** Runs tasks per host within the politeness limits. */
export class HostScheduler {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: HostLimits = DEFAULT_HOST_LIMITS,
  ) {}

  /** Runs `task` when the host has a free slot and its delay has passed; the slot is freed when the task ends. */
  async run<T>(host: string, task: () => Promise<T>, options: RunOptions = {}): Promise<T> {
    const state = this.state(host);
    // A freed slot is handed to the first waiting request directly, so that requests keep their order.
    if (state.active >= this.limits.concurrency) await new Promise<void>((resolve) => state.waiting.push(resolve));
    else state.active++;
    try {
      // The start time is reserved before waiting, so that requests queued together are spaced out.
      const now = this.clock.now();
      const start = Math.max(now, state.nextStart);
      state.nextStart = start + Math.max(this.limits.delayMs, options.delayMs ?? 0);
      if (start > now) await this.clock.sleep(start - now, options.signal);
      return await task();
    } finally {
      const next = state.waiting.shift();
      if (next) next();
      else state.active--;
    }
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      if (this.hosts.size >= SWEEP_AT) this.sweep();
      state = { active: 0, nextStart: 0, waiting: [] };
      this.hosts.set(host, state);
    }
    return state;
  }

  /** Forgets hosts with nothing running and no delay pending, so that a long run over many hosts does not grow. */
  private sweep(): void {
    const now = this.clock.now();
    for (const [host, s] of this.hosts) if (s.active === 0 && s.nextStart <= now) this.hosts.delete(host);
  }
}
