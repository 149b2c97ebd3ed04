/** How many of the latest dated articles the clock is the median of. */
export const CLOCK_WINDOW = 5;

/** Fewest dated articles before the clock starts (until then no story goes quiet). */
const CLOCK_START = 3;

/** What the clock reads and moves: the part of the clusterer's state (`ClusterState`) that is about time. */
export interface StreamClock {
  /** The stream's clock (ms), null until enough dated articles came. */
  clock: number | null;
  /** Dates (ms) of the latest dated articles, in arrival order (at most `CLOCK_WINDOW`). */
  recentTimes: number[];
}

/**
 * Moves the stream's clock, which decides when stories go quiet: to the median date of the latest few dated articles,
 * never backwards. One article with a wrong date (a year off, in the future) cannot move the clock on its own and
 * close every live story; once several articles agree, the clock follows them (a feed back after a long pause).
 */
export function advanceClock(state: StreamClock, time: number): void {
  state.recentTimes.push(time);
  if (state.recentTimes.length > CLOCK_WINDOW) state.recentTimes.shift();
  if (state.recentTimes.length < CLOCK_START) return;
  const sorted = [...state.recentTimes].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  if (state.clock === null || median > state.clock) state.clock = median;
}
