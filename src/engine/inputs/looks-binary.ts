/** How many bytes at the start of an input are inspected for binary content. */
const SAMPLE_BYTES = 8192;

/**
 * Why the bytes look binary ("contains NUL bytes", "4% control characters"), or null when they look like text.
 * Control characters other than tab, line feed, form feed, carriage return and escape (used by ISO-2022 encodings)
 * above 1% of the sample mean binary data.
 */
export function looksBinary(bytes: Uint8Array): string | null {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return 'contains NUL bytes';
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) controls++;
  }
  const share = sample.length === 0 ? 0 : controls / sample.length;
  return share > 0.01 ? `${Math.round(share * 100)}% control characters` : null;
}
