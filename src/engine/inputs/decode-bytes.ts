import chardet from 'chardet';
import iconv from 'iconv-lite';
import { fail, ok, type Result } from '../../core/result.js';
import type { Diagnostic } from '../../core/model.js';
import { findHtmlCharset } from './find-html-charset.js';
import { looksBinary } from './looks-binary.js';

/** Text decoded from bytes, with notes about how it was decoded. */
export interface DecodedText {
  text: string;
  diagnostics: Diagnostic[];
}

/** What the caller knows about the bytes. */
export interface DecodeHints {
  /** A charset declared outside the bytes (an HTTP Content-Type header); honoured when iconv-lite knows it. */
  declaredCharset?: string;
  /** True when the bytes are HTML: a `<meta charset>` is then honoured for non-UTF-8 bytes. */
  html?: boolean;
}

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/**
 * Decodes the bytes of one input to a string. Empty, binary and undecodable inputs are failures naming `source`.
 * Order: byte-order mark, binary check, declared charset, valid UTF-8, HTML meta charset, detection with chardet.
 */
export function decodeBytes(source: string, bytes: Uint8Array, hints: DecodeHints = {}): Result<DecodedText> {
  if (bytes.length === 0) return fail(source, 'empty-input', `${source}: the input is empty`);
  const decoded = decodeWithBom(bytes) ?? decodeWithoutBom(source, bytes, hints);
  if (!decoded.ok) return decoded;
  if (decoded.value.text.trim() === '') {
    return fail(source, 'empty-input', `${source}: the input holds only white space`);
  }
  return decoded;
}

function decodeWithBom(bytes: Uint8Array): Result<DecodedText> | null {
  const bom = BOMS.find((b) => b.bytes.every((v, i) => bytes[i] === v));
  if (!bom) return null;
  // iconv-lite strips the byte-order mark by default.
  const text = iconv.decode(Buffer.from(bytes), bom.encoding);
  const diagnostics: Diagnostic[] =
    bom.encoding === 'utf-8' ? [] : [info('encoding', `decoded as ${bom.encoding.toUpperCase()} (byte-order mark)`)];
  return ok({ text, diagnostics });
}

function decodeWithoutBom(source: string, bytes: Uint8Array, hints: DecodeHints): Result<DecodedText> {
  const binary = looksBinary(bytes);
  if (binary) return fail(source, 'binary-input', `${source}: looks like a binary file (${binary}), not text`);
  const declared = hints.declaredCharset ? normalizeCharset(hints.declaredCharset) : null;
  if (declared && declared !== 'utf-8') {
    return ok(decodeAs(bytes, declared, `decoded as ${declared} (declared by the server)`));
  }
  const utf8 = decodeUtf8(bytes);
  if (utf8 !== null) return ok({ text: utf8, diagnostics: [] });
  const meta = hints.html ? normalizeCharset(findHtmlCharset(bytes) ?? '') : null;
  if (meta && meta !== 'utf-8') return ok(decodeAs(bytes, meta, `decoded as ${meta} (declared by <meta charset>)`));
  const detected = detectCharset(bytes);
  if (!detected) {
    return fail(source, 'unknown-encoding', `${source}: not valid UTF-8, and its encoding could not be detected`);
  }
  return ok(decodeAs(bytes, detected, `decoded as ${detected} (not UTF-8; encoding detected)`));
}

function decodeAs(bytes: Uint8Array, encoding: string, message: string): DecodedText {
  return { text: iconv.decode(Buffer.from(bytes), encoding), diagnostics: [info('not-utf8', message)] };
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** The most likely legacy encoding that iconv-lite can decode; ISO-8859-1 is read as its superset windows-1252. */
function detectCharset(bytes: Uint8Array): string | null {
  for (const match of chardet.analyse(bytes)) {
    const name = normalizeCharset(match.name);
    // Bytes that are not valid UTF-8 are not UTF-8 or ASCII, whatever the detector's guess; the web's default applies.
    if (name === 'utf-8' || name === 'ascii') return 'windows-1252';
    if (name) return name;
  }
  return null;
}

/** A charset label as iconv-lite knows it (lower case), ISO-8859-1 and ASCII widened to windows-1252, or null. */
export function normalizeCharset(label: string): string | null {
  const name = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (name === '') return null;
  if (name === 'utf8' || name === 'utf-8') return 'utf-8';
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'us-ascii', 'ascii'].includes(name)) return 'windows-1252';
  return iconv.encodingExists(name) ? name : null;
}

function info(code: string, message: string): Diagnostic {
  return { level: 'info', code, message };
}
