/**
 * JSON Schemas of the API's bodies: used both to validate requests (ajv) and in the OpenAPI document, so the two cannot
 * drift apart.
 */

const shortString = (maxLength: number, description?: string) => ({
  type: 'string',
  maxLength,
  ...(description ? { description } : {}),
});

/** An optional string field: null is accepted and means absent (data sets and exported JSON write null). */
const optionalString = (maxLength?: number, description?: string) => ({
  type: ['string', 'null'],
  ...(maxLength === undefined ? {} : { maxLength }),
  ...(description ? { description } : {}),
});

/** A publication date as `extract` writes it; a stated one is kept, an inferred one dropped. */
const dateValueSchema = {
  type: 'object',
  required: ['value', 'inferred'],
  properties: { value: shortString(64), inferred: { type: 'boolean' }, basis: { type: 'string' } },
} as const;

/** One article given as data. */
export const articleObjectSchema = {
  type: 'object',
  description:
    'One article: `text` or `html` (not both) plus optional metadata. A null field means absent. Unknown fields are ignored.',
  properties: {
    id: optionalString(200, 'Article id; a short hash of the content when absent.'),
    text: optionalString(undefined, 'The article as plain text.'),
    html: optionalString(undefined, 'The article as an HTML page or fragment.'),
    title: optionalString(2000),
    url: optionalString(4096),
    outlet: optionalString(500),
    byline: optionalString(2000),
    publishedAt: {
      description: 'ISO 8601 date or date-time (or `{value, inferred, basis}` as `extract` writes it).',
      anyOf: [optionalString(64), dateValueSchema],
    },
  },
} as const;

/** The JSON body of `POST /api/stories` and `POST /api/stories/{id}/articles`; a null field means absent. */
export const storyInputSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    title: optionalString(500, 'Story title; the first article title when absent.'),
    articles: { type: ['array', 'null'], items: articleObjectSchema },
    urls: { type: ['array', 'null'], items: shortString(4096, 'An http(s) address of an article page.') },
    referenceDate: optionalString(64, 'ISO date used to resolve relative dates ("yesterday").'),
  },
} as const;

/** A story as listed. */
export const storySchema = {
  type: 'object',
  required: ['id', 'title', 'articleCount', 'createdAt', 'updatedAt', 'kind'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    articleCount: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    kind: {
      enum: ['stream', 'manual'],
      description: '`stream`: found by the stream (its arrivals and their reasons: `/api/stream/stories/{id}`).',
    },
  },
} as const;

/** An input that could not be read. */
export const failureSchema = {
  type: 'object',
  required: ['source', 'code', 'message'],
  properties: { source: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
} as const;

/** One search hit. */
export const searchResultSchema = {
  type: 'object',
  required: ['storyId', 'storyTitle', 'kind', 'snippet'],
  properties: {
    storyId: { type: 'string' },
    storyTitle: { type: 'string' },
    kind: { enum: ['article', 'fact'] },
    articleId: { type: 'string' },
    factId: { type: 'string' },
    snippet: { type: 'string', description: 'Plain text around the match (no markup).' },
  },
} as const;

/** The error body used by every error response. */
export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
    },
  },
} as const;
