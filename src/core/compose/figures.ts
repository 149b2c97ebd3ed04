// Figures read from the numbers stage with what they count (event and counted-noun class, side), for comparing the
// figures of different statements: the differences between articles and whether two statements can tell one event.
import { stemmer } from 'stemmer';
import type { DateValue, NumberMention, Span } from '../model.js';
import type { Token } from '../nlp/wink.js';
import { COUNT_NOUN_CLASSES, EVENT_VERB_CLASSES, PEOPLE_NOUNS } from './lexicons.js';
import type { Statement } from './statements.js';

/** A figure of the numbers stage with what it measures, ready to be compared with figures of other articles. */
export interface Figure {
  mention: NumberMention;
  value: number;
  /** Grouping key: event class and counted-noun class. */
  key: string;
  /** Readable description of what is measured, e.g. "people killed". */
  about: string;
  /** The group the counted people belong to when the text names one ("Palestinians", "on the Israeli side"). */
  side: string | null;
  asOf: DateValue | null;
  /** The sentence that states the figure (what a difference cites, so that a reader sees what was counted). */
  sentence: Span;
}

/** Counted nouns too vague or too generic to compare across articles. */
const VAGUE_NOUNS = new Set([
  'others',
  'other',
  'more',
  'percent',
  'times',
  'years',
  'year',
  'days',
  'hours',
  'minutes',
  'weeks',
  'months',
  'points',
]);
/** A figure stated as a share. */
const PERCENT = /%|\bper\s?cent\b/iu;
/** Words right before a figure that make it a part of a larger count ("including 16 girls"). */
const SUBCOUNT = /\b(?:including|among them|among)\s+(?:\S+\s+){0,2}$/iu;
/** Participles that the numbers stage writes as the last word of `counts` when an event verb is stated. */
const EVENT_WORD = /^(?:\p{L}+ed|hurt|shot|missing)$/u;
/** A group named as the counted people's side in the sentence ("On the Israeli side, seven people..."). */
const SIDE_PHRASE = /\b(?:on\s+the\s+)?(\p{Lu}[\p{L}-]+)\s+side\b/u;

/** Tokens read after a figure for the event it counts ("Fourteen people were treated for ..."). */
const EVENT_AFTER = 8;
/** Tokens read before a figure for the event it counts ("forced the evacuation of about 1,200 people"). */
const EVENT_BEFORE = 5;
/** Auxiliaries and copulas: never the event of a figure. */
const AUXILIARY =
  /^(?:be|is|are|was|were|been|being|am|has|have|had|do|does|did|will|would|can|could|may|might|must|shall|should|get|got)$/u;
/** People moved out of their homes ("ordered out of their homes", "forcing 1,200 residents from their homes"). */
const FROM_HOMES = /\b(?:from|out\s+of|fled)\s+(?:their\s+|the(?:ir)?\s+own\s+)?homes?\b/iu;

/** The event class of a word, when it names one of the lexicon's events ("evacuation", "hospitals", "burns"). */
function eventClassOf(t: Token): string | null {
  if (t.type !== 'word') return null;
  return EVENT_VERB_CLASSES.get(stemmer(t.normal)) ?? null;
}

/**
 * The event a figure counts when the numbers stage found none in its words: read from the figure's own clause (the
 * tokens either side up to a comma or other punctuation), first a word of a known event ("were evacuated", "the
 * evacuation of", "taken to hospitals"), then people sent "from their homes", then the nearest verb either side
 * ("were ordered", "lives two blocks"), as a key (its stem) and a word to show; null when the clause has no verb. Two counts of people are alike only
 * when they count the same event: 1,200 evacuated and 14 treated are not two values of one thing.
 */
function clauseEvent(tokens: readonly Token[], figure: Span): { key: string; word: string } | null {
  const { ahead, behind } = clauseTokens(tokens, figure);
  for (const t of [...ahead, ...behind]) {
    const cls = eventClassOf(t);
    if (cls) return { key: cls, word: cls };
  }
  const clause = [...behind]
    .reverse()
    .concat(ahead)
    .map((t) => t.value)
    .join(' ');
  if (FROM_HOMES.test(clause)) {
    const displaced = EVENT_VERB_CLASSES.get('evacu') ?? 'displaced';
    return { key: displaced, word: displaced };
  }
  // The nearest verb either side: "fell to 473,000 last week from a revised 507,000" is a count of what fell.
  const isVerb = (t: Token | undefined): boolean => t !== undefined && t.pos === 'VERB' && !AUXILIARY.test(t.normal);
  for (let k = 0; k < Math.max(ahead.length, behind.length); k++) {
    const verb = [behind[k], ahead[k]].find(isVerb);
    if (verb) return { key: stemmer(verb.normal), word: verb.normal };
  }
  return null;
}

