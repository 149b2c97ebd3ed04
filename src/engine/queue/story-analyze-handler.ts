import type pg from 'pg';
import type { RawArticle } from '../../core/model.js';
import { resolveStoryId, storyMembers } from '../storage/pg-cluster-store.js';
import type { StoryRepository } from '../storage/story-repository.js';
import { fingerprintArticles } from '../stories.js';
import type { AnalysisPool } from '../workers/analysis-pool.js';
import type { StreamDoc } from './job-catalog.js';
import type { JobHandler } from './job-handler.js';

/** What the analysis of a stream story needs. */
export interface StoryAnalyzeOptions {
  /** The database of the assignments. */
  db: pg.Pool;
  /** The story library the reports go to (on the same database). */
  repo: StoryRepository;
  pool: AnalysisPool;
  /** The generator version written into reports. */
  version: string;
  now?: () => Date;
}

/** What one analysis did. */
export type AnalyzeResult =
  | { action: 'created' | 'updated'; storyId: string; articles: number }
  | { action: 'unchanged'; storyId: string; articles: number }
  | { action: 'merged-away'; storyId: string; into: string }
  | { action: 'empty'; storyId: string };

/**
 * Brings a stream story in the library up to date with its assignments: creates it with its report, or adds the
 * articles placed since and replaces its report, in one write; a story merged into another is removed (its id resolves
 * to the survivor, whose own analysis was enqueued by the merge). Idempotent: a story already up to date is left as it
 * is, so a job run twice does the work once. A write that meets another write of the same story throws (the job is
 * retried and sees the other write).
 */
export async function analyzeStreamStory(storyId: string, options: StoryAnalyzeOptions): Promise<AnalyzeResult> {
  const { repo, db } = options;
  const current = await resolveStoryId(db, storyId);
  if (current !== storyId) {
    await repo.deleteStory(storyId);
    return { action: 'merged-away', storyId, into: current };
  }
  const members = (await storyMembers(db, storyId)).map((m) => rawOf(m.articleId, m.doc));
  if (members.length === 0) return { action: 'empty', storyId };
  const sources = await repo.getSources(storyId);
  const storedIds = new Set(sources?.articles.map((a) => a.id) ?? []);
  const added = members.filter((raw) => !storedIds.has(raw.id));
  if (sources && added.length === 0) return { action: 'unchanged', storyId, articles: sources.articles.length };
  const all = [...(sources?.articles ?? []), ...added];
  const report = await options.pool.analyzeStory(all, { storyId, version: options.version });
  const at = (options.now ?? (() => new Date()))().toISOString();
  const analysis = { report, generatedAt: at };
  if (!sources) {
    const title = report.story.title || members[0]?.meta.title || 'Untitled story';
    const fingerprint = fingerprintArticles(all);
    await repo.createStory({
      id: storyId,
      title,
      fingerprint,
      createdAt: at,
      referenceDate: null,
      articles: all,
      analysis,
    });
    return { action: 'created', storyId, articles: all.length };
  }
  const story = await repo.appendArticles({
    storyId,
    expectedRevision: sources.revision,
    articles: added,
    fingerprint: fingerprintArticles(all),
    updatedAt: at,
    referenceDate: sources.referenceDate,
    analysis,
  });
  if (!story) throw new Error(`story ${storyId} was deleted while it was being analyzed`);
  return { action: 'updated', storyId, articles: all.length };
}

/** The queue handler of `story-analyze`. */
export function storyAnalyzeHandler(options: StoryAnalyzeOptions): JobHandler<'story-analyze'> {
  return {
    async run(jobs) {
      const outcomes = [];
      for (const job of jobs) {
        const storyId = (job.data as { storyId?: unknown } | null)?.storyId;
        if (typeof storyId !== 'string' || storyId === '') {
          outcomes.push({ ok: false as const, error: new Error('the job names no story (storyId)'), permanent: true });
          continue;
        }
        outcomes.push({ ok: true as const, output: { ...(await analyzeStreamStory(storyId, options)) } });
      }
      return outcomes;
    },
  };
}

/** A placed article as the analysis reads it: its plain text, with what is known of its title, outlet and date. */
function rawOf(articleId: string, doc: StreamDoc): RawArticle {
  const meta = {
    ...(typeof doc.title === 'string' && doc.title ? { title: doc.title } : {}),
    ...(typeof doc.url === 'string' && doc.url ? { url: doc.url } : {}),
    ...(typeof doc.outlet === 'string' && doc.outlet ? { outlet: doc.outlet } : {}),
    ...(typeof doc.date === 'string' && doc.date ? { publishedAt: doc.date } : {}),
  };
  return { id: articleId, source: meta.url ?? articleId, format: 'text', content: String(doc.text), meta };
}
