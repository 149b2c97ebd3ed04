// CPU-time measurement shared by the benchmarks: process CPU time (user + system), so that other load on the shared
// machine does not count. No garbage collection is forced between runs: a full collection also throws away V8's
// compiled regular expressions, and the first run after it would pay for recompiling them, which steady use does not.

/** CPU milliseconds used by this process so far (user + system). */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** CPU milliseconds of one run of `f`. */
export function cpuTime(f: () => void): number {
  const start = cpuMs();
  f();
  return cpuMs() - start;
}

/** The median of a few numbers (0 for none). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
