import { queueHealthSchema, queueOpenApiPath } from './routes/queue.js';
import {
  articleObjectSchema,
  errorSchema,
  failureSchema,
  searchResultSchema,
  storyInputSchema,
  storySchema,
} from './schemas.js';
import { streamComponentSchemas, streamPaths } from './stream-openapi.js';
import { articleTextSchema, listedStorySchema, storyCoverageSchema } from './story-view-schemas.js';

/** What the OpenAPI document states about the running server. */
export interface OpenApiOptions {
  version: string;
  /** The report JSON Schema to embed; a generic object when absent. */
  reportSchema?: object;
  limits: { maxJsonBytes: number; maxUploadBytes: number; maxArticlesPerStory: number; maxArticleBytes: number };
  /** True when the server was started with a token: every operation but the health check then needs it. */
  tokenRequired?: boolean;
  /** True when the server has a job queue (a PostgreSQL library): `/api/queue` is listed. */
  queue?: boolean;
  /** True when the server has the library's stream: its routes are described. */
  stream?: boolean;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const ok = (description: string, schema: object) => ({ description, content: json(schema) });
const error = (description: string) => ({ description, content: json(ref('Error')) });

const storyWithReport = {
  type: 'object',
  required: ['story', 'report', 'failures'],
  properties: { story: ref('Story'), report: ref('Report'), failures: { type: 'array', items: ref('Failure') } },
};

const formSchema = {
  type: 'object',
  properties: {
    title: { type: 'string' },
    text: { type: 'array', items: { type: 'string' }, description: 'Pasted article text; one field per article.' },
    urls: { type: 'string', description: 'Article addresses, one per line.' },
    files: {
      type: 'array',
      items: { type: 'string', contentMediaType: 'application/octet-stream' },
      description: 'Uploaded files; the extension picks the format (.txt, .html, .htm, .md, .json, .jsonl).',
    },
    referenceDate: { type: 'string' },
  },
};

const storyBody = {
  required: true,
  content: { 'application/json': { schema: ref('StoryInput') }, 'multipart/form-data': { schema: formSchema } },
};

const writeErrors = {
  '400': error('The body does not match the contract.'),
  '413': error('The body, an upload or the number of articles is over its limit.'),
  '415': error('The body is neither JSON nor a multipart form.'),
  '422': error(
    'No article could be read (`no-readable-articles`, `details.failures` says why for each input), or analyzing the ' +
      'story as a whole went over its time or memory budget (`analysis-stopped`).',
  ),
  '503': {
    ...error('Every worker is busy and the analysis queue is full (`busy`): retry after `Retry-After` seconds.'),
    headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 }, description: 'Seconds to wait.' } },
  },
};

/** The bearer scheme of the API token (`--token` / `PARALLAX_TOKEN`). */
const bearerScheme = {
  type: 'http',
  scheme: 'bearer',
  description:
    'The access token the server was started with (`--token` or `PARALLAX_TOKEN`); required beyond loopback. ' +
    'Every operation but `GET /api/health` then needs `Authorization: Bearer <token>`.',
};

type Operations = Record<string, { responses: object; security?: object[] }>;

/**
 * The OpenAPI 3.1 document of the HTTP API, with the access checks (docs/security.md): the bearer scheme, and the
 * answers every operation may get from the host, same-origin and token checks.
 */
export function buildOpenApiDocument(options: OpenApiOptions): object {
  const tokenRequired = options.tokenRequired ?? false;
  const document = describeRoutes(options) as { paths: Record<string, Operations>; components: object };
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (path === '/api/health') operation.security = [];
      operation.responses = {
        ...operation.responses,
        '421': error('The Host header names a host this server does not answer to (DNS rebinding defense).'),
        ...(method === 'get' ? {} : { '403': error('A browser marked the request as coming from another origin.') }),
        ...(tokenRequired && path !== '/api/health'
          ? { '401': error('The bearer token is missing or wrong; a `WWW-Authenticate: Bearer` challenge is sent.') }
          : {}),
      };
    }
  }
  return {
    ...document,
    // With a token every operation needs it; without one, a token sent anyway is ignored.
    security: tokenRequired ? [{ bearerToken: [] }] : [{}, { bearerToken: [] }],
    components: { ...document.components, securitySchemes: { bearerToken: bearerScheme } },
  };
}

