import type { ReportArticle } from '../model.js';
import { anchorUnits, articleAnchor } from './anchor-units.js';
import { dateValueText } from './date-words.js';
import type { HtmlContext } from './html-context.js';
import { h, safeExternalHref, type Child, type SafeHtml } from './html-builder.js';
import { SECTION_TITLES } from './report-view.js';

/** The sources section: every article's cleaned text with each sentence anchored, so citations can link to it. */
export function sourcesSection(ctx: HtmlContext): SafeHtml | null {
  if (ctx.report.articles.length === 0) return null;
  return h(
    'section',
    { id: 'sources' },
    h('h2', null, SECTION_TITLES.sources),
    ctx.report.articles.map((article, i) => articleBlock(ctx, article, i)),
  );
}

function articleBlock(ctx: HtmlContext, article: ReportArticle, index: number): SafeHtml {
  const anchor = articleAnchor(index);
  const href = safeExternalHref(article.url);
  return h(
    'article',
    { id: anchor, class: 'source' },
    h('h3', null, article.title ?? ctx.label(article.id)),
    h(
      'p',
      { class: 'meta' },
      [
        article.outlet,
        article.byline,
        article.dateline,
        article.publishedAt && dateValueText(article.publishedAt),
        `id ${article.id}`,
      ]
        .filter(Boolean)
        .join(' · '),
      href ? [' · ', h('a', { href, rel: 'noopener noreferrer nofollow' }, 'original')] : null,
    ),
    h('div', { class: 'text' }, anchoredText(ctx, article, anchor)),
    article.embeds.length > 0 ? embedsBlock(article, anchor) : null,
    article.removed.length > 0 ? removedBlock(article) : null,
    article.diagnostics.length > 0
      ? h(
          'ul',
          { class: 'diagnostics' },
          article.diagnostics.map((d) => h('li', null, `${d.level}: ${d.message} (${d.code})`)),
        )
      : null,
  );
}

/** The article text with each sentence (or paragraph) in an anchored span; cited ones are highlighted. */
function anchoredText(ctx: HtmlContext, article: ReportArticle, anchor: string): Child[] {
  const parts: Child[] = [];
  let at = 0;
  anchorUnits(article).forEach((unit, k) => {
    if (unit.start < at) return;
    parts.push(article.text.slice(at, unit.start));
    const id = `${anchor}-s${k + 1}`;
    parts.push(
      h('span', { id, class: ctx.citedAnchors.has(id) ? 's cited' : 's' }, article.text.slice(unit.start, unit.end)),
    );
    at = unit.end;
  });
  parts.push(article.text.slice(at));
  return parts;
}

function embedsBlock(article: ReportArticle, anchor: string): SafeHtml {
  return h(
    'div',
    { class: 'embeds' },
    article.embeds.map((e, i) => {
      const href = safeExternalHref(e.url);
      const by = [e.author, e.handle, e.date].filter(Boolean).join(' · ');
      return h(
        'blockquote',
        { id: `${anchor}-e${i + 1}`, class: 'embed' },
        h('p', null, e.text),
        h(
          'footer',
          null,
          `Embedded post${by ? `: ${by}` : ''}`,
          href ? [' · ', h('a', { href, rel: 'noopener noreferrer nofollow' }, 'link')] : null,
        ),
      );
    }),
  );
}

function removedBlock(article: ReportArticle): SafeHtml {
  return h(
    'details',
    { class: 'removed' },
    h('summary', null, `Removed from the input (${article.removed.length})`),
    h(
      'ul',
      null,
      article.removed.map((r) =>
        h('li', null, h('span', { class: 'tag' }, r.reason), ' ', r.text, r.detail ? ` (${r.detail})` : null),
      ),
    ),
  );
}
