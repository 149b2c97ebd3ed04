import type { Quote, Span } from '../model.js';
import type { Token } from '../nlp/wink.js';
import { firstEndingAfter } from '../span-index.js';

/** Parts of speech of a title before a name ("White House press secretary Jen Psaki", "Israel's Foreign Minister"). */
const TITLE_POS = new Set(['PROPN', 'NOUN', 'ADJ', 'PART']);
/** Parts of speech of an appositive title after a name ("Jen Psaki, the White House press secretary, said"). */
const APPOSITIVE_POS = new Set(['DET', 'PROPN', 'NOUN', 'ADJ', 'PART', 'ADP']);
/** Longest title taken either side of a name, in tokens. */
const MAX_TITLE = 7;
/** Verbs of an attribution clause ("Psaki said", "she told reporters", "said Price"). */
const SPEECH_CUES = new Set(['said', 'says', 'say', 'told', 'tells', 'added', 'stated', 'tweeted', 'wrote', 'noted']);
/** Words an attribution clause may hold between its verb and its end ("told reporters on Monday"). */
const CLAUSE_TAIL = 4;

/**
 * True when the speaker's tokens [first, last] stand in a clause that only attributes: "according to X", "said X", or
 * "X said" followed by at most a few words (an object, a day) and a clause boundary.
 */
function isAttributionClause(tokens: readonly Token[], first: number, last: number): boolean {
  const before = tokens[first - 1]?.normal;
  if (
    before !== undefined &&
    (SPEECH_CUES.has(before) || (before === 'to' && tokens[first - 2]?.normal === 'according'))
  )
    return true;
  let k = last + 1;
  while (k < tokens.length && APPOSITIVE_POS.has(tokens[k]!.pos) && k - last <= MAX_TITLE) k++;
  if (tokens[k]?.value === ',') k++;
  if (!SPEECH_CUES.has(tokens[k]?.normal ?? '')) return false;
  for (let n = 1; n <= CLAUSE_TAIL + 1; n++) {
    const t = tokens[k + n];
    if (!t || t.sentence !== tokens[k]!.sentence || t.type === 'punctuation') return true;
    if (t.normal === 'that' || t.pos === 'VERB' || t.pos === 'AUX') return false;
  }
  return false;
}

/**
 * The spans of an article that say who said something rather than what: the speaker of each attribution clause ("...,
 * Psaki said."; "according to X") with the title
 * run right before it ("White House press secretary Jen Psaki") or the appositive right after it (", the White House
 * press secretary,"). Two statements that only share who said them are not thereby about the same thing.
 */
export function attributionSpans(articleId: string, tokens: readonly Token[], quotes: readonly Quote[]): Span[] {
  const spans: Span[] = [];
  for (const q of quotes) {
    const m = q.speaker?.mention;
    if (!m || q.articleId !== articleId || q.embed !== undefined) continue;
    let first = firstEndingAfter(tokens, m.start);
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1]!.start < m.end) last++;
    // The speaker is often the actor too ("Biden told Netanyahu ... that he expects"): only an attribution clause of
    // its own ("..., Psaki said on Monday, ..."; "said Price"; "according to X") says no more than who said it.
    if (!isAttributionClause(tokens, first, last)) continue;
    for (let n = 0; n < MAX_TITLE && first > 0 && TITLE_POS.has(tokens[first - 1]!.pos); n++) first--;
    if (tokens[last + 1]?.value === ',') {
      let k = last + 2;
      while (k < tokens.length && k - last <= MAX_TITLE + 1 && APPOSITIVE_POS.has(tokens[k]!.pos)) k++;
      if (tokens[k]?.value === ',' && k > last + 2) last = k;
    }
    if (first < tokens.length && last < tokens.length)
      spans.push({ start: tokens[first]!.start, end: tokens[last]!.end });
  }
  return spans;
}
