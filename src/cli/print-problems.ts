import type { InputFailure } from '../core/model.js';
import type { InputNote } from '../engine/inputs/result.js';
import type { CliIo } from './io.js';

/**
 * Prints notes and failed inputs on stderr, one line each. Engine messages already start with the input's name;
 * the source is added when a message does not.
 */
export function printProblems(io: CliIo, failures: readonly InputFailure[], notes: readonly InputNote[]): void {
  for (const note of notes) io.stderr.write(`parallax: note: ${named(note.source, note.message)}\n`);
  for (const failure of failures) io.stderr.write(`parallax: ${named(failure.source, failure.message)}\n`);
}

function named(source: string, message: string): string {
  return message.startsWith(source) ? message : `${source}: ${message}`;
}
