import type { Report } from '../model.js';
import { HtmlContext } from './html-context.js';
import { h, SafeHtml, type Child } from './html-builder.js';
import * as sections from './html-sections.js';
import { sourcesSection } from './html-sources.js';
import { REPORT_CSS } from './report-css.js';
import type { ReportSectionId } from './report-view.js';

/** How each section of the report view is written (the view gives their order). */
const SECTIONS: Readonly<Record<ReportSectionId, (ctx: HtmlContext) => SafeHtml | null>> = {
  summary: sections.summarySection,
  articles: sections.overviewSection,
  differences: sections.differencesSection,
  facts: sections.factsSection,
  omissions: sections.omissionsSection,
  quotes: sections.quotesSection,
  numbers: sections.numbersSection,
  timeline: sections.timelineSection,
  entities: sections.entitiesSection,
  framing: sections.framingSection,
  dates: sections.datesSection,
  failures: sections.failuresSection,
  sources: sourcesSection,
};

/** A restrictive policy for the saved page: no scripts, no outside resources, only the inline style sheet. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * Renders a whole report as one self-contained HTML page: inline CSS, no scripts, no outside resources. Every piece
 * of article text is escaped (see html-builder.ts). Citation links `[n]` jump to the cited sentence in the sources
 * section, which is highlighted when targeted.
 */
export function renderHtml(report: Report): string {
  const ctx = new HtmlContext(report);
  const title = report.story.title ?? 'Untitled story';
  // The sources section is last in the view's order, so it knows which sentences the sections above cite.
  const body: Child[] = [
    h('header', null, h('h1', null, title), h('p', { class: 'meta' }, storyLine(report))),
    ...ctx.view.sections.map((id) => SECTIONS[id](ctx)),
  ];
  const head = [
    new SafeHtml('<meta charset="utf-8">'),
    new SafeHtml(`<meta http-equiv="Content-Security-Policy" content="${CSP}">`),
    new SafeHtml('<meta name="viewport" content="width=device-width, initial-scale=1">'),
    h('title', null, `${title} — Parallax`),
    h('style', null, new SafeHtml(REPORT_CSS)),
  ];
  return `<!doctype html>\n${h('html', { lang: 'en' }, h('head', null, head), h('body', null, h('main', null, body))).html}\n`;
}

function storyLine(report: Report): string {
  const { story, generator } = report;
  const articles = `${story.articleCount} article${story.articleCount === 1 ? '' : 's'}`;
  return `${articles} · reference date ${story.referenceDate ?? 'unknown'} · story ${story.id} · ${generator.name} ${generator.version}`;
}
