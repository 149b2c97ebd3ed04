import { Hono, type MiddlewareHandler } from 'hono';
import { Ajv } from 'ajv';
import { newFeedState } from '../../engine/fetch/feed-state.js';
import type { StreamRepository } from '../../engine/storage/stream-repository.js';
import { ApiError, badRequest } from '../api-error.js';
import { feedInputSchema } from '../stream-schemas.js';
import { feedView } from '../stream-views.js';

const validate = new Ajv({ allErrors: true, strict: false }).compile(feedInputSchema);

/** A feed address as given: an absolute http(s) URL without credentials, or null. */
function feedAddress(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

/**
 * `/api/feeds`: add (the watcher polls it: nothing is fetched here, and every fetch goes through the outbound checks),
 * list with their records, read, remove.
 */
export function feedRoutes(options: { stream: StreamRepository; bodyLimit: MiddlewareHandler; now: () => Date }) {
  const { stream } = options;
  return new Hono()
    .get('/', async (c) => c.json({ feeds: (await stream.listFeeds()).map(feedView) }))
    .post('/', options.bodyLimit, async (c) => {
      if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
        throw new ApiError(415, 'unsupported-media-type', 'send application/json');
      }
      const body: unknown = await c.req.json().catch(() => {
        throw badRequest('the body is not valid JSON');
      });
      if (!validate(body))
        throw badRequest('expected {"url": "https://..."} or {"urls": [...]}, with an optional "title"');
      const input = body as { url?: string; urls?: string[]; title?: string };
      const given = [...(input.url !== undefined ? [input.url] : []), ...(input.urls ?? [])];
      if (given.length === 0) throw badRequest('give "url" or "urls"');
      const bad = given.filter((u) => feedAddress(u) === null);
      if (bad.length > 0) {
        throw badRequest(
          `not an http(s) address: ${bad
            .slice(0, 3)
            .map((u) => JSON.stringify(u.slice(0, 200)))
            .join(', ')}`,
        );
      }
      const now = options.now();
      const feeds = given.map((u) => {
        const url = feedAddress(u)!;
        const title = input.url !== undefined && given.length === 1 ? (input.title ?? null) : null;
        return { url, title, state: newFeedState(url, now.getTime()), addedAt: now.toISOString() };
      });
      const { added, existing } = await stream.addFeeds(feeds);
      return c.json({ added: added.map(feedView), existing: existing.map(feedView) }, added.length > 0 ? 201 : 200);
    })
    .get('/:id', async (c) => {
      const feed = await stream.getFeed(c.req.param('id'));
      if (!feed) throw new ApiError(404, 'not-found', `no feed with id "${c.req.param('id')}"`);
      return c.json(feedView(feed));
    })
    .delete('/:id', async (c) => {
      if (!(await stream.removeFeed(c.req.param('id')))) {
        throw new ApiError(404, 'not-found', `no feed with id "${c.req.param('id')}"`);
      }
      return c.body(null, 204);
    });
}
