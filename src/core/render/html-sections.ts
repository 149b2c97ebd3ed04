import { dateValueText, relationText } from './date-words.js';
import type { HtmlContext } from './html-context.js';
import type { Fact } from '../model.js';
import type { MergedQuote } from './quote-groups.js';
import { FACT_TITLES, QUOTE_KIND_TEXT, SECTION_TITLES, type ReportSectionId } from './report-view.js';
import { h, type Child, type SafeHtml } from './html-builder.js';
import { shorten } from './escape-markdown.js';

/** A titled section, or null when it has nothing to show. */
function section(id: ReportSectionId, content: Child[]): SafeHtml | null {
  return content.length === 0 ? null : h('section', { id }, h('h2', null, SECTION_TITLES[id]), content);
}

/** The neutral summary, each sentence followed by links to the sentences it rests on. */
export function summarySection(ctx: HtmlContext): SafeHtml | null {
  const sentences = ctx.report.summary?.sentences ?? [];
  if (sentences.length === 0) return null;
  return section('summary', [
    h(
      'p',
      { class: 'summary' },
      sentences.map((s) => [h('span', null, s.text), ' ', ctx.marks(s.citations, { highlight: true }), ' ']),
    ),
  ]);
}

/** The articles at a glance. */
export function overviewSection(ctx: HtmlContext): SafeHtml | null {
  const rows = ctx.report.articles.map((a, i) =>
    h(
      'tr',
      null,
      h('td', null, h('a', { href: `#a${i + 1}` }, ctx.label(a.id))),
      h('td', null, a.outlet ?? ''),
      h('td', null, a.title ?? ''),
      h('td', null, a.publishedAt ? dateValueText(a.publishedAt) : ''),
      h('td', null, a.byline ?? ''),
      h('td', null, a.id),
    ),
  );
  if (rows.length === 0) return null;
  const head = h(
    'tr',
    null,
    ['Article', 'Outlet', 'Title', 'Published', 'Byline', 'Id'].map((t) => h('th', null, t)),
  );
  return section('articles', [h('table', null, h('thead', null, head), h('tbody', null, rows))]);
}

/** Shared facts and single-source facts. */
export function factsSection(ctx: HtmlContext): SafeHtml | null {
  const item = (f: Fact): SafeHtml =>
    h(
      'li',
      { id: `fact-${f.id}` },
      f.statement,
      ' ',
      h(
        'span',
        { class: 'by' },
        `${f.articleIds.map((id) => ctx.label(id)).join(', ')} (${f.independentSources} independent)`,
      ),
      ' ',
      ctx.marks(f.citations),
    );
  const shared = ctx.view.facts.shared.map(item);
  const single = ctx.view.facts.single.map(item);
  return section(
    'facts',
    [
      shared.length > 0 ? [h('h3', null, FACT_TITLES.shared), h('ul', null, shared)] : null,
      single.length > 0 ? [h('h3', null, FACT_TITLES.single), h('ul', null, single)] : null,
    ].filter(Boolean),
  );
}

/** Disagreements over figures and claims, side by side. */
export function differencesSection(ctx: HtmlContext): SafeHtml | null {
  const blocks = ctx.view.differences.map((d) =>
    h(
      'div',
      { class: 'difference' },
      h('h3', null, `${d.about} (${d.kind})`),
      relationText(d.relation) ? h('p', { class: `relation relation-${d.relation}` }, relationText(d.relation)) : null,
      h(
        'ul',
        null,
        d.claims.map((c) =>
          h(
            'li',
            null,
            c.text,
            ' ',
            h('span', { class: 'by' }, c.articleIds.map((id) => ctx.label(id)).join(', ')),
            c.attribution ? `; according to ${c.attribution}` : null,
            c.asOf ? `; as of ${dateValueText(c.asOf)}` : null,
            ' ',
            ctx.marks(c.citations),
          ),
        ),
      ),
    ),
  );
  return section('differences', blocks);
}

/** Facts most articles report and some do not. */
export function omissionsSection(ctx: HtmlContext): SafeHtml | null {
  const facts = new Map((ctx.report.facts ?? []).map((f) => [f.id, f]));
  const items = (ctx.report.omissions ?? [])
    .filter((o) => o.factIds.length > 0)
    .map((o) =>
      h(
        'li',
        null,
        h('strong', null, ctx.label(o.articleId)),
        ' does not report: ',
        o.factIds.map((id, i) => [
          i > 0 ? '; ' : '',
          h('a', { href: `#fact-${id}` }, shorten(facts.get(id)?.statement ?? id, 90)),
        ]),
      ),
    );
  return section('omissions', items.length ? [h('ul', null, items)] : []);
}

/** Quotes grouped by speaker. */
export function quotesSection(ctx: HtmlContext): SafeHtml | null {
  const blocks = ctx.view.quoteGroups.map((g) =>
    h(
      'div',
      { class: 'speaker' },
      h('h3', null, `${g.name} (${g.quotes.length})`),
      h(
        'ul',
        null,
        g.quotes.map((q) => quoteItem(ctx, q)),
      ),
    ),
  );
  return section('quotes', blocks);
}

