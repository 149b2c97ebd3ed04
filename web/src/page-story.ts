/**
 * The story page. At a glance first: the neutral headline and summary, who covers the story (with leans where the
 * user's ratings give them) and the three to five differences that matter most; then a sticky contents bar whose
 * counts lead to each section, and the sections, each showing its first items with the rest one click away.
 */
import type { LightReport } from '../../src/core/light-report.js';
import type { ReportSectionId } from '../../src/core/render/report-view.js';
import type { InputFailure } from '../../src/core/model.js';
import type { StorySummary, StoryWithReport } from './api.js';
import { getArticleText } from './api.js';
import { ArticleTexts } from './article-texts.js';
import { addArticles, deleteStory } from './api.js';
import { articleForm } from './article-form.js';
import { coverageStrip } from './coverage-strip.js';
import { h, on } from './dom.js';
import { failureList } from './failures.js';
import { formatDate, formatNumber, plural } from './format.js';
import { keyDifferencesBlock } from './key-differences.js';
import { storyHref } from './router.js';
import { agreementSection } from './section-agreement.js';
import { coverageSection } from './section-coverage.js';
import { differencesSection } from './section-differences.js';
import { framingSection } from './section-framing.js';
import { membersSection } from './section-members.js';
import { quotesSection } from './section-quotes.js';
import { sourcesSection } from './section-sources.js';
import { summaryBlock } from './section-summary.js';
import { timelineSection } from './section-timeline.js';
import { createStoryContext, type StoryContext } from './story-context.js';
import { DeferredSections } from './deferred-sections.js';

/** Counts the items of a section, for the contents bar. */
type SectionCount = (r: LightReport, ctx: StoryContext, story: StorySummary) => number;

/**
 * The story page's sections in page order: DOM id, contents label, the count shown beside it, and the section of the
 * report view (`REPORT_SECTIONS`) it shows, whose order the page keeps. `members` (the articles in arrival order with
 * their reasons) is on the page of a story the stream found only; it has no section in the report.
 */
export const STORY_SECTIONS: readonly (readonly [string, string, SectionCount | null, ReportSectionId | null])[] = [
  ['summary', 'Overview', null, 'summary'],
  ['differences', 'Differences', (r) => (r.differences ?? []).length, 'differences'],
  ['agreement', 'Agreement', (r) => (r.facts ?? []).filter((f) => f.articleIds.length > 1).length, 'facts'],
  ['coverage', 'Coverage', (r) => (r.facts ?? []).length, 'omissions'],
  ['quotes', 'Quotes', (r) => (r.quotes ?? []).length, 'quotes'],
  ['timeline', 'Timeline', (r) => (r.timeline ?? []).length, 'timeline'],
  ['framing', 'Framing', (r) => (r.framing ?? []).length, 'framing'],
  ['members', 'Arrivals', (_r, _ctx, story) => story.articleCount, null],
  ['sources', 'Sources', (_r, ctx) => ctx.articleList.length, 'sources'],
];

/** What the page says after articles were added: that the report was recomputed, and which inputs failed. */
export interface AddOutcome {
  added: number;
  failures: InputFailure[];
}

function addNotice(outcome: AddOutcome | null): HTMLElement | null {
  if (!outcome) return null;
  return h(
    'div',
    { class: 'add-notice' },
    h(
      'p',
      { class: 'success', role: 'status' },
      `Articles added; the report now covers ${plural(outcome.added, 'article')}.`,
    ),
    failureList(outcome.failures, 'Some of the added inputs could not be read'),
  );
}

/** Says that the id asked for was a story merged into this one since (its address now leads here). */
function mergedNotice(mergedId: string | null): HTMLElement | null {
  if (mergedId === null) return null;
  return h(
    'p',
    { class: 'merged-notice', role: 'status' },
    'The story you opened has been merged into this one: an article reported both, so they are one story now.',
  );
}

function header(data: StoryWithReport): HTMLElement {
  const { story, report } = data;
  return h(
    'header',
    { class: 'story-header' },
    h('h1', { tabindex: -1 }, story.title?.trim() || report.story.title?.trim() || 'Untitled story'),
    h(
      'p',
      { class: 'story-meta' },
      plural(report.articles.length, 'article'),
      report.story.referenceDate ? ` · story date ${formatDate(report.story.referenceDate)}` : '',
      ` · updated ${formatDate(story.updatedAt, 'time')}`,
    ),
    failureList(report.failures),
  );
}

function toc(story: StorySummary, ctx: StoryContext): HTMLElement {
  const id = story.id;
  return h(
    'nav',
    { class: 'toc', 'aria-label': 'Sections of this story' },
    h(
      'ul',
      {},
      STORY_SECTIONS.filter(([sid]) => sid !== 'members' || story.kind === 'stream').map(([sid, label, count]) => {
        const n = count ? count(ctx.report, ctx, story) : null;
        return h(
          'li',
          {},
          h(
            'a',
            { href: storyHref(id, sid), 'aria-label': n === null ? undefined : `${label}: ${formatNumber(n)}` },
            label,
            n === null ? null : h('span', { class: 'toc-count' }, formatNumber(n)),
          ),
        );
      }),
    ),
  );
}

