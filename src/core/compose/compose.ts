import type { Difference, Fact, Framing, Omission, Summary } from '../model.js';
import { createRunContext, type RunContext } from '../run-context.js';
import { runStages, type Stage } from '../run-stages.js';
import type { AnalyzedStory, ComposeOptions, ComposedStory } from '../stage-types.js';
import { findDifferences } from './differences.js';
import { differentEvents, differentTimes, eventFrames, unknownTime } from './event-compatibility.js';
import { buildFacts, type FactGroup } from './facts.js';
import { findFraming } from './framing.js';
import { groupStatements } from './group-statements.js';
import { attributionKeepers, contestedStatements } from './keep-attribution.js';
import { copyGroups } from './near-duplicates.js';
import { findOmissions } from './omissions.js';
import { buildStatements, type Statement } from './statements.js';
import { opposedStances } from './stances.js';
import { writeSummary } from './summary.js';

/** What the comparison and the summary are built from: statements, differences, and facts with their members. */
export interface ComparisonInputs {
  statements: Statement[];
  differences: Difference[];
  /** Statements that are claims of a difference. */
  contested: Set<number>;
  /** Statements whose attribution must survive compression. */
  keepAttribution: Set<number>;
  factGroups: FactGroup[];
}

/** The compose phase's story: the analyzed story, the options, and what each compose stage has added so far. */
export interface ComposeState extends ComparisonInputs {
  story: AnalyzedStory;
  options: ComposeOptions;
  facts: Fact[];
  omissions: Omission[];
  framing: Framing[];
  /** The summary, once the summary stage has run. */
  summary: Summary | null;
}

/** Splits the articles into statements (reads the reader's sentences and the analyze annotations). */
const statementsStage: Stage<ComposeState> = {
  name: 'statements',
  run: (state, ctx) => ({ ...state, statements: buildStatements(state.story, ctx) }),
};

/** Differences over figures and claims between the articles (reads statements and the numbers stage). */
const differencesStage: Stage<ComposeState> = {
  name: 'differences',
  run: (state) => ({
    ...state,
    differences: findDifferences(state.statements, state.story.numbers, state.story.articles),
  }),
};

/** The statements that are claims of a difference, and those whose attribution must survive compression. */
const attributionStage: Stage<ComposeState> = {
  name: 'attribution',
  run: (state) => {
    const contested = contestedStatements(state.statements, state.differences);
    return { ...state, contested, keepAttribution: attributionKeepers(state.statements, contested) };
  },
};

/** Groups the usable statements into facts, keeping apart statements that cannot report one event. */
const factsStage: Stage<ComposeState> = {
  name: 'facts',
  run: (state) => {
    const { story, statements, keepAttribution } = state;
    const usable = statements.filter((s) => !s.junk);
    // Statements of one fact must be able to report one event: opposite stances, or times or counts that cannot
    // meet, keep two statements apart however alike their words are; a statement of unknown time that fits two events
    // at different times joins neither.
    const opposed = opposedStances(usable);
    const frames = eventFrames(usable, story);
    const different = differentEvents(frames);
    const grouped = groupStatements(usable, {
      keepApart: (a, b) => opposed(a, b) || different(a, b),
      ambiguity: { open: unknownTime(frames), apart: differentTimes(frames) },
    });
    const articleIds = story.articles.map((a) => a.id);
    const factGroups = buildFacts(grouped, copyGroups(usable), articleIds, keepAttribution);
    return { ...state, factGroups, facts: factGroups.map((f) => f.fact) };
  },
};

/** The comparison stages, in order: what `prepareComparison` runs and the rest of compose builds on. */
export const COMPARISON_STAGES: readonly Stage<ComposeState>[] = [
  statementsStage,
  differencesStage,
  attributionStage,
  factsStage,
];

/**
 * The compose phase as data, in order: the comparison stages, then omissions (read facts), framing (reads statements
 * and the analyze annotations) and the summary (reads statements, facts, attribution and dates).
 */
export const COMPOSE_STAGES: readonly Stage<ComposeState>[] = [
  ...COMPARISON_STAGES,
  {
    name: 'omissions',
    run: (state) => ({
      ...state,
      omissions: findOmissions(
        state.facts,
        state.story.articles.map((a) => a.id),
      ),
    }),
  },
  { name: 'framing', run: (state, ctx) => ({ ...state, framing: findFraming(state.story, state.statements, ctx) }) },
  {
    name: 'summary',
    run: (state, ctx) => ({
      ...state,
      summary: writeSummary(state.statements, state.factGroups, state.story.articles, {
        words: state.options.summaryWords,
        contested: state.contested,
        keepAttribution: state.keepAttribution,
        dates: state.story.dates,
        ctx,
      }),
    }),
  },
];

/** The compose state before any compose stage has run. */
function uncomposed(story: AnalyzedStory, options: ComposeOptions): ComposeState {
  return {
    story,
    options,
    statements: [],
    differences: [],
    contested: new Set(),
    keepAttribution: new Set(),
    factGroups: [],
    facts: [],
    omissions: [],
    framing: [],
    summary: null,
  };
}

/** Splits the story into statements and finds its differences and facts (shared by compose and the scorer's training). */
export function prepareComparison(story: AnalyzedStory, ctx: RunContext = createRunContext()): ComparisonInputs {
  const state = runStages(COMPARISON_STAGES, uncomposed(story, { summaryWords: 0 }), ctx);
  const { statements, differences, contested, keepAttribution, factGroups } = state;
  return { statements, differences, contested, keepAttribution, factGroups };
}

/**
 * Compares the sources and writes the neutral summary: facts with their support, differences over figures and
 * claims, omissions per article, framing per outlet, and a cited summary of `options.summaryWords` words.
 */
export function composeStory(
  story: AnalyzedStory,
  options: ComposeOptions,
  ctx: RunContext = createRunContext(),
): ComposedStory {
  const { facts, differences, omissions, framing, summary } = runStages(
    COMPOSE_STAGES,
    uncomposed(story, options),
    ctx,
  );
  // The summary stage is the last of COMPOSE_STAGES: a state without its summary is a bug in that list.
  if (!summary) throw new Error('composeStory: the compose stages ran without the summary stage');
  return { facts, differences, omissions, framing, summary };
}
