/**
 * The Parallax document model: one set of types that travels through every stage.
 *
 * Phases: read (raw input -> Article with cleaned text and sentences), analyze (annotations that point into an
 * article's cleaned `text` by character offsets; they never rewrite text), compose (story-level comparison and report).
 *
 * Offsets are JavaScript string indices (UTF-16 code units), `end` exclusive, into `Article.text` unless a field says
 * otherwise. Values read from the text are kept apart from values inferred: every such value carries `inferred`.
 */

/** A half-open character range `[start, end)` into an article's cleaned text. */
export interface Span {
  start: number;
  end: number;
}

/** A pointer to exact source text: `text.slice(start, end)` of the article `articleId` (or of its embed `embed`). */
export interface Citation extends Span {
  articleId: string;
  /** When present, offsets are into `articles[..].embeds[embed].text` instead of the article's body text. */
  embed?: number;
}

/** The stages that make annotations, in pipeline order (the schema lists the same names). */
export const STAGE_NAMES = ['read', 'dates', 'entities', 'quotes', 'numbers', 'timeline', 'compose'] as const;

/** The name of a stage that makes annotations. */
export type StageName = (typeof STAGE_NAMES)[number];

/** Where an annotation came from: the stage and the rule that produced it, `stage/name` (for debugging, golden diffs). */
export interface Provenance {
  stage: StageName;
  rule: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Read phase
// ---------------------------------------------------------------------------------------------------------------

/** The input formats the reader understands. */
export type InputFormat = 'text' | 'html' | 'markdown';

/** Metadata supplied with an input (from a JSON article object, or found by the engine, e.g. a URL). */
export interface InputMeta {
  title?: string;
  url?: string;
  outlet?: string;
  byline?: string;
  /** ISO 8601 date or date-time as given by the caller. */
  publishedAt?: string;
}

/** One article as the engine hands it to the core: already decoded to a string, nothing parsed yet. */
export interface RawArticle {
  /** Stable id: a file's name without extension, or a short content hash for other inputs. */
  id: string;
  /** Where it came from: a path, a URL, `stdin`, or `file.jsonl#3`. */
  source: string;
  format: InputFormat;
  /** The decoded original content (plain text, HTML or Markdown). Never modified. */
  content: string;
  meta: InputMeta;
  /** Notes from the engine about this input (e.g. "decoded from windows-1252"). */
  diagnostics?: Diagnostic[];
}

/** Why the cleaner dropped a piece of text. */
export type RemovalReason =
  | 'subscription-prompt'
  | 'navigation'
  | 'read-more-link'
  | 'related-content'
  | 'teaser-headline'
  | 'photo-caption'
  | 'photo-credit'
  | 'promo'
  | 'timestamp'
  | 'bare-link'
  | 'embed'
  | 'title'
  | 'byline'
  | 'subtitle'
  | 'duplicate'
  | 'off-topic'
  | 'markup'
  | 'other';

/** A piece of the original input that is not part of the cleaned text, with the reason it was removed. */
export interface Removal {
  text: string;
  reason: RemovalReason;
  /**
   * The cleaning rule that removed it: a stable kebab-case name (a line rule of `LINE_RULES` such as `drop-bylines`,
   * `extract-embeds`, an HTML rule such as `html-non-prose-tag`, a Markdown rule such as `markdown-image`).
   */
  rule: string;
  /** Human-readable detail about what the rule saw (never parsed: the rule is `rule`). */
  detail?: string;
}

/** An embedded social post (tweet, etc.): evidence, kept apart from the outlet's own prose. */
export interface Embed {
  kind: 'social-post';
  text: string;
  author: string | null;
  handle: string | null;
  /** ISO date (YYYY-MM-DD) as stated in the post's signature line, or null. */
  date: string | null;
  url: string | null;
  /** How the reader found the post (`{stage: 'read', rule: 'post-signature'}`). */
  provenance: Provenance;
}

/** A date value with its provenance: stated in the input or inferred from indirect evidence. */
export interface DateValue {
  /**
   * ISO 8601 date (YYYY-MM-DD) or date-time; when the evidence bounds the date to a range of days rather than fixing
   * one, the ISO 8601 interval `earliest/latest` (e.g. "2021-05-17/2021-05-22"), never one day of it.
   */
  value: string;
  inferred: boolean;
  /** What the value rests on, e.g. "meta article:published_time", "url path", "latest embedded post date". */
  basis: string;
  /** When the value is a range: its first possible day (ISO date). */
  earliest?: string;
  /** When the value is a range: its last possible day (ISO date). */
  latest?: string;
}

/** A problem or note about one input or stage. Diagnostics are data; they never stop the batch. */
export interface Diagnostic {
  level: 'info' | 'warning' | 'error';
  /** Stable machine-readable code, e.g. `not-utf8`, `html-body-fallback`. */
  code: string;
  message: string;
}

/**
 * A sentence of the cleaned text, with the segmenter rule that made it (`SENTENCE_RULES` in read/sentences.ts): `wink`
 * (wink-nlp's boundaries), `paragraph-boundary` (wink's span cut at a paragraph's end), `repaired` (a wrong split
 * merged, a closing quote moved back), `gap-fill` (paragraph text no sentence covered), `long-split` (a piece of an
 * over-long span).
 */
export interface Sentence extends Span {
  provenance: Provenance;
}

/** Metadata fields of an article whose source the reader records. */
export type ArticleMetadataField =
  'url' | 'title' | 'subtitle' | 'outlet' | 'byline' | 'dateline' | 'publishedAt' | 'language';

/**
 * Where each metadata value of an article came from (`{stage: 'read', rule}`: `input-metadata`, `json-ld`, `meta-tag`,
 * `title-element`, `detect-title`, `drop-bylines`, `dateline`, `url-host`, ...); a field with a null value has none.
 */
export type ArticleProvenance = Partial<Record<ArticleMetadataField, Provenance>>;

/** A cleaned, segmented article: the document that travels through the analyze phase. */
export interface Article {
  id: string;
  source: string;
  format: InputFormat;
  /** The raw input exactly as received (decoded), kept next to the cleaned text. */
  original: string;
  url: string | null;
  title: string | null;
  /** The standfirst under the title (removed from `text`), when the input has one. */
  subtitle?: string;
  outlet: string | null;
  byline: string | null;
  /** The dateline place, e.g. "WASHINGTON". */
  dateline: string | null;
  publishedAt: DateValue | null;
  /** ISO 639-1 code, or null when unknown. */
  language: string | null;
  /** The cleaned article body: paragraphs separated by blank lines ("\n\n"). All offsets point here. */
  text: string;
  removed: Removal[];
  embeds: Embed[];
  /** Paragraph spans of `text`. */
  paragraphs: Span[];
  sentences: Sentence[];
  diagnostics: Diagnostic[];
  /** Which source each metadata value (title, outlet, byline, publication date, ...) was taken from. */
  provenance: ArticleProvenance;
}

// ---------------------------------------------------------------------------------------------------------------
// Analyze phase
// ---------------------------------------------------------------------------------------------------------------

/**
 * What every annotation of an article's text carries: the article (`articleId`), the offsets into its cleaned text,
 * and the stage and rule that produced it. Mentions, quotes and their spans extend it.
 */
export interface AnnotationBase extends Span {
  articleId: string;
  provenance: Provenance;
}

/** A mention of text in one article: the base of entity, number and date mentions. */
export interface Mention extends AnnotationBase {
  text: string;
}

/** Entity types in the report. */
export type EntityType = 'person' | 'organization' | 'place' | 'other';

/** One real-world referent across the whole story. */
export interface Entity {
  id: string;
  /** The fullest name used, e.g. "Joe Biden". */
  name: string;
  type: EntityType;
  /** Other surface forms, e.g. ["President Biden", "Biden"]. */
  aliases: string[];
  /** Titles and roles, e.g. ["President"], ["White House press secretary"]. */
  roles: string[];
  mentions: EntityMention[];
  /** The rule that made the entity, and the rules that made its inferred fields (its type, each of its roles). */
  provenance: EntityProvenance;
}

/** Which rules made an entity and its inferred fields. */
export interface EntityProvenance extends Provenance {
  /** The rule that chose `type`: a full personal name, or the vote of the mentions' evidence. */
  type: Provenance;
  /** One per role, in the order of `roles`: the rule that read it (a title in the name, a role before or after it). */
  roles: Provenance[];
}

/** A mention of an entity; `inferred` when resolved from a descriptor or pronoun-like form ("the president"). */
export interface EntityMention extends Mention {
  inferred?: boolean;
}

/** Kinds of attributed speech. */
export type QuoteKind = 'direct' | 'partial' | 'indirect';

/** The speaker of a quote, resolved to an entity when possible. */
export interface Speaker {
  entityId: string | null;
  name: string;
  /** The speaker's mention in the text, or null when it was carried from an earlier sentence without a mention. */
  mention: (Span & { text: string }) | null;
  /** True when the speaker was resolved from context ("she added", previous sentence) rather than named. */
  inferred: boolean;
}

/** Why the quote finder found no speaker for a quote. */
export type SpeakerSearchReason =
  /** No cue of attribution in the sentence and no earlier speaker to carry over. */
  | 'no-cue'
  /** The last speaker named before the quote is more than a paragraph away. */
  | 'earlier-speaker-too-far'
  /** A cue with nobody named as its subject ("Asked whether ...", a passive). */
  | 'cue-without-speaker'
  /** An attitude the sentence gives no holder for ("X seemed to ...", "is expected to"). */
  | 'attitude-without-holder'
  /** An embedded post with no author or handle. */
  | 'post-without-author';

/** Where the quote finder looked for the speaker of a quote it found none for, and why it found none. */
export interface SpeakerSearch extends Span {
  /** Offsets of the text searched (the quote's sentence, and the paragraph before for a quote that could go on). */
  reason: SpeakerSearchReason;
}

/** One attributed statement. */
export interface Quote extends Mention {
  id: string;
  /** The quoted content (without the quotation marks for direct quotes). */
  text: string;
  kind: QuoteKind;
  /** The cue ("said", "according to", "tweeted"), or null. */
  cue: string | null;
  speaker: Speaker | null;
  /** When `speaker` is null: the text searched for one and why none was found (offsets as the quote's). */
  speakerSearch?: SpeakerSearch;
  /** When the quote comes from an embedded post: the embed's index; offsets are then into the embed's text. */
  embed?: number;
  /** Stage `quotes` and the finder that proposed the quote (`quotes/quotation`, `quotes/reported-speech`, ...). */
  provenance: Provenance;
}

/** A quantity stated in the text with what it counts. */
export interface NumberMention extends Mention {
  /** Numeric value, or null for vague amounts ("dozens", "thousands of"). */
  value: number | null;
  approximate: boolean;
  /** "more than", "at least", "about", ... or null. */
  qualifier: string | null;
  /** What is counted, e.g. "Palestinians killed", "rockets". */
  counts: string | null;
  /** The source the figure is attributed to, e.g. "the Associated Press". */
  attribution: string | null;
  /** The date the figure holds for, or null when unknown. */
  asOf: DateValue | null;
}

/** Precision of a resolved date. */
export type DatePrecision = 'year' | 'month' | 'week' | 'day' | 'time';

/** A date expression found in an article, resolved against the article's publication date. */
export interface DateMention extends Mention {
  /** ISO date (or date-time), or null when nothing supports a resolution. */
  date: string | null;
  precision: DatePrecision;
  /** True when any part came from context (reference date, inferred publication date) rather than the text. */
  inferred: boolean;
}

/** One event of the story, merged across articles. */
export interface TimelineEvent {
  date: string;
  precision: DatePrecision;
  /** A short statement of the event. */
  text: string;
  citations: Citation[];
  inferred: boolean;
  provenance: Provenance;
}

// ---------------------------------------------------------------------------------------------------------------
// Compose phase
// ---------------------------------------------------------------------------------------------------------------

/** A fact: statements of one or more articles that report the same thing. */
export interface Fact {
  id: string;
  statement: string;
  citations: Citation[];
  articleIds: string[];
  /** Articles counted once per group of near-verbatim copies (wire copy, one press release). */
  independentSources: number;
  kind: 'shared' | 'single';
  /** The compose rule that made it: `compose/shared-fact` (an agreement of several articles) or `compose/single-fact`. */
  provenance: Provenance;
}

/** One side of a difference. */
export interface DifferenceClaim {
  text: string;
  value: number | null;
  articleIds: string[];
  citations: Citation[];
  attribution: string | null;
  asOf: DateValue | null;
  /** The compose rule that found the side: that of its difference. */
  provenance: Provenance;
}

/**
 * How the sides of a difference stand in time: `conflict` when at least two of them hold for the same time and
 * disagree; `update` when they hold for different times (a story moving on: a timeline, not a contradiction);
 * `unknown-timing` when the date of a side is unknown, or the dates cannot tell whether they are the same time.
 */
export type DifferenceRelation = 'conflict' | 'update' | 'unknown-timing';

/** A disagreement between sources over a figure or a claim. */
export interface Difference {
  id: string;
  about: string;
  kind: 'number' | 'claim';
  claims: DifferenceClaim[];
  /** Whether the sides contradict each other or tell the story at different times (absent in older reports). */
  relation?: DifferenceRelation;
  /** The compose rule that found it: `compose/number-difference` or `compose/opposed-stances`. */
  provenance: Provenance;
}

/** Facts most other articles report and this one does not. */
export interface Omission {
  articleId: string;
  factIds: string[];
}

/** A term with its citations. */
export interface CitedTerm {
  term: string;
  citations: Citation[];
}

/** How one outlet frames the story. */
export interface Framing {
  articleId: string;
  descriptors: { entityId: string; terms: string[]; citations: Citation[] }[];
  chargedTerms: (CitedTerm & { score: number })[];
  /** Per-article charged-wording score, comparable across outlets (charged terms per 1,000 words, signed mean). */
  chargedScore: number;
  distinctiveTerms: { term: string; zScore: number }[];
  quoted: { entityId: string | null; name: string; count: number }[];
}

/** The neutral summary. */
export interface Summary {
  text: string;
  /**
   * The neutral headline chosen for the story, when one was: the summary's first sentence, unless a body sentence says
   * the same (then it titles the summary and is not repeated in `text` and `sentences`).
   */
  headline?: string;
  sentences: { text: string; citations: Citation[] }[];
}

// ---------------------------------------------------------------------------------------------------------------
// The report (JSON contract, version 1)
// ---------------------------------------------------------------------------------------------------------------

/** An article as it appears in the report (the document minus the raw original). */
export type ReportArticle = Omit<Article, 'original' | 'format' | 'paragraphs'> & { paragraphs?: Span[] };

/**
 * Every code an `InputFailure` can carry, by where it arises. Two codes about repeats mean different things:
 * `duplicate-input` is the same input named twice in one call (standard input `-` can be read once), `duplicate` an
 * article identical (same id, same content) to one the story already holds.
 */
export const FAILURE_CODES = [
  // Finding and reading the input (files, folders, standard input, JSON and JSONL lists).
  'not-found',
  'unreadable',
  'not-a-file',
  'empty-input',
  'empty-folder',
  'binary-input',
  'unknown-encoding',
  'too-large',
  'unsupported-format',
  'bad-json',
  'bad-article',
  'duplicate-input',
  // The stream's JSONL articles: an id used twice in one file, a date that is not ISO 8601, no text or html.
  'duplicate-id',
  'bad-date',
  'empty-text',
  // Fetching a URL.
  'bad-url',
  'fetch-failed',
  'fetch-timeout',
  'http-error',
  'unsupported-content-type',
  'refused-private-address',
  'too-many-redirects',
  // The reader.
  'too-deeply-nested',
  'not-prose',
  'no-article-found',
  // A story that already holds the article.
  'duplicate',
  // The worker pool's budgets.
  'over-time-budget',
  'over-memory-budget',
  'worker-failed',
] as const;

/** Why an input could not be read (see `FAILURE_CODES`). */
export type FailureCode = (typeof FAILURE_CODES)[number];

/** True for a string that is one of the failure codes (a failure read back from outside, e.g. an API answer). */
export function isFailureCode(code: unknown): code is FailureCode {
  return typeof code === 'string' && (FAILURE_CODES as readonly string[]).includes(code);
}

/** An input that could not be read, named with its reason. */
export interface InputFailure {
  source: string;
  code: FailureCode;
  message: string;
}

/** The report, version 1. Later stages fill the optional sections. */
export interface Report {
  schemaVersion: 1;
  generator: { name: 'parallax'; version: string };
  story: {
    id: string;
    title: string | null;
    articleCount: number;
    /**
     * The story's date: the `--date` option, else the latest publication date known to the day. Each article's relative
     * dates are resolved against its own date; `--date` serves the articles whose own evidence fixes none.
     */
    referenceDate: string | null;
  };
  articles: ReportArticle[];
  failures: InputFailure[];
  entities?: Entity[];
  quotes?: Quote[];
  numbers?: NumberMention[];
  dates?: DateMention[];
  timeline?: TimelineEvent[];
  facts?: Fact[];
  differences?: Difference[];
  omissions?: Omission[];
  framing?: Framing[];
  summary?: Summary;
}

/** Options for the whole core pipeline. Everything time- or environment-dependent comes in here. */
export interface AnalyzeOptions {
  /** Reference date (ISO) for resolving relative dates of articles whose own date and evidence fix none. */
  referenceDate?: string;
  /** Target summary length in words (default 120). */
  summaryWords?: number;
  /** Generator version string to write into the report. */
  version?: string;
  /** Story id (default: a hash of the article ids). */
  storyId?: string;
}
