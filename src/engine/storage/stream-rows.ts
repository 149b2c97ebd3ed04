/**
 * The rows of the stream storage as both databases select them, and how each becomes the value the interface returns:
 * one set of mappers for SQLite and PostgreSQL. Integer columns are numbers in SQLite and may be strings in
 * PostgreSQL (`bigint`), hence `Int`; a flag is 0/1 in SQLite and a boolean in PostgreSQL.
 */
import type { AssignmentReason, Decision } from '../../core/cluster/types.js';
import type { InputMeta, RawArticle } from '../../core/model.js';
import type { CoverageOutlet } from '../../core/stream/coverage-split.js';
import type { FeedEntry } from '../feeds/types.js';
import type { FeedState } from '../fetch/feed-state.js';
import type {
  ClusterInput,
  DirtyStory,
  FeedRecord,
  KnownAddress,
  LeadEntity,
  QueueEntry,
  QueueItem,
  StoryListing,
  StreamArticleRecord,
  StreamMember,
  StreamStorySummary,
  VersionInfo,
  WireLink,
} from './stream-repository.js';

/** An integer as a row holds it: a number (SQLite), or a string for a PostgreSQL `bigint`. */
export type Int = number | string;

/** A feed with its counts. */
export interface FeedRow<N = Int> {
  id: string;
  url: string;
  title: string | null;
  added_at: string;
  state_json: string;
  articles: N;
  queued: N;
  failed: N;
  /** The latest give-up of one of its articles, as a JSON object, or null. */
  last_failure: string | null;
}

/** A queued article. */
export interface QueueRow<N = Int> {
  pk: N;
  url_key: string;
  kind: QueueEntry['kind'];
  feed_id: string | null;
  source: string;
  entry_json: string;
  use_entry_content: number | boolean;
  signature: string;
  enqueued_at: string;
  attempts: N;
  last_error: string | null;
}

/** A stored article. */
export interface ArticleRow<N = Int> {
  pk: N;
  id: string;
  url_key: string;
  url: string | null;
  feed_id: string | null;
  outlet: string | null;
  published_at: string | null;
  cluster_date: string;
  first_seen_at: string;
  updated_at: string;
  current_version: N;
  etag: string | null;
  last_modified: string | null;
  signature: string | null;
  wire_of: string | null;
  wire_original: string | null;
  wire_overlap: number | null;
  seq: N;
  story_id: string;
  assigned_story_id: string;
  decision: Decision;
  reason_json: string;
}

/** A stored article with its current version's headline and content. */
export interface MemberRow<N = Int> extends ArticleRow<N> {
  title: string | null;
  format: RawArticle['format'];
  content: string;
}

/** A stream story. */
export interface StoryRow<N = Int> {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
  article_count: N;
  outlets_json: string;
  merged_into: string | null;
  revision: N;
  dirty_since: string | null;
  last_change_at: string | null;
  report_at: string | null;
  lead_entities_json: string;
}

/** A version's summary. */
export interface VersionRow<N = Int> {
  version: N;
  fetched_at: string;
  title: string | null;
  content_hash: string;
  text_length: N;
}

/** A story's id and one article id of it (to group). */
export interface IdRow {
  story_id: string;
  id: string;
}

/** The article ids of each story, in the rows' order. */
export function groupIds(rows: readonly IdRow[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of rows) {
    const list = map.get(row.story_id);
    if (list) list.push(row.id);
    else map.set(row.story_id, [row.id]);
  }
  return map;
}

/** The key an outlet is told apart by: its name, else its site. */
function outletKey(o: CoverageOutlet): string | null {
  if (o.outlet) return `name:${o.outlet.trim().toLowerCase()}`;
  if (o.url) {
    try {
      return `host:${new URL(o.url).hostname.replace(/^www\./, '')}`;
    } catch {
      return null;
    }
  }
  return null;
}

/** Each outlet once, in the order first met. */
export function mergeOutlets(base: readonly CoverageOutlet[], more: readonly CoverageOutlet[]): CoverageOutlet[] {
  const seen = new Set<string>();
  const out: CoverageOutlet[] = [];
  for (const o of [...base, ...more]) {
    const key = outletKey(o);
    if (key === null || seen.has(key)) continue;
    seen.add(key);
    out.push({ outlet: o.outlet ?? null, url: o.url ?? null });
  }
  return out;
}

