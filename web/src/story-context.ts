/**
 * What every section of the story page needs: the report (without article texts), article labels, entity names, the
 * article texts as they arrive, and the citation jump.
 */
import type { LightArticle, LightReport } from '../../src/core/light-report.js';
import type { Citation, Entity, Sentence } from '../../src/core/model.js';
import { articleLabels, outletLabel } from '../../src/core/render/article-labels.js';
import { ArticleTexts } from './article-texts.js';
import type { StoryCoverage } from '../../src/server/story-views.js';
import { articleLeans, hostOf, outletKey, type Lean } from './lean.js';
import { firstEndingAfter } from './source-blocks.js';

/** An article of the report with its display label and its position (used for DOM ids, never the raw id). */
export interface ArticleRef {
  index: number;
  article: LightArticle;
  /** Outlet, else site, else "Article N: first words of its headline" (shortened); numbered when two share it. */
  label: string;
  /** The outlet it belongs to (articles of one outlet share it). */
  outlet: OutletRef;
}

/** An outlet of the story: the articles it published and its lean where the user's ratings give one. */
export interface OutletRef {
  /** Outlet name, else site, else the article's label. */
  name: string;
  articles: ArticleRef[];
  lean: Lean | null;
}

/** An element focus can return to after a jump (a chip button or a timeline point). */
export type FocusTarget = HTMLElement | SVGElement;

/** Shows cited text in the source view; provided by the sources section. */
export type JumpToCitation = (citation: Citation, origin: FocusTarget | null) => void;

/** Shared state of one rendered story page. */
export interface StoryContext {
  report: LightReport;
  /** The articles' texts, fetched when needed. */
  texts: ArticleTexts;
  articles: Map<string, ArticleRef>;
  /** Articles in report order. */
  articleList: ArticleRef[];
  /** Outlets in order of their first article. */
  outlets: OutletRef[];
  /** True when at least one outlet has a lean. */
  hasLeans: boolean;
  entities: Map<string, Entity>;
  /** Set by the sources section once it is built; a no-op before. */
  jump: JumpToCitation;
  /** Opens an article in the sources (from its start); set by the sources section. */
  showSource: (articleId: string, origin: FocusTarget | null) => void;
}

/**
 * Labels every article with the report's one label rule (src/core/render/article-labels.ts: the outlet, else the
 * site, else "Article N: first words of its headline", never an id or a file name), numbered when two would repeat.
 */
export function labelArticles(articles: readonly LightArticle[]): Omit<ArticleRef, 'outlet'>[] {
  const labels = articleLabels(articles);
  return articles.map((article, index) => ({
    index,
    article,
    label: labels.get(article.id) ?? `Article ${index + 1}`,
  }));
}

/** Groups labelled articles by outlet (by name, else by site; an article with neither is an outlet of its own). */
function groupOutlets(refs: Omit<ArticleRef, 'outlet'>[], leans: (Lean | null)[]): ArticleRef[] {
  const byKey = new Map<string, OutletRef>();
  return refs.map((ref) => {
    const named = ref.article.outlet?.trim() || hostOf(ref.article.url);
    const key = named ? outletKey(named) : `article:${ref.index}`;
    let outlet = byKey.get(key);
    if (!outlet) {
      outlet = { name: named ? outletLabel(named) : ref.label, articles: [], lean: leans[ref.index] ?? null };
      byKey.set(key, outlet);
    }
    const full: ArticleRef = { ...ref, outlet };
    outlet.articles.push(full);
    return full;
  });
}

/**
 * Builds the context of a story page from its report, the way to fetch an article's text and, where the server has
 * ratings, the coverage by lean.
 */
export function createStoryContext(
  report: LightReport,
  texts: ArticleTexts,
  coverage: StoryCoverage | null = null,
): StoryContext {
  const leans = articleLeans(
    report.articles.map((a) => a.id),
    coverage,
  );
  const articleList = groupOutlets(labelArticles(report.articles), leans);
  const outlets = [...new Set(articleList.map((ref) => ref.outlet))];
  return {
    report,
    texts,
    articleList,
    outlets,
    hasLeans: outlets.some((o) => o.lean !== null),
    articles: new Map(articleList.map((ref) => [ref.article.id, ref])),
    entities: new Map((report.entities ?? []).map((e) => [e.id, e])),
    jump: () => undefined,
    showSource: () => undefined,
  };
}

