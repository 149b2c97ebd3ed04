import { randomBytes } from 'node:crypto';

/**
 * Job ids that sort in the order they were made (UUID version 7: milliseconds, then a counter, then random bits).
 * Jobs sent in one statement share a creation time, and the queue hands out jobs of equal time in id order, so these
 * ids keep a batch of articles in the order of its file.
 */
export function orderedIdSource(now: () => number = Date.now): () => string {
  let lastMs = 0;
  let counter = 0;
  return () => {
    let ms = now();
    if (ms <= lastMs) {
      counter += 1;
      // 4096 ids in one millisecond: borrow the next millisecond (ids stay in order).
      if (counter > 0xfff) {
        lastMs += 1;
        counter = 0;
      }
      ms = lastMs;
    } else {
      lastMs = ms;
      counter = 0;
    }
    const bytes = randomBytes(16);
    bytes.writeUIntBE(ms, 0, 6);
    bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
    bytes[7] = counter & 0xff;
    bytes[8] = 0x80 | (bytes[8]! & 0x3f);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
