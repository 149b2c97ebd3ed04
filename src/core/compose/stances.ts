import { stemmer } from 'stemmer';
import type { Token } from '../nlp/wink.js';
import {
  ABSTAIN_STEMS,
  CALL_FOR_STEMS,
  HYPOTHETICAL_WORDS,
  NEGATION_WORDS,
  SUPPORT_STEMS,
  TOPIC_PHRASES,
} from './lexicons.js';
import type { Statement } from './statements.js';

/** A stance read from one statement: someone supports (or holds back from supporting) something. */
export interface Stance {
  statement: Statement;
  topic: string;
  /** +1 supports / asks for, -1 does not (negated, refrains, opposes). */
  polarity: 1 | -1;
  /** Who holds the stance: an entity id, else the lower-cased proper-noun run before the predicate, else null. */
  subject: string | null;
  /** Offset of the predicate in the article text. */
  at: number;
}

const CALENDAR = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight)$/;
const TOPIC_WINDOW = 10;
const NEGATION_WINDOW = 5;

function stemOf(t: Token): string {
  return stemmer(t.normal.replace(/[’'-]/g, ''));
}

/** The topic named right after a predicate, if any (a phrase of TOPIC_PHRASES within a few words). */
function topicAfter(words: readonly Token[], from: number): string | null {
  const stems = words.slice(from, from + TOPIC_WINDOW).map(stemOf);
  for (let i = 0; i < stems.length; i++)
    for (const phrase of TOPIC_PHRASES) if (phrase.stems.every((s, k) => stems[i + k] === s)) return phrase.topic;
  return null;
}

/** -1 when a negation or an abstaining verb comes shortly before the predicate, else +1; null when hypothetical. */
function polarityBefore(words: readonly Token[], at: number): 1 | -1 | null {
  const before = words.slice(Math.max(0, at - NEGATION_WINDOW), at);
  if (before.some((t) => HYPOTHETICAL_WORDS.has(t.normal))) return null;
  const negated = before.some((t) => NEGATION_WORDS.has(t.normal) || ABSTAIN_STEMS.has(stemOf(t)));
  return negated ? -1 : 1;
}

function isPredicate(words: readonly Token[], i: number): boolean {
  const t = words[i]!;
  const stem = stemOf(t);
  if (CALL_FOR_STEMS.has(stem) && words[i + 1]?.normal === 'for') return true;
  if (ABSTAIN_STEMS.has(stem) && (t.pos === 'VERB' || t.pos === 'AUX')) return true;
  if (!SUPPORT_STEMS.has(stem)) return false;
  // Nouns only for the stance nouns themselves ("his support for"), not for "press conference".
  return t.pos === 'VERB' || (t.pos === 'NOUN' && (stem === 'support' || stem === 'back'));
}

function subjectBefore(statement: Statement, words: readonly Token[], i: number): string | null {
  const at = words[i]!.start;
  const mention = [...statement.entityMentions].reverse().find((m) => m.end <= at);
  if (mention) return mention.entityId;
  let k = i - 1;
  while (k >= 0 && (words[k]!.pos !== 'PROPN' || CALENDAR.test(words[k]!.normal))) k--;
  if (k < 0) return null;
  const run: string[] = [];
  while (k >= 0 && words[k]!.pos === 'PROPN') run.unshift(words[k--]!.normal);
  return run.join(' ');
}

/** Reads the stances of a statement: one per topic, negative when any predicate on that topic is held back. */
export function findStances(statement: Statement): Stance[] {
  const words = statement.tokens.filter((t) => t.type === 'word');
  const byTopic = new Map<string, Stance>();
  for (let i = 0; i < words.length; i++) {
    if (!isPredicate(words, i)) continue;
    const topic = topicAfter(words, i + 1);
    if (!topic) continue;
    const polarity = ABSTAIN_STEMS.has(stemOf(words[i]!)) ? -1 : polarityBefore(words, i);
    if (polarity === null) continue;
    const previous = byTopic.get(topic);
    if (previous && previous.polarity === -1) continue;
    byTopic.set(topic, {
      statement,
      topic,
      polarity,
      subject: previous?.subject ?? subjectBefore(statement, words, i),
      at: previous?.at ?? words[i]!.start,
    });
  }
  return [...byTopic.values()];
}

/** A test telling whether two statements hold opposite stances on one topic (they must not be merged as one fact). */
export function opposedStances(statements: readonly Statement[]): (a: Statement, b: Statement) => boolean {
  const byId = new Map(statements.map((s) => [s.id, findStances(s)]));
  return (a, b) => {
    const sa = byId.get(a.id) ?? [];
    const sb = byId.get(b.id) ?? [];
    return sa.some((x) => sb.some((y) => x.topic === y.topic && x.polarity !== y.polarity));
  };
}
