/**
 * JSON Schemas of the story library's views in the OpenAPI document: a story as listed (with what the list shows of
 * its report), a story page's coverage by lean, the report without article texts, and one article's text.
 */
import { coverageSchema, streamStorySchema } from './stream-schemas.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const spans = {
  type: 'array',
  items: { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' } } },
};

/** A story of `GET /api/stories`. */
export const listedStorySchema = {
  allOf: [
    ref('Story'),
    {
      type: 'object',
      required: ['outletCount', 'outlets', 'lede', 'leadEntities'],
      properties: {
        outletCount: { type: 'integer' },
        outlets: {
          type: 'array',
          description: 'Each outlet once (stated name, else the site), in order of its first article.',
          items: {
            type: 'object',
            required: ['name', 'articles'],
            properties: { name: { type: 'string' }, articles: { type: 'integer' } },
          },
        },
        lede: {
          type: ['string', 'null'],
          description: "The summary's neutral headline, else its first sentence (at most 400 characters).",
        },
        leadEntities: streamStorySchema.properties.leadEntities,
        coverage: { ...coverageSchema, description: `With outlet ratings only. ${coverageSchema.description}` },
      },
    },
  ],
  description:
    'What the list shows is kept with each report when it is stored (never read from the reports on a request); ' +
    'empty for a story without a report.',
};

/** The coverage of a story page (`GET /api/stories/{id}` with outlet ratings). */
export const storyCoverageSchema = {
  ...coverageSchema,
  properties: {
    ...coverageSchema.properties,
    articleLeans: {
      type: 'array',
      description: "The lean of each rated article's outlet.",
      items: {
        type: 'object',
        required: ['articleId', 'lean'],
        properties: { articleId: { type: 'string' }, lean: { type: 'string' } },
      },
    },
  },
};

/** One article's text (`GET /api/stories/{id}/articles/{articleId}`). */
export const articleTextSchema = {
  type: 'object',
  required: ['storyId', 'articleId', 'text', 'sentences', 'removed'],
  properties: {
    storyId: { type: 'string' },
    articleId: { type: 'string' },
    text: { type: 'string', description: 'The cleaned text, as the stored report read it: every offset points here.' },
    paragraphs: spans,
    sentences: spans,
    removed: { type: 'array', items: { type: 'object' }, description: 'What cleaning removed (as in the report).' },
  },
};