/** The routes, their bodies and answers. */
function describeRoutes(options: OpenApiOptions): object {
  const { limits } = options;
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parallax API',
      version: options.version,
      description:
        `Stores news stories (several reports of one event) and their Parallax reports. Limits: JSON body ` +
        `${limits.maxJsonBytes} bytes, multipart body ${limits.maxUploadBytes} bytes, one article ` +
        `${limits.maxArticleBytes} bytes, ${limits.maxArticlesPerStory} articles per story.`,
    },
    paths: {
      '/api/health': {
        get: {
          summary: 'Liveness and version',
          responses: {
            '200': ok('Up.', {
              type: 'object',
              required: ['ok', 'version'],
              properties: {
                ok: { const: true },
                version: { type: 'string' },
                ...(options.queue ? { queue: queueHealthSchema } : {}),
              },
            }),
            ...(options.queue ? { '503': ok('The database does not answer.', { type: 'object' }) } : {}),
          },
        },
      },
      '/api/stories': {
        get: {
          summary: 'List stories with their outlets, lede, lead entities and coverage by lean; newest or biggest first',
          parameters: [
            {
              name: 'q',
              in: 'query',
              schema: { type: 'string' },
              description: 'Filter by title, article or fact text.',
            },
            {
              name: 'sort',
              in: 'query',
              schema: { enum: ['updated', 'size'], default: 'updated' },
              description: '`updated`: the latest update first; `size`: the most articles first (then the latest).',
            },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
          ],
          responses: {
            '200': ok('A page of stories.', {
              type: 'object',
              required: ['stories', 'total', 'sort'],
              properties: {
                stories: { type: 'array', items: ref('ListedStory') },
                total: { type: 'integer' },
                sort: { enum: ['updated', 'size'] },
              },
            }),
            '400': error('Bad query parameters.'),
          },
        },
        post: {
          summary: 'Create a story from articles, pasted text, URLs or uploaded files, and analyze it',
          requestBody: storyBody,
          responses: { '201': ok('Created.', storyWithReport), ...writeErrors },
        },
      },
      '/api/stories/{id}': {
        get: {
          summary: 'A story with its report (with or without the article texts)',
          parameters: [
            idParam,
            {
              name: 'texts',
              in: 'query',
              schema: { enum: ['0', '1'], default: '1' },
              description:
                '`0`: the report without each article’s `text`, `paragraphs`, `sentences` and `removed` ' +
                '(`textLength`, `wordCount`, `sentenceCount` and `removedCount` instead); fetch a text with ' +
                '`/api/stories/{id}/articles/{articleId}`.',
            },
          ],
          responses: {
            '200': ok('The story; an ETag per form (`304` to If-None-Match), gzip when accepted.', {
              type: 'object',
              required: ['story', 'report'],
              properties: {
                story: ref('Story'),
                coverage: { ...ref('StoryCoverage'), description: 'With outlet ratings only.' },
                report: {
                  anyOf: [
                    ref('Report'),
                    {
                      type: 'object',
                      description:
                        'With `texts=0`: the report whose articles have no `text`, `paragraphs`, ' +
                        '`sentences` and `removed`, and have `textLength`, `wordCount`, `sentenceCount`, `removedCount`, `firstLine`.',
                    },
                  ],
                },
              },
            }),
            '308': {
              description:
                'A stream story merged into another: Location names the story it is now part of (query kept).',
            },
            '400': error('`texts` is neither 0 nor 1.'),
            '404': error('No such story (or a stream story without a report yet).'),
          },
        },
        delete: {
          summary: 'Delete a story with its articles and report',
          parameters: [idParam],
          responses: { '204': { description: 'Deleted.' }, '404': error('No such story.') },
        },
      },
      '/api/stories/{id}/articles/{articleId}': {
        get: {
          summary: "One article's cleaned text with its layout and what cleaning removed, as the report read them",
          parameters: [idParam, { name: 'articleId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': ok('The text; an ETag (`304` to If-None-Match), gzip when accepted.', ref('ArticleText')),
            '308': { description: 'A stream story merged into another: Location names the same article there.' },
            '404': error('No such story, or no such article in it.'),
          },
        },
      },
      '/api/stories/{id}/articles': {
        post: {
          summary: 'Add articles; the report is recomputed over all articles and replaced atomically',
          parameters: [idParam],
          requestBody: storyBody,
          responses: { '200': ok('Updated.', storyWithReport), '404': error('No such story.'), ...writeErrors },
        },
      },
      '/api/search': {
        get: {
          summary: 'Full-text search over article titles and texts and fact statements',
          parameters: [
            { name: 'q', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
          ],
          responses: {
            '200': ok('Hits, best first.', {
              type: 'object',
              required: ['results'],
              properties: { results: { type: 'array', items: ref('SearchResult') } },
            }),
            '400': error('Missing q.'),
          },
        },
      },
      '/api/openapi.json': {
        get: { summary: 'This document', responses: { '200': ok('OpenAPI 3.1.', { type: 'object' }) } },
      },
      ...(options.queue ? { '/api/queue': queueOpenApiPath } : {}),
      ...(options.stream ? streamPaths : {}),
    },
    components: {
      schemas: {
        ArticleObject: articleObjectSchema,
        StoryInput: {
          ...storyInputSchema,
          properties: {
            ...storyInputSchema.properties,
            articles: { type: ['array', 'null'], items: ref('ArticleObject') },
          },
        },
        Story: storySchema,
        ListedStory: listedStorySchema,
        StoryCoverage: storyCoverageSchema,
        ArticleText: articleTextSchema,
        Failure: failureSchema,
        SearchResult: searchResultSchema,
        Error: errorSchema,
        Report: options.reportSchema ?? {
          type: 'object',
          description: 'The Parallax report, version 1 (docs/report.md).',
        },
        ...(options.stream ? streamComponentSchemas : {}),
      },
    },
  };
}
