/** Ctrl-C (SIGINT) and SIGTERM as an abort signal, for commands that run until stopped. */
export function stopOnSignals(): { signal: AbortSignal; stop(): void; dispose(): void } {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    stop,
    dispose: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}
