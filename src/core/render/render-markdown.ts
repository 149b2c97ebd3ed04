import type { Citation, DateValue, Fact, Report, ReportArticle } from '../model.js';
import { CitationRegistry } from './citation-registry.js';
import { dateValueText, relationText } from './date-words.js';
import { codeSpan, escapeMarkdown as md, shorten } from './escape-markdown.js';
import type { MergedQuote } from './quote-groups.js';
import {
  citedExcerpt,
  FACT_TITLES,
  QUOTE_KIND_TEXT,
  reportView,
  SECTION_TITLES,
  type ReportSectionId,
  type ReportView,
} from './report-view.js';

/** What every Markdown section needs: the report and the citation numbering shared by the whole document. */
interface MdContext {
  report: Report;
  view: ReportView;
  cites: CitationRegistry;
}

type Section = (ctx: MdContext) => string[];

/** How each section of the report view is written (the view gives their order). */
const SECTIONS: Readonly<Record<ReportSectionId, Section>> = {
  summary: summarySection,
  articles: articlesTable,
  differences: differencesSection,
  facts: factsSection,
  omissions: omissionsSection,
  quotes: quotesSection,
  numbers: numbersSection,
  timeline: timelineSection,
  entities: entitiesSection,
  framing: framingSection,
  dates: datesSection,
  failures: failuresSection,
  sources: sourcesSection,
};

/**
 * Renders a whole report as Markdown. Citation markers `[n]` refer to the numbered list of exact source text at the
 * end. All article text is escaped, so nothing in an article can become Markdown or HTML markup.
 */
export function renderMarkdown(report: Report): string {
  const view = reportView(report);
  const ctx: MdContext = { report, view, cites: new CitationRegistry() };
  const { story, generator } = report;
  const head = [
    `# ${md(story.title ?? 'Untitled story')}`,
    '',
    `${story.articleCount} article${story.articleCount === 1 ? '' : 's'} · reference date ${story.referenceDate ?? 'unknown'} · story ${codeSpan(story.id)} · ${generator.name} ${md(generator.version)}`,
  ];
  // The citations go last: they list what the sections above cite.
  const body = [...view.sections.map((id) => SECTIONS[id](ctx)), citationsSection(ctx)].filter((l) => l.length > 0);
  return `${[head, ...body].map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function marks(ctx: MdContext, citations: readonly Citation[]): string {
  return citations.map((c) => `[${ctx.cites.number(c)}]`).join('');
}

function heading(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : [`## ${title}`, '', ...lines];
}

function subheading(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : [`### ${title}`, '', ...lines];
}

function label(ctx: MdContext, articleId: string): string {
  const known = ctx.view.labels.get(articleId);
  return known ? md(known) : codeSpan(articleId);
}

function summarySection(ctx: MdContext): string[] {
  const summary = ctx.report.summary;
  if (!summary || summary.sentences.length === 0) return [];
  const text = summary.sentences.map((s) => `${md(s.text)} ${marks(ctx, s.citations)}`.trim()).join(' ');
  return heading(SECTION_TITLES.summary, [text]);
}

function articlesTable(ctx: MdContext): string[] {
  const rows = ctx.report.articles.map(
    (a) =>
      `| ${label(ctx, a.id)} | ${md(a.outlet ?? '')} | ${md(a.title ?? '')} | ${publishedText(a)} | ${md(a.byline ?? '')} | ${codeSpan(a.id)} |`,
  );
  return tableSection(SECTION_TITLES.articles, ['Article', 'Outlet', 'Title', 'Published', 'Byline', 'Id'], rows);
}

function publishedText(a: ReportArticle): string {
  return a.publishedAt ? dateText(a.publishedAt) : '';
}

function factsSection(ctx: MdContext): string[] {
  const line = (f: Fact): string =>
    `- **${md(f.id)}** ${md(f.statement)} — ${f.articleIds.map((id) => label(ctx, id)).join(', ')}` +
    ` (${f.independentSources} independent) ${marks(ctx, f.citations)}`;
  const shared = subheading(FACT_TITLES.shared, ctx.view.facts.shared.map(line));
  const single = subheading(FACT_TITLES.single, ctx.view.facts.single.map(line));
  return heading(SECTION_TITLES.facts, [...shared, ...(shared.length && single.length ? [''] : []), ...single]);
}

