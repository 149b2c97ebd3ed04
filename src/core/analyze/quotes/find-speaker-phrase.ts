import { SPEECH_CUES } from '../../lexicon/cue-verbs.js';
import type { WordUnit } from '../entities/word-units.js';
import { WEEKDAYS } from '../../lexicon/calendar.js';

/** Units `first..last` naming who speaks ("a source familiar with the U.S. strategy", "she", "Price"). */
export interface PhraseRange {
  first: number;
  last: number;
  /** The apposition between commas after the phrase ("Price, | a State Department spokesman |, said"), if any. */
  appositive?: PhraseRange;
}

/** Words of time that stand between a speaker and the cue ("Priebus later Thursday told"), never speakers. */
const TIME_WORDS = [...WEEKDAYS, 'today', 'yesterday', 'tonight'];
const SKIPPABLE = new Set([
  'also',
  'later',
  'previously',
  'then',
  'repeatedly',
  'publicly',
  'privately',
  'once',
  'earlier',
  'again',
  'recently',
  'has',
  'have',
  'had',
  'was',
  'were',
  'is',
  'are',
  'will',
  'would',
  'could',
  'may',
  'might',
  'had',
  'further',
  'just',
  'separately',
  'similarly',
  'reportedly',
  'frequently',
  'often',
  'quickly',
  'openly',
  'explicitly',
  'herself',
  'himself',
  'themselves',
  'itself',
  ...TIME_WORDS,
]);
const LEADING_NOISE = new Set([
  'but',
  'and',
  'yet',
  'so',
  'meanwhile',
  'however',
  'also',
  'then',
  'now',
  'still',
  'instead',
]);
const PHRASE_LINKS = new Set([
  'of',
  'for',
  'with',
  'familiar',
  'close',
  'at',
  'from',
  'to',
  'in',
  "'s",
  '’s',
  'and',
  '&',
  // "Experts on North Korea", "observers around the country", "sources within the campaign".
  'on',
  'around',
  'across',
  'within',
  'inside',
  'throughout',
  'among',
]);
const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you', 'who']);
/** Possessive determiners that open a speaker phrase ("his brother", "their spokesman"). */
const POSSESSIVES = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
const PHRASE_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM', 'PART']);
const MAX_UNITS = 12;
/** Words that open a clause whose subject may follow ("just as Red Hot Chili Peppers announced", "after Nabisco said"). */
const SUBORDINATORS = new Set(
  'that as after before when while since because until if though although once whereas'.split(' '),
);

/** True when a unit can be part of a speaker noun phrase. */
function inPhrase(u: WordUnit): boolean {
  if (PHRASE_LINKS.has(u.lower) || POSSESSIVES.has(u.lower)) return true;
  if (u.type !== 'word' && u.type !== 'number') return false;
  return PHRASE_POS.has(u.pos) || /^[A-Z]/.test(u.value);
}

/** Drops links at the phrase's edges ("of", "and") and leading words that are not part of a name or noun phrase. */
function trimPhrase(units: readonly WordUnit[], first: number, last: number, anyHead = false): PhraseRange | null {
  while (first <= last && (PHRASE_LINKS.has(units[first]!.lower) || LEADING_NOISE.has(units[first]!.lower))) first++;
  while (last >= first && (PHRASE_LINKS.has(units[last]!.lower) || POSSESSIVES.has(units[last]!.lower))) last--;
  if (first > last) return null;
  if (!anyHead && !nominalHead(units, first, last)) return null;
  return { first, last };
}

/** True when unit `last` can head a speaker phrase starting at `first`: a noun, a name, a pronoun, a proportion. */
function nominalHead(units: readonly WordUnit[], first: number, last: number): boolean {
  const head = units[last]!;
  if (/^(PROPN|NOUN|PRON)$/.test(head.pos) || /^[A-Z]/.test(head.value)) return true;
  // "Six in 10 say": a proportion heads the phrase.
  const proportion = head.pos === 'NUM' && units[last - 1]?.lower === 'in' && last - 2 >= first;
  return proportion || possessedGerund(units, last);
}

