/**
 * Turns the bytes of a source into text: gzip undone (a `.xml.gz` sitemap) with the output bounded by the size limit
 * (a small compressed file may expand to gigabytes), then decoded with the charset the server declares, else the one
 * an XML declaration names, else UTF-8 or a detected legacy encoding.
 */
import { gunzipSync } from 'node:zlib';
import { decodeBytes } from '../inputs/decode-bytes.js';
import { formatBytes } from '../inputs/options.js';
import { FeedParseError } from './types.js';

/** What decoding needs to know besides the bytes. */
export interface DecodeContext {
  /** Names the source in messages. */
  source: string;
  /** The charset of the Content-Type header, when there was one. */
  charset: string | null;
  maxBytes: number;
}

/** The encoding named by an XML declaration at the start of the bytes (`<?xml version="1.0" encoding="..."?>`). */
export function xmlDeclaredEncoding(bytes: Uint8Array): string | null {
  // The declaration is ASCII in every encoding a feed may use, so the first bytes can be read as Latin-1.
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1] ?? null;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Undoes gzip, refusing output larger than `maxBytes`. */
function gunzipBounded(bytes: Uint8Array, context: DecodeContext): Uint8Array {
  try {
    return gunzipSync(bytes, { maxOutputLength: context.maxBytes });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      const limit = formatBytes(context.maxBytes);
      throw new FeedParseError('too-large', `${context.source}: expands to more than the size limit of ${limit}`);
    }
    throw new FeedParseError('undecodable', `${context.source}: a broken gzip file (${(error as Error).message})`);
  }
}

/** Decodes a source's bytes to text; a `FeedParseError` when they are empty, too large, binary or undecodable. */
export function decodeSource(bytes: Uint8Array, context: DecodeContext): string {
  const { source, maxBytes } = context;
  if (bytes.length > maxBytes) {
    const size = `${formatBytes(bytes.length)} is over the size limit of ${formatBytes(maxBytes)}`;
    throw new FeedParseError('too-large', `${source}: ${size}`);
  }
  const plain = isGzip(bytes) ? gunzipBounded(bytes, context) : bytes;
  const charset = context.charset ?? xmlDeclaredEncoding(plain);
  const decoded = decodeBytes(source, plain, charset ? { declaredCharset: charset } : {});
  if (decoded.ok) return decoded.value.text;
  const { code, message } = decoded.failure;
  if (code === 'empty-input') throw new FeedParseError('empty', message);
  if (code === 'binary-input') throw new FeedParseError('binary', message);
  throw new FeedParseError('undecodable', message);
}
