import type { Difference } from '../model.js';
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

/** Splits the story into statements and finds its differences and facts (shared by compose and the scorer's training). */
export function prepareComparison(story: AnalyzedStory): ComparisonInputs {
  const statements = buildStatements(story);
  const usable = statements.filter((s) => !s.junk);
  const articleIds = story.articles.map((a) => a.id);
  const differences = findDifferences(statements, story.numbers, story.articles);
  const contested = contestedStatements(statements, differences);
  const keepAttribution = attributionKeepers(statements, contested);
  // Statements of one fact must be able to report one event: opposite stances, or times or counts that cannot meet,
  // keep two statements apart however alike their words are; a statement of unknown time that fits two events at
  // different times joins neither.
  const opposed = opposedStances(usable);
  const frames = eventFrames(usable, story);
  const different = differentEvents(frames);
  const grouped = groupStatements(usable, {
    keepApart: (a, b) => opposed(a, b) || different(a, b),
    ambiguity: { open: unknownTime(frames), apart: differentTimes(frames) },
  });
  const factGroups = buildFacts(grouped, copyGroups(usable), articleIds, keepAttribution);
  return { statements, differences, contested, keepAttribution, factGroups };
}

/**
 * Compares the sources and writes the neutral summary: facts with their support, differences over figures and
 * claims, omissions per article, framing per outlet, and a cited summary of `options.summaryWords` words.
 */
export function composeStory(story: AnalyzedStory, options: ComposeOptions): ComposedStory {
  const { statements, differences, contested, keepAttribution, factGroups } = prepareComparison(story);
  const facts = factGroups.map((f) => f.fact);
  const articleIds = story.articles.map((a) => a.id);
  return {
    facts,
    differences,
    omissions: findOmissions(facts, articleIds),
    framing: findFraming(story, statements),
    summary: writeSummary(statements, factGroups, story.articles, {
      words: options.summaryWords,
      contested,
      keepAttribution,
      dates: story.dates,
    }),
  };
}
