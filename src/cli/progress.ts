import cliProgress from 'cli-progress';
import type { ProgressEvent } from '../engine/api.js';
import type { CliIo } from './io.js';

/** Inputs from which on a progress bar is worth showing. */
export const PROGRESS_MIN_INPUTS = 5;

/** A progress display fed by the engine's progress events. */
export interface Progress {
  onProgress(event: ProgressEvent): void;
  /** Removes the bar (before messages are printed on the same stream). */
  stop(): void;
}

/** True when a bar is shown: many inputs and a terminal to draw on (never in pipes or logs). */
export function shouldShowProgress(inputs: number, stderrIsTTY: boolean | undefined): boolean {
  return stderrIsTTY === true && inputs >= PROGRESS_MIN_INPUTS;
}

/** A progress bar on stderr, started on the first event once the number of inputs is known. */
export function createProgress(io: CliIo): Progress {
  let bar: cliProgress.SingleBar | null = null;
  let decided = false;
  return {
    onProgress(event) {
      if (!decided && event.phase === 'read') {
        decided = true;
        if (shouldShowProgress(event.total, io.stderr.isTTY)) {
          bar = new cliProgress.SingleBar(
            {
              stream: io.stderr,
              format: '{step} [{bar}] {value}/{total} {source}',
              clearOnComplete: true,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(event.total, 0, { step: 'reading  ', source: '' });
        }
      }
      if (!bar) return;
      if (event.phase === 'read') bar.update(event.done, { source: shorten(event.source ?? '') });
      else bar.update({ step: 'analyzing', source: '' });
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

function shorten(source: string): string {
  return source.length > 40 ? `…${source.slice(-39)}` : source;
}
