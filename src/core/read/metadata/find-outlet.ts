/** "READ MORE FROM THE X", "MORE FROM X", "Copyright 2021 X", "© 2021 X. All rights reserved". */
const FROM = /\bmore (?:from|at) (?:the )?(?<name>[\p{L}][\p{L}\p{N} .&'’-]{1,60}?)[.!:]?$/iu;
const COPYRIGHT =
  /^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:[-–]\d{4})?\s*,?\s*)?(?:the )?(?<name>[\p{L}][\p{L}\p{N} .&'’-]{1,60}?)(?:[.,;]|\s+all rights reserved|$)/iu;

/** Title-cases an all-caps name ("WASHINGTON EXAMINER" -> "Washington Examiner"); mixed case is kept as written. */
function normalizeName(name: string): string {
  const trimmed = name.trim();
  if (trimmed !== trimmed.toUpperCase()) return trimmed;
  return trimmed.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** An outlet name stated in a line of the page (a read-more call or a copyright line), or null. */
export function outletFromLine(text: string): string | null {
  const m = FROM.exec(text) ?? COPYRIGHT.exec(text);
  const name = m?.groups?.name;
  return name ? normalizeName(name) : null;
}

/** The host of a URL without "www.", or null when it is not a URL. */
export function outletFromUrl(url: string): string | null {
  const m = /^https?:\/\/(?:www\.)?([^/:?#]+)/i.exec(url.trim());
  return m?.[1]?.toLowerCase() ?? null;
}
