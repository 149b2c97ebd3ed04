/**
 * One view of a report, that the Markdown report, the HTML report and the web page all render from: the sections in
 * one order, article labels from `article-labels.ts`, differences ranked and their versions ordered one way, quotes
 * grouped by speaker one way, and cited text cut one way. Pure: no DOM, no markup.
 */
import type { Citation, Difference, Fact, Report, ReportArticle } from '../model.js';
import { articleLabels } from './article-labels.js';
import { citedText } from './cited-text.js';
import { shorten } from './escape-markdown.js';
import { groupQuotes, type MergedQuote, type SpeakerGroup } from './quote-groups.js';
import { claimsByReach, rankDifferences } from './rank-differences.js';

/**
 * The sections of a report in reading order. Every renderer shows the ones it has in this order: `articles` is the
 * table of articles at a glance, `sources` each article's text and details at the end.
 */
export const REPORT_SECTIONS = [
  'summary',
  'articles',
  'differences',
  'facts',
  'omissions',
  'quotes',
  'numbers',
  'timeline',
  'entities',
  'framing',
  'dates',
  'failures',
  'sources',
] as const;

/** A section of the report. */
export type ReportSectionId = (typeof REPORT_SECTIONS)[number];

/** The title of each section, as every renderer writes it. */
export const SECTION_TITLES: Readonly<Record<ReportSectionId, string>> = {
  summary: 'Summary',
  articles: 'Articles',
  differences: 'Where the sources differ',
  facts: 'Facts',
  omissions: 'Omissions',
  quotes: 'Who said what',
  numbers: 'Numbers',
  timeline: 'Timeline',
  entities: 'People, organizations and places',
  framing: 'Framing',
  dates: 'Dates mentioned',
  failures: 'Inputs that could not be read',
  sources: 'Sources',
};

/** The titles of the two kinds of facts inside the facts section. */
export const FACT_TITLES: Readonly<Record<Fact['kind'], string>> = {
  shared: 'What the sources agree on',
  single: 'Reported by one source',
};

/** The most characters of cited text shown beside a citation (a tooltip, a link title, the list of citations). */
export const CITED_TEXT_MAX = 240;

/** How the kind of a quote reads. */
export const QUOTE_KIND_TEXT: Readonly<Record<MergedQuote['kind'], string>> = {
  direct: 'direct quote',
  indirect: 'paraphrased',
  partial: 'partial quote',
};

/** The report as every renderer shows it. */
export interface ReportView {
  report: Report;
  /** The sections that have something to show, in reading order. */
  sections: ReportSectionId[];
  /** Display labels of the articles by id. */
  labels: ReadonlyMap<string, string>;
  /** Differences, most important first, each with its versions reported by the most articles first. */
  differences: Difference[];
  /** Facts several sources report, and facts only one reports, in report order. */
  facts: Readonly<Record<Fact['kind'], Fact[]>>;
  /** Quotes grouped by speaker, the same words from several outlets merged. */
  quoteGroups: SpeakerGroup[];
}

/** Builds the view of a report. */
export function reportView(report: Report): ReportView {
  const names = new Map((report.entities ?? []).map((e) => [e.id, e.name]));
  const facts = report.facts ?? [];
  const view: ReportView = {
    report,
    sections: [],
    labels: articleLabels(report.articles),
    differences: rankDifferences(report.differences ?? []).map((d) => ({ ...d, claims: claimsByReach(d) })),
    facts: { shared: facts.filter((f) => f.kind === 'shared'), single: facts.filter((f) => f.kind === 'single') },
    quoteGroups: groupQuotes(report.quotes ?? [], { entityName: (id) => names.get(id) }),
  };
  view.sections = REPORT_SECTIONS.filter((id) => hasContent(view, id));
  return view;
}

/** How many items each section shows (a section with none is left out). */
function sectionSize(view: ReportView, id: ReportSectionId): number {
  const r = view.report;
  const sizes: Record<ReportSectionId, () => number> = {
    summary: () => r.summary?.sentences.length ?? 0,
    articles: () => r.articles.length,
    differences: () => view.differences.length,
    facts: () => view.facts.shared.length + view.facts.single.length,
    omissions: () => (r.omissions ?? []).filter((o) => o.factIds.length > 0).length,
    quotes: () => view.quoteGroups.length,
    numbers: () => (r.numbers ?? []).length,
    timeline: () => (r.timeline ?? []).length,
    entities: () => (r.entities ?? []).length,
    framing: () => (r.framing ?? []).length,
    dates: () => (r.dates ?? []).length,
    failures: () => r.failures.length,
    sources: () => r.articles.length,
  };
  return sizes[id]();
}

function hasContent(view: ReportView, id: ReportSectionId): boolean {
  return sectionSize(view, id) > 0;
}

/** The display label of an article by id (the id itself only for an article the report does not hold). */
export function viewLabel(view: Pick<ReportView, 'labels'>, articleId: string): string {
  return view.labels.get(articleId) ?? articleId;
}

/** The cited text as shown beside a citation: cut at a word to `CITED_TEXT_MAX`, or null when it points nowhere. */
export function citedExcerpt(articles: readonly ReportArticle[], citation: Citation): string | null {
  const text = citedText(articles, citation);
  return text === null ? null : shorten(text, CITED_TEXT_MAX);
}
