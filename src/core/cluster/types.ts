/** One article as the clusterer takes it: its text, and what is known of when and where it was published. */
export interface ClusterDoc {
  id: string;
  title?: string | null;
  /** The article's plain text (or a lede); must not be empty. */
  text: string;
  /** ISO 8601 date or date-time of publication; null or absent when unknown (time then plays no part). */
  date?: string | null;
  /** The outlet's name; one outlet's two articles are less likely one story. */
  outlet?: string | null;
}

/** What was decided for one article. */
export type Decision = 'started' | 'joined' | 'merged';

/** Names and terms an article shares with a story, heaviest first, as written in the article. */
export interface SharedFeatures {
  people: string[];
  organizations: string[];
  places: string[];
  /** Other names (events, products, laws: "Juneteenth", "COVID-19"). */
  otherNames: string[];
  /** Content words (as written in the article, matched by stem). */
  terms: string[];
  /** Stated numbers ("52%", "1.2 trillion"). */
  numbers: string[];
}

/** A story an article was compared with, and how alike they were. */
export interface StoryScore {
  storyId: string;
  /** Mean cosine similarity of the article and the story's articles (0..1). */
  similarity: number;
  /** The similarity after the time-gap and same-outlet factors: what is compared with the thresholds. */
  score: number;
  /** Days from the article's date to the story's dates; null when either is undated. */
  gapDays: number | null;
  /** The story already has an article from the same outlet. */
  sameOutlet: boolean;
}

/** Why an article went where it went: stored with the assignment and shown to users. */
export interface AssignmentReason {
  /** The story joined or merged into, with its scores; null when the article started a story. */
  chosen: StoryScore | null;
  /** The score a story needed to be joined. */
  threshold: number;
  /** What the article shares with the story it joined (empty when it started one). */
  shared: SharedFeatures;
  /** When the article started a story: the nearest story it did not reach, if any was scored. */
  nearest?: StoryScore;
  /** When the article joined: the second-best story, named when its score was close to the best. */
  runnerUp?: StoryScore;
  /** How many stories the index offered as candidates, and how many of them were scored in full. */
  candidates: number;
  scored: number;
  /** How many features the article was matched on (0: nothing to match, so it starts its own story). */
  features: number;
}

/** The clusterer's answer for one article. */
export interface Assignment {
  /** The article's id. */
  id: string;
  /** The story the article belongs to now. */
  storyId: string;
  decision: Decision;
  reason: AssignmentReason;
  /** For a merge: the stories that were folded into `storyId` (their ids now resolve to it). */
  mergedStoryIds?: string[];
}

/** A bad article handed to the clusterer (empty text, unreadable date): the message says which and why. */
export class ClusterInputError extends Error {
  override name = 'ClusterInputError';
}
