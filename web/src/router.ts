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
  const params = new URLSearchParams(queryText);
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0) {
    const pageNumber = Number.parseInt(params.get('page') ?? '1', 10);
    return {
      page: 'list',
      q: params.get('q') ?? '',
      pageNumber: Number.isFinite(pageNumber) && pageNumber > 0 ? pageNumber : 1,
      sort: params.get('sort') === 'size' ? 'size' : 'updated',
    };
  }
  if (parts.length === 1 && parts[0] === 'new') return { page: 'new' };
  if (parts.length === 1 && parts[0] === 'feeds') return { page: 'feeds' };
  if (parts[0] === 'stories' && parts[1] && parts.length <= 3) {
    return { page: 'story', id: parts[1], section: parts[2] ?? null };
  }
  return { page: 'not-found', path };
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
