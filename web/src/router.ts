/** Client-side routes under `#/`: the story list (with search and a sort), the new-story form, the feeds, a story. */

/** How the story list is sorted: the latest update first, or the most articles first. */
export type ListSort = 'updated' | 'size';

/** A parsed route. */
export type Route =
  | { page: 'list'; q: string; pageNumber: number; sort: ListSort }
  | { page: 'new' }
  | { page: 'feeds' }
  | { page: 'story'; id: string; section: string | null }
  | { page: 'not-found'; path: string };

/** Parses a location hash such as `#/stories/abc/coverage` or `#/?q=fire`; null for non-route hashes (`#main`). */
export function parseRoute(hash: string): Route | null {
  if (hash === '' || hash === '#') return { page: 'list', q: '', pageNumber: 1, sort: 'updated' };
  if (!hash.startsWith('#/')) return null;
  const [path = '', queryText = ''] = hash.slice(1).split('?', 2);
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0) return listRoute(new URLSearchParams(queryText));
  return pageRoute(parts) ?? { page: 'not-found', path };
}

/** The story list's route: its search, page number (from 1) and sort, each with its default when absent or bad. */
function listRoute(params: URLSearchParams): Route {
  const pageNumber = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    page: 'list',
    q: params.get('q') ?? '',
    pageNumber: Number.isFinite(pageNumber) && pageNumber > 0 ? pageNumber : 1,
    sort: params.get('sort') === 'size' ? 'size' : 'updated',
  };
}

/** The route a path names (`new`, `feeds`, `stories/ID[/SECTION]`), or null when it names none. */
function pageRoute(parts: readonly string[]): Route | null {
  const [first, id, section] = parts;
  if (parts.length === 1 && first === 'new') return { page: 'new' };
  if (parts.length === 1 && first === 'feeds') return { page: 'feeds' };
  if (first === 'stories' && id && parts.length <= 3) return { page: 'story', id, section: section ?? null };
  return null;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The hash of a story page (optionally at one of its sections). */
export function storyHref(id: string, sectionId?: string): string {
  return `#/stories/${encodeURIComponent(id)}${sectionId ? `/${sectionId}` : ''}`;
}

/** The hash of the story list with a search query, page and sort. */
export function listHref(q = '', page = 1, sort: ListSort = 'updated'): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (sort !== 'updated') params.set('sort', sort);
  if (page > 1) params.set('page', String(page));
  const text = params.toString();
  return text ? `#/?${text}` : '#/';
}
