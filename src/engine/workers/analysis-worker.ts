/**
 * The worker thread's entry (loaded by piscina): runs one job of the pure core and returns its result. It first tells
 * the pool that the job started, so that the job's time budget counts running time only.
 */
import { parentPort } from 'node:worker_threads';
import type { Article } from '../../core/model.js';
import { reportFromArticles } from '../../core/pipeline.js';
import { readArticle } from '../../core/read/read-article.js';
import type { StoryContext } from '../../core/read/story-context.js';
import { contentStems } from '../../core/nlp/content-stems.js';
import { createRunContext } from '../../core/run-context.js';
import type { JobResults, JobStartedMessage, NumberedJob, ReadJob, StoryPayload } from './jobs.js';
import { unpackStrings } from './packed-strings.js';

/** Runs one job (piscina calls the default export with the posted job). */
export default function runJob(job: NumberedJob): JobResults[NumberedJob['kind']] {
  parentPort?.postMessage({ parallaxJobStarted: job.id } satisfies JobStartedMessage);
  switch (job.kind) {
    case 'stems':
      return JSON.stringify([...countStems(job.text)]);
    case 'read':
      return readOne(job);
    case 'report': {
      const articles = job.articles.map((json) => JSON.parse(json) as Article);
      return JSON.stringify(reportFromArticles(articles, job.failures, job.options));
    }
  }
}

/** The content-stem counts of one text (what `prepareStoryContext` adds up over a story). */
function countStems(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of contentStems(text, createRunContext())) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

function readOne(job: ReadJob): JobResults['read'] {
  const result = readArticle(job.raw, job.story ? { storyContext: storyContext(job.story) } : {});
  return result.ok ? { ok: true, value: JSON.stringify(result.value) } : { ok: false, failure: result.failure };
}

/** The prepared story context from the shared payload: the same texts and counts `prepareStoryContext` gives. */
function storyContext(story: StoryPayload): StoryContext {
  const counts = new Map<string, number>();
  for (const json of unpackStrings(story.stems)) {
    for (const [stem, n] of JSON.parse(json) as [string, number][]) counts.set(stem, (counts.get(stem) ?? 0) + n);
  }
  return { texts: unpackStrings(story.texts), counts };
}
