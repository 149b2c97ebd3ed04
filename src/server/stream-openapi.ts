/**
 * The stream's part of the OpenAPI document: feeds, articles with their versions and diffs, and stream stories with
 * their members and the reason of each.
 */
import {
  feedInputSchema,
  feedSchema,
  memberSchema,
  streamArticleSchema,
  streamStorySchema,
  versionDiffSchema,
} from './stream-schemas.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const ok = (description: string, schema: object) => ({ description, content: json(schema) });
const error = (description: string) => ({ description, content: json(ref('Error')) });
const path = (name: string, description?: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
  ...(description ? { description } : {}),
});
const query = (name: string, schema: object, description: string) => ({ name, in: 'query', schema, description });

/** Schemas the stream routes refer to. */
export const streamComponentSchemas = {
  FeedInput: feedInputSchema,
  Feed: feedSchema,
  StreamStory: streamStorySchema,
  StreamMember: memberSchema,
  StreamArticle: streamArticleSchema,
  VersionDiff: versionDiffSchema,
};

/** The stream routes. */
export const streamPaths = {
  '/api/feeds': {
    get: {
      summary: 'The feeds the stream polls, with their records (last success, last error, next poll)',
      responses: {
        '200': ok('Every feed.', {
          type: 'object',
          required: ['feeds'],
          properties: { feeds: { type: 'array', items: ref('Feed') } },
        }),
      },
    },
    post: {
      summary: 'Add feeds (polled by the watcher; nothing is fetched by this request)',
      requestBody: { required: true, content: json(ref('FeedInput')) },
      responses: {
        '201': ok('Added (`existing` lists those already there).', {
          type: 'object',
          properties: { added: { type: 'array', items: ref('Feed') }, existing: { type: 'array', items: ref('Feed') } },
        }),
        '200': ok('Every feed given was already there.', { type: 'object' }),
        '400': error('Not valid JSON, or an address that is not http(s).'),
        '413': error('The body is over the size limit.'),
        '415': error('The body is not JSON.'),
      },
    },
  },
  '/api/feeds/{id}': {
    get: {
      summary: 'A feed with its record',
      parameters: [path('id')],
      responses: { '200': ok('The feed.', ref('Feed')), '404': error('No such feed.') },
    },
    delete: {
      summary: 'Stop polling a feed (its stored articles stay)',
      parameters: [path('id')],
      responses: { '204': { description: 'Removed.' }, '404': error('No such feed.') },
    },
  },
  '/api/articles/{id}': {
    get: {
      summary: 'A stream article: its versions, other addresses, wire-copy link, story and why it is there',
      parameters: [path('id')],
      responses: {
        '200': ok('The article.', { type: 'object', properties: { article: ref('StreamArticle') } }),
        '404': error('No such article.'),
      },
    },
  },
  '/api/articles/{id}/versions/{version}': {
    get: {
      summary: 'One version of an article: its cleaned text (and with raw=1 the page as fetched)',
      parameters: [
        path('id'),
        path('version', 'The version number, from 1.'),
        query('raw', { enum: ['1'] }, 'Include the raw content as fetched.'),
      ],
      responses: { '200': ok('The version.', { type: 'object' }), '404': error('No such article or version.') },
    },
  },
  '/api/articles/{id}/diff': {
    get: {
      summary: 'What changed between two versions: headline, sentences added, removed and reworded, figures, quotes',
      parameters: [
        path('id'),
        query('from', { type: 'integer', minimum: 1 }, 'The older version (default: the one before `to`).'),
        query('to', { type: 'integer', minimum: 1 }, 'The newer version (default: the latest).'),
      ],
      responses: {
        '200': ok('The changes; sentence offsets point into each version’s cleaned text.', {
          type: 'object',
          properties: {
            articleId: { type: 'string' },
            from: { type: 'object' },
            to: { type: 'object' },
            diff: ref('VersionDiff'),
          },
        }),
        '400': error('A version number that is not one.'),
        '404': error('No such article or version.'),
        '413': error('The versions are too long to compare.'),
      },
    },
  },
  '/api/stream/stories': {
    get: {
      summary: 'The stories the stream found, newest update or biggest first, with outlets, lead entities, coverage',
      parameters: [
        query(
          'sort',
          { enum: ['updated', 'size'], default: 'updated' },
          'Newest update first, or most articles first.',
        ),
        query('limit', { type: 'integer', minimum: 1, maximum: 100, default: 20 }, 'Page size.'),
        query('offset', { type: 'integer', minimum: 0, default: 0 }, 'Stories skipped.'),
      ],
      responses: {
        '200': ok('A page of stories.', {
          type: 'object',
          properties: {
            stories: { type: 'array', items: ref('StreamStory') },
            total: { type: 'integer' },
            sort: { type: 'string' },
          },
        }),
        '400': error('Bad query parameters.'),
      },
    },
  },
  '/api/stream/stories/{id}': {
    get: {
      summary: 'A stream story with its articles in arrival order and why each belongs there',
      parameters: [path('id')],
      responses: {
        '200': ok('The story.', {
          type: 'object',
          properties: {
            story: ref('StreamStory'),
            members: { type: 'array', items: ref('StreamMember') },
            mergedFrom: { type: 'array', items: { type: 'string' } },
          },
        }),
        '308': { description: 'The story was merged into another: Location names it.' },
        '404': error('No such story.'),
      },
    },
  },
};
