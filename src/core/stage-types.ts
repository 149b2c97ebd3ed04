import type {
  Article,
  DateMention,
  Difference,
  Entity,
  Fact,
  InputFailure,
  Framing,
  NumberMention,
  Omission,
  Quote,
  Summary,
  TimelineEvent,
} from './model.js';

/** What the analyze phase has found about a story: the input of the compose stages. */
export interface AnalyzedStory {
  articles: readonly Article[];
  /** The reference date used for relative dates when an article has no date of its own. */
  referenceDate: string | null;
  entities: readonly Entity[];
  quotes: readonly Quote[];
  numbers: readonly NumberMention[];
  dates: readonly DateMention[];
  timeline: readonly TimelineEvent[];
  /** Articles an analyze stage could not work on, left out of the story (absent when none). */
  failures?: readonly InputFailure[];
}

/** What the compose phase adds. */
export interface ComposedStory {
  facts: Fact[];
  differences: Difference[];
  omissions: Omission[];
  framing: Framing[];
  summary: Summary;
}

/** Options of the compose phase. */
export interface ComposeOptions {
  /** Target summary length in words. */
  summaryWords: number;
}
