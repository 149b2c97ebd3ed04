import { computeStreamReport } from '../stream/report-scheduler.js';
import type { JobHandler } from './job-handler.js';
import { eachNamedJob, type StreamWork } from './stream-work.js';

/**
 * `story-analyze`: computes a changed stream story's report from its current articles and stores it, publishing the
 * story in the library (its old report is served until then). Idempotent: a story whose report is up to date, merged
 * away, or too small for a report is left alone; a report computed from an older revision never replaces a newer one,
 * and a story that changed meanwhile stays pending (the change sent its own analysis).
 */
export function storyAnalyzeHandler(work: StreamWork): JobHandler<'story-analyze'> {
  return {
    run: (jobs) =>
      eachNamedJob(jobs, 'storyId', 'story', async (storyId) => ({
        ok: true,
        output: { storyId, ...(await analyze(work, storyId)) },
      })),
  };
}

async function analyze(work: StreamWork, storyId: string): Promise<Record<string, unknown>> {
  const detail = await work.repo.getStreamStory(storyId);
  if (!detail) return { skipped: 'no such story (merged away?)' };
  if (!detail.story.reportPending) return { skipped: 'up to date' };
  if (detail.story.articleCount < work.options.reportMinArticles) return { skipped: 'too few articles' };
  if (!work.pool) throw new Error('this worker has no analysis pool to analyze stories on');
  const done = await computeStreamReport({ ...work, pool: work.pool, now: work.now }, storyId);
  return done ? { reported: done.articles, ms: done.ms } : { skipped: 'gone or newer report stored' };
}