function quoteItem(ctx: HtmlContext, q: MergedQuote): SafeHtml {
  const notes = [QUOTE_KIND_TEXT[q.kind], ...q.cues.map((cue) => `cue “${cue}”`), q.inferred && 'speaker inferred']
    .filter(Boolean)
    .join(', ');
  const by = [...new Set(q.citations.map((c) => ctx.label(c.articleId)))].join(', ');
  return h(
    'li',
    { class: `quote ${q.kind}` },
    `“${q.text}”`,
    ' ',
    h('span', { class: 'by' }, `${by} (${notes})`),
    ' ',
    ctx.marks(q.citations),
    q.search
      ? h('span', { class: 'search' }, ` — ${q.search.note}; looked for in `, ctx.marks([q.search.citation]))
      : null,
  );
}

/** Figures stated in the articles. */
export function numbersSection(ctx: HtmlContext): SafeHtml | null {
  const rows = (ctx.report.numbers ?? []).map((n) =>
    h(
      'tr',
      null,
      h('td', null, n.text),
      h('td', null, n.value === null ? 'vague' : `${n.approximate ? '≈' : ''}${n.value}`),
      h('td', null, n.counts ?? ''),
      h('td', null, n.attribution ?? ''),
      h('td', null, n.asOf ? dateValueText(n.asOf) : ''),
      h('td', null, ctx.label(n.articleId), ' ', ctx.marks([n])),
    ),
  );
  if (rows.length === 0) return null;
  const head = h(
    'tr',
    null,
    ['Figure', 'Value', 'Counts', 'Attributed to', 'As of', 'Source'].map((t) => h('th', null, t)),
  );
  return section('numbers', [h('table', null, h('thead', null, head), h('tbody', null, rows))]);
}

/** Events in date order. */
export function timelineSection(ctx: HtmlContext): SafeHtml | null {
  const items = (ctx.report.timeline ?? []).map((e) =>
    h('li', null, h('time', null, e.date), e.inferred ? ' (inferred) ' : ' ', e.text, ' ', ctx.marks(e.citations)),
  );
  return section('timeline', items.length ? [h('ol', { class: 'timeline' }, items)] : []);
}

/** People, organizations and places. */
export function entitiesSection(ctx: HtmlContext): SafeHtml | null {
  const rows = (ctx.report.entities ?? []).map((e) =>
    h(
      'tr',
      null,
      h('td', null, e.name),
      h('td', null, e.type),
      h('td', null, e.roles.join(', ')),
      h('td', null, e.aliases.join(', ')),
      h('td', null, `${e.mentions.length} in ${new Set(e.mentions.map((m) => m.articleId)).size}`),
    ),
  );
  if (rows.length === 0) return null;
  const head = h(
    'tr',
    null,
    ['Name', 'Type', 'Roles', 'Also called', 'Mentions (articles)'].map((t) => h('th', null, t)),
  );
  return section('entities', [h('table', null, h('thead', null, head), h('tbody', null, rows))]);
}

/** How each outlet frames the story. */
export function framingSection(ctx: HtmlContext): SafeHtml | null {
  const names = new Map((ctx.report.entities ?? []).map((e) => [e.id, e.name]));
  const blocks = (ctx.report.framing ?? []).map((f) =>
    h(
      'div',
      { class: 'framing' },
      h('h3', null, ctx.label(f.articleId)),
      h(
        'ul',
        null,
        h('li', null, `Charged wording score: ${f.chargedScore.toFixed(2)} per 1,000 words`),
        f.chargedTerms.length > 0 &&
          h(
            'li',
            null,
            'Charged terms: ',
            f.chargedTerms.map((t, i) => [i > 0 ? ', ' : '', `${t.term} (${t.score}) `, ctx.marks(t.citations)]),
          ),
        f.descriptors.map((d) =>
          h(
            'li',
            null,
            `${names.get(d.entityId) ?? d.entityId} described as: ${d.terms.join(', ')} `,
            ctx.marks(d.citations),
          ),
        ),
        f.distinctiveTerms.length > 0 &&
          h(
            'li',
            null,
            `Distinctive terms: ${f.distinctiveTerms.map((t) => `${t.term} (z ${t.zScore.toFixed(1)})`).join(', ')}`,
          ),
        f.quoted.length > 0 && h('li', null, `Quoted: ${f.quoted.map((q) => `${q.name} ×${q.count}`).join(', ')}`),
      ),
    ),
  );
  return section('framing', blocks);
}

/** Every date expression found, folded away (it is long). */
export function datesSection(ctx: HtmlContext): SafeHtml | null {
  const items = (ctx.report.dates ?? []).map((d) =>
    h(
      'li',
      null,
      `“${d.text}” → ${d.date ?? 'unresolved'} (${d.precision}${d.inferred ? ', inferred' : ''}) — ${ctx.label(d.articleId)} `,
      ctx.marks([d]),
    ),
  );
  if (items.length === 0) return null;
  return section('dates', [
    h('details', null, h('summary', null, `${items.length} date expressions`), h('ul', null, items)),
  ]);
}

/** Inputs that could not be read, with their reasons. */
export function failuresSection(ctx: HtmlContext): SafeHtml | null {
  const items = ctx.report.failures.map((f) =>
    h('li', null, h('strong', null, f.source), `: ${f.message} (${f.code})`),
  );
  return section('failures', items.length ? [h('ul', null, items)] : []);
}
