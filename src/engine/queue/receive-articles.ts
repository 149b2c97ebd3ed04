import type pg from 'pg';
import { resolveClusterOptions, type ClusterOptions } from '../../core/cluster/index.js';
import { addArrivals, ensurePartition } from '../storage/pg-cluster-store.js';
import { inTransaction } from '../storage/pg-pool.js';
import type { StreamDoc } from './job-catalog.js';
import type { JobQueue } from './job-queue.js';
import { checkPartition } from './story-assigner.js';

/** Where received articles go. */
export interface ReceiveOptions {
  /** The database of the library and the queue. */
  pool: pg.Pool;
  queue: JobQueue;
  /** The partition (default `main`). */
  partition: string;
  /** Clusterer options, used when this creates the partition (a partition keeps the options it was created with). */
  cluster?: ClusterOptions;
}

/**
 * Adds articles to a partition's arrivals, in the order given, and wakes its placement up (a `story-assign` job, which
 * folds with one already waiting), in one transaction: the articles are on the queue exactly when they are stored.
 * An article id already received is skipped. Returns how many articles were new.
 */
export async function receiveArticles(options: ReceiveOptions, docs: readonly StreamDoc[]): Promise<number> {
  const partition = checkPartition(options.partition);
  const optionsJson = JSON.stringify(resolveClusterOptions(options.cluster));
  return inTransaction(options.pool, async (client) => {
    await ensurePartition(client, partition, optionsJson);
    const added = await addArrivals(
      client,
      partition,
      docs.map((doc) => ({ articleId: String(doc.id ?? '').trim(), doc })),
    );
    if (added > 0) await options.queue.sendInTransaction(client, 'story-assign', { partition });
    return added;
  });
}
