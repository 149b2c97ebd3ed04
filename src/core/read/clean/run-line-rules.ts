import type { LineFeatures } from '../line-features.js';
import type { RunContext } from '../../run-context.js';
import type { Line } from '../lines.js';
import type { StoryTerms } from '../story-context.js';
import { detectSubtitle } from './detect-subtitle.js';
import { detectTitle } from './detect-title.js';
import { dropAllCapsTeasers } from './drop-allcaps-teasers.js';
import { dropBareLinks } from './drop-bare-links.js';
import { dropBylines } from './drop-bylines.js';
import { dropDuplicateLines } from './drop-duplicate-lines.js';
import { dropHeaderCaptions } from './drop-header-captions.js';
import { dropMediaPromos } from './drop-media-promos.js';
import { dropNavigationLines } from './drop-navigation-lines.js';
import { dropOffTopicHeadlines } from './drop-off-topic-headlines.js';
import { dropPhotoCredits } from './drop-photo-credits.js';
import { dropReadMoreLinks } from './drop-read-more-links.js';
import { dropSectionLabels } from './drop-section-labels.js';
import { dropSubscriptionPrompts } from './drop-subscription-prompts.js';
import { dropTimestamps } from './drop-timestamps.js';
import { dropTrailingTeasers } from './drop-trailing-teasers.js';
import type { CleanContext, LineDecision, LineRule } from './rule.js';

/**
 * The cleaning rules in order. Phrase rules for universal web junk come first, then the header (title, byline,
 * standfirst, lead photo), then rules that judge by position and by relation to the story, which need the rest settled.
 */
export const LINE_RULES: readonly LineRule[] = [
  dropBareLinks,
  dropSubscriptionPrompts,
  dropReadMoreLinks,
  dropNavigationLines,
  dropSectionLabels,
  dropMediaPromos,
  dropTimestamps,
  dropPhotoCredits,
  detectTitle,
  dropBylines,
  detectSubtitle,
  dropHeaderCaptions,
  dropAllCapsTeasers,
  dropDuplicateLines,
  dropTrailingTeasers,
  dropOffTopicHeadlines,
];

/** Input of the rule runner. */
export interface RunRulesInput {
  lines: readonly Line[];
  features: readonly LineFeatures[];
  /** Decisions taken before the rules (embedded posts). */
  initial: ReadonlyMap<number, LineDecision>;
  storyTerms: StoryTerms;
  knownTitle: string | null;
  ctx: RunContext;
  rules?: readonly LineRule[];
}

/** Runs the rules in order; a line keeps the first decision taken about it. */
export function runLineRules(input: RunRulesInput): Map<number, LineDecision> {
  const decisions = new Map(input.initial);
  for (const rule of input.rules ?? LINE_RULES) {
    const context: CleanContext = {
      lines: input.lines,
      features: input.features,
      decisions,
      storyTerms: input.storyTerms,
      knownTitle: input.knownTitle,
      ctx: input.ctx,
    };
    for (const [index, decision] of rule.apply(context)) if (!decisions.has(index)) decisions.set(index, decision);
  }
  return decisions;
}
