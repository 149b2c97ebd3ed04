import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { RatingsIndex } from '../../core/stream/coverage-split.js';
import type { StoryListSort } from '../../engine/storage/story-repository.js';
import type { StoryService } from '../../engine/stories.js';
import { ApiError, badRequest } from '../api-error.js';
import { intParam, queryOf, textParam } from '../query-params.js';
import { readStoryInput } from '../read-story-input.js';
import { cachedBody, type ReportResponseCache, type ReportVariant } from '../report-cache.js';
import { sendCachedJson } from '../send-cached-json.js';
import { storyCoverage, storyListView, type ArticleTextView, type StoryReportView } from '../story-views.js';

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
  /** The user's outlet ratings: stories then carry their coverage by lean. */
  ratings?: RatingsIndex | null;
}

const SORTS: readonly StoryListSort[] = ['updated', 'size'];

/** Which form of the report `?texts=` asks for: `0` leaves the article texts out, `1` (the default) keeps them. */
function variantParam(c: Context): ReportVariant {
  const texts = c.req.query('texts');
  if (texts === undefined || texts === '' || texts === '1') return 'full';
  if (texts === '0') return 'light';
  throw badRequest('"texts" must be 0 (leave the article texts out) or 1');
}

/** `/api/stories`: list, create, read (with or without article texts), one article's text, add articles, delete. */
export function storyRoutes(options: StoryRoutesOptions) {
  const { service, cache, bodyLimit, admit, resolveAlias } = options;
  const ratings = options.ratings ?? null;

  /** A 308 to where a merged stream story's id leads now, or a 404 that says why there is nothing. */
  const missing = async (c: Context, id: string, rest = '') => {
    const target = (await resolveAlias?.(id)) ?? null;
    if (target !== null && target !== id) {
      const query = new URL(c.req.url).search;
      return c.redirect(`/api/stories/${encodeURIComponent(target)}${rest}${query}`, 308);
    }
    const why =
      target === id ? `story "${id}" has no report yet (see /api/stream/stories/${id})` : `no story with id "${id}"`;
    throw new ApiError(404, 'not-found', why);
  };

  return new Hono()
    .get('/', queryOf<'q' | 'sort' | 'limit' | 'offset'>(), async (c) => {
      const q = textParam(c, 'q');
      const sort = (c.req.query('sort') || 'updated') as StoryListSort;
      if (!SORTS.includes(sort)) throw badRequest(`"sort" must be one of ${SORTS.join(', ')}`);
      const limit = intParam(c, 'limit', { min: 1, max: 100, fallback: 20 });
      const offset = intParam(c, 'offset', { min: 0, max: 1_000_000, fallback: 0 });
      const page = await service.list({ ...(q ? { q } : {}), sort, limit, offset });
      return c.json({ stories: page.stories.map((s) => storyListView(s, ratings)), total: page.total, sort });
    })
    .post('/', admit, bodyLimit, async (c) => {
      const result = await service.create(await readStoryInput(c));
      return c.json(result, 201);
    })
    .get('/:id', queryOf<'texts'>(), async (c) => {
      const id = c.req.param('id');
      const variant = variantParam(c);
      const story = await service.getStory(id);
      const cached = story ? cache.get(id, story.updatedAt, variant) : undefined;
      if (cached) return sendCachedJson<StoryReportView>(c, cached);
      const stored = await service.getStoryReport(id, { light: variant === 'light' });
      if (!stored) return missing(c, id);
      const coverage = storyCoverage(stored.digest, ratings);
      // The report is stored serialized: splice it in rather than parse and re-serialize it.
      const json =
        `{"story":${JSON.stringify(stored.story)},` +
        (coverage ? `"coverage":${JSON.stringify(coverage)},` : '') +
        `"report":${stored.reportJson}}`;
      return sendCachedJson<StoryReportView>(c, cache.set(id, stored.story.updatedAt, json, variant));
    })
    .get('/:id/articles/:articleId', async (c) => {
      const id = c.req.param('id');
      const articleId = c.req.param('articleId');
      const story = await service.getStory(id);
      if (!story) return missing(c, id, `/articles/${encodeURIComponent(articleId)}`);
      const text = await service.getArticleText(id, articleId);
      if (!text) throw new ApiError(404, 'not-found', `story "${id}" has no article "${articleId}"`);
      const body: ArticleTextView = { storyId: id, articleId, ...text };
      return sendCachedJson<ArticleTextView>(
        c,
        cachedBody(`${id}\n${articleId}`, story.updatedAt, JSON.stringify(body)),
      );
    })
    .post('/:id/articles', admit, bodyLimit, async (c) => {
      const id = c.req.param('id');
      const result = await service.addArticles(id, await readStoryInput(c));
      cache.delete(id); // the version check would catch it too, unless two writes share a millisecond
      return c.json(result);
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      await service.delete(id);
      cache.delete(id);
      return c.body(null, 204);
    });
}
