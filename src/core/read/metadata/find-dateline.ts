/**
 * "WASHINGTON –", "WASHINGTON (AP) —", "GAZA CITY, Gaza Strip (Reuters) -": an upper-case place (optionally followed by a
 * region and a wire agency in parentheses) and a dash at the start of the first paragraph.
 */
const DATELINE =
  /^(?<place>\p{Lu}[\p{Lu}.'’-]*(?: \p{Lu}[\p{Lu}.'’-]*){0,3})(?:, (?:\p{Lu}[\p{L}.'’-]*)(?: \p{Lu}[\p{L}.'’-]*){0,3})?(?: \((?<agency>[\p{L} .&-]{1,30})\))? ?[–—-]{1,2} ?(?=\S)/u;

/**
 * The dateline at the start of a paragraph: the place as written, the wire agency in parentheses when there is one
 * ("AP" in "WASHINGTON (AP) —"), and the length of the dateline prefix.
 */
export function findDateline(paragraph: string): { place: string; agency: string | null; length: number } | null {
  const m = DATELINE.exec(paragraph);
  const place = m?.groups?.place;
  if (!m || !place || place.replace(/[^\p{Lu}]/gu, '').length < 2) return null;
  return { place, agency: m.groups?.agency?.trim() ?? null, length: m[0].length };
}