function differencesSection(ctx: MdContext): string[] {
  const lines = ctx.view.differences.flatMap((d) => [
    `### ${md(d.about)} (${d.kind})`,
    '',
    ...(relationText(d.relation) ? [`*${md(relationText(d.relation)!)}*`, ''] : []),
    ...d.claims.map((c) => {
      const by = c.articleIds.map((id) => label(ctx, id)).join(', ');
      const extra = [c.attribution && `according to ${md(c.attribution)}`, c.asOf && `as of ${dateText(c.asOf)}`];
      return `- ${md(c.text)} — ${by}${extra
        .filter(Boolean)
        .map((e) => `; ${e}`)
        .join('')} ${marks(ctx, c.citations)}`;
    }),
    '',
  ]);
  return heading(SECTION_TITLES.differences, trimEnd(lines));
}

/** A date value in words, escaped for Markdown. */
function dateText(d: DateValue): string {
  return md(dateValueText(d));
}

function omissionsSection(ctx: MdContext): string[] {
  const facts = new Map((ctx.report.facts ?? []).map((f) => [f.id, f]));
  const lines = (ctx.report.omissions ?? [])
    .filter((o) => o.factIds.length > 0)
    .map((o) => {
      const missing = o.factIds.map((id) => md(shorten(facts.get(id)?.statement ?? id, 90))).join('; ');
      return `- **${label(ctx, o.articleId)}** does not report: ${missing}`;
    });
  return heading(SECTION_TITLES.omissions, lines);
}

function quotesSection(ctx: MdContext): string[] {
  const lines = ctx.view.quoteGroups.flatMap((group) => [
    `### ${md(group.name)} (${group.quotes.length})`,
    '',
    ...group.quotes.map((q) => quoteLine(ctx, q)),
    '',
  ]);
  return heading(SECTION_TITLES.quotes, trimEnd(lines));
}

function quoteLine(ctx: MdContext, q: MergedQuote): string {
  const notes = [
    QUOTE_KIND_TEXT[q.kind],
    ...q.cues.map((cue) => `cue “${md(cue)}”`),
    q.inferred && 'speaker inferred',
    q.search && `${q.search.note}; looked for in ${marks(ctx, [q.search.citation])}`,
  ];
  const by = [...new Set(q.citations.map((c) => label(ctx, c.articleId)))].join(', ');
  return `- “${md(q.text)}” — ${by} (${notes.filter(Boolean).join(', ')}) ${marks(ctx, q.citations)}`;
}

function numbersSection(ctx: MdContext): string[] {
  const rows = (ctx.report.numbers ?? []).map((n) => {
    const value = n.value === null ? 'vague' : `${n.approximate ? '≈' : ''}${n.value}`;
    const asOf = n.asOf ? dateText(n.asOf) : '';
    return `| ${md(n.text)} | ${value} | ${md(n.counts ?? '')} | ${md(n.attribution ?? '')} | ${asOf} | ${label(ctx, n.articleId)} ${marks(ctx, [n])} |`;
  });
  return tableSection(SECTION_TITLES.numbers, ['Figure', 'Value', 'Counts', 'Attributed to', 'As of', 'Source'], rows);
}

function timelineSection(ctx: MdContext): string[] {
  const lines = (ctx.report.timeline ?? []).map(
    (e) => `- **${md(e.date)}**${e.inferred ? ' (inferred)' : ''} ${md(e.text)} ${marks(ctx, e.citations)}`,
  );
  return heading(SECTION_TITLES.timeline, lines);
}

function entitiesSection(ctx: MdContext): string[] {
  const rows = (ctx.report.entities ?? []).map((e) => {
    const articles = new Set(e.mentions.map((m) => m.articleId)).size;
    return `| ${md(e.name)} | ${e.type} | ${md(e.roles.join(', '))} | ${md(e.aliases.join(', '))} | ${e.mentions.length} in ${articles} |`;
  });
  return tableSection(SECTION_TITLES.entities, ['Name', 'Type', 'Roles', 'Also called', 'Mentions (articles)'], rows);
}

/** A section holding one Markdown table (none when it has no rows). */
function tableSection(title: string, columns: readonly string[], rows: readonly string[]): string[] {
  if (rows.length === 0) return [];
  return heading(title, [`| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`, ...rows]);
}

