/**
 * JSON Schemas of the stream's API bodies and answers (feeds, articles and their versions, stream stories): used to
 * validate requests and in the OpenAPI document.
 */

/** The body of `POST /api/feeds`: one address or several. */
export const feedInputSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    url: {
      type: 'string',
      maxLength: 4096,
      description: 'An http(s) address of a feed (RSS, Atom, RDF, JSON Feed, news sitemap).',
    },
    urls: { type: 'array', maxItems: 100, items: { type: 'string', maxLength: 4096 } },
    title: {
      type: 'string',
      maxLength: 500,
      description: 'A name for the feed (with `url`); its own title otherwise.',
    },
  },
} as const;

const nullableString = { type: ['string', 'null'] } as const;
const time = { type: 'string', format: 'date-time' } as const;
const nullableTime = { type: ['string', 'null'], format: 'date-time' } as const;

/** A feed with its record. */
export const feedSchema = {
  type: 'object',
  required: ['id', 'url', 'title', 'addedAt', 'status', 'nextPollAt', 'articles', 'queued', 'failedArticles'],
  properties: {
    id: { type: 'string' },
    url: { type: 'string' },
    title: nullableString,
    addedAt: time,
    status: { enum: ['new', 'ok', 'failing'], description: '`failing` while its latest polls failed.' },
    lastPollAt: nullableTime,
    lastSuccessAt: nullableTime,
    lastChangeAt: nullableTime,
    lastError: {
      type: ['object', 'null'],
      description: 'The latest failure, kept after later successes.',
      properties: { at: time, code: { type: 'string' }, message: { type: 'string' } },
    },
    consecutiveFailures: { type: 'integer' },
    nextPollAt: time,
    articles: { type: 'integer', description: 'Articles of this feed stored.' },
    queued: { type: 'integer', description: 'Articles of this feed waiting to be fetched.' },
    failedArticles: { type: 'integer', description: 'Articles of this feed given up on.' },
    lastArticleError: { type: ['object', 'null'] },
  },
} as const;

/** Why an article is in its story (the clusterer's reason). */
export const reasonSchema = {
  type: 'object',
  description:
    'Why the article went where it went: the story joined with its scores (`chosen`: similarity, score, gapDays, ' +
    'sameOutlet; null when it started a story), the threshold, the names and terms it shares with the story, the ' +
    'nearest story it did not reach or a close runner-up, and how many stories were candidates and scored.',
} as const;

/** The coverage of a story by lean, when ratings are loaded. */
export const coverageSchema = {
  type: 'object',
  description: 'Outlets by lean (`left`, `lean-left`, `center`, `lean-right`, `right`), unrated ones, and `oneSided`.',
  properties: {
    byLean: { type: 'object' },
    unrated: { type: 'array', items: { type: 'string' } },
    rated: { type: 'integer' },
    oneSided: { enum: ['left', 'right', null] },
  },
} as const;

/** A stream story as listed. */
export const streamStorySchema = {
  type: 'object',
  required: ['id', 'title', 'articleCount', 'outletCount', 'outlets', 'createdAt', 'updatedAt', 'leadEntities'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    articleCount: { type: 'integer' },
    outletCount: { type: 'integer' },
    outlets: { type: 'array', items: { type: 'string' } },
    createdAt: time,
    updatedAt: { ...time, description: 'The latest arrival or edit of an article.' },
    reportAt: { ...nullableTime, description: 'When its report was stored (then it is also in /api/stories).' },
    reportPending: { type: 'boolean', description: 'Articles arrived or changed since the report.' },
    leadEntities: {
      type: 'array',
      items: {
        type: 'object',
        properties: { name: { type: 'string' }, type: { type: 'string' }, articles: { type: 'integer' } },
      },
    },
    coverage: coverageSchema,
  },
} as const;

/** An article of a stream story, with why it belongs there. */
export const memberSchema = {
  type: 'object',
  required: ['articleId', 'seq', 'arrivedAt', 'decision', 'assignedStoryId', 'reason', 'versions'],
  properties: {
    articleId: { type: 'string' },
    url: nullableString,
    outlet: nullableString,
    title: nullableString,
    publishedAt: nullableString,
    clusterDate: time,
    arrivedAt: time,
    seq: { type: 'integer', description: 'Position in the stream: arrival order.' },
    versions: { type: 'integer', description: '2 or more: the article was edited in place (see its diff).' },
    updatedAt: time,
    decision: { enum: ['started', 'joined', 'merged'] },
    assignedStoryId: { type: 'string' },
    reason: reasonSchema,
    wire: { type: ['object', 'null'], description: 'Wire copy: `of` (the article it copies), `original`, `overlap`.' },
  },
} as const;

/** A stored article with its versions. */
export const streamArticleSchema = {
  type: 'object',
  required: ['id', 'urlKey', 'storyId', 'versions', 'reason'],
  properties: {
    id: { type: 'string' },
    url: nullableString,
    urlKey: { type: 'string' },
    feedId: nullableString,
    outlet: nullableString,
    publishedAt: nullableString,
    clusterDate: time,
    firstSeenAt: time,
    updatedAt: time,
    seq: { type: 'integer' },
    storyId: { type: 'string' },
    assignedStoryId: { type: 'string' },
    decision: { enum: ['started', 'joined', 'merged'] },
    reason: reasonSchema,
    wire: { type: ['object', 'null'] },
    versions: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          version: { type: 'integer' },
          fetchedAt: time,
          title: nullableString,
          contentHash: { type: 'string' },
          textLength: { type: 'integer' },
        },
      },
    },
    aliases: { type: 'array', items: { type: 'object' } },
  },
} as const;

/** What changed between two versions (offsets into each version's cleaned text). */
export const versionDiffSchema = {
  type: 'object',
  required: ['headline', 'added', 'removed', 'changed', 'figures', 'quotes', 'unchanged', 'rewritten'],
  properties: {
    headline: { type: ['object', 'null'], properties: { before: nullableString, after: nullableString } },
    added: {
      type: 'array',
      items: { type: 'object' },
      description: 'Sentences of the newer version only: {start, end, text}.',
    },
    removed: { type: 'array', items: { type: 'object' }, description: 'Sentences of the older version only.' },
    changed: {
      type: 'array',
      items: { type: 'object' },
      description:
        'Reworded sentences: {before, after, similarity, figures: {before, after}, quotes: {before, after}}.',
    },
    figures: {
      type: 'object',
      description: 'Figures only in the older version (`before`) and only in the newer (`after`).',
    },
    quotes: { type: 'object', description: 'Quotations only in the older version and only in the newer.' },
    unchanged: { type: 'integer' },
    rewritten: { type: 'boolean' },
  },
} as const;
