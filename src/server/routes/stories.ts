import { Hono, type MiddlewareHandler } from 'hono';
import type { StoryService } from '../../engine/stories.js';
import { ApiError } from '../api-error.js';
import { intParam, textParam } from '../query-params.js';
import { readStoryInput } from '../read-story-input.js';
import type { ReportResponseCache } from '../report-cache.js';
import { sendCachedJson } from '../send-cached-json.js';

/** What the story routes need. */
export interface StoryRoutesOptions {
  service: StoryService;
  cache: ReportResponseCache;
  /** Rejects bodies over the size limit before they are read. */
  bodyLimit: MiddlewareHandler;
  /** Admits requests that analyze while the workers and their queue have room (503 otherwise). */
  admit: MiddlewareHandler;
  /** The story a stream story's id stands for now (merges followed), or null: old ids of merged stories redirect. */
  resolveAlias?: ((id: string) => Promise<string | null>) | undefined;
}

/** `/api/stories`: list, create, read, add articles, delete. */
export function storyRoutes({ service, cache, bodyLimit, admit, resolveAlias }: StoryRoutesOptions): Hono {
  const routes = new Hono();

  routes.get('/', async (c) => {
    const q = textParam(c, 'q');
    const limit = intParam(c, 'limit', { min: 1, max: 100, fallback: 20 });
    const offset = intParam(c, 'offset', { min: 0, max: 1_000_000, fallback: 0 });
    return c.json(await service.list({ ...(q ? { q } : {}), limit, offset }));
  });

  routes.post('/', admit, bodyLimit, async (c) => {
    const result = await service.create(await readStoryInput(c));
    return c.json(result, 201);
  });

  routes.get('/:id', async (c) => {
    const id = c.req.param('id');
    const story = await service.getStory(id);
    const cached = story ? cache.get(id, story.updatedAt) : undefined;
    if (cached) return sendCachedJson(c, cached);
    const stored = await service.getStoryReport(id);
    if (!stored) {
      const target = (await resolveAlias?.(id)) ?? null;
      if (target !== null && target !== id) return c.redirect(`/api/stories/${encodeURIComponent(target)}`, 308);
      const why =
        target === id ? `story "${id}" has no report yet (see /api/stream/stories/${id})` : `no story with id "${id}"`;
      throw new ApiError(404, 'not-found', why);
    }
    // The report is stored serialized: splice it in rather than parse and re-serialize it.
    const json = `{"story":${JSON.stringify(stored.story)},"report":${stored.reportJson}}`;
    return sendCachedJson(c, cache.set(id, stored.story.updatedAt, json));
  });

  routes.post('/:id/articles', admit, bodyLimit, async (c) => {
    const id = c.req.param('id');
    const result = await service.addArticles(id, await readStoryInput(c));
    cache.delete(id); // the version check would catch it too, unless two writes share a millisecond
    return c.json(result);
  });

  routes.delete('/:id', async (c) => {
    const id = c.req.param('id');
    await service.delete(id);
    cache.delete(id);
    return c.body(null, 204);
  });

  return routes;
}
