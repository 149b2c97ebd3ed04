import type { DateMention, Span } from '../../model.js';
import type { Token } from '../../nlp/wink.js';
import { firstTokenFrom, lastTokenEndingBy } from '../numbers/token-range.js';

/** Punctuation that separates clauses and phrases inside a sentence. */
const BREAK = /^(?:[,;:()—–]|-)$/;

/** Words that open a subordinate clause whose main clause follows ("As the conflict escalated ..., X urged ..."). */
const SUBORDINATORS = new Set(['as', 'when', 'while', 'after', 'before', 'since', 'although', 'though', 'because']);

/** Prepositions and determiners that belong to a date expression when the date is taken out ("on", "in the"). */
const DATE_LEAD = new Set(['on', 'in', 'over', 'during', 'at', 'the', 'this', 'past', 'earlier', 'late', 'early']);

/** Date expressions that carry meaning beyond the date and stay in the statement ("since 1997", "until May"). */
const KEEP_DATE = /^(?:since|until|till|by|before|after|from|through)\b/i;

/** Statements longer than this are cut (word count). */
const MAX_WORDS = 30;

/** A run of tokens `[from, to)`. */
interface Chunk {
  from: number;
  to: number;
}

/** Splits tokens `[from, to)` at clause punctuation (a spaced dash counts; a hyphen inside a word does not). */
function chunksOf(tokens: readonly Token[], from: number, to: number): Chunk[] {
  const chunks: Chunk[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const spacedHyphen = t.value === '-' && tokens[i - 1]?.end !== t.start && tokens[i + 1]?.start !== t.end;
    if ((BREAK.test(t.value) && t.value !== '-') || spacedHyphen) {
      if (i > start) chunks.push({ from: start, to: i });
      start = i + 1;
    }
  }
  if (to > start) chunks.push({ from: start, to });
  return chunks;
}

/** True when a chunk has a finite-looking verb. */
function hasVerb(tokens: readonly Token[], c: Chunk): boolean {
  for (let i = c.from; i < c.to; i++) if (tokens[i]!.pos === 'VERB') return true;
  return false;
}

/** True when a chunk opens with a participle or subordinator and so needs the main clause after it. */
function isSubordinate(tokens: readonly Token[], c: Chunk): boolean {
  const first = tokens[c.from];
  if (!first) return false;
  return SUBORDINATORS.has(first.normal) || (first.pos === 'VERB' && first.normal.endsWith('ing'));
}

/** True when the chunk's last "that" has no verb after it yet (the reported clause goes on past a comma). */
function opensUnfinishedClause(tokens: readonly Token[], c: Chunk): boolean {
  let i = c.to - 1;
  while (i >= c.from && tokens[i]!.normal !== 'that') i--;
  if (i < c.from) return false;
  for (let j = i + 1; j < c.to; j++) if (tokens[j]!.pos === 'VERB' || tokens[j]!.pos === 'AUX') return false;
  return true;
}

/** The chunks `[first, last]` of a clause being grown around chunk `k`. */
interface ChunkRun {
  first: number;
  last: number;
}

/** The characters of the chunks `[first, last]`. */
function spanOf(chunks: readonly Chunk[], run: ChunkRun): Chunk {
  return { from: chunks[run.first]!.from, to: chunks[run.last]!.to };
}

/** A date phrase alone ("On Monday,") or a subordinate clause reaches forward to the main clause. */
function reachForward(tokens: readonly Token[], chunks: readonly Chunk[], k: number, run: ChunkRun): void {
  while (run.last + 1 < chunks.length && run.last - k < 2 && !hasVerb(tokens, spanOf(chunks, run))) run.last++;
  if (run.last === k && run.last + 1 < chunks.length && isSubordinate(tokens, chunks[k]!)) run.last++;
}

/**
 * Reaches back for a verb, and for the subject of a clause that opens on its verb ("Sullivan and his counterpart,
 * Meir Ben-Shabbat, spoke again Tuesday") from the chunks before.
 */
function reachBack(tokens: readonly Token[], chunks: readonly Chunk[], k: number, run: ChunkRun): void {
  while (run.first > 0 && k - run.first < 2 && !hasVerb(tokens, spanOf(chunks, run))) run.first--;
  const opening = chunks[run.first]!;
  const opensOnVerb = /^(?:VERB|AUX|ADV)$/.test(tokens[opening.from]!.pos) && !isSubordinate(tokens, opening);
  if (!opensOnVerb) return;
  while (run.first > 0 && k - run.first < 2 && !hasVerb(tokens, chunks[run.first - 1]!)) run.first--;
}

