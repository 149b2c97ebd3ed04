import type { InputFailure } from '../../core/model.js';
import { JobStoppedError } from './job-stopped-error.js';

/**
 * The analysis of a story as a whole went over a budget (its inputs were read, each within its own). Carries what the
 * reading found, so that a caller can still name the inputs that failed on their own.
 */
export class StoryStoppedError extends JobStoppedError {
  /** @param stopped why the story's job stopped; @param failures the inputs that failed to be read; @param articles how many were read */
  constructor(
    stopped: JobStoppedError,
    readonly failures: readonly InputFailure[],
    readonly articles: number,
  ) {
    super(stopped.reason, stopped.message);
    this.name = 'StoryStoppedError';
  }
}
