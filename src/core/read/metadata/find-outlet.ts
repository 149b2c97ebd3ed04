import { outletOfUrl } from './outlets.js';

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

/**
 * The outlet of a URL's site: the registry's name ("nytimes.com" -> "The New York Times"), else a readable name made
 * from the domain; null when the address names no site (an IP address, not a URL).
 */
export function outletFromUrl(url: string): string | null {
  if (!/^https?:\/\//i.test(url.trim())) return null;
  return outletOfUrl(url.trim())?.name ?? null;
}

/** Wire agencies and networks as bylines and datelines write them, with the name a reader knows them by. */
const AGENCIES: ReadonlyMap<string, string> = new Map([
  ['ap', 'Associated Press'],
  ['associated press', 'Associated Press'],
  ['the associated press', 'Associated Press'],
  ['reuters', 'Reuters'],
  ['thomson reuters', 'Reuters'],
  ['afp', 'AFP'],
  ['agence france-presse', 'AFP'],
  ['agence france presse', 'AFP'],
  ['upi', 'UPI'],
  ['united press international', 'UPI'],
  ['bloomberg', 'Bloomberg'],
  ['bloomberg news', 'Bloomberg'],
  ['cnn', 'CNN'],
  ['dpa', 'dpa'],
  ['efe', 'EFE'],
  ['ansa', 'ANSA'],
  ['xinhua', 'Xinhua'],
  ['tass', 'TASS'],
  ['kyodo', 'Kyodo News'],
  ['yonhap', 'Yonhap'],
  ['pa', 'PA Media'],
  ['pa media', 'PA Media'],
]);

/** The agency named by a dateline's parenthesis ("AP" in "WASHINGTON (AP) —"), or null when it names none. */
export function outletFromAgency(agency: string | null): string | null {
  return agency ? (AGENCIES.get(agency.trim().toLowerCase()) ?? null) : null;
}

/**
 * The agency a byline line names after the writer ("By Jane Doe, Associated Press", "Jane Doe | Reuters", "By JANE DOE
 * (AP)"), or null. Only agencies: any other words after a comma are the writer's role or place.
 */
export function outletFromByline(line: string): string | null {
  const m = /(?:[,|–—]|\bof\b|\()\s*(?<name>[\p{L} .&-]{2,40}?)\)?\s*$/iu.exec(line.trim());
  return outletFromAgency(m?.groups?.name ?? null);
}
