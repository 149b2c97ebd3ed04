/**
 * A clock for politeness tests: waiting returns at once and moves the clock forward, so a test observes every delay
 * the fetcher asks for (and its order) without spending it, and no assertion depends on the machine's speed.
 */
import type { Clock } from '../../src/engine/fetch/clock.js';

/** A clock whose time only moves when something waits. */
export class VirtualClock implements Clock {
  /** Every wait asked for, in ms, in order. */
  readonly sleeps: number[] = [];

  constructor(private time = Date.UTC(2024, 4, 1, 12, 0, 0)) {}

  now(): number {
    return this.time;
  }

  /** Moves the clock forward by `ms` (as the time between two polls). */
  advance(ms: number): void {
    this.time += ms;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw signal.reason;
    this.sleeps.push(ms);
    this.time += Math.max(0, ms);
    // Let other tasks run, as a real wait would.
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw signal.reason;
  }
}
