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

/** True when the token before `first` opens an attribution: "said X", "according to X". */
function afterSpeechCue(tokens: readonly Token[], first: number): boolean {
  const before = tokens[first - 1]?.normal;
  if (before === undefined) return false;
  return SPEECH_CUES.has(before) || (before === 'to' && tokens[first - 2]?.normal === 'according');
}

/** The speech verb after the speaker's last token and its appositive ("X, the minister, said"), or -1. */
function speechCueAfter(tokens: readonly Token[], last: number): number {
  let k = last + 1;
  while (k < tokens.length && APPOSITIVE_POS.has(tokens[k]!.pos) && k - last <= MAX_TITLE) k++;
  if (tokens[k]?.value === ',') k++;
  return SPEECH_CUES.has(tokens[k]?.normal ?? '') ? k : -1;
}

/** True when the clause of the speech verb at `cue` ends within a few words, with no verb or "that" of its own. */
function clauseEndsSoon(tokens: readonly Token[], cue: number): boolean {
  for (let n = 1; n <= CLAUSE_TAIL + 1; n++) {
    const t = tokens[cue + n];
    if (!t || t.sentence !== tokens[cue]!.sentence || t.type === 'punctuation') return true;
    if (t.normal === 'that' || t.pos === 'VERB' || t.pos === 'AUX') return false;
  }
  return false;
}

/**
 * True when the speaker's tokens [first, last] stand in a clause that only attributes: "according to X", "said X", or
 * "X said" followed by at most a few words (an object, a day) and a clause boundary.
 */
function isAttributionClause(tokens: readonly Token[], first: number, last: number): boolean {
  if (afterSpeechCue(tokens, first)) return true;
  const cue = speechCueAfter(tokens, last);
  return cue >= 0 && clauseEndsSoon(tokens, cue);
}

/** The first and last token of a mention. */
function tokensOf(tokens: readonly Token[], mention: Span): [number, number] {
  const first = firstEndingAfter(tokens, mention.start);
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1]!.start < mention.end) last++;
  return [first, last];
}

/** The speaker's tokens widened by the title run before them and the appositive after them. */
function withTitles(tokens: readonly Token[], speaker: [number, number]): [number, number] {
  let [first, last] = speaker;
  for (let n = 0; n < MAX_TITLE && first > 0 && TITLE_POS.has(tokens[first - 1]!.pos); n++) first--;
  if (tokens[last + 1]?.value === ',') {
    let k = last + 2;
    while (k < tokens.length && k - last <= MAX_TITLE + 1 && APPOSITIVE_POS.has(tokens[k]!.pos)) k++;
    if (tokens[k]?.value === ',' && k > last + 2) last = k;
  }
  return [first, last];
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
    const speaker = tokensOf(tokens, m);
    // The speaker is often the actor too ("Biden told Netanyahu ... that he expects"): only an attribution clause of
    // its own ("..., Psaki said on Monday, ..."; "said Price"; "according to X") says no more than who said it.
    if (!isAttributionClause(tokens, ...speaker)) continue;
    const [first, last] = withTitles(tokens, speaker);
    if (first < tokens.length && last < tokens.length)
      spans.push({ start: tokens[first]!.start, end: tokens[last]!.end });
  }
  return spans;
}
