import { Hono } from 'hono';
import type { StoryService } from '../../engine/stories.js';
import { badRequest } from '../api-error.js';
import { intParam, queryOf, textParam } from '../query-params.js';

/** `/api/search?q=`: full-text hits in article titles/texts and fact statements. */
export function searchRoutes(service: StoryService) {
  return new Hono().get('/', queryOf<'q' | 'limit'>(), async (c) => {
    const q = textParam(c, 'q');
    if (q === undefined) throw badRequest('the query parameter "q" is required');
    const limit = intParam(c, 'limit', { min: 1, max: 100, fallback: 20 });
    return c.json({ results: q === '' ? [] : await service.search(q, limit) });
  });
}
