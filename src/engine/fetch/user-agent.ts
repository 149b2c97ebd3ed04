/**
 * The User-Agent Parallax sends: a product token site owners can name in robots.txt ("Parallax"), the version, and
 * where to read about the crawler, as polite crawlers do ("Parallax/0.1.0 (+https://...)").
 */

/** The product token robots.txt groups are matched against. */
export const ROBOTS_TOKEN = 'Parallax';

/** Where the default User-Agent points site owners to. */
export const DEFAULT_CONTACT = 'https://github.com/parallax/parallax';

/** The User-Agent string for a version, with a contact address (a URL or an e-mail address). */
export function parallaxUserAgent(options: { version: string; contact?: string }): string {
  return `${ROBOTS_TOKEN}/${options.version} (+${options.contact ?? DEFAULT_CONTACT})`;
}
