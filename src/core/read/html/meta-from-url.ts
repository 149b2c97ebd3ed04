/** Metadata that a page's URL implies when the page states none: the outlet's host name and a dated path. */

/** The outlet host of a URL without `www.`/`m.`/`amp.` prefixes, e.g. "nytimes.com"; null for a malformed URL. */
export function outletFromUrl(url: string): string | null {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host.replace(/^(www\d?|m|amp|mobile|edition)\./, '') || null;
  } catch {
    return null;
  }
}

/** An ISO date from a URL path such as `/2021/05/17/` or `/2021-05-17/`; null when absent or impossible. */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/-]|$)/.exec(path);
  if (!m) return null;
  const [month, day] = [Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
