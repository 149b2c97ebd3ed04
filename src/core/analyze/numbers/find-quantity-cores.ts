import type { Span } from '../../model.js';
import type { Token, WinkEntity } from '../../nlp/wink.js';
import { digitValue, isNumberWord, readNumberWords, SCALES, VAGUE_AMOUNTS } from './number-words.js';

/**
 * The rule that read a figure (stable names): `numbers/money-or-percent` (an amount wink tags as money or a
 * percentage, "$3 million", "40%"), `numbers/digits` ("3,000", "1.5 million"), `numbers/number-words` ("seven", "two
 * dozen"), `numbers/vague-amount` ("dozens of", "tens of thousands").
 */
export type QuantityRule =
  'numbers/money-or-percent' | 'numbers/digits' | 'numbers/number-words' | 'numbers/vague-amount';

/** The figure itself: tokens `[first, last]` (inclusive), its value (null when vague), its kind and the rule that read it. */
export interface QuantityCore {
  first: number;
  last: number;
  value: number | null;
  kind: 'count' | 'money' | 'percent';
  rule: QuantityRule;
}

/** Wink's money and percent entities of one text by first token (the first in wink's order wins). */
export type AmountEntities = ReadonlyMap<number, WinkEntity>;

/** True when two tokens touch with no space between them ("two-state", "COVID-19", "24/7"). */
function touching(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

/** True when the number is glued into a compound ("two-state", "seven-week", "25-year-old", "COVID-19", "9/11"). */
function isInCompound(tokens: readonly Token[], first: number, last: number): boolean {
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  if (touching(before, tokens[first]) && /^[-/:–]$/.test(before?.value ?? '')) return true;
  if (touching(tokens[last], after) && /^[-/:–]$/.test(after?.value ?? '') && touching(after, tokens[last + 2]))
    return true;
  return /[A-Za-z/:]/.test(tokens[first]?.value.replace(/^\$/, '') ?? '') && /\d/.test(tokens[first]?.value ?? '');
}

/** Numbers that are labels, not amounts: "Apollo 11", "No. 2", "#1", "aged 25", "25 years old", "Title 42". */
function isLabel(tokens: readonly Token[], first: number, last: number): boolean {
  const before = tokens[first - 1];
  const w = (i: number) => tokens[i]?.normal ?? '';
  if (
    before &&
    /^(?:no\.?|number|#|aged|age|ages|page|route|room|section|title|article|chapter|flight)$/.test(before.normal)
  )
    return true;
  if (w(last + 1) === 'years' && w(last + 2) === 'old') return true;
  const digits = /^\d/.test(tokens[first]?.value ?? '');
  return digits && before !== undefined && before.pos === 'PROPN' && /^[A-Z]/.test(before.value);
}

/**
 * A four-digit number from 1900 to 2099 before a singular noun or an adjective ("his 2020 run", "the 2017 campaign")
 * is a year used as a modifier; before a plural noun ("2000 people") it is a count.
 */
function isYearModifier(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !/^(?:19|20)\d{2}$/.test(t.value)) return false;
  const next = tokens[i + 1];
  if (!next || next.pos === 'PUNCT') return true;
  return next.pos === 'ADJ' || next.pos === 'PROPN' || (next.pos === 'NOUN' && !/s$/i.test(next.value));
}

/** Reads a figure in digits at token i ("3,000", "1.5 million"), or null. */
function readDigits(tokens: readonly Token[], i: number): { value: number; last: number } | null {
  const value = digitValue(tokens[i]?.value ?? '');
  if (value === null || isYearModifier(tokens, i)) return null;
  const scale = SCALES[tokens[i + 1]?.normal ?? ''];
  return scale && scale >= 100 ? { value: value * scale, last: i + 1 } : { value, last: i };
}

/** Reads a figure in words at token i ("seven", "two dozen", "twenty-five"), or null. */
function readWords(tokens: readonly Token[], i: number): { value: number; last: number } | null {
  const first = tokens[i]?.normal ?? '';
  if (!isNumberWord(first)) return null;
  const normals: string[] = [];
  for (let k = i; k < Math.min(tokens.length, i + 8); k++) normals.push(tokens[k]!.normal);
  const read = readNumberWords(normals);
  return read ? { value: read.value, last: i + read.used - 1 } : null;
}

/** Reads "tens of thousands" or "hundreds of millions" at token i, or null. */
function readTensOf(tokens: readonly Token[], i: number): { last: number } | null {
  if (!/^(?:tens|hundreds)$/.test(tokens[i]?.normal ?? '') || tokens[i + 1]?.normal !== 'of') return null;
  return /^(?:thousands|millions)$/.test(tokens[i + 2]?.normal ?? '') ? { last: i + 2 } : null;
}

/** Reads a vague amount at token i ("dozens of", "hundreds", "a handful of", "tens of thousands"), or null. */
function readVague(tokens: readonly Token[], i: number): { last: number } | null {
  const tensOf = readTensOf(tokens, i);
  if (tensOf) return tensOf;
  const w = tokens[i]?.normal ?? '';
  const next = tokens[i + 1]?.normal ?? '';
  if (!VAGUE_AMOUNTS.has(w)) return null;
  if (w === 'handful') return tokens[i - 1]?.normal === 'a' && next === 'of' ? { last: i } : null;
  if (w === 'scores') return next === 'of' ? { last: i } : null;
  return { last: i };
}

/** Wink's money and percent entities by first token: built once per text, read at every token of it. */
export function amountEntities(entities: readonly WinkEntity[]): AmountEntities {
  const byStart = new Map<number, WinkEntity>();
  for (const e of entities)
    if ((e.type === 'MONEY' || e.type === 'PERCENT') && !byStart.has(e.tokenStart)) byStart.set(e.tokenStart, e);
  return byStart;
}

/** True when the token lies inside one of the spans (dates, times) that are not quantities. */
function inSpans(token: Token | undefined, spans: readonly Span[]): boolean {
  return token !== undefined && spans.some((s) => token.start < s.end && token.end > s.start);
}

/** Reads an amount wink tags as money or a percentage that starts at token i, its value read from its digits or words. */
function readAmount(tokens: readonly Token[], amount: WinkEntity, i: number): QuantityCore {
  const at = tokens[i]?.value === '$' ? i + 1 : i;
  const read = readDigits(tokens, at) ?? readWords(tokens, at);
  const kind = amount.type === 'MONEY' ? 'money' : 'percent';
  const last = Math.max(amount.tokenEnd, read?.last ?? i);
  return { first: i, last, value: read?.value ?? null, kind, rule: 'numbers/money-or-percent' };
}

/** Reads a figure in digits or in words at token i, a percentage when "%" or "percent" follows it, or null. */
function readFigure(tokens: readonly Token[], i: number): QuantityCore | null {
  const digits = readDigits(tokens, i);
  const read = digits ?? readWords(tokens, i);
  if (!read) return null;
  const pct = /^(?:%|percent)$/.test(tokens[read.last + 1]?.normal ?? '');
  const rule = digits ? 'numbers/digits' : 'numbers/number-words';
  return { first: i, last: pct ? read.last + 1 : read.last, value: read.value, kind: pct ? 'percent' : 'count', rule };
}

/** Reads a vague amount at token i as a figure without value, or null. */
function readVagueFigure(tokens: readonly Token[], i: number): QuantityCore | null {
  const vague = readVague(tokens, i);
  if (!vague) return null;
  const first = tokens[i]?.normal === 'handful' ? i - 1 : i;
  return { first, last: vague.last, value: null, kind: 'count', rule: 'numbers/vague-amount' };
}

/** Reads the figure that starts at token i, whatever its form. */
function readCore(tokens: readonly Token[], amounts: AmountEntities, i: number): QuantityCore | null {
  const amount = amounts.get(i);
  if (amount) return readAmount(tokens, amount, i);
  return readFigure(tokens, i) ?? readVagueFigure(tokens, i);
}

/**
 * Finds the figures among tokens `[from, to)`: digits, number words, money, percentages and vague amounts, leaving out
 * numbers inside dates and times (`excluded`), compounds ("two-state", "COVID-19", "24/7"), phone numbers and labels.
 */
export function findQuantityCores(
  tokens: readonly Token[],
  amounts: AmountEntities,
  range: { from: number; to: number },
  excluded: readonly Span[],
): QuantityCore[] {
  const cores: QuantityCore[] = [];
  // Only the spans that reach into the range can hold its tokens.
  const lo = tokens[range.from]?.start ?? 0;
  const hi = tokens[range.to - 1]?.end ?? 0;
  const local = excluded.filter((s) => s.start < hi && s.end > lo);
  for (let i = range.from; i < range.to; i++) {
    if (inSpans(tokens[i], local)) continue;
    const core = readCore(tokens, amounts, i);
    if (!core || core.last >= range.to) continue;
    i = core.last;
    if (isInCompound(tokens, core.first, core.last) || isLabel(tokens, core.first, core.last)) continue;
    if (inSpans(tokens[core.last], local)) continue;
    cores.push(core);
  }
  return cores;
}
