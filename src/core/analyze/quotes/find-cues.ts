import type { WordUnit } from '../entities/word-units.js';
import {
  COGNITION_CUES,
  DOCUMENT_NOUNS,
  EVIDENCE_CUES,
  EVIDENCE_NOUNS,
  INTENTION_CUES,
  isParticipleCue,
  SPEECH_CUES,
  STANCE_CUES,
} from '../../lexicon/cue-verbs.js';

/** A cue of attribution: units `first..last` ("said", "according to", "said in a statement"). */
export interface Cue {
  first: number;
  last: number;
  kind: 'speech' | 'cognition' | 'stance' | 'according-to' | 'participle';
  text: string;
}

const NEGATIONS = new Set(['not', "n't", 'n’t', 'never', 'no', 'nor', 'refused', 'declined', 'cannot']);
// Verbs that are speech cues but, as nouns or in these forms, usually are not ("the report", "points", "charges").
const VERB_ONLY = new Set([
  'report',
  'reports',
  'post',
  'posts',
  'note',
  'notes',
  'point',
  'points',
  'charge',
  'charges',
  'answer',
  'answers',
  'remarks',
  'estimate',
  'estimates',
  'claims',
  'warning',
  'tweet',
  'tweets',
  'counter',
  'demand',
  'demands',
  'promise',
  'promises',
  'pledge',
  'pledges',
  'state',
  'states',
  'continue',
  'continues',
  'continuing',
  'repeat',
  'describe',
  'urge',
  'mention',
  'highlight',
  'highlights',
  'reporting',
  'posting',
  'stress',
  'ask',
]);
/** Particles that make a stance verb a phrasal verb of another sense ("showed up", "called off"). */
const PARTICLES = new Set(['up', 'off', 'down', 'away', 'back', 'in']);
/** Forms reliable whatever wink's part-of-speech tag says. */
const ALWAYS = new Set(['said', 'says', 'told', 'added', 'tweeted', 'wrote', 'stated', 'according']);

/** Cues that attribute only when a clause, a colon or a quotation follows ("responded that", not "responded with"). */
const NEEDS_CLAUSE = new Set([
  'respond',
  'responds',
  'responded',
  'responding',
  'reply',
  'replies',
  'replied',
  'answer',
  'answered',
  'continued',
  'agree',
  'agrees',
  'agreed',
  'maintains',
  'maintained',
  'maintain',
  'feel',
  'feels',
  'felt',
  'know',
  'knows',
  'knew',
  'expect',
  'expects',
  'expected',
  'point',
  'pointed',
  // "concludes with footage of", "the meeting concluded": an ending, unless a clause or a quotation follows.
  'conclude',
  'concludes',
  'concluded',
  'concluding',
  // "commented on the vote", "whispered to her aide": a quotation or a clause must follow for these to attribute.
  'comment',
  'comments',
  'commented',
  'commenting',
  'whisper',
  'whispers',
  'whispered',
  'whispering',
  'muttered',
  'marvel',
  'marvels',
  'marveled',
  'marvelled',
]);

