// Regenerates test/golden/compose/: the compose phase on the seed story, from the raw seed text with no analyze-phase
// annotations, so that the file changes only when compose itself changes. Holds ids, counts and short snippets only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleFromText } from '../../src/core/article-from-text.js';
import { composeStory } from '../../src/core/compose/compose.js';
import type { Article } from '../../src/core/model.js';
import type { AnalyzedStory, ComposedStory } from '../../src/core/stage-types.js';
import { seedRaws } from '../../test/helpers/shared.js';

const ROOT = join(import.meta.dirname, '..', '..');
/** Where the golden file lives. */
export const GOLDEN_FILE = join(ROOT, 'test', 'golden', 'compose', 'seed-story.json');
const SNIPPET = 50;

/** The seed story as plain articles (raw text, no cleaning), with no annotations. */
export function seedStory(): AnalyzedStory {
  const articles: Article[] = seedRaws().map((r) => articleFromText(r.id, r.content, { source: r.source }));
  return { articles, referenceDate: '2021-05-17', entities: [], quotes: [], numbers: [], dates: [], timeline: [] };
}

const snip = (text: string): string => text.slice(0, SNIPPET);

/** The structural digest kept in the golden file (no article text beyond short snippets). */
export function digest(composed: ComposedStory): unknown {
  return {
    sharedFacts: composed.facts
      .filter((f) => f.kind === 'shared')
      .map((f) => ({
        id: f.id,
        articleIds: f.articleIds,
        independentSources: f.independentSources,
        statement: snip(f.statement),
        rule: f.provenance.rule,
      })),
    singleFacts: composed.facts.filter((f) => f.kind === 'single').length,
    differences: composed.differences.map((d) => ({
      about: d.about,
      kind: d.kind,
      rule: d.provenance.rule,
      claims: d.claims.map((c) => ({ value: c.value, articleIds: c.articleIds, text: snip(c.text) })),
    })),
    omissions: composed.omissions,
    framing: composed.framing.map((f) => ({
      articleId: f.articleId,
      descriptors: f.descriptors.map((d) => ({ entityId: d.entityId, terms: d.terms.map(snip) })),
      chargedTerms: f.chargedTerms.map((t) => t.term),
      chargedScore: f.chargedScore,
      distinctiveTerms: f.distinctiveTerms.map((t) => t.term),
    })),
    summary: composed.summary.sentences.map((s) => ({
      text: snip(s.text),
      citedArticles: [...new Set(s.citations.map((c) => c.articleId))].sort(),
    })),
  };
}

/** Writes the golden file. */
export async function regenerate(): Promise<void> {
  mkdirSync(join(ROOT, 'test', 'golden', 'compose'), { recursive: true });
  const composed = composeStory(seedStory(), { summaryWords: 120 });
  writeFileSync(GOLDEN_FILE, `${JSON.stringify(digest(composed), null, 2)}\n`);
}
