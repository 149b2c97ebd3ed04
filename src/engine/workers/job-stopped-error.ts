import type { FailureCode } from '../../core/model.js';
import { formatMegabytes, formatSeconds } from './budget-options.js';

/** Why a job was stopped: its time budget, its memory budget, or its worker failing for another reason. */
export type StopReason = 'time' | 'memory' | 'worker';

/** The failure codes of an input stopped by its budget (as in `InputFailure.code`). */
export const STOP_CODES: Readonly<Record<StopReason, FailureCode>> = {
  time: 'over-time-budget',
  memory: 'over-memory-budget',
  worker: 'worker-failed',
};

/** A job was stopped before it finished: its worker was terminated (and replaced), the rest goes on. */
export class JobStoppedError extends Error {
  /** @param reason what stopped it; @param message the reason as users read it */
  constructor(
    readonly reason: StopReason,
    message: string,
  ) {
    super(message);
    this.name = 'JobStoppedError';
  }

  /** The failure code of an input stopped for this reason. */
  get code(): FailureCode {
    return STOP_CODES[this.reason];
  }

  /** Stopped past its time budget. */
  static overTime(budgetMs: number): JobStoppedError {
    return new JobStoppedError('time', `analysis stopped: over the time budget of ${formatSeconds(budgetMs)}`);
  }

  /** Stopped past its memory budget. */
  static overMemory(budgetMb: number): JobStoppedError {
    return new JobStoppedError('memory', `analysis stopped: over the memory budget of ${formatMegabytes(budgetMb)}`);
  }

  /** Its worker stopped for another reason (it crashed, or the pool was closed). */
  static workerFailed(detail: string): JobStoppedError {
    return new JobStoppedError('worker', `analysis stopped: ${detail}`);
  }
}
