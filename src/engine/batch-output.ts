import { createReadStream } from 'node:fs';
import { open, truncate, type FileHandle } from 'node:fs/promises';
import { pathState } from './inputs/output-path.js';
import { readLines } from './inputs/read-lines.js';

/** Largest output line read back on resume (a report of a large story): 512 MB, about the longest string V8 holds. */
const MAX_OUTPUT_LINE_BYTES = 512 * 1024 * 1024;

/** What an earlier run left in a batch output file. */
export interface BatchOutputState {
  /** The story ids it holds, each once. */
  ids: Set<string>;
  /** Bytes of the complete lines, kept. */
  keptBytes: number;
  /** Bytes of an incomplete last line (a run killed while writing it), dropped on resume; 0 when none. */
  tornBytes: number;
}

/** The output file cannot be used (not a batch output, or it would be overwritten); the message names it. */
export class BatchOutputError extends Error {
  override name = 'BatchOutputError';
}

/**
 * Reads a batch output file back: the ids of its complete lines and the size of a torn last line. A complete line
 * that is not a batch result (`{"id", "report"|"error"}`) means the file is something else: refused, never cut.
 */
export async function readBatchOutput(path: string, shown: string): Promise<BatchOutputState> {
  const state: BatchOutputState = { ids: new Set(), keptBytes: 0, tornBytes: 0 };
  const lines = readLines(createReadStream(path), { maxLineBytes: MAX_OUTPUT_LINE_BYTES });
  for await (const line of lines) {
    if (!line.terminated) {
      // Each line is written in one piece with its line end: a last line without one was cut by a kill.
      state.tornBytes = line.bytes;
      break;
    }
    const id = line.text === undefined ? null : resultId(line.text);
    if (id === null) {
      throw new BatchOutputError(`${shown}: line ${line.number} is not a batch result line; is it the right file?`);
    }
    state.ids.add(id);
    state.keptBytes += line.bytes;
  }
  return state;
}

/** The story id of an output line, or null when the line is not a batch result. */
function resultId(text: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { id, report, error } = value as { id?: unknown; report?: unknown; error?: unknown };
  return typeof id === 'string' && (report !== undefined || typeof error === 'string') ? id : null;
}

/** How to open the output of a batch run. */
export interface OpenOutputOptions {
  /** The path as the user wrote it, for messages. */
  shown: string;
  /** Go on from the results already in the file; otherwise the file must be new or empty. */
  resume: boolean;
}

/**
 * A batch output file that receives one whole line per story. Each line goes down in one awaited write (retried until
 * every byte is written) and nothing is buffered in the process, so a kill leaves at most the last line torn.
 */
export class BatchOutputFile {
  private constructor(
    private readonly handle: FileHandle,
    /** What the file held before this run (empty for a new file). */
    readonly previous: BatchOutputState,
  ) {}

  /**
   * Opens the output. On resume, the ids already there are read and a torn last line is cut off; without resume, a
   * file that already holds results is refused (rerunning without --resume would throw them away).
   */
  static async open(path: string, options: OpenOutputOptions): Promise<BatchOutputFile> {
    const state = await pathState(path);
    const regular = state.kind === 'found' && state.info.isFile();
    const empty: BatchOutputState = { ids: new Set(), keptBytes: 0, tornBytes: 0 };
    if (!regular || state.info.size === 0) {
      // A new file, or a device or pipe (/dev/null, a FIFO): nothing to resume from.
      return new BatchOutputFile(await open(path, regular || state.kind === 'missing' ? 'w' : 'a'), empty);
    }
    if (!options.resume) {
      throw new BatchOutputError(
        `${options.shown} already holds results: give --resume to go on from them, or remove the file to start over`,
      );
    }
    const previous = await readBatchOutput(path, options.shown);
    if (previous.tornBytes > 0) await truncate(path, previous.keptBytes);
    return new BatchOutputFile(await open(path, 'a'), previous);
  }

  /** Appends one line (its text ends with a line feed) and resolves once all of it is written. */
  async writeLine(line: string): Promise<void> {
    const bytes = Buffer.from(line, 'utf8');
    for (let offset = 0; offset < bytes.length;) {
      const { bytesWritten } = await this.handle.write(bytes, offset, bytes.length - offset);
      offset += bytesWritten;
    }
  }

  /** Closes the file. */
  async close(): Promise<void> {
    await this.handle.close();
  }
}
