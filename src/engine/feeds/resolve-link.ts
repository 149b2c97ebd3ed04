/**
 * Turns a link found in a source into an absolute http(s) address: resolved against the chain of bases (the source's
 * own URL, then each enclosing `xml:base`), with anything that is not a web address (`javascript:`, `data:`, `file:`)
 * refused, since every address found in a feed may later be fetched.
 */
import type { WarningLog } from './warning-log.js';

/** True for a link with a scheme (`https:`, `javascript:`) or a network path (`//host/...`). */
function isAbsolute(link: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//');
}

/** The effective base of a chain of bases, outermost first; null when none can be resolved to an absolute URL. */
export function effectiveBase(bases: readonly (string | null | undefined)[]): string | null {
  let base: string | null = null;
  for (const b of bases) {
    const value = b?.trim();
    if (!value) continue;
    try {
      base = new URL(value, base ?? undefined).href;
    } catch {
      // A base that cannot be resolved is ignored; the outer one still applies.
    }
  }
  return base;
}

/**
 * The absolute http(s) URL of `link` against `base`; null (with a warning at `position`) when it cannot be one.
 * Relative links that are resolved are noted, so that the user sees a feed relying on its base address.
 */
export function resolveLink(
  link: string | null | undefined,
  base: string | null,
  log: WarningLog,
  position: number,
): string | null {
  const value = link?.trim();
  if (!value) return null;
  const relative = !isAbsolute(value);
  let url: URL;
  try {
    url = new URL(value, base ?? undefined);
  } catch {
    log.note('unsafe-link-dropped', position);
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    log.note('unsafe-link-dropped', position);
    return null;
  }
  if (relative) log.note('relative-link-resolved', position);
  return url.href;
}
