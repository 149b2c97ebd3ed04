import type { RunContext } from '../../run-context.js';
import type { RemovalReason } from '../../model.js';
import type { LineFeatures } from '../line-features.js';
import type { Line } from '../lines.js';
import type { StoryTerms } from '../story-context.js';

/** Why one line leaves the body: the reason, the rule that fired and a human-readable detail. */
export interface LineDecision {
  reason: RemovalReason;
  rule: string;
  detail: string;
}

/** What every cleaning rule sees: the lines, their form, the decisions taken so far and the story around them. */
export interface CleanContext {
  lines: readonly Line[];
  features: readonly LineFeatures[];
  /** Decisions of earlier rules (and of embed extraction), by line index. */
  decisions: ReadonlyMap<number, LineDecision>;
  /** Content-stem counts of the other articles of the story (never this article's own input). */
  storyTerms: StoryTerms;
  /** A title the caller already knows (input metadata or HTML), used to recognise the title line. */
  knownTitle: string | null;
  /** The run's context: the rules' line stems are memoized in it. */
  ctx: RunContext;
}

/** A named line rule: returns decisions for lines it removes; lines already decided are ignored by the runner. */
export interface LineRule {
  name: string;
  apply(context: CleanContext): Map<number, LineDecision>;
}

/** Builds a decision map from (index, reason, detail) triples of one rule. */
export function decide(
  rule: string,
  items: readonly { index: number; reason: RemovalReason; detail: string }[],
): Map<number, LineDecision> {
  return new Map(items.map((i) => [i.index, { reason: i.reason, rule, detail: i.detail }]));
}

/** Indices of the lines no rule has removed yet, in order. */
export function undecided(context: CleanContext): number[] {
  return context.lines.map((l) => l.index).filter((i) => !context.decisions.has(i));
}

/** What a single-test rule needs: its name, the reason and detail it records, and the test a line must pass. */
export interface LineTestRule {
  name: string;
  reason: RemovalReason;
  detail: string;
  test: (text: string, features: LineFeatures) => boolean;
}

/** A rule that removes every undecided line passing one test, all for one reason: the shape of most line rules. */
export function lineRule(rule: LineTestRule): LineRule {
  return {
    name: rule.name,
    apply(context) {
      const hits = undecided(context).filter((i) => {
        const features = context.features[i];
        return features !== undefined && rule.test(context.lines[i]?.text ?? '', features);
      });
      return decide(
        rule.name,
        hits.map((index) => ({ index, reason: rule.reason, detail: rule.detail })),
      );
    },
  };
}
