import { ANALYSIS_CACHE_SIZE, analyzeText, type Token } from '../../nlp/wink.js';
import type { RunContext } from '../../run-context.js';
import { DEMONYMS, PLACE_NAMES } from '../../lexicon/places.js';
import { INSTITUTION_NAMES } from '../../lexicon/institutions.js';

/** A word of the text: a wink token, or several joined by in-word hyphens ("Ben-Shabbat", "Secretary-General"). */
export interface WordUnit {
  start: number;
  end: number;
  value: string;
  lower: string;
  pos: string;
  type: string;
  /** Index of the wink sentence the unit starts in. */
  sentence: number;
}

/** True when a hyphen part names something on its own ("Israel-Hamas" is two names, "Ben-Shabbat" one). */
function standsAlone(value: string): boolean {
  const lower = value.toLowerCase();
  return PLACE_NAMES.has(lower) || INSTITUTION_NAMES.has(lower) || DEMONYMS.has(lower);
}

/** True when tokens a, '-', b touch and the hyphen is inside one word. */
function joinsHyphen(tokens: readonly Token[], i: number): boolean {
  const a = tokens[i];
  const h = tokens[i + 1];
  const b = tokens[i + 2];
  if (!a || !h || !b || h.value !== '-' || a.end !== h.start || h.end !== b.start) return false;
  if (!/[A-Za-z]$/.test(a.value) || !/^[A-Za-z]/.test(b.value)) return false;
  return !(standsAlone(a.value) && standsAlone(b.value));
}

/**
 * The word units of a text, in order, with hyphenated words joined. Several passes (names, aliases, titles, quotes)
 * read the same article: the units are memoized per text in the run's context, as many texts as its analyses. Callers
 * must not modify the result.
 */
export function wordUnits(text: string, ctx: RunContext): readonly WordUnit[] {
  return ctx
    .memo<string, WordUnit[]>('entities.word-units', ANALYSIS_CACHE_SIZE)
    .get(text, () => buildUnits(text, analyzeText(text, ctx).tokens));
}

/** Builds the word units of a tokenized text. */
function buildUnits(text: string, tokens: readonly Token[]): WordUnit[] {
  const units: WordUnit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let end = t.end;
    let last = i;
    while (joinsHyphen(tokens, last)) {
      last += 2;
      end = tokens[last]!.end;
    }
    const value = text.slice(t.start, end);
    units.push({
      start: t.start,
      end,
      value,
      lower: value.toLowerCase(),
      pos: t.pos,
      type: t.type,
      sentence: t.sentence,
    });
    i = last;
  }
  return units;
}
