import { analyzeQuotes } from '../test/helpers/quote-cases.js';
import { LEARNED_CUE_FILE } from '../src/core/lexicon/learned-cues.js';
const s = analyzeQuotes('PORT MERIDIAN - City officials lifted part of the evacuation order around the Pier 9 warehouse fire on Wednesday afternoon.');
console.log(s.quotes.map((q) => `${q.provenance.rule} [${q.cue}] ${q.speaker?.name ?? '-'} ⟦${q.text}⟧`));
console.log(LEARNED_CUE_FILE.cues.filter((c) => /^(lifted|part|of)( |$)/.test(c.form)));
