import type { ByteStream } from './options.js';
import { formatBytes } from './options.js';
import { readNamedBytes } from './read-named-bytes.js';
import { failureResult, type InputResult } from './result.js';

/** The source name of standard input in messages and in `RawArticle.source`. */
export const STDIN_SOURCE = 'stdin';

/** Reads standard input (HTML or text, sniffed), stopping as soon as it passes the size limit. */
export async function readStdin(stream: ByteStream, options: { maxBytes: number }): Promise<InputResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    size += bytes.length;
    if (size > options.maxBytes) {
      const message = `${STDIN_SOURCE}: more than the size limit of ${formatBytes(options.maxBytes)}`;
      return failureResult(STDIN_SOURCE, 'too-large', message);
    }
    chunks.push(bytes);
  }
  return readNamedBytes({ source: STDIN_SOURCE, bytes: Buffer.concat(chunks), kind: 'sniff' }, options);
}
