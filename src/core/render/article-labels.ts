import type { ReportArticle } from '../model.js';

/** What names an article: a report article, or a light one (its text left out, its first line kept). */
export type LabelSource = Pick<ReportArticle, 'id' | 'outlet' | 'url' | 'title'> & {
  text?: string;
  firstLine?: string;
};

const MAX_LABEL = 32;
const HEADLINE_WORDS = 6;
/** A numbered label ("Article 2: Following a…") is kept shorter: it stands beside outlet names in strips and chips. */
const MAX_NUMBERED = 28;

/** The site of an address without "www." ("nytimes.com"), or null when it names none. */
function siteOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\d?\./, '') || null;
  } catch {
    return null;
  }
}

/** A label no longer than the chips and columns hold, cut at a word with an ellipsis. */
function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const word = cut.lastIndexOf(' ');
  // A final period goes, except an initialism's ("U.S."), which would read as "U.S…".
  const kept = (word > max / 2 ? cut.slice(0, word) : cut).replace(/[\s,;:—–-]+$/, '').replace(/(?<!\b[A-Z])\.$/, '');
  return `${kept}…`;
}

/** The first words of a headline, or of the text's first line when the article has none. */
function firstWords(a: LabelSource): string | null {
  const source = a.title?.trim() || a.firstLine?.trim() || a.text?.trim().split('\n')[0]?.trim() || '';
  const words = source.split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const some = words.slice(0, HEADLINE_WORDS).join(' ');
  return words.length > HEADLINE_WORDS ? `${some.replace(/[,;:.—–-]+$/, '')}…` : some;
}

/** An outlet's name as chips and column headers show it: a trailing qualifier ("Fox News (Online News)") is left to
 * the full name, and a long name is cut at a word. */
export function outletLabel(name: string): string {
  return shorten(name.trim().replace(/^(.+?)\s*\([^()]*\)$/, '$1'), MAX_LABEL);
}

/**
 * The label of one article, as a reader knows it: its outlet; else its web site; else "Article N: the first words of
 * its headline" (N its position in the story, from 1). Never an id or a file name, which say nothing to a reader.
 */
export function articleBaseLabel(article: LabelSource, position: number): string {
  const outlet = article.outlet?.trim();
  if (outlet) return outletLabel(outlet);
  const site = siteOf(article.url);
  if (site) return shorten(site, MAX_LABEL);
  const words = firstWords(article);
  return words ? shorten(`Article ${position}: ${words}`, MAX_NUMBERED) : `Article ${position}`;
}

/**
 * The display label of every article of a story by id: the single source of labels for chips, columns and framing
 * cards. Labels that would repeat are numbered after a space, not in parentheses, since labels often stand inside
 * parenthesised text ("Reuters 1", "Reuters 2").
 */
export function articleLabels(articles: readonly LabelSource[]): Map<string, string> {
  const bases = articles.map((a, i) => articleBaseLabel(a, i + 1));
  const totals = new Map<string, number>();
  for (const b of bases) totals.set(b, (totals.get(b) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out = new Map<string, string>();
  articles.forEach((a, i) => {
    const base = bases[i]!;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    out.set(a.id, (totals.get(base) ?? 1) > 1 ? `${base} ${n}` : base);
  });
  return out;
}
