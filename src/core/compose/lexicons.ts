/**
 * Small word lists the compose stages rely on. They are general English news vocabulary (no story-specific names):
 * verb and noun classes that let paraphrases meet, negation cues, and stance predicates.
 */
import { WEEKDAYS } from '../lexicon/calendar.js';

/** Words ignored when comparing statements (on top of wink's stop-word flag): reporting verbs and filler. */
export const EXTRA_STOP_WORDS: ReadonlySet<string> = new Set([
  'said',
  'say',
  'says',
  'told',
  'tell',
  'added',
  'according',
  'also',
  'would',
  'could',
  'one',
  'two',
  'mr',
  'ms',
  'mrs',
  'dr',
  ...WEEKDAYS,
  'week',
  'day',
  'today',
  'yesterday',
  'time',
]);

/**
 * Stems mapped to a shared class so that paraphrases meet ("spoke" / "called" / "conversation" / "phone call").
 * Keys and values are Porter stems.
 */
export const STEM_CLASSES: ReadonlyMap<string, string> = new Map([
  // talking to someone
  ['spoke', 'speak'],
  ['spoken', 'speak'],
  ['talk', 'speak'],
  ['convers', 'speak'],
  ['phone', 'speak'],
  ['call', 'speak'],
  ['discuss', 'speak'],
  // killing and dying
  ['kill', 'kill'],
  ['dead', 'kill'],
  ['die', 'kill'],
  ['death', 'kill'],
  ['fatal', 'kill'],
  ['slain', 'kill'],
  // wounding
  ['wound', 'injur'],
  ['injur', 'injur'],
  ['hurt', 'injur'],
  // truce
  ['ceasefir', 'ceasefir'],
  ['truce', 'ceasefir'],
  ['armistic', 'ceasefir'],
  // the head of a government
  ['premier', 'prime'],
  // support
  ['back', 'support'],
  ['endors', 'support'],
]);

/** Verbs followed by "for" that mean asking for something, not calling someone ("called for a ceasefire"). */
export const CALL_FOR_STEMS: ReadonlySet<string> = new Set(['call', 'push', 'press', 'ask', 'appeal']);

/** Nouns of people as counted in casualty and crowd figures; all count as the same thing ("people"). */
export const PEOPLE_NOUNS: ReadonlySet<string> = new Set([
  'people',
  'person',
  'persons',
  'civilians',
  'civilian',
  'individuals',
  'residents',
  'victims',
  'casualties',
]);

/** Counted nouns whose stems are folded together (stem to class). */
export const COUNT_NOUN_CLASSES: ReadonlyMap<string, string> = new Map([
  ['death', 'people'],
  ['fatal', 'people'],
  ['casualti', 'people'],
  ['toll', 'people'],
  ['missil', 'rocket'],
  ['projectil', 'rocket'],
  ['airstrik', 'strike'],
  ['kid', 'children'],
  ['child', 'children'],
  ['children', 'children'],
]);

/** Event verbs that say what happened to what is counted; stem to class. */
export const EVENT_VERB_CLASSES: ReadonlyMap<string, string> = new Map([
  ['kill', 'killed'],
  ['die', 'killed'],
  ['dead', 'killed'],
  ['death', 'killed'],
  ['toll', 'killed'],
  ['slain', 'killed'],
  ['wound', 'injured'],
  ['injur', 'injured'],
  ['hurt', 'injured'],
  ['arrest', 'arrested'],
  ['detain', 'arrested'],
  ['displac', 'displaced'],
  ['evacu', 'displaced'],
  ['fire', 'fired'],
  ['launch', 'fired'],
  ['shot', 'fired'],
  ['intercept', 'intercepted'],
  ['rescu', 'rescued'],
  ['miss', 'missing'],
  ['treat', 'treated'],
  ['hospit', 'treated'],
]);

/** Tokens that negate the predicate that follows them. */
export const NEGATION_WORDS: ReadonlySet<string> = new Set(['not', "n't", 'no', 'never', 'without', 'nor', 'neither']);

/** Verbs (stems) that mean holding back from an action ("refrained from calling for", "stopped short of"). */
export const ABSTAIN_STEMS: ReadonlySet<string> = new Set([
  'refrain',
  'declin',
  'refus',
  'avoid',
  'resist',
  'stop',
  'halt',
  'hesit',
  'fail',
  'reject',
  'oppos',
  'dismiss',
  'rebuf',
]);

/** Stance predicates (stems) that mean asking for or supporting something. */
export const SUPPORT_STEMS: ReadonlySet<string> = new Set([
  'urg',
  'support',
  'back',
  'endors',
  'favor',
  'favour',
  'demand',
  'seek',
  'sought',
  'want',
  'press',
  'push',
  'join',
  'welcom',
  'embrac',
  'advoc',
]);

/** Leading discourse markers dropped when a sentence is lifted out of its article. */
export const DISCOURSE_MARKERS: readonly string[] = [
  'but',
  'and',
  'so',
  'yet',
  'still',
  'however',
  'meanwhile',
  'moreover',
  'also',
  'additionally',
  'furthermore',
  'in addition',
  'in fact',
  'indeed',
  'instead',
  'as a result',
  'at the same time',
  'on the other hand',
  'by contrast',
  'nonetheless',
  'nevertheless',
  'then',
  'now',
  'separately',
];

/** Words that say the following noun is a group (used to find "X and other Y" descriptors). */
export const GROUP_NOUNS: ReadonlySet<string> = new Set([
  'group',
  'groups',
  'organization',
  'organisation',
  'organizations',
  'movement',
  'faction',
  'militia',
  'party',
  'government',
  'regime',
  'administration',
  'company',
  'agency',
  'outlet',
]);

/**
 * Phrases naming a halt to fighting, folded into the topic "ceasefire" so that "an end to fighting" and "cease-fire"
 * meet. Each entry is a sequence of Porter stems.
 */
export const TOPIC_PHRASES: readonly { stems: readonly string[]; topic: string }[] = [
  { stems: ['ceasefir'], topic: 'a ceasefire' },
  { stems: ['truce'], topic: 'a ceasefire' },
  { stems: ['ceas', 'fire'], topic: 'a ceasefire' },
  { stems: ['ceas', 'fight'], topic: 'a ceasefire' },
  { stems: ['stop', 'fight'], topic: 'a ceasefire' },
  { stems: ['end', 'to', 'fight'], topic: 'a ceasefire' },
  { stems: ['end', 'to', 'the', 'fight'], topic: 'a ceasefire' },
  { stems: ['end', 'to', 'hostil'], topic: 'a ceasefire' },
  { stems: ['de', 'escal'], topic: 'de-escalation' },
  { stems: ['deescal'], topic: 'de-escalation' },
  { stems: ['impeach'], topic: 'impeachment' },
  { stems: ['sanction'], topic: 'sanctions' },
  { stems: ['resign'], topic: 'resignation' },
];

/** Words that make a stance hypothetical or a question ("asked if he would support"): no claim is read from it. */
export const HYPOTHETICAL_WORDS: ReadonlySet<string> = new Set(['if', 'whether', 'asked', 'ask']);