/** The overview: summary, coverage strip and the differences that matter most, all in the first screen. */
function overview(ctx: StoryContext, storyId: string): HTMLElement {
  return h(
    'section',
    { id: 'summary', class: 'report-section overview', 'aria-labelledby': 'summary-heading' },
    h('h2', { id: 'summary-heading', tabindex: -1, class: 'visually-hidden' }, 'Overview'),
    summaryBlock(ctx),
    coverageStrip(ctx),
    keyDifferencesBlock(ctx, storyId),
  );
}

function manage(id: string, onChange: (outcome: AddOutcome) => void): HTMLElement {
  const form = articleForm({
    idPrefix: 'add',
    submitLabel: 'Add articles',
    storyFields: false,
    onSubmit: async (data) => {
      const result = await addArticles(id, data);
      // The page is rebuilt around the new report; the outcome is shown at its top.
      onChange({ added: result.report.articles.length, failures: result.failures });
      return null;
    },
  });
  const remove = on(h('button', { type: 'button', class: 'danger' }, 'Delete this story'), 'click', () => {
    if (!confirm('Delete this story and its articles?')) return;
    void deleteStory(id).then(() => {
      location.hash = '#/';
    });
  });
  return h(
    'section',
    { id: 'manage', class: 'report-section', 'aria-labelledby': 'manage-heading' },
    h('h2', { id: 'manage-heading' }, 'Manage'),
    h('details', { class: 'add-articles' }, h('summary', {}, 'Add articles to this story'), form),
    h('p', {}, remove),
  );
}

/** The deferred sections of each story page, so that a link to a section can have it built first. */
const deferredOf = new WeakMap<Element, DeferredSections>();

/** Options of the story page. */
export interface StoryPageOptions {
  /** Called after articles are added (the page is then built again around the new report). */
  onChange: (outcome: AddOutcome) => void;
  outcome?: AddOutcome | null;
  /** The id the reader asked for, when it was a merged story's id that led here. */
  mergedId?: string | null;
  /** Called once every section is built (the first screen is shown before). */
  onReady?: () => void;
}

/**
 * Builds the story page: the first screen at once, the sections below it when the browser is idle or the reader
 * gets near them (call `startStoryPage` once the page is in the document).
 */
export function storyPage(data: StoryWithReport, options: StoryPageOptions): HTMLElement {
  const storyId = data.story.id;
  const texts = new ArticleTexts((articleId) => getArticleText(storyId, articleId));
  const ctx = createStoryContext(data.report, texts, data.coverage ?? null);
  // Building the sources wires `ctx.jump`; chips read it when clicked, so the page order stays free.
  const sources = sourcesSection(ctx);
  const deferred = new DeferredSections();
  // A jump scrolls to the cited words: everything above them must be built first, or the page would shift.
  const { jump, showSource } = ctx;
  ctx.jump = (citation, origin) => {
    deferred.build();
    jump(citation, origin);
  };
  ctx.showSource = (articleId, origin) => {
    deferred.build();
    showSource(articleId, origin);
  };
  const page = h(
    'div',
    { class: 'page page-story' },
    header(data),
    mergedNotice(options.mergedId ?? null),
    addNotice(options.outcome ?? null),
    toc(data.story, ctx),
    overview(ctx, data.story.id),
    deferred.add('differences', 'Where the sources differ', () => differencesSection(ctx)),
    deferred.add('agreement', 'What the sources agree on', () => agreementSection(ctx)),
    deferred.add('coverage', 'Coverage: who reports what', () => coverageSection(ctx)),
    deferred.add('quotes', 'Who said what', () => quotesSection(ctx)),
    deferred.add('timeline', 'Timeline', () => timelineSection(ctx)),
    deferred.add('framing', 'Framing: each outlet’s words', () => framingSection(ctx)),
    data.story.kind === 'stream'
      ? deferred.add('members', 'Why these belong together', () => membersSection(ctx, storyId))
      : null,
    sources,
    manage(data.story.id, options.onChange),
  );
  deferredOf.set(page, deferred);
  if (options.onReady) deferred.whenBuilt(options.onReady);
  return page;
}

/** Starts building the deferred sections of a story page that is now in the document. */
export function startStoryPage(page: Element): void {
  deferredOf.get(page)?.start();
}

/** Scrolls to a section of the story page (built first when it was waiting) and moves focus to its heading. */
export function focusSection(root: ParentNode, sectionId: string): boolean {
  const page = root.querySelector('.page-story');
  if (page) deferredOf.get(page)?.build(page.querySelector(`#${CSS.escape(sectionId)}`) ?? page.lastElementChild);
  const heading = root.querySelector<HTMLElement>(`#${CSS.escape(sectionId)}-heading`);
  if (!heading) return false;
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
  return true;
}
