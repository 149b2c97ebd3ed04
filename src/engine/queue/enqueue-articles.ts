import type { InputFailure } from '../../core/model.js';
import { readArticleStream, type ArticleStreamOptions } from '../stream/read-articles-jsonl.js';
import { DEFAULT_PARTITION, PARTITION_KEY, type StreamDoc } from './job-catalog.js';
import type { JobQueue } from './job-queue.js';
import { orderedIdSource } from './ordered-ids.js';

/** Options of putting a file of articles on the queue. */
export interface EnqueueArticlesOptions extends ArticleStreamOptions {
  /** The partition the articles are clustered in (default `main`). */
  partition?: string;
  /** Articles sent in one statement (default 500). */
  batchSize?: number;
}

/** What was put on the queue, and the lines that could not be read. */
export interface EnqueueResult {
  enqueued: number;
  failures: InputFailure[];
}

/**
 * Reads a JSON Lines article stream (as `parallax cluster` does; a bad line is a failure for that line) and puts one
 * `story-assign` job per article on the queue, in the file's order. Sending a file again is harmless: an article
 * already placed keeps its place.
 */
export async function enqueueArticleFile(
  queue: JobQueue,
  path: string,
  options: EnqueueArticlesOptions = {},
): Promise<EnqueueResult> {
  const partition = options.partition ?? DEFAULT_PARTITION;
  if (!PARTITION_KEY.test(partition)) throw new RangeError(`the partition must be lower-case letters, digits and _`);
  const nextId = orderedIdSource();
  const size = Math.max(1, options.batchSize ?? 500);
  const failures: InputFailure[] = [];
  let batch: StreamDoc[] = [];
  let enqueued = 0;
  const flush = async (): Promise<void> => {
    await queue.sendMany(
      'story-assign',
      batch.map((article) => ({ id: nextId(), data: { partition, article } })),
    );
    enqueued += batch.length;
    batch = [];
  };
  for await (const item of readArticleStream(path, options)) {
    if ('failure' in item) {
      failures.push(item.failure);
      continue;
    }
    const { id, url, outlet, date, title, text } = item.article;
    batch.push({ id, url, outlet, date, title, text });
    if (batch.length >= size) await flush();
  }
  if (batch.length > 0) await flush();
  return { enqueued, failures };
}
