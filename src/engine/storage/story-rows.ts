import type { Diagnostic, InputMeta, RawArticle } from '../../core/model.js';
import type { StoryDigest } from '../../core/story-digest.js';
import type { SearchHit, StoryRecord } from './story-repository.js';

/** A story row as both libraries select it (with its article count). */
export interface StoryRow {
  id: string;
  title: string;
  article_count: number;
  created_at: string;
  updated_at: string;
  kind: 'stream' | 'manual';
}

/** A story row as the list selects it, with its digest. */
export interface ListedRow extends StoryRow {
  digest_json: string | null;
}

/** A stored raw article as both libraries select it (PostgreSQL's content bytes decoded first). */
export interface ArticleRow {
  article_id: string;
  source: string;
  format: RawArticle['format'];
  content: string;
  meta_json: string;
  diagnostics_json: string;
}

/** A search hit as both libraries select it. */
export interface HitRow {
  story_id: string;
  story_title: string;
  kind: 'article' | 'fact';
  item_id: string;
  snippet: string;
}

/** The story record of a row. */
export function toRecord(row: StoryRow): StoryRecord {
  return {
    id: row.id,
    title: row.title,
    articleCount: row.article_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    kind: row.kind,
  };
}

/** The digest of a row (null when the story has no report yet). */
export function parseDigest(json: string | null | undefined): StoryDigest | null {
  return json ? (JSON.parse(json) as StoryDigest) : null;
}

/** The raw article of a row, as it was received. */
export function toRawArticle(row: ArticleRow): RawArticle {
  const diagnostics = JSON.parse(row.diagnostics_json) as Diagnostic[];
  return {
    id: row.article_id,
    source: row.source,
    format: row.format,
    content: row.content,
    meta: JSON.parse(row.meta_json) as InputMeta,
    ...(diagnostics.length > 0 ? { diagnostics } : {}),
  };
}

/** The search hit of a row. */
export function toHit(row: HitRow): SearchHit {
  const where = row.kind === 'article' ? { articleId: row.item_id } : { factId: row.item_id };
  return { storyId: row.story_id, storyTitle: row.story_title, kind: row.kind, ...where, snippet: row.snippet };
}
