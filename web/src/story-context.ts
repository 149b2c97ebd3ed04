/** What every section of the story page needs: the report, article labels, entity names, and the citation jump. */
import type { Citation, Entity, Report, ReportArticle } from '../../src/core/model.js';
import { articleLabels } from '../../src/core/render/article-labels.js';

/** An article of the report with its display label and its position (used for DOM ids, never the raw id). */
export interface ArticleRef {
  index: number;
  article: ReportArticle;
  /** Outlet, else site, else "Article N: first words of its headline" (shortened); numbered when two share it. */
  label: string;
}

/** An element focus can return to after a jump (a chip button or a timeline point). */
export type FocusTarget = HTMLElement | SVGElement;

/** Shows cited text in the source view; provided by the sources section. */
export type JumpToCitation = (citation: Citation, origin: FocusTarget | null) => void;

/** Shared state of one rendered story page. */
export interface StoryContext {
  report: Report;
  articles: Map<string, ArticleRef>;
  /** Articles in report order. */
  articleList: ArticleRef[];
  entities: Map<string, Entity>;
  /** Set by the sources section once it is built; a no-op before. */
  jump: JumpToCitation;
}

/** Labels every article with the report's single label rule (outlet, site, "Article N: headline words"), numbered
 * when two would repeat. */
export function labelArticles(articles: readonly ReportArticle[]): ArticleRef[] {
  const labels = articleLabels(articles);
  return articles.map((article, index) => ({
    index,
    article,
    label: labels.get(article.id) ?? `Article ${index + 1}`,
  }));
}

/** Builds the context of a story page from its report. */
export function createStoryContext(report: Report): StoryContext {
  const articleList = labelArticles(report.articles);
  return {
    report,
    articleList,
    articles: new Map(articleList.map((ref) => [ref.article.id, ref])),
    entities: new Map((report.entities ?? []).map((e) => [e.id, e])),
    jump: () => undefined,
  };
}

/** The label of an article id, or the id itself when the report does not hold it. */
export function articleLabel(ctx: StoryContext, articleId: string): string {
  return ctx.articles.get(articleId)?.label ?? articleId;
}

/** The text a citation's offsets point into (the article body or one of its embeds), or null when absent. */
export function citationBase(ctx: StoryContext, citation: Citation): string | null {
  const ref = ctx.articles.get(citation.articleId);
  if (!ref) return null;
  if (citation.embed === undefined) return ref.article.text;
  return ref.article.embeds[citation.embed]?.text ?? null;
}

/** True when the citation points at an existing, non-empty range. */
export function isValidCitation(ctx: StoryContext, citation: Citation): boolean {
  const base = citationBase(ctx, citation);
  return base !== null && citation.start >= 0 && citation.end > citation.start && citation.end <= base.length;
}

/** The exact cited text, or null for a citation that does not resolve. */
export function citedText(ctx: StoryContext, citation: Citation): string | null {
  if (!isValidCitation(ctx, citation)) return null;
  return citationBase(ctx, citation)!.slice(citation.start, citation.end);
}

/** The cited text with the rest of its sentence(s) around it, trimmed to `room` characters each side. */
export function citationInContext(
  ctx: StoryContext,
  citation: Citation,
  room = 160,
): { before: string; cited: string; after: string } | null {
  const base = citationBase(ctx, citation);
  const cited = citedText(ctx, citation);
  if (base === null || cited === null) return null;
  let from = citation.start;
  let to = citation.end;
  const sentences = citation.embed === undefined ? (ctx.articles.get(citation.articleId)?.article.sentences ?? []) : [];
  const covering = sentences.filter((s) => s.start < citation.end && s.end > citation.start);
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
