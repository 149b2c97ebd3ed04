/**
 * JSON Schemas of the API's bodies: used both to validate requests (ajv) and in the OpenAPI document, so the two cannot
 * drift apart.
 */

const shortString = (maxLength: number, description?: string) => ({
  type: 'string',
  maxLength,
  ...(description ? { description } : {}),
});

/** One article given as data. */
export const articleObjectSchema = {
  type: 'object',
  description: 'One article: `text` or `html` (not both) plus optional metadata. Unknown fields are ignored.',
  properties: {
    id: shortString(200, 'Article id; a short hash of the content when absent.'),
    text: { type: 'string', description: 'The article as plain text.' },
    html: { type: 'string', description: 'The article as an HTML page or fragment.' },
    title: shortString(2000),
    url: shortString(4096),
    outlet: shortString(500),
    byline: shortString(2000),
    publishedAt: shortString(64, 'ISO 8601 date or date-time.'),
  },
} as const;

/** The JSON body of `POST /api/stories` and `POST /api/stories/{id}/articles`. */
export const storyInputSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    title: shortString(500, 'Story title; the first article title when absent.'),
    articles: { type: 'array', items: articleObjectSchema },
    urls: { type: 'array', items: shortString(4096, 'An http(s) address of an article page.') },
    referenceDate: shortString(64, 'ISO date used to resolve relative dates ("yesterday").'),
  },
} as const;

/** A story as listed. */
export const storySchema = {
  type: 'object',
  required: ['id', 'title', 'articleCount', 'createdAt', 'updatedAt'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    articleCount: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
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
