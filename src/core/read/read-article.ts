import { ok, fail, type Result } from '../result.js';
import type { Article, Diagnostic, RawArticle, Removal } from '../model.js';
import { checkProse, checkRawInput } from './check-input.js';
import { cleanText } from './clean-text.js';
import { countMatches, LETTER_RUNS } from './count-letters.js';
import { extractHtml } from './extract-html.js';
import type { HtmlMeta } from './html/collect-meta.js';
import { MarkupLibraryError } from './html/markup-library-error.js';
import { detectLanguage } from './language.js';
import { stripMarkdown } from './strip-markdown.js';
import { collectMetadata } from './metadata/collect-metadata.js';
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

/** The story's content-stem counts as seen by this article (its own input left out). */
function storyTermsOf(context: ReadOptions['storyContext'], ownContent: string): StoryTerms {
  if (context === undefined) return NO_STORY_TERMS;
  if (isPrepared(context)) return termsWithout(context, ownContent);
  return termsWithout(prepareStoryContext(context.filter((t) => t !== ownContent)), ownContent);
}

/** True for a story context already prepared by `prepareStoryContext`. */
function isPrepared(context: readonly string[] | StoryContext): context is StoryContext {
  return 'counts' in context;
}

/**
 * Reads one raw input into a cleaned, segmented Article: format to plain text, line cleaning (junk, header, embeds),
 * metadata (caller > HTML > text), dateline, language, paragraphs and sentences. Unusable inputs become failures, and
 * so does an input that a library cannot read (HTML nested too deeply for the parser, markup an HTML library throws
 * on): one input never stops the others. Any other exception is a bug of ours and is thrown, not passed off as the
 * input's fault.
 */
export function readArticle(raw: RawArticle, options: ReadOptions = {}): Result<Article> {
  try {
    return readOrFail(raw, options);
  } catch (error) {
    const failure = unreadable(raw.source, error);
    if (failure) return failure;
    throw error;
  }
}

/** The failure for an input whose reading threw in a library, or null for an exception of our own code. */
function unreadable(source: string, error: unknown): Result<Article> | null {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return fail(source, 'too-deeply-nested', `${source}: the document is nested too deeply to be read`);
  }
  if (error instanceof MarkupLibraryError) {
    return fail(source, 'unreadable', `${source}: the page could not be read (its markup could not be parsed)`);
  }
  return null;
}

/** `readArticle` without the guard: see there. */
function readOrFail(raw: RawArticle, options: ReadOptions): Result<Article> {
  const rejected = checkRawInput(raw);
  if (rejected && !rejected.ok) return rejected;
  const body = toPlainBody(raw);
  if (!body.ok) return body;
  const { html, heading } = body.value;
  const knownTitle = raw.meta.title ?? html?.title ?? heading;
  const cleaned = cleanText(body.value.text, {
    storyTerms: storyTermsOf(options.storyContext, raw.content),
    knownTitle,
  });
  const notProse = checkProse(raw.source, cleaned.text);
  if (notProse && !notProse.ok) return notProse;
  const meta = collectMetadata({ given: raw.meta, html, heading, cleaned, embeds: cleaned.embeds });
  const paragraphs = paragraphSpans(cleaned.text);
  const firstParagraph = paragraphs[0] ? cleaned.text.slice(paragraphs[0].start, paragraphs[0].end) : '';
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
    dateline: findDateline(firstParagraph)?.place ?? null,
    publishedAt: meta.publishedAt,
    language: html?.language ?? detectLanguage(cleaned.text),
    text: cleaned.text,
    removed: [...body.value.removed, ...cleaned.removed],
    embeds: cleaned.embeds,
    paragraphs,
    sentences: segmentSentences(cleaned.text, paragraphs),
    diagnostics: [...(raw.diagnostics ?? []), ...body.value.diagnostics],
  });
}
