/** What a finished run of the job queue must have left: every article once, every story complete, no job lost. */
import { expect } from 'vitest';
import { JOB_NAMES } from '../../src/engine/queue/job-catalog.js';
import type { QueueLibrary } from '../../src/engine/queue/open-queue-library.js';
import type { StreamRepository } from '../../src/engine/storage/stream-repository.js';

/** Every stream story as [id, article ids in arrival order, has a report], oldest first. */
export async function storyRows(stream: StreamRepository): Promise<[string, string[], boolean][]> {
  return (await stream.listAllStories()).map((s) => [s.id, s.articleIds, s.hasReport]);
}

/** The stories as groups of article ids, whatever their ids and order (for runs whose order may differ). */
export async function storyGroups(stream: StreamRepository): Promise<string[][]> {
  return (await stream.listAllStories())
    .map((s) => [...s.articleIds].sort())
    .sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/**
 * Checks the end of a run: the articles stored are exactly `articleIds`, each once, and nothing waits in the stream's
 * queue; every story of at least `minArticles` has a report of its current state, published in the library with
 * exactly its articles; no job is unfinished, failed or dead.
 */
export async function expectComplete(
  lib: QueueLibrary,
  articleIds: readonly string[],
  options: { minArticles?: number; ignoreFuturePolls?: boolean } = {},
): Promise<void> {
  const listed = await lib.stream.listAllStories();
  const stored = listed.flatMap((s) => s.articleIds);
  expect([...stored].sort()).toEqual([...articleIds].sort());
  expect(await lib.stream.queueSize()).toBe(0);
  const { stories } = await lib.stream.listStreamStories({ sort: 'updated', limit: 10_000, offset: 0 });
  for (const story of stories) {
    if (story.articleCount < (options.minArticles ?? 2)) continue;
    expect({ id: story.id, pending: story.reportPending, reported: story.reportAt !== null }).toEqual({
      id: story.id,
      pending: false,
      reported: true,
    });
    const members = (await lib.stream.getStreamStory(story.id))!.members.map((m) => m.articleId);
    expect((await lib.stories.getSources(story.id))?.articles.map((a) => a.id)).toEqual(members);
  }
  const horizon = options.ignoreFuturePolls ? 60 : undefined;
  expect(await lib.queue.unfinished(JOB_NAMES, horizon)).toBe(0);
  const stats = await lib.queue.stats();
  expect(stats.dead).toEqual([]);
  expect(stats.queues.every((q) => q.failed === 0)).toBe(true);
}
