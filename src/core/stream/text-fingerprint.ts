/**
 * Fingerprints of an article's cleaned text: a content hash that is equal exactly when the texts are (up to white
 * space and Unicode normalization), and a sample of its word-run hashes whose overlap estimates how much of one text
 * is copied in another (wire copy, one press release). Sampling by hash value ("0 mod p", Broder 1997) keeps the same
 * runs in every text, so the overlap of two samples estimates the overlap of the whole texts.
 */
import { createHash } from 'node:crypto';
import { shingles } from '../compose/near-duplicates.js';

/** How a text is fingerprinted. */
export interface FingerprintOptions {
  /** Words per run (default 5). */
  runWords?: number;
  /** One run in `sampleEvery` is kept, chosen by hash value (default 4). */
  sampleEvery?: number;
}

/** The fingerprints of one text. */
export interface TextFingerprint {
  /** SHA-256 (hex) of the text with white space collapsed and Unicode normalized (NFC). */
  contentHash: string;
  /** Number of words. */
  words: number;
  /** Sampled run hashes, distinct, ascending. */
  sample: number[];
}

/** Default words per run. */
export const DEFAULT_RUN_WORDS = 5;
/** Default sampling rate. */
export const DEFAULT_SAMPLE_EVERY = 4;

/** The text as hashed for exact duplicates: NFC, runs of white space as one space, trimmed. */
export function normalizeForHash(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Lower-case words (letters and digits) of a text, punctuation and quote styles ignored. */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []
  );
}

/** FNV-1a, 32 bits, of a string: a fast spread of word runs over the sample classes (not for security). */
function fnv32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  // A final mix so that the low bits used for sampling depend on every character.
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/** Fingerprints a cleaned text. */
export function fingerprintText(text: string, options: FingerprintOptions = {}): TextFingerprint {
  const n = options.runWords ?? DEFAULT_RUN_WORDS;
  const every = options.sampleEvery ?? DEFAULT_SAMPLE_EVERY;
  const words = wordsOf(text);
  const sample = new Set<number>();
  for (const run of shingles(words, n)) {
    const h = fnv32(run);
    if (h % every === 0) sample.add(h);
  }
  return {
    contentHash: createHash('sha256').update(normalizeForHash(text)).digest('hex'),
    words: words.length,
    sample: [...sample].sort((a, b) => a - b),
  };
}
