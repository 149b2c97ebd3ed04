/** The story page: header, table of contents and every report section, with citations wired to the sources. */
import type { InputFailure } from '../../src/core/model.js';
import type { StoryWithReport } from './api.js';
import { addArticles, deleteStory } from './api.js';
import { articleForm } from './article-form.js';
import { h, on } from './dom.js';
import { failureList } from './failures.js';
import { formatDate, plural } from './format.js';
import { storyHref } from './router.js';
import { agreementSection } from './section-agreement.js';
import { coverageSection } from './section-coverage.js';
import { differencesSection } from './section-differences.js';
import { framingSection } from './section-framing.js';
import { quotesSection } from './section-quotes.js';
import { sourcesSection } from './section-sources.js';
import { summarySection } from './section-summary.js';
import { timelineSection } from './section-timeline.js';
import { createStoryContext } from './story-context.js';

/** The story page's sections in page order: DOM id and table-of-contents label. */
export const STORY_SECTIONS: readonly (readonly [string, string])[] = [
  ['summary', 'Summary'],
  ['agreement', 'Agreement'],
  ['differences', 'Differences'],
  ['coverage', 'Coverage'],
  ['quotes', 'Quotes'],
  ['timeline', 'Timeline'],
  ['framing', 'Framing'],
  ['sources', 'Sources'],
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

function header(data: StoryWithReport): HTMLElement {
  const { story, report } = data;
  const outlets = [...new Set(report.articles.map((a) => a.outlet).filter((o): o is string => !!o))];
  return h(
    'header',
    { class: 'story-header' },
    h('h1', { tabindex: -1 }, story.title?.trim() || report.story.title?.trim() || 'Untitled story'),
    h(
      'p',
      { class: 'story-meta' },
      plural(report.articles.length, 'article'),
      // Name the outlets only when every article has one; otherwise say how many are known.
      outlets.length > 0
        ? report.articles.every((a) => a.outlet)
          ? ` from ${outlets.join(', ')}`
          : ` (outlets known: ${outlets.join(', ')})`
        : '',
      report.story.referenceDate ? ` · reference date ${formatDate(report.story.referenceDate)}` : '',
      ` · updated ${formatDate(story.updatedAt, 'time')}`,
    ),
    failureList(report.failures),
  );
}

function toc(id: string): HTMLElement {
  return h(
    'nav',
    { class: 'toc', 'aria-label': 'Sections of this story' },
    h(
      'ul',
      {},
      STORY_SECTIONS.map(([sid, label]) => h('li', {}, h('a', { href: storyHref(id, sid) }, label))),
    ),
  );
}

function manage(id: string, onChange: (data: StoryWithReport, outcome: AddOutcome) => void): HTMLElement {
  const form = articleForm({
    idPrefix: 'add',
    submitLabel: 'Add articles',
    storyFields: false,
    onSubmit: async (data) => {
      const result = await addArticles(id, data);
      // The page is rebuilt around the new report; the outcome is shown at its top.
      onChange(result, { added: result.report.articles.length, failures: result.failures });
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

/** Builds the story page; `onChange` is called with the new data after articles are added. */
export function storyPage(
  data: StoryWithReport,
  onChange: (data: StoryWithReport, outcome: AddOutcome) => void,
  outcome: AddOutcome | null = null,
): HTMLElement {
  const ctx = createStoryContext(data.report);
  // Building the sources wires `ctx.jump`; chips read it when clicked, so the page order stays free.
  const sources = sourcesSection(ctx);
  return h(
    'div',
    { class: 'page page-story' },
    header(data),
    addNotice(outcome),
    toc(data.story.id),
    summarySection(ctx),
    agreementSection(ctx),
    differencesSection(ctx),
    coverageSection(ctx),
    quotesSection(ctx),
    timelineSection(ctx),
    framingSection(ctx),
    sources,
    manage(data.story.id, onChange),
  );
}

/** Scrolls to a section of the story page and moves focus to its heading. */
export function focusSection(root: ParentNode, sectionId: string): boolean {
  const heading = root.querySelector<HTMLElement>(`#${CSS.escape(sectionId)}-heading`);
  if (!heading) return false;
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
  return true;
}