/** The outlets of a hand-made story's articles (from their stored metadata), each once. */
export function outletsOfMeta(rows: readonly { meta_json: string }[]): CoverageOutlet[] {
  return mergeOutlets(
    [],
    rows.map((a) => {
      const meta = JSON.parse(a.meta_json) as InputMeta;
      return { outlet: meta.outlet ?? null, url: meta.url ?? null };
    }),
  );
}

/** A feed record of its row. */
export function toFeed(row: FeedRow): FeedRecord {
  const last = row.last_failure
    ? (JSON.parse(row.last_failure) as { at: string; url: string | null; code: string; message: string })
    : null;
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    addedAt: row.added_at,
    state: JSON.parse(row.state_json) as FeedState,
    articles: Number(row.articles),
    queued: Number(row.queued),
    failedArticles: Number(row.failed),
    lastArticleError: last,
  };
}

/** A queue item of its row. */
export function toQueueItem(row: QueueRow): QueueItem {
  return {
    pk: Number(row.pk),
    urlKey: row.url_key,
    kind: row.kind,
    feedId: row.feed_id,
    source: row.source,
    entry: JSON.parse(row.entry_json) as FeedEntry,
    useEntryContent: row.use_entry_content === 1 || row.use_entry_content === true,
    signature: row.signature,
    attempts: Number(row.attempts),
    enqueuedAt: row.enqueued_at,
    lastError: row.last_error,
  };
}

/** The wire-copy link of an article's row, or null. */
export function wireOf(row: ArticleRow): WireLink | null {
  return row.wire_of === null
    ? null
    : { of: row.wire_of, original: row.wire_original ?? row.wire_of, overlap: row.wire_overlap ?? 0 };
}

/** A version summary of its row. */
export function toVersionInfo(row: VersionRow): VersionInfo {
  return {
    version: Number(row.version),
    fetchedAt: row.fetched_at,
    title: row.title,
    contentHash: row.content_hash,
    textLength: Number(row.text_length),
  };
}

