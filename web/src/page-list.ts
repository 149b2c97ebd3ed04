/** The story list with search: all stories (paged), or search hits in articles and facts plus matching stories. */
import { listStories, search, type SearchResult, type StorySummary } from './api.js';
import { emptyState, h, on } from './dom.js';
import { formatDate, plural } from './format.js';
import { listHref, storyHref } from './router.js';

const PAGE_SIZE = 20;

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

function storyItem(story: StorySummary): HTMLElement {
  return h(
    'li',
    { class: 'story-item' },
    h('a', { href: storyHref(story.id), class: 'story-link' }, story.title?.trim() || 'Untitled story'),
    h(
      'p',
      { class: 'story-meta' },
      plural(story.articleCount, 'article'),
      ` · updated ${formatDate(story.updatedAt, 'time')}`,
    ),
  );
}

function resultItem(result: SearchResult, q: string): HTMLElement {
  const target = storyHref(result.storyId, result.kind === 'fact' ? 'agreement' : 'sources');
  return h(
    'li',
    { class: 'search-result' },
    h('a', { href: target }, result.storyTitle?.trim() || 'Untitled story'),
    ' ',
    h('span', { class: 'badge badge-muted' }, result.kind === 'fact' ? 'fact' : 'article'),
    h('p', { class: 'snippet' }, snippetNodes(result.snippet, q)),
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

async function searchResults(q: string): Promise<HTMLElement> {
  const [hits, stories] = await Promise.all([search(q), listStories({ q, limit: PAGE_SIZE })]);
  return h(
    'div',
    { class: 'results' },
    h('h2', {}, `Stories matching “${q}”`),
    stories.stories.length > 0
      ? h('ul', { class: 'story-list' }, stories.stories.map(storyItem))
      : emptyState('No story title matches.'),
    h('h2', {}, 'In articles and facts'),
    hits.length > 0
      ? h(
          'ul',
          { class: 'search-results' },
          hits.map((r) => resultItem(r, q)),
        )
      : emptyState('No article or fact matches.'),
  );
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
  return h(
    'div',
    { class: 'results' },
    h('h2', {}, plural(total, 'story', 'stories')),
    h('ul', { class: 'story-list' }, stories.map(storyItem)),
    pager(total, pageNumber),
  );
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