const MAX_APPOSITIVE = 25;
/** What may stand before a subject with an apposition: the clause start, a conjunction, a comma, a quotation mark. */
const OPENS_CLAUSE = /^(and|but|that|while|as|when|because|so|yet|meanwhile|,|["“”'’]+)$/;

/** True when unit `k` is a full stop closing an abbreviation inside a phrase ("R-Ky.,", "(D-Calif.)"). */
function abbreviationStop(units: readonly WordUnit[], k: number): boolean {
  const u = units[k]!;
  return u.value === '.' && units[k - 1]?.end === u.start && /^[,)]$/.test(units[k + 1]?.value ?? '');
}

/**
 * The subject before an apposition that ends at unit `close`, a comma or a dash ("Ned Price, a State Department
 * spokesman, | said", "Sanders, 74, | said", "Snyder, for his part, | has denied", "Gingrich — mentioned by Newsmax as
 * ... — | told"). The subject must open its clause; the apposition holds no sentence punctuation, quotation or cue.
 */
function appositivePhrase(units: readonly WordUnit[], close: number, floor: number): PhraseRange | null {
  const mark = units[close]!.value;
  const stop = Math.max(floor, close - MAX_APPOSITIVE);
  let cue = false;
  // Each earlier mark may open the apposition: "Jillian Chase, 27, a Tinder user in New York, | said".
  for (let k = close - 1; k >= stop; k--) {
    const v = units[k]!.value;
    if (/^[.;:!?"“”]$/.test(v) && !abbreviationStop(units, k)) return null;
    if (v !== mark) {
      cue ||= cueInApposition(units, k);
      continue;
    }
    if (k === close - 1) return null;
    // A cue inside the apposition makes it a clause of its own, unless it is relative ("Sanders, who had said ...,").
    if (cue && !/^(who|which|whose|whom)$/.test(units[k + 1]!.lower)) return null;
    const head = subjectOpeningClause(units, k, floor);
    if (head) return { ...head, appositive: { first: k + 1, last: close - 1 } };
  }
  return null;
}

/** True when unit `k` of an apposition is a speech cue used as a verb ("who said"), not a passive or a noun. */
function cueInApposition(units: readonly WordUnit[], k: number): boolean {
  return SPEECH_CUES.has(units[k]!.lower) && units[k + 1]?.lower !== 'by' && !nounUse(units, k);
}

/** The phrase ending before unit `k` when it opens its clause (at the floor, or after a conjunction or a comma). */
function subjectOpeningClause(units: readonly WordUnit[], k: number, floor: number): PhraseRange | null {
  const head = phraseBefore(units, k, floor, false);
  if (!head) return null;
  const before = units[head.first - 1];
  return head.first <= floor || !before || OPENS_CLAUSE.test(before.lower) ? head : null;
}

/**
 * True when a cue form is a noun or part of a name inside an apposition ("one of the states suing", "ambassador to the
 * United States").
 */
function nounUse(units: readonly WordUnit[], k: number): boolean {
  const prev = units[k - 1]?.lower ?? '';
  if (/^[A-Z]/.test(units[k]!.value)) return true;
  return units[k]!.pos === 'NOUN' && /^(the|a|an|his|her|their|its|our|of)$/.test(prev);
}

const MAX_PARENTHESIS = 6;

/** The index of the "(" opening a short parenthesis that ends at unit `close` ("Rubio (R-Fla.)"), or -1. */
function parenthesisOpen(units: readonly WordUnit[], close: number, floor: number): number {
  for (let k = close - 1; k >= Math.max(floor, close - MAX_PARENTHESIS); k--) {
    if (units[k]!.value === '(') return k;
    if (/^[;:!?"“”)]$/.test(units[k]!.value)) return -1;
  }
  return -1;
}

/**
 * The speaker phrase ending right before unit `cue`: adverbs, auxiliaries, an apposition and a short parenthesis
 * ("Rep. Zoe Lofgren (D-Calif.) said") between them are skipped.
 */
export function phraseBefore(
  units: readonly WordUnit[],
  cue: number,
  floor: number,
  apposition = true,
): PhraseRange | null {
  const end = speakerEnd(units, cue, floor);
  if (end < floor) return null;
  if (apposition && /^(?:[,—–]|--)$/.test(units[end]!.value)) return appositivePhrase(units, end, floor);
  if (units[end]!.value === ')') {
    const open = parenthesisOpen(units, end, floor);
    return open > floor ? phraseBefore(units, open, floor, false) : null;
  }
  if (PRONOUNS.has(units[end]!.lower)) return { first: end, last: end };
  const first = nounPhraseStart(units, end, floor);
  if (!nounAt(units, end)) return null;
  // An object of a verb or preposition ("upon taking office argued") is not the subject of the cue.
  if (objectOfVerb(units, first, floor)) return reducedRelative(units, first, end, floor);
  return trimPhrase(units, first, end);
}

/**
 * True when a verb or a preposition stands right before the phrase starting at `first` (above the floor), other than
 * "by", a subordinator ("after Nabisco said") or a speech cue: the phrase is its object.
 */
function objectOfVerb(units: readonly WordUnit[], first: number, floor: number): boolean {
  const before = units[first - 1];
  if (!before || first <= floor) return false;
  const allowed = before.lower === 'by' || SUBORDINATORS.has(before.lower) || SPEECH_CUES.has(before.lower);
  return !allowed && (before.pos === 'VERB' || before.pos === 'ADP');
}

/** The last unit of the speaker before a cue: adverbs, auxiliaries and times ("on Tuesday") in between skipped. */
function speakerEnd(units: readonly WordUnit[], cue: number, floor: number): number {
  let end = cue - 1;
  // Skip adverbs ("then loudly asked"), auxiliaries and times ("on Tuesday") between the speaker and the cue.
  while (
    end >= floor &&
    (skippable(units[end]!) || (units[end]!.lower === 'on' && end < cue - 1) || partOfDay(units, end))
  ) {
    end--;
  }
  return end;
}

/** The first unit of the noun phrase ending at `end`, at most a dozen units back. */
function nounPhraseStart(units: readonly WordUnit[], end: number, floor: number): number {
  let first = end;
  // A participle modifying the next word belongs to the phrase ("registered voters", "organizing director").
  // A time before the subject ("On Monday the mayor said") is no part of it.
  const timeAt = (k: number): boolean => WEEKDAYS.includes(units[k]!.lower);
  while (
    first - 1 >= floor &&
    end - first < MAX_UNITS &&
    !timeAt(first - 1) &&
    (nounAt(units, first - 1) || modifier(units, first - 1))
  ) {
    first--;
  }
  return first;
}

const MAX_RELATIVE_GAP = 6;
const RELATIVE_POS = new Set(['ADP', 'DET', 'NOUN', 'PROPN', 'ADJ', 'NUM', 'PART', 'PRON']);

/**
 * The speaker phrase whose noun is followed by a participle clause reaching the cue ("Protesters | marching through
 * the streets | chanted", "people | briefed on the talks | said"): the noun phrase with its clause, or null.
 */
function reducedRelative(units: readonly WordUnit[], first: number, end: number, floor: number): PhraseRange | null {
  for (let k = first - 1; k > floor && first - k <= MAX_RELATIVE_GAP; k--) {
    const u = units[k]!;
    if (u.pos === 'VERB' && /(ing|ed)$/.test(u.lower) && !SPEECH_CUES.has(u.lower)) {
      return participleHead(units, k, end, floor);
    }
    if (!RELATIVE_POS.has(u.pos) || u.type !== 'word') return null;
  }
  return null;
}

/** The noun phrase before the participle at unit `k`, through `end`, when it is a subject (no verb or preposition before). */
function participleHead(units: readonly WordUnit[], k: number, end: number, floor: number): PhraseRange | null {
  const head = units[k - 1]!;
  if (head.pos !== 'NOUN' && head.pos !== 'PROPN') return null;
  let start = k - 1;
  while (start - 1 >= floor && k - start < MAX_UNITS && nounAt(units, start - 1)) start--;
  const before = units[start - 1];
  if (before && start > floor && (before.pos === 'VERB' || before.pos === 'ADP')) return null;
  return trimPhrase(units, start, end);
}

const PARTS_OF_DAY = new Set(['morning', 'afternoon', 'evening', 'night']);

/** True when unit `k` is the part of a named day ("Thursday evening"): a time between the speaker and the cue. */
function partOfDay(units: readonly WordUnit[], k: number): boolean {
  return PARTS_OF_DAY.has(units[k]!.lower) && WEEKDAYS.includes(units[k - 1]?.lower ?? '');
}

/** True when a unit between a speaker and the cue is no part of the speaker: listed words and manner adverbs. */
function skippable(u: WordUnit): boolean {
  return SKIPPABLE.has(u.lower) || (u.pos === 'ADV' && /^[a-z]+ly$/.test(u.value));
}

/** True when unit `k` is a gerund after a possessive, a noun whatever its tag ("familiar with his thinking"). */
function possessedGerund(units: readonly WordUnit[], k: number): boolean {
  const u = units[k]!;
  return u.pos === 'VERB' && /ing$/.test(u.lower) && POSSESSIVES.has(units[k - 1]?.lower ?? '');
}

/** True when unit `k` belongs to a noun phrase ("a source familiar with his thinking said"). */
function nounAt(units: readonly WordUnit[], k: number): boolean {
  return inPhrase(units[k]!) || possessedGerund(units, k) || linkedPronoun(units, k);
}

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'those']);

/** True when unit `k` is "those" or an object pronoun after a link ("those close to him", "a friend of hers"). */
function linkedPronoun(units: readonly WordUnit[], k: number): boolean {
  const u = units[k]!.lower;
  return u === 'those' || (OBJECT_PRONOUNS.has(u) && PHRASE_LINKS.has(units[k - 1]?.lower ?? ''));
}

/** True when unit `k` is a participle modifying the noun after it ("one unaligned Florida strategist"). */
function modifier(units: readonly WordUnit[], k: number): boolean {
  const next = units[k + 1];
  return units[k]!.pos === 'VERB' && /(ed|ing)$/.test(units[k]!.lower) && /^(PROPN|NOUN|ADJ)$/.test(next?.pos ?? '');
}

/** Cue forms that can come before their speaker ("..., said Price."). */
const INVERTIBLE = new Set([
  'said',
  'says',
  'added',
  'adds',
  'wrote',
  'writes',
  'asked',
  'asks',
  'continued',
  'explained',
  'noted',
  'notes',
  'tweeted',
  'recalled',
  'recalls',
  'argued',
  'argues',
  'insisted',
  'replied',
  'responded',
  'declared',
  'warned',
  'acknowledged',
  'concluded',
  'read',
  'reads',
  'chanted',
  'shouted',
  'declares',
  'explains',
  'adds',
  'continues',
  'insists',
  'pressed',
  'answered',
  'countered',
  'quipped',
  'joked',
  'commented',
  'retorted',
  'exclaimed',
  'confessed',
  'interjected',
  'fumed',
  'mused',
  'scoffed',
  'lamented',
  'proclaimed',
  'whispered',
  'marveled',
  'opined',
  'to',
]);

/** The last unit of the noun phrase right after unit `cue`, before an adjunct ("said Price on Tuesday"). */
function phraseAfterEnd(units: readonly WordUnit[], cue: number, ceiling: number): number {
  const start = cue + 1;
  let last = start - 1;
  // After "according to" a noun phrase must follow, whatever the tagger says of its first word ("polls", "reports").
  const opensPhrase = (k: number): boolean => k === start && units[cue]!.lower === 'to' && units[k]!.type === 'word';
  const fits = (k: number): boolean => inPhrase(units[k]!) || opensPhrase(k) || modifier(units, k);
  while (last + 1 <= ceiling && last + 1 - start < MAX_UNITS && fits(last + 1)) {
    // Stop before a preposition that opens an adjunct ("said Price on Tuesday"), keep "of"/"familiar with".
    const next = units[last + 1]!;
    if ((next.lower === 'to' || next.lower === 'at' || next.lower === 'from') && last >= start) break;
    last++;
  }
  return last;
}

/** The speaker phrase starting right after unit `cue` ("said Price", "according to the White House"). */
export function phraseAfter(units: readonly WordUnit[], cue: number, ceiling: number): PhraseRange | null {
  if (!INVERTIBLE.has(units[cue]!.lower)) return null;
  const start = cue + 1;
  if (start > ceiling) return null;
  if (PRONOUNS.has(units[start]!.lower)) return { first: start, last: start };
  // "said at a Washington event", "said of RT": a preposition opens an adjunct, never the speaker.
  if (units[cue]!.lower !== 'to' && PHRASE_LINKS.has(units[start]!.lower)) return null;
  const last = phraseAfterEnd(units, cue, ceiling);
  if (last < start || (last === start && TIME_WORDS.includes(units[last]!.lower))) return null;
  // Inverted order ends the clause: "..., said Price." but not "said the talks would go on". Right after a quotation
  // the order is inverted anyway, and the phrase may go on ('"...," said a user going by the handle X').
  const after = units[last + 1];
  const afterQuotation = /^["”'’]+$/.test(units[cue - 1]?.value ?? '');
  if (units[cue]!.lower !== 'to' && !afterQuotation && after && !/^[,.;:!?()—–]$/.test(after.value)) return null;
  return trimPhrase(units, start, last, units[cue]!.lower === 'to');
}
