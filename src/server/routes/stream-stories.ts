import { Hono } from 'hono';
import type { RatingsIndex } from '../../core/stream/coverage-split.js';
import type { StreamRepository, StreamStorySort } from '../../engine/storage/stream-repository.js';
import { ApiError, badRequest } from '../api-error.js';
import { intParam, queryOf } from '../query-params.js';
import { storySummaryView } from '../stream-views.js';

const SORTS: readonly StreamStorySort[] = ['updated', 'size'];

/**
 * `/api/stream/stories`: the stories the stream found, newest or biggest first, with outlets, lead entities and the
 * coverage by lean; one story with its articles in arrival order and why each belongs there. A merged story's id
 * redirects to the story it was merged into.
 */
export function streamStoryRoutes(options: { stream: StreamRepository; ratings: RatingsIndex | null }) {
  const { stream, ratings } = options;
  return new Hono()
    .get('/', queryOf<'sort' | 'limit' | 'offset'>(), async (c) => {
      const sort = (c.req.query('sort') ?? 'updated') as StreamStorySort;
      if (!SORTS.includes(sort)) throw badRequest(`"sort" must be one of ${SORTS.join(', ')}`);
      const limit = intParam(c, 'limit', { min: 1, max: 100, fallback: 20 });
      const offset = intParam(c, 'offset', { min: 0, max: 1_000_000, fallback: 0 });
      const page = await stream.listStreamStories({ sort, limit, offset });
      return c.json({ stories: page.stories.map((s) => storySummaryView(s, ratings)), total: page.total, sort });
    })
    .get('/:id', async (c) => {
      const id = c.req.param('id');
      const detail = await stream.getStreamStory(id);
      if (!detail) {
        const target = await stream.resolveStory(id);
        if (target !== null && target !== id)
          return c.redirect(`/api/stream/stories/${encodeURIComponent(target)}`, 308);
        throw new ApiError(404, 'not-found', `no stream story with id "${id}"`);
      }
      return c.json({
        story: storySummaryView(detail.story, ratings),
        members: detail.members,
        mergedFrom: detail.mergedFrom,
      });
    });
}