function framingSection(ctx: MdContext): string[] {
  const entities = new Map((ctx.report.entities ?? []).map((e) => [e.id, e.name]));
  const lines = (ctx.report.framing ?? []).flatMap((f) => {
    const items = [
      `- Charged wording score: ${f.chargedScore.toFixed(2)} per 1,000 words`,
      f.chargedTerms.length > 0 &&
        `- Charged terms: ${f.chargedTerms.map((t) => `${md(t.term)} (${t.score}) ${marks(ctx, t.citations)}`).join(', ')}`,
      ...f.descriptors.map(
        (d) =>
          `- ${md(entities.get(d.entityId) ?? d.entityId)} described as: ${d.terms.map(md).join(', ')} ${marks(ctx, d.citations)}`,
      ),
      f.distinctiveTerms.length > 0 &&
        `- Distinctive terms: ${f.distinctiveTerms.map((t) => `${md(t.term)} (z ${t.zScore.toFixed(1)})`).join(', ')}`,
      f.quoted.length > 0 && `- Quoted: ${f.quoted.map((q) => `${md(q.name)} ×${q.count}`).join(', ')}`,
    ];
    return [`### ${label(ctx, f.articleId)}`, '', ...items.filter((i): i is string => typeof i === 'string'), ''];
  });
  return heading(SECTION_TITLES.framing, trimEnd(lines));
}

function datesSection(ctx: MdContext): string[] {
  const lines = (ctx.report.dates ?? []).map(
    (d) =>
      `- “${md(d.text)}” → ${md(d.date ?? 'unresolved')} (${d.precision}${d.inferred ? ', inferred' : ''}) — ${label(ctx, d.articleId)} ${marks(ctx, [d])}`,
  );
  return heading(SECTION_TITLES.dates, lines);
}

function sourcesSection(ctx: MdContext): string[] {
  const lines = ctx.report.articles.flatMap((a) => {
    const words = a.text.split(/\s+/).filter(Boolean).length;
    const removed = countBy(a.removed.map((r) => r.reason));
    const facts = [
      `- Source: ${codeSpan(a.source)}`,
      a.url && `- URL: ${/^https?:\/\/[^\s<>]+$/i.test(a.url) ? `<${a.url}>` : md(a.url)}`,
      a.outlet && `- Outlet: ${md(a.outlet)}`,
      a.byline && `- Byline: ${md(a.byline)}`,
      a.dateline && `- Dateline: ${md(a.dateline)}`,
      a.publishedAt && `- Published: ${dateText(a.publishedAt)}`,
      a.language && `- Language: ${md(a.language)}`,
      `- Length: ${words} words, ${a.sentences.length} sentences`,
      removed.length > 0 && `- Removed: ${removed.map(([reason, n]) => `${reason} ×${n}`).join(', ')}`,
      ...a.embeds.map(
        (e, i) =>
          `- Embedded post ${i + 1}: ${md(e.author ?? e.handle ?? 'unknown')}${e.date ? `, ${md(e.date)}` : ''}: “${md(shorten(e.text, 160))}”`,
      ),
      ...a.diagnostics.map((d) => `- ${d.level}: ${md(d.message)} (${md(d.code)})`),
    ];
    return [
      `### ${label(ctx, a.id)} ${codeSpan(a.id)}`,
      ...(a.title ? ['', `*${md(a.title)}*`] : []),
      '',
      ...facts.filter((f): f is string => typeof f === 'string'),
      '',
    ];
  });
  return heading(SECTION_TITLES.sources, trimEnd(lines));
}

function countBy(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts];
}

function failuresSection(ctx: MdContext): string[] {
  const lines = ctx.report.failures.map((f) => `- ${codeSpan(f.source)}: ${md(f.message)} (${md(f.code)})`);
  return heading(SECTION_TITLES.failures, lines);
}

function citationsSection(ctx: MdContext): string[] {
  const lines = ctx.cites.entries().map(({ n, citation: c }) => {
    const text = citedExcerpt(ctx.report.articles, c);
    const where = `${label(ctx, c.articleId)}${c.embed !== undefined ? `, embedded post ${c.embed + 1}` : ''}, characters ${c.start}–${c.end}`;
    return `${n}. ${where}: ${text === null ? '(citation points outside the text)' : `“${md(text)}”`}`;
  });
  return heading('Citations', lines);
}

function trimEnd(lines: string[]): string[] {
  const out = [...lines];
  while (out.at(-1) === '') out.pop();
  return out;
}
