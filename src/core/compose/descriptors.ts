import type { Article, Citation } from '../model.js';
import type { KeyEntity } from './key-entities.js';

/** The words an outlet attaches to one entity, with where they are. */
export interface EntityDescriptors {
  entityId: string;
  terms: string[];
  citations: Citation[];
}

const MAX_WORDS = 12;
const PREPOSITIONS = new Set(
  'of in on at by for from to with over under during after before since until between among against about into through than as'.split(
    ' ',
  ),
);
const TIME_NOUN = /\b(?:weekend|week|day|morning|afternoon|evening|night|month|year|time|moment)s?\b/iu;
const SPEECH_VERB = /\b(?:said|says|told|added|noted|wrote|tweeted|according)\b/i;
/** Nouns for members of a group, which describe it when they follow its name ("Hamas militants"). */
const MEMBER_NOUNS =
  /^\s+(militants|fighters|terrorists|extremists|gunmen|rebels|insurgents|operatives|leaders|officials|loyalists|supporters|activists|protesters|lawmakers)\b/u;

/** A descriptor must describe: some lower-case word, no reporting verb, not too long. */
function acceptable(phrase: string): boolean {
  const words = phrase.trim().split(/\s+/);
  return words.length >= 1 && words.length <= MAX_WORDS && /\p{Ll}{3}/u.test(phrase) && !SPEECH_VERB.test(phrase);
}

type Found = { term: string; start: number; end: number };

function appositionAfter(text: string, end: number): Found | null {
  const m = /^,\s+((?:the|a|an)\s+[^,.;:()"“”]{3,120}?)(?=[,.;:)"“”]|$)/u.exec(text.slice(end, end + 160));
  if (!m?.[1] || !acceptable(m[1])) return null;
  const start = end + m[0].indexOf(m[1]);
  return { term: m[1].trim(), start, end: start + m[1].length };
}

function appositionBefore(text: string, start: number): Found | null {
  const window = text.slice(Math.max(0, start - 120), start);
  const m = /(?:^|[\s(])((?:the|a|an)\s+(?:(?!\b(?:the|a|an)\b)[^,.;:()"“”]){3,100}),\s*$/u.exec(window);
  if (!m?.[1] || !acceptable(m[1]) || TIME_NOUN.test(m[1])) return null;
  // "Over the weekend, Biden ..." is an adverbial, not an apposition.
  const before =
    window
      .slice(0, m.index + m[0].indexOf(m[1]))
      .trim()
      .split(/\s+/)
      .at(-1)
      ?.toLowerCase() ?? '';
  if (PREPOSITIONS.has(before)) return null;
  const at = start - window.length + window.lastIndexOf(m[1]);
  return { term: m[1].trim(), start: at, end: at + m[1].length };
}

function premodifier(text: string, start: number): Found | null {
  const window = text.slice(Math.max(0, start - 80), start);
  const m = /\b(?:[Tt]he|[Aa]n?)\s+((?:[\p{L}-]+\s+){0,2}\p{Ll}[\p{L}-]*)\s+$/u.exec(window);
  if (
    !m?.[1] ||
    !acceptable(m[1]) ||
    [...m[1].toLowerCase().split(/\s+/)].some((w) => PREPOSITIONS.has(w) || w === 'and' || w === 'or')
  )
    return null;
  const at = start - window.length + (m.index + m[0].indexOf(m[1]));
  return { term: m[1], start: at, end: at + m[1].length };
}

function otherGroup(text: string, end: number): Found | null {
  const m = /^\s+and other\s+((?:[\p{L}-]+\s+){0,2}\p{Ll}[\p{L}-]*s)\b/u.exec(text.slice(end, end + 80));
  if (!m?.[1] || !acceptable(m[1])) return null;
  const start = end + m[0].indexOf(m[1]);
  return { term: m[1], start, end: start + m[1].length };
}

function memberNoun(text: string, end: number): Found | null {
  const m = MEMBER_NOUNS.exec(text.slice(end, end + 40));
  if (!m?.[1]) return null;
  const start = end + m[0].indexOf(m[1]);
  return { term: m[1], start, end: start + m[1].length };
}

/**
 * Finds what one article calls each key entity: appositions before and after the name ("the Palestinian militant
 * organization, Hamas"; "Hamas, the militant Islamic group that ..."), pre-modifiers ("the terrorist group Hamas"),
 * "X and other Y" groups and member nouns ("Hamas militants").
 */
export function findDescriptors(article: Article, entities: readonly KeyEntity[]): EntityDescriptors[] {
  const out: EntityDescriptors[] = [];
  for (const entity of entities) {
    const found: Found[] = [];
    for (const m of entity.mentions) {
      if (m.articleId !== article.id) continue;
      for (const hit of [
        appositionAfter(article.text, m.end),
        appositionBefore(article.text, m.start),
        premodifier(article.text, m.start),
        otherGroup(article.text, m.end),
        entity.type === 'person' ? null : memberNoun(article.text, m.end),
      ])
        if (hit) found.push(hit);
    }
    if (found.length === 0) continue;
    const unique = [...new Map(found.map((f) => [`${f.start}:${f.end}`, f])).values()].sort(
      (a, b) => a.start - b.start,
    );
    out.push({
      entityId: entity.id,
      terms: [...new Set(unique.map((f) => f.term))],
      citations: unique.map((f) => ({ articleId: article.id, start: f.start, end: f.end })),
    });
  }
  return out;
}
