import type { AnalyzedStory, ComposeOptions, ComposedStory } from '../state.js';
import { findDifferences } from './differences.js';
import { buildFacts } from './facts.js';
import { findFraming } from './framing.js';
import { groupStatements } from './group-statements.js';
import { attributionKeepers, contestedStatements } from './keep-attribution.js';
import { copyGroups } from './near-duplicates.js';
import { findOmissions } from './omissions.js';
import { buildStatements } from './statements.js';
import { opposedStances } from './stances.js';
import { writeSummary } from './summary.js';

/**
 * Compares the sources and writes the neutral summary: facts with their support, differences over figures and
 * claims, omissions per article, framing per outlet, and a cited summary of `options.summaryWords` words.
 */
export function composeStory(story: AnalyzedStory, options: ComposeOptions): ComposedStory {
  const statements = buildStatements(story);
  const usable = statements.filter((s) => !s.junk);
  const articleIds = story.articles.map((a) => a.id);
  const differences = findDifferences(statements, story.numbers, story.articles);
  const contested = contestedStatements(statements, differences);
  const keepAttribution = attributionKeepers(statements, contested);
  const factGroups = buildFacts(
    groupStatements(usable, { keepApart: opposedStances(usable) }),
    copyGroups(usable),
    articleIds,
    keepAttribution,
  );
  const facts = factGroups.map((f) => f.fact);
  return {
    facts,
    differences,
    omissions: findOmissions(facts, articleIds),
    framing: findFraming(story, statements),
    summary: writeSummary(statements, factGroups, story.articles, {
      words: options.summaryWords,
      contested,
      keepAttribution,
    }),
  };
}
