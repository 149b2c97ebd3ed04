import type { DraftQuote as Draft } from './quote-pass.js';
import { quoteProvenance } from './quote-pass.js';

/** The rule of a quotation whose span this refiner extended. */
export const CLAUSE_TAIL_RULE = 'quotes/clause-tail';

/**
 * The sentence going on after a closing quotation mark: a space, then a lower-case word, up to the clause's end
 * (sentence or clause punctuation, a quotation mark, a line break). Attribution words ("he said", "according to")
 * are no part of what was said.
 */
const TAIL = /^(?:''|["”’]) ([a-z][^.;:!?"“”\n]*)/;
const SUBJECTS = '(?:he|she|they|it|we|i|who)';
const VERBS = '(?:said|says|say|according|wrote|writes|told|tells|added|adds|asked|noted|explained|tweeted)';
/**
 * A main verb after the quotation ('residents chanting "Rebuild now" blocked the road', '"Friends" has been a hit'):
 * the quotation ended the subject, and what follows is the sentence's, not the quoted statement's.
 */
const MAIN_VERB = '(?:\\w+ed|is|are|was|were|has|have|had|will|would|could|should|can|may|might|must|does|do|did)';
/** Tails that are no part of the quoted statement: an attribution ("he said") or the main verb. */
const NOT_A_TAIL = new RegExp(`^(?:${SUBJECTS}|${VERBS}|${MAIN_VERB})\\b`);
/** An attribution after a comma ("..., he said", "..., the unsigned opinion said"): the tail ends before it. */
const ATTRIBUTION_AFTER_COMMA = new RegExp(`,\\s+(?:${SUBJECTS}\\b|(?:[\\w.’'-]+\\s+){0,4}${VERBS}\\b)`);
/** Words a clause does not end on: a tail cut before another quotation or an attribution drops them ("... and"). */
const DANGLING =
  /(?:\s+(?:and|or|but|nor|to|of|for|with|by|from|in|on|at|as|that|which|the|a|an|than|is|are|was|were))+\s*$/;
/** Quoted words joined to the quotation by a conjunction ('"losers" and "sad"'): one list of quoted words. */
const JOINED_QUOTE = /^(?:''|["”’]) (?:and|or) (?:''|["“])[^"“”\n]{1,80}?(?:''|["”])/;
/** The longest tail read (characters): a clause, not a paragraph. */
const MAX_TAIL = 240;

/** The offset of the opening mark just before a quotation's content (through spaces), or null. */
function openingMark(text: string, start: number): number | null {
  if (/["“‘']/.test(text[start] ?? '')) return start;
  let i = start - 1;
  while (i >= 0 && text[i] === ' ') i--;
  if (text[i] === "'" && text[i - 1] === "'") return i - 1;
  return i >= 0 && /["“‘']/.test(text[i]!) ? i : null;
}

/**
 * Refiner `quotes/clause-tail`: a quotation that its sentence goes on after ('she said "You squeezed employees" to
 * drive up the stock price') is quoted words inside a longer statement. Its span takes the marks and the rest of the
 * clause, and it becomes a partial quote: the statement is what was said, with its quoted words as written. A
 * quotation that ends a sentence (its words end with . ! or ?) or is followed by its attribution is left as it is.
 */
export function extendClauseTails(quotes: Draft[], text: string): Draft[] {
  return quotes.map((q) => {
    if (q.kind === 'indirect' || /[.!?]$/.test(q.text)) return q;
    const after = text.slice(q.end, q.end + MAX_TAIL);
    const joined = JOINED_QUOTE.exec(after);
    const tail = joined ?? TAIL.exec(after);
    const open = openingMark(text, q.start);
    if (!tail || open === null || (!joined && NOT_A_TAIL.test(tail[1]!))) return q;
    const marks = joined ? -1 : tail[0].indexOf("''", 2);
    const cut = Math.min(
      ATTRIBUTION_AFTER_COMMA.exec(tail[0])?.index ?? tail[0].length,
      marks < 0 ? tail[0].length : marks,
    );
    const kept = joined ? joined[0] : tail[0].slice(0, cut).replace(DANGLING, '').trimEnd();
    if (!/\w/.test(kept)) return q;
    const end = q.end + kept.length;
    return {
      ...q,
      start: open,
      end,
      text: text.slice(open, end),
      kind: 'partial',
      provenance: quoteProvenance(CLAUSE_TAIL_RULE),
    };
  });
}