/** True when a clause, colon or quotation follows unit `i` within three units, or a subject pronoun right after it. */
function clauseFollows(units: readonly WordUnit[], i: number): boolean {
  // A subject pronoun right after the verb opens a clause without "that" ("agreed they had no recourse").
  if (/^(he|she|they|we|i|it)$/.test(units[i + 1]?.lower ?? '')) return true;
  for (let k = i + 1; k <= i + 3 && k < units.length; k++) {
    if (/^(that|:|"|“|‘|')$/.test(units[k]!.lower)) return true;
  }
  return false;
}

const CALL = new Set(['call', 'calls', 'called', 'calling']);
const CALL_OBJECTS = new Set(['him', 'her', 'it', 'them', 'this', 'that', 'himself', 'herself', 'themselves']);

/**
 * True when "call" at `i` names or demands ("called for", "called on", "called him a liar", 'called it "absurd"')
 * rather than phones ("Biden called Netanyahu on Monday").
 */
function callNames(units: readonly WordUnit[], i: number): boolean {
  const next = units[i + 1];
  if (!next) return false;
  if (/^(for|on|upon)$/.test(next.lower)) return true;
  for (let k = i + 1; k <= i + 8 && k < units.length; k++) {
    const v = units[k]!.value;
    if (/^["“‘']+$/.test(v)) return true;
    if (/^[.;:!?]$/.test(v)) break;
  }
  // An object (a pronoun or a name), then a predicate noun phrase: "called him a", "called Trump the".
  let k = i + 1;
  if (CALL_OBJECTS.has(next.lower)) k++;
  else while (k <= i + 4 && /^[A-Z]/.test(units[k]?.value ?? '')) k++;
  return k > i + 1 && /^(a|an|the|his|her|their)$/.test(units[k]?.lower ?? '');
}

const READ = new Set(['read', 'reads']);

/** True when "read" gives a text's words ('The sign reads: "..."', '"...," read the statement'), not reading. */
function readsText(units: readonly WordUnit[], i: number): boolean {
  const next = units[i + 1]?.value ?? '';
  const prev = units[i - 1]?.value ?? '';
  return /^[:,]$/.test(next) || /^["”'’]+$/.test(prev) || documentReads(units, i);
}

/** True when a document ends the quotation it is read from ('"...," the letter reads.', '"...," it read.'). */
function documentReads(units: readonly WordUnit[], i: number): boolean {
  if (!READ.has(units[i]!.lower)) return false;
  const subject = units[i - 1]?.lower ?? '';
  return (DOCUMENT_NOUNS.has(subject) || subject === 'it') && afterQuotation(units, i);
}

/** "went on to say", and "went on" ending its clause after a quotation ('"...," Trump went on.'), or null. */
function goesOnCue(units: readonly WordUnit[], i: number): Cue | null {
  if (!/^(go|goes|went|going)$/.test(units[i]!.lower) || units[i + 1]?.lower !== 'on') return null;
  const third = units[i + 2];
  const last =
    third?.lower === 'to' && /^(say|says|write|add|argue|note)$/.test(units[i + 3]?.lower ?? '') ? i + 3 : i + 1;
  if (last === i + 1 && !/^[,.:;!?]$/.test(third?.value ?? '.')) return null;
  const text = units
    .slice(i, last + 1)
    .map((u) => u.value)
    .join(' ');
  return { first: i, last, kind: 'speech', text };
}

/**
 * Idioms of speech made of a verb and a particle: "shot back", "fired back", "hit back" (a retort), "pointed out" and
 * "put it" ('As
 * one voter put it, "..."'), or null. "put it" needs the "as" of the idiom before its subject, or a quotation before.
 */
function idiomCue(units: readonly WordUnit[], i: number): Cue | null {
  const u = units[i]!;
  const next = units[i + 1];
  if (!next) return null;
  const retort =
    (/^(shot|shoots|fired|fires|hit|hits)$/.test(u.lower) && next.lower === 'back') ||
    (/^(point|points|pointed|pointing)$/.test(u.lower) && next.lower === 'out');
  const putIt = /^(put|puts)$/.test(u.lower) && next.lower === 'it' && (asBefore(units, i) || afterQuotation(units, i));
  if (!retort && !putIt) return null;
  if (retort && !afterQuotation(units, i + 1) && !clauseFollows(units, i + 1)) return null;
  return { first: i, last: i + 1, kind: 'speech', text: `${u.value} ${next.value}` };
}

/** True when "as" opens the clause of unit `i` within a short subject ("As the LinkedIn chief, Jeff Weiner, put it"). */
function asBefore(units: readonly WordUnit[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 10); k--) {
    if (units[k]!.lower === 'as') return true;
    if (/^[.;:!?"“”]$/.test(units[k]!.value)) return false;
  }
  return false;
}

/** True when "say" follows a count or a plural subject ("Six in 10 say", "most voters say"), not "have a say". */
function pluralSay(units: readonly WordUnit[], i: number): boolean {
  if (units[i]!.lower !== 'say') return false;
  const prev = units[i - 1];
  return prev !== undefined && (prev.pos === 'NUM' || prev.pos === 'PRON' || /^[a-z]+s$/.test(prev.lower));
}

/** True when a quotation closes within the four units before unit `i` ('"...," Kaine responded.'). */
function afterQuotation(units: readonly WordUnit[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--)
    if (/^["”'’]+$/.test(units[k]!.value)) return /^[,.;!?]$/.test(units[i + 1]?.value ?? '.');
  return false;
}

const CLAUSE_OPENERS = /^(that|the|a|an|he|she|they|it|we|i|his|her|their|this|there)$/;

/**
 * True when a form that is often a noun ("claims", "notes", "reports") stands between a named or pronoun subject and
 * the start of a clause ("the Daily News claims the NRA's ...", "Viguerie notes that ..."): a verb, whatever the tagger
 * says.
 */
function subjectVerb(units: readonly WordUnit[], i: number): boolean {
  const u = units[i]!;
  if (!/s$/.test(u.lower) || !VERB_ONLY.has(u.lower)) return false;
  const prev = units[i - 1];
  const next = units[i + 1];
  if (!prev || !next) return false;
  const subject = prev.pos === 'PROPN' || /^(he|she|it)$/.test(prev.lower);
  return subject && (CLAUSE_OPENERS.test(next.lower) || next.pos === 'PROPN');
}

/** Verbs that attribute their object only with a particle ("voted for X", "spoke about Y", "known as Z"). */
const PHRASAL: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    vote: 'against',
    votes: 'for against',
    voted: 'for against',
    voting: 'for against',
    spoke: 'about of against',
    speaks: 'about of against',
    talked: 'about',
    talks: 'about',
    talking: 'about',
    known: 'as',
    focused: 'on',
    pointed: 'to',
    points: 'to',
    pointing: 'to',
  }).map(([verb, particles]) => [verb, new Set(particles.split(' '))]),
);

/** A verb-particle cue at unit `i` ("voted for", "talking about"), or null. */
function phrasalCue(units: readonly WordUnit[], i: number, sentenceStart: boolean): Cue | null {
  const particles = PHRASAL.get(units[i]!.lower);
  const next = units[i + 1];
  if (!particles || !next || !particles.has(next.lower) || sentenceStart || isNegated(units, i)) return null;
  if (units[i]!.pos !== 'VERB' && units[i]!.pos !== 'AUX') return null;
  const kind = units[i]!.lower.endsWith('ing') ? 'participle' : 'stance';
  return { first: i, last: i + 1, kind, text: `${units[i]!.value} ${next.value}` };
}

/** True when the cue at `i` is negated ("did not say", "declined to say"). */
function isNegated(units: readonly WordUnit[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) if (NEGATIONS.has(units[k]!.lower)) return true;
  return false;
}

/**
 * True when a verb with several senses is used in its attributing one: a clause after "responded" (or a quotation
 * before it), a name after "called", a text after "read", a quotation right before "pressed" ('"...?" Hannity
 * pressed.', not "pressed the button").
 */
function senseFits(units: readonly WordUnit[], i: number): boolean {
  const lower = units[i]!.lower;
  if (NEEDS_CLAUSE.has(lower) && !clauseFollows(units, i) && !afterQuotation(units, i)) return false;
  if (lower === 'pressed' && !afterQuotation(units, i) && !/^["“]$/.test(units[i - 1]?.value ?? '')) return false;
  if (CALL.has(lower) && !callNames(units, i)) return false;
  return !READ.has(lower) || readsText(units, i);
}

/**
 * A verb or a predicate adjective outside the lexicons that takes a clause with "that" ("learned that", "recognized
 * that", "made clear that", "is confident that"): its subject holds the clause, whatever the verb. The tagger's
 * complementizer reading of "that" (not a relative pronoun or a determiner) is the evidence.
 */
function thatClauseCue(units: readonly WordUnit[], i: number, sentenceStart: boolean): Cue | null {
  const u = units[i]!;
  const next = units[i + 1];
  if (!next || next.lower !== 'that' || next.pos !== 'SCONJ' || sentenceStart || isNegated(units, i)) return null;
  if (u.pos === 'VERB') {
    return { first: i, last: i, kind: /ing$/.test(u.lower) ? 'participle' : 'cognition', text: u.value };
  }
  const verb = units[i - 1];
  if (u.pos === 'ADJ' && verb && /^(AUX|VERB)$/.test(verb.pos)) {
    return { first: i - 1, last: i, kind: 'cognition', text: `${verb.value} ${u.value}` };
  }
  return null;
}

/** A multi-word cue at unit `i` ("according to", "went on to say", "shot back", "voted for"), or null. */
function phraseCue(units: readonly WordUnit[], i: number, sentenceStart: boolean): Cue | null {
  const u = units[i]!;
  const next = units[i + 1];
  if (u.lower === 'according' && next?.lower === 'to') {
    return { first: i, last: i + 1, kind: 'according-to', text: `${u.value} ${next.value}` };
  }
  return goesOnCue(units, i) ?? idiomCue(units, i) ?? phrasalCue(units, i, sentenceStart);
}

/** An intention verb before "to" ("wants to", "plans to"), or null. */
function intentionCue(units: readonly WordUnit[], i: number, sentenceStart: boolean): Cue | null {
  const u = units[i]!;
  if (!INTENTION_CUES.has(u.lower) || units[i + 1]?.lower !== 'to' || sentenceStart || isNegated(units, i)) return null;
  return { first: i, last: i, kind: 'stance', text: u.value };
}

/** True when a lexicon form at unit `i` is used as a verb here (the tagger's reading, or the evidence around it). */
function usedAsVerb(units: readonly WordUnit[], i: number): boolean {
  const u = units[i]!;
  // "Polls show ...": after an evidence noun these forms are verbs, whatever the tagger says.
  const evidence = (EVIDENCE_CUES.has(u.lower) && EVIDENCE_NOUNS.has(units[i - 1]?.lower ?? '')) || pluralSay(units, i);
  return (
    ALWAYS.has(u.lower) ||
    evidence ||
    (u.pos === 'VERB' && !VERB_ONLY.has(u.lower)) ||
    subjectVerb(units, i) ||
    documentReads(units, i)
  );
}

/** The cue of a single lexicon verb at unit `i` (speech, cognition or stance), or null. */
function lexiconCue(units: readonly WordUnit[], i: number, sentenceStart: boolean): Cue | null {
  const u = units[i]!;
  const next = units[i + 1];
  const speech = SPEECH_CUES.has(u.lower);
  const cognition = COGNITION_CUES.has(u.lower);
  if (!speech && !cognition && !STANCE_CUES.has(u.lower)) return thatClauseCue(units, i, sentenceStart);
  if (!usedAsVerb(units, i)) return null;
  // "Asked whether ..." / "Speaking to ..." open a sentence with a participle, not an attribution.
  if (sentenceStart || isNegated(units, i) || !senseFits(units, i)) return null;
  // Passives ("was criticized by", "confirmed by the Senate") and phrasal verbs ("showed up") attribute nothing here.
  if (next && (next.lower === 'by' || PARTICLES.has(next.lower)) && !speech) return null;
  const kind = isParticipleCue(u.lower) ? 'participle' : speech ? 'speech' : cognition ? 'cognition' : 'stance';
  return { first: i, last: i, kind, text: u.value };
}

/** The cue starting at unit `i`, or null. */
export function cueAt(units: readonly WordUnit[], i: number, sentenceStart: boolean): Cue | null {
  return (
    phraseCue(units, i, sentenceStart) ?? intentionCue(units, i, sentenceStart) ?? lexiconCue(units, i, sentenceStart)
  );
}
