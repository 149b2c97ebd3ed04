/**
 * What a list of stories shows of each story, taken from its report once when the report is stored (so that a list
 * never reads the reports themselves): its outlets (each once, with the articles it published), its lede and the
 * entities it is about. Pure: no I/O.
 */
import type { Report } from './model.js';
import { shorten } from './render/escape-markdown.js';
import { nameKey } from './stream/coverage-split.js';
import { normalizeDomain } from './stream/ratings.js';
import { leadEntities, type StoryLeadEntity } from './stream/lead-entities.js';

/** An outlet of a story: its name as shown, the name the articles state and an address on its site. */
export interface DigestOutlet {
  /** The stated outlet name, else the site's domain. */
  name: string;
  /** The outlet name the first of its articles states, or null (then `name` is the domain). */
  outlet: string | null;
  /** An article address on its site (rated by domain), or null. */
  url: string | null;
  /** Its articles, in report order. */
  articleIds: string[];
}

/** The list's view of a story. */
export interface StoryDigest {
  /** Each outlet once, in order of its first article. */
  outlets: DigestOutlet[];
  /** The neutral headline, else the summary's first sentence (at most `MAX_LEDE_CHARS`), or null. */
  lede: string | null;
  /** The entities named by the most articles. */
  leadEntities: StoryLeadEntity[];
}

/** Longest lede kept (a list item shows two or three lines). */
export const MAX_LEDE_CHARS = 400;

/** Each outlet of the report's articles once, in order of its first article (by stated name, else by site). */
function digestOutlets(articles: Report['articles']): DigestOutlet[] {
  const byKey = new Map<string, DigestOutlet>();
  for (const article of articles) {
    const stated = article.outlet?.replace(/\s+/g, ' ').trim() || null;
    const name = stated ?? (article.url ? normalizeDomain(article.url) : null);
    if (!name) continue;
    const key = stated ? `name:${nameKey(stated)}` : `site:${name}`;
    const known = byKey.get(key);
    if (known) {
      known.articleIds.push(article.id);
      known.url ??= article.url;
    } else byKey.set(key, { name, outlet: stated, url: article.url, articleIds: [article.id] });
  }
  return [...byKey.values()];
}

/** The neutral headline, else the summary's first sentence, shortened; null when the report has neither. */
function ledeOf(summary: Report['summary']): string | null {
  const lede = summary?.headline?.trim() || summary?.sentences[0]?.text.trim() || null;
  return lede === null ? null : shorten(lede, MAX_LEDE_CHARS);
}

/** The digest of a story's report. */
export function storyDigest(report: Report): StoryDigest {
  return {
    outlets: digestOutlets(report.articles),
    lede: ledeOf(report.summary),
    leadEntities: leadEntities(report.entities),
  };
}
