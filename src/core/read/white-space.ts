/**
 * White space as JavaScript's `\s` and `trim` see it, counted code unit by code unit: the HTML and prose checks ask for
 * lengths of collapsed or stripped text, which need no new string.
 */

/** True for a UTF-16 code unit that `\s` matches (and `trim` removes). */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** What `text.replace(/\s+/g, ' ').trim().length` gives. */
export function collapsedLength(text: string): number {
  let n = 0;
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      pendingSpace = n > 0;
      continue;
    }
    if (pendingSpace) n++;
    pendingSpace = false;
    n++;
  }
  return n;
}

/** What `text.replace(/\s+/g, '').length` gives. */
export function nonSpaceLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) n++;
  return n;
}
