/**
 * The front page: the stories, the latest update or the biggest first. Each shows its title, lede, outlets (with the
 * lean split where the server has ratings, and a flag when one side alone covers it), the people, organizations and
 * places it is about, its size and last update, all from the list's own answer (the server keeps them with each
 * report). Search results are grouped by story, each with its hits in articles and facts.
 */
import { shorten } from '../../src/core/render/escape-markdown.js';
import { listStories, search, type ListedStory, type SearchResult } from './api.js';
import { emptyState, h, on } from './dom.js';
import { formatDate, plural } from './format.js';
import { LEANS, type Lean } from './lean.js';
import { leanBar, leanWords, type LeanCounts } from './lean-split.js';
import { listHref, storyHref, type ListSort } from './router.js';
import { groupHits, type SearchGroup } from './search-groups.js';

const PAGE_SIZE = 20;
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

/** What a story's list item shows beyond its title: lede, outlets with the lean split, lead entities. */
function storyDetails(story: ListedStory): HTMLElement[] {
  const { outlets, coverage } = story;
  const counts: LeanCounts = coverage
    ? LEANS.map((lean: Lean) => [lean, coverage.byLean[lean]?.length ?? 0] as const).filter(([, n]) => n > 0)
    : [];
  const unrated = coverage?.unrated.length ?? 0;
  const named = outlets.slice(0, OUTLETS_NAMED).map((o) => (o.articles > 1 ? `${o.name} (${o.articles})` : o.name));
  const rest = outlets.length - named.length;
  const oneSided = coverage?.oneSided ?? null;
  const nodes: (HTMLElement | null)[] = [
    story.lede ? h('p', { class: 'story-lede' }, shorten(story.lede, 220)) : null,
    outlets.length > 0
      ? h(
          'p',
          { class: 'story-outlets' },
          h('span', {}, `${plural(outlets.length, 'outlet')}: ${named.join(', ')}${rest > 0 ? `, +${rest} more` : ''}`),
          counts.length > 0 ? leanBar(counts) : null,
          counts.length > 0 ? h('span', { class: 'lean-words' }, leanWords(counts, unrated)) : null,
          oneSided
            ? h(
                'span',
                { class: 'badge badge-warn' },
                `covered from the ${oneSided === 'left' ? 'left' : 'right'} only`,
              )
            : null,
        )
      : null,
    story.leadEntities.length > 0
      ? h(
          'p',
          { class: 'story-entities' },
          h('span', { class: 'visually-hidden' }, 'About: '),
          story.leadEntities.map((e) =>
            h(
              'span',
              { class: `entity-tag entity-${e.type}`, title: `named by ${plural(e.articles, 'article')}` },
              e.name,
            ),
          ),
        )
      : null,
  ];
  return nodes.filter((n): n is HTMLElement => n !== null);
}

function storyMeta(story: ListedStory): string {
  const kind = story.kind === 'stream' ? ' · found in the feeds' : '';
  return `${plural(story.articleCount, 'article')} · updated ${formatDate(story.updatedAt, 'time')}${kind}`;
}

function storyItem(story: ListedStory): HTMLElement {
  return h(
    'li',
    { class: 'story-item' },
    h('a', { href: storyHref(story.id), class: 'story-link' }, story.title?.trim() || 'Untitled story'),
    storyDetails(story),
    h('p', { class: 'story-meta' }, storyMeta(story)),
  );
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

/** The sort switch: two links, the current one marked. */
function sortSwitch(sort: ListSort): HTMLElement {
  const option = (value: ListSort, label: string): HTMLElement =>
    h(
      'li',
      {},
      h(
        'a',
        { href: listHref('', 1, value), class: 'sort-option', 'aria-current': value === sort ? 'true' : undefined },
        label,
      ),
    );
  return h(
    'nav',
    { class: 'sort-switch', 'aria-label': 'Sort the stories' },
    h('ul', {}, option('updated', 'Newest'), option('size', 'Biggest')),
  );
}

function pager(total: number, pageNumber: number, sort: ListSort): HTMLElement | null {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return null;
  const [back, forward] = sort === 'size' ? ['← Bigger', 'Smaller →'] : ['← Newer', 'Older →'];
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    pageNumber > 1 ? h('a', { href: listHref('', pageNumber - 1, sort) }, back) : null,
    h('span', {}, ` Page ${pageNumber} of ${pages} `),
    pageNumber < pages ? h('a', { href: listHref('', pageNumber + 1, sort) }, forward) : null,
  );
}

function groupItem(group: SearchGroup, q: string, story: ListedStory | undefined): HTMLElement {
  const articles = group.hits.filter((r) => r.kind === 'article').length;
  const facts = group.hits.length - articles;
  return h(
    'li',
    { class: 'search-group' },
    h('a', { href: storyHref(group.storyId), class: 'story-link' }, group.title || 'Untitled story'),
    story ? storyDetails(story) : null,
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
  const byId = new Map(stories.stories.map((s) => [s.id, s]));
  return h(
    'div',
    { class: 'results' },
    h('h2', {}, `${plural(groups.length, 'story', 'stories')} matching “${q}”`),
    groups.length > 0
      ? h(
          'ul',
          { class: 'search-groups' },
          groups.map((g) => groupItem(g, q, byId.get(g.storyId))),
        )
      : emptyState('No story, article or fact matches.'),
  );
}

async function allStories(pageNumber: number, sort: ListSort): Promise<HTMLElement> {
  const { stories, total } = await listStories({ sort, limit: PAGE_SIZE, offset: (pageNumber - 1) * PAGE_SIZE });
  if (total === 0) {
    return h(
      'div',
      { class: 'results' },
      emptyState('No stories yet.'),
      h(
        'p',
        {},
        h('a', { href: '#/new', class: 'button primary' }, 'Create the first story'),
        ' or ',
        h('a', { href: '#/feeds', class: 'button' }, 'follow feeds'),
      ),
    );
  }
  return h(
    'div',
    { class: 'results' },
    sortSwitch(sort),
    h(
      'h2',
      {},
      `${plural(total, 'story', 'stories')}, ${sort === 'size' ? 'the biggest first' : 'the latest update first'}`,
    ),
    h(
      'ul',
      { class: 'story-list' },
      stories.map((s) => storyItem(s)),
    ),
    pager(total, pageNumber, sort),
  );
}

/** Builds the page once its stories have arrived. */
export async function listPage(q: string, pageNumber: number, sort: ListSort = 'updated'): Promise<HTMLElement> {
  const body = q ? await searchResults(q) : await allStories(pageNumber, sort);
  return h(
    'div',
    { class: 'page page-list' },
    h('h1', { tabindex: -1 }, 'Stories'),
    searchForm(q),
    h('p', {}, h('a', { href: '#/new', class: 'button' }, 'New story')),
    body,
  );
}
