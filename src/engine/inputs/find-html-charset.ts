/** How many bytes at the start of an HTML document are searched for a charset declaration (as browsers do). */
const PRESCAN_BYTES = 2048;

/** The charset declared by `<meta charset>` or `<meta http-equiv="Content-Type" content="...charset=...">`, or null. */
export function findHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const charset = /charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(tag)?.[1];
    if (charset) return charset;
  }
  return null;
}
