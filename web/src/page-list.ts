/**
 * The story list with search. Each story shows its title, lede, outlets (with the lean split where ratings give
 * leans), size and last update; search results are grouped by story, each with its hits in articles and facts.
 */
import { getStoryPreview, listStories, search, type SearchResult, type StorySummary } from './api.js';
import { emptyState, h, on } from './dom.js';
import { formatDate, plural, truncate } from './format.js';
import { LEANS, LEAN_LABELS } from './lean.js';
import { listHref, storyHref } from './router.js';
import { groupHits, type SearchGroup } from './search-groups.js';
import { storyPreview, type StoryPreview } from './story-preview.js';

const PAGE_SIZE = 20;
/** Largest story answer read for a preview (a 4 MB JSON parses in tens of ms): beyond it, no preview. */
const PREVIEW_MAX_BYTES = 4_000_000;
/** Previews loaded at once. */
const PREVIEW_CONCURRENCY = 2;
/** Outlets named in a list item before "+N". */
const OUTLETS_NAMED = 5;

/** The snippet as text, with the words of the query marked (the server sends plain text without markup). */
export function snippetNodes(snippet: string, q: string): (string | HTMLElement)[] {
  const words = q
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((w) => w.length > 1);
  if (words.length === 0) return [snippet];
  const pattern = new RegExp(`(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  return snippet.split(pattern).map((part, i) => (i % 2 === 1 ? h('mark', {}, part) : part));
}

/** The outlets line and the lede of a preview. */
function previewNodes(preview: StoryPreview): HTMLElement[] {
  const { outlets } = preview;
  const rated = outlets.filter((o) => o.lean !== null);
  const bar =
    rated.length > 0
      ? h(
          'span',
          { class: 'lean-bar', role: 'img', 'aria-label': leanWords(preview) },
          LEANS.map((lean) => {
            const n = rated.filter((o) => o.lean === lean).length;
            if (n === 0) return null;
            const segment = h('span', { class: `lean-segment lean-${lean}` });
            segment.style.flexGrow = String(n);
            return segment;
          }),
        )
      : null;
  const named = outlets.slice(0, OUTLETS_NAMED).map((o) => o.name);
  const rest = outlets.length - named.length;
  const nodes: (HTMLElement | null)[] = [
    preview.lede ? h('p', { class: 'story-lede' }, truncate(preview.lede, 220)) : null,
    outlets.length > 0
      ? h(
          'p',
          { class: 'story-outlets' },
          h('span', {}, `${plural(outlets.length, 'outlet')}: ${named.join(', ')}${rest > 0 ? `, +${rest} more` : ''}`),
          bar,
          rated.length > 0 ? h('span', {}, leanWords(preview)) : null,
        )
      : null,
  ];
  return nodes.filter((n): n is HTMLElement => n !== null);
}

function leanWords(preview: StoryPreview): string {
  return LEANS.map((lean) => [lean, preview.outlets.filter((o) => o.lean === lean).length] as const)
    .filter(([, n]) => n > 0)
    .map(([lean, n]) => `${LEAN_LABELS[lean]} ${n}`)
    .join(' · ');
}

/** A story of the list; its preview arrives later into `slot`. */
function storyItem(story: StorySummary, slots: Map<string, HTMLElement>): HTMLElement {
  const slot = h('div', { class: 'story-preview' });
  slots.set(story.id, slot);
  return h(
    'li',
    { class: 'story-item' },
    h('a', { href: storyHref(story.id), class: 'story-link' }, story.title?.trim() || 'Untitled story'),
    slot,
    h(
      'p',
      { class: 'story-meta' },
      plural(story.articleCount, 'article'),
      ` · updated ${formatDate(story.updatedAt, 'time')}`,
    ),
  );
}

/** Fills the previews a few at a time, once the list is on the page; stops when the reader has moved on. */
function loadPreviews(slots: Map<string, HTMLElement>): void {
  const queue = [...slots.entries()];
  const next = async (): Promise<void> => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      const [id, slot] = item;
      if (!slot.isConnected) return;
      const data = await getStoryPreview(id, PREVIEW_MAX_BYTES);
      if (data && slot.isConnected)
        slot.replaceChildren(...previewNodes(storyPreview(data.report, data.coverage ?? null)));
    }
  };
  // After the page is shown (the slots are then connected).
  setTimeout(() => {
    for (let i = 0; i < PREVIEW_CONCURRENCY; i++) void next();
  }, 0);
}

function hitItem(result: SearchResult, q: string): HTMLElement {
  const target = storyHref(result.storyId, result.kind === 'fact' ? 'agreement' : 'sources');
  return h(
    'li',
    { class: 'search-hit' },
    h('a', { href: target }, h('span', { class: 'badge badge-muted' }, result.kind === 'fact' ? 'fact' : 'article')),
    ' ',
    h('span', { class: 'snippet' }, snippetNodes(result.snippet, q)),
  );
}

function searchForm(q: string): HTMLElement {
  const input = h('input', { type: 'search', id: 'search-q', name: 'q', value: q, autocomplete: 'off' });
  const form = h(
    'form',
    { role: 'search', class: 'search-form', 'aria-label': 'Search stories' },
    h('label', { for: 'search-q' }, 'Search stories, articles and facts'),
    h('div', { class: 'search-row' }, input, h('button', { type: 'submit', class: 'primary' }, 'Search')),
  );
  return on(form, 'submit', (e) => {
    e.preventDefault();
    location.hash = listHref(input.value.trim());
  });
}

function pager(total: number, pageNumber: number): HTMLElement | null {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return null;
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    pageNumber > 1 ? h('a', { href: listHref('', pageNumber - 1) }, '← Newer') : null,
    h('span', {}, ` Page ${pageNumber} of ${pages} `),
    pageNumber < pages ? h('a', { href: listHref('', pageNumber + 1) }, 'Older →') : null,
  );
}

function groupItem(group: SearchGroup, q: string, slots: Map<string, HTMLElement>): HTMLElement {
  const articles = group.hits.filter((r) => r.kind === 'article').length;
  const facts = group.hits.length - articles;
  const slot = h('div', { class: 'story-preview' });
  slots.set(group.storyId, slot);
  return h(
    'li',
    { class: 'search-group' },
    h('a', { href: storyHref(group.storyId), class: 'story-link' }, group.title || 'Untitled story'),
    slot,
    h(
      'p',
      { class: 'story-meta' },
      group.hits.length === 0
        ? 'matches by its title'
        : [articles > 0 ? `in ${plural(articles, 'article')}` : '', facts > 0 ? `in ${plural(facts, 'fact')}` : '']
            .filter(Boolean)
            .join(' and '),
    ),
    group.hits.length > 0
      ? h(
          'ul',
          { class: 'search-hits' },
          group.hits.map((r) => hitItem(r, q)),
        )
      : null,
  );
}

async function searchResults(q: string): Promise<HTMLElement> {
  const [hits, stories] = await Promise.all([search(q), listStories({ q, limit: PAGE_SIZE })]);
  const groups = groupHits(hits, stories.stories);
  const slots = new Map<string, HTMLElement>();
  const body = h(
    'div',
    { class: 'results' },
    h('h2', {}, `${plural(groups.length, 'story', 'stories')} matching “${q}”`),
    groups.length > 0
      ? h(
          'ul',
          { class: 'search-groups' },
          groups.map((g) => groupItem(g, q, slots)),
        )
      : emptyState('No story, article or fact matches.'),
  );
  loadPreviews(slots);
  return body;
}

async function allStories(pageNumber: number): Promise<HTMLElement> {
  const { stories, total } = await listStories({ limit: PAGE_SIZE, offset: (pageNumber - 1) * PAGE_SIZE });
  if (total === 0) {
    return h(
      'div',
      { class: 'results' },
      emptyState('No stories yet.'),
      h('p', {}, h('a', { href: '#/new', class: 'button primary' }, 'Create the first story')),
    );
  }
  const slots = new Map<string, HTMLElement>();
  const body = h(
    'div',
    { class: 'results' },
    h('h2', {}, `${plural(total, 'story', 'stories')}, the latest update first`),
    h(
      'ul',
      { class: 'story-list' },
      stories.map((s) => storyItem(s, slots)),
    ),
    pager(total, pageNumber),
  );
  loadPreviews(slots);
  return body;
}

/** Builds the page; the results arrive asynchronously into it. */
export async function listPage(q: string, pageNumber: number): Promise<HTMLElement> {
  const body = q ? await searchResults(q) : await allStories(pageNumber);
  return h(
    'div',
    { class: 'page page-list' },
    h('h1', { tabindex: -1 }, 'Stories'),
    searchForm(q),
    h('p', {}, h('a', { href: '#/new', class: 'button' }, 'New story')),
    body,
  );
}
