import type { InputFailure } from '../../core/model.js';
import { readArticleStream, type ArticleStreamOptions } from '../stream/read-articles-jsonl.js';
import { DEFAULT_PARTITION, type StreamDoc } from './job-catalog.js';
import { receiveArticles, type ReceiveOptions } from './receive-articles.js';

/** Options of putting a file of articles on the queue. */
export interface EnqueueArticlesOptions extends ArticleStreamOptions, Omit<ReceiveOptions, 'partition'> {
  /** The partition the articles are clustered in (default `main`). */
  partition?: string;
  /** Articles stored in one transaction (default 500). */
  batchSize?: number;
}

/** What was put on the queue, and the lines that could not be read. */
export interface EnqueueResult {
  /** Articles read from the file. */
  read: number;
  /** Of those, articles new to the partition (an id received before is skipped). */
  enqueued: number;
  failures: InputFailure[];
}

/**
 * Reads a JSON Lines article stream (as `parallax cluster` does; a bad line is a failure for that line) and puts its
 * articles on the queue, in the file's order. Sending a file again is harmless: an article received before is skipped.
 */
export async function enqueueArticleFile(path: string, options: EnqueueArticlesOptions): Promise<EnqueueResult> {
  const receive = { ...options, partition: options.partition ?? DEFAULT_PARTITION };
  const size = Math.max(1, options.batchSize ?? 500);
  const failures: InputFailure[] = [];
  let batch: StreamDoc[] = [];
  let read = 0;
  let enqueued = 0;
  const flush = async (): Promise<void> => {
    enqueued += await receiveArticles(receive, batch);
    read += batch.length;
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
  return { read, enqueued, failures };
}