/** Words right before a figure that make it an amount of change ("increased by 37,000", "up 5,000"). */
const CHANGE_BEFORE = /\b(?:by|up|down)\s+(?:about\s+|nearly\s+|roughly\s+|some\s+)?$/iu;
/** Words right after a figure that make it an amount of change ("rose 37,000 last week to 412,000", "fell 92,000 from"). */
const CHANGE_AFTER = /^\s+(?:[\p{L}.'’]+\s+){0,4}?(?:to|from)\s+(?:[\p{L}]+\s+){0,2}[$€£]?\d/u;
/** Words right before a figure that make it the level reached ("fell to 473,000 ... from a revised 507,000"). */
const LEVEL_BEFORE = /\bto\s+(?:about\s+|nearly\s+|roughly\s+|some\s+|an?\s+)?$/iu;
/** Words of a figure's clause that make it a forecast, not a count of what happened ("economists expected 700,000"). */
const FORECAST = new Set([
  'forecast',
  'forecasts',
  'predicted',
  'prediction',
  'predictions',
  'consensus',
  'expectations',
  'expected',
  'projected',
  'would',
]);

/**
 * What kind of measure a figure is beyond what it counts: an amount of change ("rose 37,000 to 412,000") or a forecast
 * ("economists expected 700,000") is not comparable with a level that was reported ("412,000 claims", "850,000 jobs").
 */
function measureKind(tokens: readonly Token[], figure: Span, text: string, at: number): string {
  const before = text.slice(Math.max(0, figure.start - at - 30), figure.start - at);
  const after = text.slice(figure.end - at, figure.end - at + 40);
  if (!LEVEL_BEFORE.test(before) && (CHANGE_BEFORE.test(before) || CHANGE_AFTER.test(after))) return '|change';
  const clause = clauseTokens(tokens, figure);
  return [...clause.ahead, ...clause.behind].some((t) => FORECAST.has(t.normal)) ? '|forecast' : '';
}

/** The tokens of a figure's clause after it and before it (nearest first), up to punctuation. */
function clauseTokens(tokens: readonly Token[], figure: Span): { ahead: Token[]; behind: Token[] } {
  const first = tokens.findIndex((t) => t.end > figure.start);
  if (first < 0) return { ahead: [], behind: [] };
  let after = first;
  while (after < tokens.length && tokens[after]!.start < figure.end) after++;
  const ahead: Token[] = [];
  for (let k = after; k < tokens.length && ahead.length < EVENT_AFTER; k++) {
    if (tokens[k]!.type === 'punctuation') break;
    ahead.push(tokens[k]!);
  }
  const behind: Token[] = [];
  for (let k = first - 1; k >= 0 && behind.length < EVENT_BEFORE; k--) {
    if (tokens[k]!.type === 'punctuation') break;
    behind.push(tokens[k]!);
  }
  return { ahead, behind };
}

/** The root of a demonym or group adjective ("Palestinians" → "palestinian"), or null for other words. */
function groupRoot(word: string): string | null {
  const first = word.split('-')[0] ?? word;
  if (!/^\p{Lu}/u.test(first) || !/(?:ans?|is?|ese|ish)$/u.test(first)) return null;
  return first.toLowerCase().replace(/s$/u, '');
}

/** Splits `counts` ("Palestinian civilians killed") into its noun words and event class. */
function parseCounts(counts: string): { nouns: string[]; event: string | null } {
  const words = counts.split(/\s+/).filter(Boolean);
  const last = words.at(-1) ?? '';
  if (words.length > 1 && EVENT_WORD.test(last)) {
    return { nouns: words.slice(0, -1), event: EVENT_VERB_CLASSES.get(stemmer(last)) ?? last };
  }
  if (words.length === 1 && EVENT_WORD.test(last))
    return { nouns: [], event: EVENT_VERB_CLASSES.get(stemmer(last)) ?? last };
  return { nouns: words, event: null };
}

function nounClass(head: string): string {
  const lower = head.toLowerCase();
  if (PEOPLE_NOUNS.has(lower) || groupRoot(head) !== null) return 'people';
  const stem = stemmer(lower);
  return COUNT_NOUN_CLASSES.get(stem) ?? stem;
}

/** The statement holding a span: binary search among the statements of its article (in text order). */
export function statementAt(byArticle: ReadonlyMap<string, Statement[]>, n: NumberMention): Statement | null {
  const list = byArticle.get(n.articleId) ?? [];
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (s.end <= n.start) lo = mid + 1;
    else if (s.start > n.start) hi = mid - 1;
    else return n.end <= s.end ? s : null;
  }
  return null;
}

/** What a figure counts: its head noun's class, the event it counts, and the words that name both. */
interface Counted {
  nouns: string[];
  head: string | null;
  cls: string;
  event: string | null;
  clause: { key: string; word: string } | null;
}

/** True when a mention states a figure that can be compared at all (a value, a count, in a real sentence, not a sub-count). */
function isComparable(n: NumberMention, statement: Statement | null, articleText: string): statement is Statement {
  if (n.value === null || n.counts === null || !statement || statement.junk) return false;
  return !SUBCOUNT.test(articleText.slice(Math.max(0, n.start - 40), n.start));
}

/** What the mention counts, or null when it counts nothing comparable (a vague noun, people counted for no event). */
function countedBy(n: NumberMention & { counts: string }, statement: Statement): Counted | null {
  const { nouns, event: stated } = parseCounts(n.counts);
  const head = nouns.at(-1) ?? null;
  if (head !== null && VAGUE_NOUNS.has(head.toLowerCase())) return null;
  if (head === null && stated === null) return null;
  const cls = head === null ? 'people' : nounClass(head);
  const clause = stated === null ? clauseEvent(statement.tokens, n) : null;
  const event = stated ?? clause?.key ?? null;
  // People counted for no event the sentence states are not comparable with anything.
  if (event === null && cls === 'people') return null;
  return { nouns, head, cls, event, clause };
}

/** The group a figure is about: a group named among its nouns, else one named in the sentence ("Palestinians"). */
function sideOf(nouns: readonly string[], statement: Statement): string | null {
  const named = nouns.map(groupRoot).find((g) => g !== null) ?? null;
  if (named !== null) return named;
  const sidePhrase = SIDE_PHRASE.exec(statement.text)?.[1];
  return sidePhrase ? groupRoot(sidePhrase) : null;
}

/** Reads what a NumberMention counts; null when it is not comparable (no value, vague, a sub-count, in junk). */
export function figureOf(
  n: NumberMention,
  statement: Statement | null,
  articleText: string,
  published: DateValue | null,
): Figure | null {
  if (!isComparable(n, statement, articleText)) return null;
  const counted = countedBy(n as NumberMention & { counts: string }, statement);
  if (!counted) return null;
  const { head, cls, event, clause } = counted;
  return {
    mention: n,
    value: n.value!,
    // A share ("70 percent of adults") and a count ("160 million adults") of one group are different measures.
    key: `${event ?? ''}|${cls}${PERCENT.test(n.text) ? '|%' : ''}${measureKind(statement.tokens, n, statement.text, statement.start)}`,
    about: [cls === 'people' ? 'people' : (head ?? cls), clause?.word ?? event].filter(Boolean).join(' '),
    side: sideOf(counted.nouns, statement),
    asOf: n.asOf ?? published,
    sentence: { start: statement.start, end: statement.end },
  };
}

/** How far an approximate figure ("about 60") may be from the value it states. */
const APPROXIMATION = 0.1;

/** Qualifiers that make the value a floor: "more than 200" allows anything above 200. */
const FLOOR_QUALIFIERS = new Set(['more than', 'over', 'just over', 'upwards of', 'at least', 'no fewer than']);
/** Qualifiers that make the value a ceiling: "up to 200" allows anything below 200. */
const CEILING_QUALIFIERS = new Set([
  'fewer than',
  'less than',
  'under',
  'just under',
  'at most',
  'no more than',
  'up to',
  'as many as',
]);
/** Qualifiers of a value approached from below: "nearly 60" is a little under 60. */
const BELOW_QUALIFIERS = new Set(['nearly', 'almost', 'close to']);

/** The values a figure allows, from its qualifier: "more than 200" allows anything above 200, "about 60" 54 to 66. */
export function valueRange(f: Pick<Figure, 'value'> & { mention: Pick<NumberMention, 'qualifier'> }): {
  low: number;
  high: number;
} {
  const v = f.value;
  const q = f.mention.qualifier;
  if (q === null) return { low: v, high: v };
  if (FLOOR_QUALIFIERS.has(q)) return { low: v, high: Infinity };
  if (CEILING_QUALIFIERS.has(q)) return { low: -Infinity, high: v };
  if (BELOW_QUALIFIERS.has(q)) return { low: v * (1 - APPROXIMATION), high: v };
  // about, approximately, around, roughly, some, an estimated: close to the value either way.
  return { low: v * (1 - APPROXIMATION), high: v * (1 + APPROXIMATION) };
}