/** The label of an article id, or the id itself when the report does not hold it. */
export function articleLabel(ctx: StoryContext, articleId: string): string {
  return ctx.articles.get(articleId)?.label ?? articleId;
}

/** The length of the text a citation's offsets point into (the article body or one of its embeds), or null. */
function citationBaseLength(ctx: StoryContext, citation: Citation): number | null {
  const ref = ctx.articles.get(citation.articleId);
  if (!ref) return null;
  if (citation.embed === undefined) return ref.article.textLength;
  return ref.article.embeds[citation.embed]?.text.length ?? null;
}

/** The text a citation's offsets point into, when it is at hand (an embed, or an article whose text has arrived). */
function citationBase(ctx: StoryContext, citation: Citation): string | null {
  const ref = ctx.articles.get(citation.articleId);
  if (!ref) return null;
  if (citation.embed !== undefined) return ref.article.embeds[citation.embed]?.text ?? null;
  return ctx.texts.get(citation.articleId)?.text ?? null;
}

/** True when the citation points at an existing, non-empty range (known without the article's text). */
export function isValidCitation(ctx: StoryContext, citation: Citation): boolean {
  const length = citationBaseLength(ctx, citation);
  return length !== null && citation.start >= 0 && citation.end > citation.start && citation.end <= length;
}

/** Fetches the text a citation points into (nothing to fetch for an embed). */
export async function loadCitationBase(ctx: StoryContext, citation: Citation): Promise<void> {
  if (citation.embed === undefined && ctx.articles.has(citation.articleId)) await ctx.texts.load(citation.articleId);
}

/** A cited passage with some of its sentence before and after it. */
export interface CitationContext {
  before: string;
  cited: string;
  after: string;
}

/**
 * The cited text with the rest of its sentence(s) around it, trimmed to `room` characters each side; null for a
 * citation that does not resolve or whose article's text has not arrived (`loadCitationBase`).
 */
export function citationInContext(ctx: StoryContext, citation: Citation, room = 160): CitationContext | null {
  const base = citationBase(ctx, citation);
  if (base === null || !isValidCitation(ctx, citation)) return null;
  const cited = base.slice(citation.start, citation.end);
  let from = citation.start;
  let to = citation.end;
  const sentences = citation.embed === undefined ? (ctx.texts.get(citation.articleId)?.sentences ?? []) : [];
  const covering = overlapping(sentences, citation);
  if (covering.length > 0) {
    from = Math.min(from, ...covering.map((s) => s.start));
    to = Math.max(to, ...covering.map((s) => s.end));
  } else {
    // No sentence spans (yet): widen to the enclosing line so the reader still sees the context.
    from = base.lastIndexOf('\n', citation.start - 1) + 1;
    const nl = base.indexOf('\n', citation.end);
    to = nl === -1 ? base.length : nl;
  }
  const before = base.slice(Math.max(from, citation.start - room), citation.start);
  const after = base.slice(citation.end, Math.min(to, citation.end + room));
  return {
    before: (citation.start - from > room ? '…' : '') + before.trimStart(),
    cited,
    after: after.trimEnd() + (to - citation.end > room ? '…' : ''),
  };
}

/** An entity's display name, or the fallback when the entity is unknown. */
export function entityName(ctx: StoryContext, entityId: string | null, fallback: string): string {
  return (entityId ? ctx.entities.get(entityId)?.name : undefined) ?? fallback;
}

/** The sentences that overlap a range, found by binary search (a long article has tens of thousands). */
function overlapping(sentences: readonly Sentence[], range: { start: number; end: number }): Sentence[] {
  const out: Sentence[] = [];
  for (let i = firstEndingAfter(sentences, range.start); i < sentences.length; i++) {
    const s = sentences[i]!;
    if (s.start >= range.end) break;
    if (s.end > range.start) out.push(s);
  }
  return out;
}
