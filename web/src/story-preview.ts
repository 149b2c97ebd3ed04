/**
 * What the story list shows of a story beyond its title: its outlets (with their leans where ratings give them), its
 * lede (the neutral headline, else the summary's first sentence) and its date. Pure: no DOM.
 */
import type { Report } from '../../src/core/model.js';
import { hostOf, leansOf, outletKey, type CoverageByLean, type Lean } from './lean.js';

/** A story's preview for the list. */
export interface StoryPreview {
  /** Each outlet once, in order of first article; the number of articles it has. */
  outlets: { name: string; lean: Lean | null; articles: number }[];
  lede: string | null;
}

/** The preview of a story from its report (and its coverage by lean, when the server gives one). */
export function storyPreview(report: Report, coverage: CoverageByLean | null = null): StoryPreview {
  const leans = leansOf(report.articles, coverage);
  const byKey = new Map<string, StoryPreview['outlets'][number]>();
  report.articles.forEach((article, i) => {
    const name = article.outlet?.trim() || hostOf(article.url);
    if (!name) return;
    const key = outletKey(name);
    const known = byKey.get(key);
    if (known) known.articles += 1;
    else byKey.set(key, { name, lean: leans[i] ?? null, articles: 1 });
  });
  const headline = report.summary?.headline?.trim();
  const first = report.summary?.sentences[0]?.text.trim();
  return { outlets: [...byKey.values()], lede: headline || first || null };
}