/** Picks the chunks that make the event's clause around chunk `k`, or null when none has a verb. */
function clauseAround(tokens: readonly Token[], chunks: readonly Chunk[], k: number): Chunk | null {
  const run: ChunkRun = { first: k, last: k };
  reachForward(tokens, chunks, k, run);
  reachBack(tokens, chunks, k, run);
  // "X said on Tuesday that Blinken, Sullivan and Sherman have spoken ...": the reported clause runs past commas.
  while (run.last + 1 < chunks.length && run.last - k < 3 && opensUnfinishedClause(tokens, spanOf(chunks, run))) {
    run.last++;
  }
  const clause = spanOf(chunks, run);
  return hasVerb(tokens, clause) ? clause : null;
}

/** The subject of a relative clause ("Antonio Guterres, who said Sunday ..."): the proper names closing the chunk before. */
function relativeSubject(text: string, tokens: readonly Token[], before: Chunk | undefined): string | null {
  if (!before) return null;
  let i = before.to - 1;
  while (i >= before.from && tokens[i]!.pos !== 'PROPN') i--;
  const end = i;
  // Names may hold hyphens ("Secretary-General").
  while (
    i >= before.from &&
    (tokens[i]!.pos === 'PROPN' || (tokens[i]!.value === '-' && tokens[i - 1]?.end === tokens[i]!.start))
  )
    i--;
  return end > i ? text.slice(tokens[i + 1]!.start, tokens[end]!.end) : null;
}

/** The character range to take out for the date (with "on", "in the", "over the" before it), or null to keep it. */
function dateCut(text: string, tokens: readonly Token[], date: DateMention, clause: Chunk): Span | null {
  // Token starts and ends never decrease, so binary searches find the tokens around the date.
  const previous = tokens[lastTokenEndingBy(tokens, date.start)];
  if (KEEP_DATE.test(date.text) || (previous && KEEP_DATE.test(previous.normal))) return null;
  const after = firstTokenFrom(tokens, date.end);
  // "the 2014 war": a date used as a modifier stays.
  if (after < clause.to && /^(?:NOUN|PROPN)$/.test(tokens[after]!.pos)) return null;
  let start = date.start;
  const first = firstTokenFrom(tokens, date.start);
  let i = (first < tokens.length ? first : -1) - 1;
  for (let n = 0; n < 2 && i >= clause.from && DATE_LEAD.has(tokens[i]!.normal); n++, i--) start = tokens[i]!.start;
  return { start, end: date.end };
}

/** Tidies a statement: spaces, punctuation and quote marks left at its edges, a capital first letter, a length cap. */
function tidy(statement: string): string {
  let s = statement
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?’”])/g, '$1')
    .replace(/^[\s,;:"“”'‘’—–-]+|[\s,;:"“”‘—–-]+$/g, '')
    .replace(/^(?:and|but|or|so|then)\s+/i, '');
  const words = s.split(' ');
  if (words.length > MAX_WORDS) s = words.slice(0, MAX_WORDS).join(' ');
  if ((s.match(/“/g)?.length ?? 0) > (s.match(/”/g)?.length ?? 0)) s += '”';
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * A short statement of the event reported around a date expression: the clause that holds the date (subject, verb,
 * object), reaching over a leading date phrase or subordinate clause to the main clause, without the date itself.
 * Returns null when no clause with a verb holds the date (captions, signature lines, headings).
 */
export function compressClause(
  text: string,
  tokens: readonly Token[],
  range: { from: number; to: number },
  date: DateMention,
): string | null {
  const chunks = chunksOf(tokens, range.from, range.to);
  const k = chunks.findIndex((c) => tokens[c.from]!.start <= date.start && tokens[c.to - 1]!.end >= date.end);
  if (k < 0) return null;
  const clause = clauseAround(tokens, chunks, k);
  if (!clause) return null;
  const start = tokens[clause.from]!.start;
  const end = tokens[clause.to - 1]!.end;
  const cut = dateCut(text, tokens, date, clause);
  let statement = cut ? text.slice(start, cut.start) + ' ' + text.slice(cut.end, end) : text.slice(start, end);
  const opener = tokens[clause.from]!.normal;
  if (opener === 'who' || opener === 'which') {
    const subject = relativeSubject(
      text,
      tokens,
      chunks[chunks.indexOf(chunks.find((c) => c.from === clause.from)!) - 1],
    );
    if (subject) statement = subject + statement.slice(opener.length);
  }
  return tidy(statement);
}
