import type { Token } from '../../nlp/wink.js';

/** Event verbs of news figures, each form mapped to the participle used in `counts` ("rockets fired"). */
const EVENT_FORMS: Record<string, string> = {};
for (const [participle, forms] of Object.entries({
  killed: 'kill kills killing',
  wounded: 'wound wounds wounding',
  injured: 'injure injures injuring',
  fired: 'fire fires firing',
  launched: 'launch launches launching',
  arrested: 'arrest arrests arresting',
  detained: 'detain detains detaining',
  displaced: 'displace displaces displacing',
  evacuated: 'evacuate evacuates evacuating',
  hurt: 'hurts hurting',
  shot: 'shoot shoots shooting',
  died: 'die dies dying dead',
  rescued: 'rescue rescues rescuing',
  hospitalized: 'hospitalize hospitalizes hospitalizing',
  infected: 'infect infects infecting',
  missing: '',
  intercepted: 'intercept intercepts intercepting',
  destroyed: 'destroy destroys destroying',
  deported: 'deport deports deporting',
  evicted: 'evict evicts evicting',
})) {
  EVENT_FORMS[participle] = participle;
  for (const f of forms.split(' ').filter(Boolean)) EVENT_FORMS[f] = participle;
}

/** Words between a figure and its noun that are not part of what is counted ("of", "more", "other"). */
const BRIDGE = new Set(['of', 'more', 'other', 'additional', 'further']);

/** Determiners allowed between a figure and its noun only after "of" ("thousands of the rockets"). */
const DETERMINERS = new Set(['the', 'these', 'those']);

/** What a figure counts: the noun phrase after it, and the event verb when one is stated. */
export interface Counted {
  noun: string | null;
  /** Last token of the noun phrase, or the figure's last token when there is none. */
  last: number;
  event: string | null;
}

/** True when tokens k and k+1 are joined by a hyphen with no spaces ("Israeli-Arab"). */
function hyphenJoined(tokens: readonly Token[], k: number): boolean {
  const a = tokens[k];
  const h = tokens[k + 1];
  const b = tokens[k + 2];
  return a !== undefined && h?.value === '-' && b !== undefined && a.end === h.start && h.end === b.start;
}

/** Where the counted noun phrase starts: past bridge words, and past a determiner after "of" ("thousands of the"). */
function phraseStart(tokens: readonly Token[], from: number, to: number): number {
  let i = from;
  while (i < to && BRIDGE.has(tokens[i]?.normal ?? '')) i++;
  if (tokens[i - 1]?.normal === 'of' && i > from && DETERMINERS.has(tokens[i]?.normal ?? '')) i++;
  return i;
}

/** The last noun of a run of at most four adjectives and nouns from token `i` (hyphenated words as one), or -1. */
function headNounEnd(tokens: readonly Token[], i: number, to: number): number {
  let headEnd = -1;
  let words = 0;
  for (let k = i; k < to && words < 4; k++, words++) {
    while (hyphenJoined(tokens, k) && k + 2 < to) k += 2;
    const t = tokens[k]!;
    if (t.pos === 'NOUN' || t.pos === 'PROPN') headEnd = k;
    else if (t.pos !== 'ADJ') break;
  }
  return headEnd;
}

/** The noun phrase right after the figure: adjectives and nouns up to the head noun ("Democratic senators"). */
function nounAfter(tokens: readonly Token[], from: number, to: number): { text: string; last: number } | null {
  const i = phraseStart(tokens, from, to);
  const headEnd = headNounEnd(tokens, i, to);
  if (headEnd < 0) return null;
  const parts = tokens.slice(i, headEnd + 1);
  const text = parts.map((t, k) => (k > 0 && parts[k - 1]!.end < t.start ? ' ' : '') + t.value).join('');
  return { text, last: headEnd };
}

/** The event verb stated after the noun phrase: "have been killed", "were wounded", "injured". */
function eventAfter(tokens: readonly Token[], from: number, to: number): string | null {
  for (let k = from; k < Math.min(to, from + 5); k++) {
    const t = tokens[k]!;
    const event = EVENT_FORMS[t.normal];
    if (event && (t.pos === 'VERB' || t.pos === 'ADJ')) return event;
    if (t.pos !== 'AUX' && t.pos !== 'ADV' && t.pos !== 'PART') return null;
  }
  return null;
}

/** The event verb the figure is the object of: "fired about 4,000 rockets", "has killed scores of civilians". */
function eventBefore(tokens: readonly Token[], first: number, from: number): string | null {
  for (let k = first - 1; k >= Math.max(from, first - 4); k--) {
    const t = tokens[k]!;
    const event = EVENT_FORMS[t.normal];
    if (event && t.pos === 'VERB') return event;
    if (!['AUX', 'ADV', 'DET', 'ADP'].includes(t.pos) && t.normal !== 'than' && t.normal !== 'least') return null;
  }
  return null;
}

/** A death-toll cue before the figure ("the death toll has risen to 65"): the figure counts people killed. */
function tollBefore(tokens: readonly Token[], first: number, from: number): string | null {
  for (let k = first - 1; k >= Math.max(from, first - 8); k--) {
    const t = tokens[k]!;
    if (t.normal === 'toll') return tokens[k - 1]?.normal === 'death' ? 'killed' : null;
    if (t.pos === 'NUM' || t.value === ',' || t.value === ';') return null;
  }
  return null;
}

/** What a figure at tokens `[first, last]` counts, within the sentence tokens `[from, to)`. */
export function findCounted(
  tokens: readonly Token[],
  core: { first: number; last: number },
  range: { from: number; to: number },
): Counted {
  const noun = nounAfter(tokens, core.last + 1, range.to);
  // "hundreds more injured": "more" belongs to the amount even without a noun.
  const more = tokens[core.last + 1]?.normal === 'more' && core.last + 1 < range.to ? core.last + 1 : core.last;
  const last = noun?.last ?? more;
  const event =
    eventAfter(tokens, last + 1, range.to) ??
    eventBefore(tokens, core.first, range.from) ??
    tollBefore(tokens, core.first, range.from);
  return { noun: noun?.text ?? null, last, event };
}
