import { ok, fail, failWith, InputFailureError, type Result } from '../result.js';
import type { Article, ArticleProvenance, Diagnostic, RawArticle, Removal } from '../model.js';
import { createRunContext, type RunContext } from '../run-context.js';
import { checkProse, checkRawInput } from './check-input.js';
import { cleanText } from './clean-text.js';
import { countMatches, LETTER_RUNS } from './count-letters.js';
import { extractHtml } from './extract-html.js';
import type { HtmlMeta } from './html/collect-meta.js';
import { detectLanguage } from './language.js';
import { stripMarkdown } from './strip-markdown.js';
import { collectMetadata, provenanceOf, sourced, type ArticleMetadata } from './metadata/collect-metadata.js';
import { findDateline } from './metadata/find-dateline.js';
import { paragraphSpans } from './paragraphs.js';
import { segmentSentences } from './sentences.js';
import {
  NO_STORY_TERMS,
  prepareStoryContext,
  termsWithout,
  type StoryContext,
  type StoryTerms,
} from './story-context.js';

/** Options for reading one article. */
export interface ReadOptions {
  /**
   * Other articles' texts of the same story (copies of this article's own input are ignored), used to judge whether a
   * line belongs to the story. Pass it prepared (`prepareStoryContext`) when reading several articles of one story.
   */
  storyContext?: readonly string[] | StoryContext;
}

/** Fewest words HTML extraction must yield for the page to count as an article. */
export const MIN_HTML_WORDS = 25;

/** The body as plain text, before line cleaning, with what format-specific steps removed or found. */
interface Body {
  text: string;
  removed: Removal[];
  diagnostics: Diagnostic[];
  html: HtmlMeta | null;
  heading: string | null;
}

/** Turns the raw input into a plain-text body according to its format. */
function toPlainBody(raw: RawArticle): Result<Body> {
  if (raw.format === 'html') {
    const x = extractHtml(raw.content, raw.meta.url ? { url: raw.meta.url } : {});
    // Counted up to the threshold: the exact number is only reported below it.
    const words = countMatches(x.text, LETTER_RUNS, MIN_HTML_WORDS);
    if (words < MIN_HTML_WORDS)
      return fail(
        raw.source,
        'no-article-found',
        `${raw.source}: the HTML page has no article (${words} words of body text found)`,
      );
    return ok({ text: x.text, removed: x.removed, diagnostics: x.diagnostics, html: x.meta, heading: null });
  }
  if (raw.format === 'markdown') {
    const md = stripMarkdown(raw.content);
    return ok({ text: md.text, removed: md.removed, diagnostics: [], html: null, heading: md.heading });
  }
  return ok({ text: raw.content, removed: [], diagnostics: [], html: null, heading: null });
}

/** Story contexts given as plain texts, prepared once per run: keyed by the list (the same for every article). */
const STORY_CONTEXTS_PER_RUN = 4;

/**
 * The story's content-stem counts as seen by this article (its own input left out). A context given as plain texts
 * is prepared once per run and list (`ctx`): `termsWithout` leaves the article's own copies out of the shared counts,
 * which gives the counts of the other texts alone.
 */
function storyTermsOf(context: ReadOptions['storyContext'], ownContent: string, ctx: RunContext): StoryTerms {
  if (context === undefined) return NO_STORY_TERMS;
  if (isPrepared(context)) return termsWithout(context, ownContent, ctx);
  const prepared = ctx
    .memo<readonly string[], StoryContext>('read.story-context', STORY_CONTEXTS_PER_RUN)
    .get(context, (texts) => prepareStoryContext(texts, ctx));
  return termsWithout(prepared, ownContent, ctx);
}

/** True for a story context already prepared by `prepareStoryContext`. */
function isPrepared(context: readonly string[] | StoryContext): context is StoryContext {
  return 'counts' in context;
}

/**
 * Reads one raw input into a cleaned, segmented Article: format to plain text, line cleaning (junk, header, embeds),
 * metadata (caller > HTML > text), dateline, language, paragraphs and sentences. Unusable inputs become failures, and
 * so does an input that a library cannot read (HTML nested too deeply for the parser, markup an HTML library throws
 * on: an `InputFailureError` with its code): one input never stops the others. Any other exception is a bug of ours
 * and is thrown, not passed off as the input's fault. `ctx` is the run's context (per-run memos).
 */
export function readArticle(
  raw: RawArticle,
  options: ReadOptions = {},
  ctx: RunContext = createRunContext(),
): Result<Article> {
  try {
    return readOrFail(raw, options, ctx);
  } catch (error) {
    if (error instanceof InputFailureError) return failWith(raw.source, error);
    throw error;
  }
}

/** The language and where it came from: the page's markup, else the text's function words. */
function languageOf(html: HtmlMeta | null, text: string): { value: string | null; rule: string } {
  if (html?.language) return { value: html.language, rule: html.rules?.language ?? 'html-metadata' };
  return { value: detectLanguage(text), rule: 'function-words' };
}

/** The provenance of every metadata value of the article: the collected ones, its dateline and its language. */
function articleProvenance(
  meta: ArticleMetadata,
  dateline: string | null,
  language: { value: string | null; rule: string },
): ArticleProvenance {
  return {
    ...meta.provenance,
    ...provenanceOf({ dateline: sourced(dateline, 'dateline'), language: sourced(language.value, language.rule) }),
  };
}

/** `readArticle` without the guard: see there. */
function readOrFail(raw: RawArticle, options: ReadOptions, ctx: RunContext): Result<Article> {
  const rejected = checkRawInput(raw);
  if (rejected && !rejected.ok) return rejected;
  const body = toPlainBody(raw);
  if (!body.ok) return body;
  const { html, heading } = body.value;
  const knownTitle = raw.meta.title ?? html?.title ?? heading;
  const cleaned = cleanText(body.value.text, {
    storyTerms: storyTermsOf(options.storyContext, raw.content, ctx),
    knownTitle,
    ctx,
  });
  const notProse = checkProse(raw.source, cleaned.text);
  if (notProse && !notProse.ok) return notProse;
  const meta = collectMetadata({ given: raw.meta, html, heading, cleaned, embeds: cleaned.embeds });
  const paragraphs = paragraphSpans(cleaned.text);
  const firstParagraph = paragraphs[0] ? cleaned.text.slice(paragraphs[0].start, paragraphs[0].end) : '';
  const dateline = findDateline(firstParagraph)?.place ?? null;
  const language = languageOf(html, cleaned.text);
  return ok({
    id: raw.id,
    source: raw.source,
    format: raw.format,
    original: raw.content,
    url: meta.url,
    title: meta.title,
    ...(meta.subtitle ? { subtitle: meta.subtitle } : {}),
    outlet: meta.outlet,
    byline: meta.byline,
    dateline,
    publishedAt: meta.publishedAt,
    language: language.value,
    text: cleaned.text,
    removed: [...body.value.removed, ...cleaned.removed],
    embeds: cleaned.embeds,
    paragraphs,
    sentences: segmentSentences(cleaned.text, paragraphs, { ctx }),
    diagnostics: [...(raw.diagnostics ?? []), ...body.value.diagnostics],
    provenance: articleProvenance(meta, dateline, language),
  });
}
