import nlp from 'compromise';

/** What compromise's built-in lexicon says about a lower-cased word: the coarse class used for typing names. */
export type LexiconClass = 'first-name' | 'last-name' | 'person' | 'place' | 'organization' | 'common' | 'unknown';

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

/** Classes already looked up, per word: the same words recur across mentions and articles. */
const classes = new Map<string, LexiconClass>();
const CLASS_LIMIT = 50000;

/** The class of a lower-cased word in compromise's lexicon. */
export function lexiconClass(lower: string): LexiconClass {
  const hit = classes.get(lower);
  if (hit !== undefined) return hit;
  const cls = lookUp(lower);
  if (classes.size >= CLASS_LIMIT) classes.clear();
  classes.set(lower, cls);
  return cls;
}

/** Looks a lower-cased word up in compromise's lexicon (unmemoized). */
function lookUp(lower: string): LexiconClass {
  const entry = words()[lower];
  if (entry === undefined) return 'unknown';
  const tags = Array.isArray(entry) ? entry : [entry];
  for (const [tag, cls] of NAME_TAGS) if (tags.includes(tag)) return cls;
  return 'common';
}
