/** The entry of a test worker whose reader has a bug on marked inputs (see `buggy-read-worker.ts`). */
import { analysisWorkerEntry, type WorkerEntry } from '../../src/engine/workers/worker-entry.js';

/** Text that makes the buggy worker's reading of an input throw a TypeError. */
export const BUG_MARKER = '[this input meets a bug in the reader]';

/** The worker entry whose reading of a marked input throws a TypeError, as a bug of ours would. */
export function buggyReadWorkerEntry(): WorkerEntry {
  return { ...analysisWorkerEntry(), filename: new URL('./buggy-read-worker.ts', import.meta.url).href };
}
