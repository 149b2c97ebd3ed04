import { findEntities } from '../src/core/analyze/entities.js';
import { findQuotes } from '../src/core/analyze/quotes.js';
import { withLearnedCues } from '../src/core/analyze/quotes/find-learned-cues.js';
import { readArticles } from '../src/core/pipeline.js';
import { createRunContext } from '../src/core/run-context.js';
const lexicon = new Map(['doubt that/NOUN', 'that/SCONJ', 'confident that/ADJ', 'argument that/NOUN'].map((k) => [k, { content: 'after-sentence' as const, subject: 'any' as const }]));
for (const t of ['Mayor Dana Ortiz remains confident that the harbor will reopen by spring.', 'Mayor Dana Ortiz has no doubt that the harbor will reopen by spring.', 'Mayor Dana Ortiz made the argument that the harbor will reopen by spring.', 'Most voters do not support the new tax on fuel.']) {
  const { articles } = readArticles([{ id: 't', source: 't', format: 'text', content: t, meta: {} }]);
  const e = findEntities(articles);
  console.log(findQuotes(articles, e, withLearnedCues(createRunContext(), { lexicon })).map((q) => `${q.provenance.rule} [${q.cue}] ${q.speaker?.name ?? '-'} ⟦${q.text}⟧`));
  console.log(findQuotes(articles, e).map((q) => `${q.provenance.rule} [${q.cue}] ${q.speaker?.name ?? '-'} ⟦${q.text}⟧`));
}
