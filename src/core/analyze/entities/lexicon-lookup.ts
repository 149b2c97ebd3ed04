import nlp from 'compromise';
import { boundedMemo } from '../../run-context.js';

/** What compromise's built-in lexicon says about a lower-cased word: the coarse class used for typing names. */
export type LexiconClass = 'first-name' | 'last-name' | 'person' | 'place' | 'organization' | 'common' | 'unknown';

/** compromise's built-in lexicon: a library object that no run changes, so one for the process (read on first use). */
let lexicon: Record<string, string | string[]> | undefined;

/** compromise's word lexicon (loaded once); a direct lookup is far cheaper than running its tagger on the text. */
function words(): Record<string, string | string[]> {
  lexicon ??= (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  return lexicon;
}

const NAME_TAGS: [string, LexiconClass][] = [
  ['FirstName', 'first-name'],
  ['MaleName', 'first-name'],
  ['FemaleName', 'first-name'],
  ['LastName', 'last-name'],
  ['Person', 'person'],
  ['Country', 'place'],
  ['City', 'place'],
  ['Region', 'place'],
  ['Place', 'place'],
  ['Organization', 'organization'],
  ['SportsTeam', 'organization'],
];

/**
 * Classes already looked up, per word: the same words recur across mentions and articles. A module-level memo, as the
 * run-context rules allow for a pure function of a short string: a word's class is the same in every run.
 */
const classes = boundedMemo<string, LexiconClass>(50000);

/** The class of a lower-cased word in compromise's lexicon. */
export function lexiconClass(lower: string): LexiconClass {
  return classes.get(lower, lookUp);
}

/** Looks a lower-cased word up in compromise's lexicon (unmemoized). */
function lookUp(lower: string): LexiconClass {
  const entry = words()[lower];
  if (entry === undefined) return 'unknown';
  const tags = Array.isArray(entry) ? entry : [entry];
  for (const [tag, cls] of NAME_TAGS) if (tags.includes(tag)) return cls;
  return 'common';
}