/** A stream story summary of its row. */
export function toSummary(row: StoryRow): StreamStorySummary {
  return {
    id: row.id,
    title: row.title,
    articleCount: Number(row.article_count),
    outlets: JSON.parse(row.outlets_json) as CoverageOutlet[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    reportAt: row.report_at,
    reportPending: row.dirty_since !== null,
    leadEntities: JSON.parse(row.lead_entities_json) as LeadEntity[],
  };
}

/** A story member of its row. */
export function toMember(row: MemberRow): StreamMember {
  return {
    articleId: row.id,
    url: row.url,
    outlet: row.outlet,
    title: row.title,
    publishedAt: row.published_at,
    clusterDate: row.cluster_date,
    arrivedAt: row.first_seen_at,
    seq: Number(row.seq),
    versions: Number(row.current_version),
    updatedAt: row.updated_at,
    decision: row.decision,
    assignedStoryId: row.assigned_story_id,
    reason: JSON.parse(row.reason_json) as AssignmentReason,
    wire: wireOf(row),
  };
}

/** A member's current version as the analysis reads it: its stated metadata, never the inferred cluster date. */
export function toRawArticle(row: MemberRow): RawArticle {
  const meta: InputMeta = {
    ...(row.url ? { url: row.url } : {}),
    ...(row.title ? { title: row.title } : {}),
    ...(row.outlet ? { outlet: row.outlet } : {}),
    ...(row.published_at ? { publishedAt: row.published_at } : {}),
  };
  return { id: row.id, source: row.url ?? row.id, format: row.format, content: row.content, meta };
}

/** An address and what it stands for. */
export interface KnownRow {
  url_key: string;
  kind: 'article' | 'alias';
  id: string;
  signature: string | null;
  etag: string | null;
  last_modified: string | null;
}

/** Adds what the rows know of addresses to `found`; an article's own address wins over another's alias. */
export function addKnown(found: Map<string, KnownAddress>, rows: readonly KnownRow[]): void {
  for (const row of rows) {
    if (row.kind === 'alias' && found.has(row.url_key)) continue;
    found.set(row.url_key, {
      urlKey: row.url_key,
      kind: row.kind,
      articleId: row.id,
      signature: row.signature,
      etag: row.etag,
      lastModified: row.last_modified,
    });
  }
}

/** An article as the clusterer saw it. */
export interface ClusterRow<N = Int> {
  seq: N;
  id: string;
  title: string | null;
  text: string;
  cluster_date: string;
  outlet: string | null;
  published_at: string | null;
  url_key: string;
  assigned_story_id: string;
  decision: Decision;
}

/** The clusterer's input of its row. */
export function toClusterInput(r: ClusterRow): ClusterInput {
  return {
    seq: Number(r.seq),
    id: r.id,
    title: r.title,
    text: r.text,
    clusterDate: r.cluster_date,
    outlet: r.outlet,
    publishedAt: r.published_at,
    urlKey: r.url_key,
    assignedStoryId: r.assigned_story_id,
    decision: r.decision,
  };
}

/** Another address of an article. */
export interface AliasRow {
  url: string | null;
  url_key: string;
  kind: 'duplicate' | 'address';
  seen_at: string;
}

/** The record of a stored article, with its versions and other addresses. */
export function toArticleRecord(
  row: ArticleRow,
  versions: readonly VersionRow[],
  aliases: readonly AliasRow[],
): StreamArticleRecord {
  return {
    id: row.id,
    url: row.url,
    urlKey: row.url_key,
    feedId: row.feed_id,
    outlet: row.outlet,
    publishedAt: row.published_at,
    clusterDate: row.cluster_date,
    firstSeenAt: row.first_seen_at,
    updatedAt: row.updated_at,
    seq: Number(row.seq),
    storyId: row.story_id,
    assignedStoryId: row.assigned_story_id,
    decision: row.decision,
    reason: JSON.parse(row.reason_json) as AssignmentReason,
    wire: wireOf(row),
    versions: versions.map(toVersionInfo),
    aliases: aliases.map((a) => ({ url: a.url, urlKey: a.url_key, kind: a.kind, seenAt: a.seen_at })),
  };
}

/** A hand-made story as listed (it is not one of the stream's). */
export interface ManualStoryRow {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
}

/** Every story of the library, stream and hand-made, oldest first (the `parallax stories` listing). */
export function storyListings(parts: {
  stream: readonly StoryRow[];
  memberIds: ReadonlyMap<string, string[]>;
  manual: readonly ManualStoryRow[];
  manualIds: ReadonlyMap<string, string[]>;
  manualOutlets: (storyId: string) => CoverageOutlet[];
}): StoryListing[] {
  const listings: StoryListing[] = [
    ...parts.stream.map((r) => ({
      id: r.id,
      kind: 'stream' as const,
      title: r.title,
      articleIds: parts.memberIds.get(r.id) ?? [],
      outlets: JSON.parse(r.outlets_json) as CoverageOutlet[],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      hasReport: r.report_at !== null,
    })),
    ...parts.manual.map((r) => ({
      id: r.id,
      kind: 'manual' as const,
      title: r.title,
      articleIds: parts.manualIds.get(r.id) ?? [],
      outlets: parts.manualOutlets(r.id),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      hasReport: true,
    })),
  ];
  return listings.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** A pending story of its row. */
export function toDirtyStory(r: StoryRow): DirtyStory {
  return {
    id: r.id,
    revision: Number(r.revision),
    articleCount: Number(r.article_count),
    dirtySince: r.dirty_since!,
    lastChangeAt: r.last_change_at ?? r.dirty_since!,
    reportAt: r.report_at,
  };
}

/**
 * The story an id stands for now: the id itself, or the story it was merged into, followed along the chain.
 * `mergedInto` reads one story's `merged_into` (undefined: no such story). Null for an unknown id.
 */
export async function followMerges(
  id: string,
  mergedInto: (id: string) => Promise<string | null | undefined>,
): Promise<string | null> {
  let current = id;
  // Chains are flattened on every merge; the bound is a guard all the same.
  for (let hops = 0; hops < 64; hops++) {
    const next = await mergedInto(current);
    if (next === undefined) return hops === 0 ? null : current;
    if (next === null) return current;
    current = next;
  }
  return current;
}
