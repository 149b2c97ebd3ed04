/**
 * The stage runner: a pipeline is an ordered list of named stages `(story, ctx) => story` (unified's shape), applied in
 * order with one run context. A stage that meets an article it cannot work on throws `ArticleFailure`: that article
 * leaves the story as a failure with its code and message, and the stages run again without it. Any other exception
 * is a bug of ours and is rethrown as it is, never reported as the input's fault.
 */
import type { Article, FailureCode, InputFailure } from './model.js';
import { InputFailureError } from './result.js';
import type { RunContext } from './run-context.js';

/** One named step of a pipeline: reads the story so far and returns it with what the step adds. */
export interface Stage<S> {
  /** A short stable name (the stage's name in provenance and in error messages). */
  name: string;
  /** The step itself; it must not modify `story` in place. */
  run: (story: S, ctx: RunContext) => S;
}

/** Thrown by a stage for a known failure of one article's input (not for a bug): the article fails, the story goes on. */
export class ArticleFailure extends InputFailureError {
  override name = 'ArticleFailure';
  /** The failed article's id. */
  readonly articleId: string;

  constructor(articleId: string, code: FailureCode, message: string) {
    super(code, message);
    this.articleId = articleId;
  }
}

/** Applies the stages to the story in order and returns the last one's result. */
export function runStages<S>(stages: readonly Stage<S>[], story: S, ctx: RunContext): S {
  let current = story;
  for (const stage of stages) current = stage.run(current, ctx);
  return current;
}

/** The story the stages start from, built from the articles still in it. */
export type StoryStart<S> = (articles: readonly Article[]) => S;

/** A run's result: the story the stages built, and the articles that failed on the way. */
export interface StagesOutcome<S> {
  story: S;
  failures: InputFailure[];
}

/**
 * Runs the stages on the story of `articles`. An `ArticleFailure` naming an article of the story removes it (as a
 * failure) and the stages run again from the start without it, so the story is the one the other articles alone give.
 */
export function runStagesOnArticles<S>(
  stages: readonly Stage<S>[],
  articles: readonly Article[],
  start: StoryStart<S>,
  ctx: RunContext,
): StagesOutcome<S> {
  let kept = [...articles];
  const failures: InputFailure[] = [];
  for (;;) {
    try {
      return { story: runStages(stages, start(kept), ctx), failures };
    } catch (error) {
      const failed = error instanceof ArticleFailure ? kept.find((a) => a.id === error.articleId) : undefined;
      // A failure naming no article of the story cannot be the input's fault: it is a bug, thrown as it is.
      if (!failed) throw error;
      failures.push({ source: failed.source, code: (error as ArticleFailure).code, message: (error as Error).message });
      kept = kept.filter((a) => a !== failed);
    }
  }
}
