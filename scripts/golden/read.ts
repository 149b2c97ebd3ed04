// Regenerates test/golden/read/<seed>.json: what the reader makes of each seed article (metadata, counts, removals,
// embeds, sentence offsets). Snippets are cut short so that no article text is copied into the repository.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../src/core/model.js';
import { readArticle } from '../../src/core/read/read-article.js';
import { readSeed, seedNames } from '../../test/helpers/shared.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the golden files go. */
export const GOLDEN_DIR = join(ROOT, 'test', 'golden', 'read');
/** Longest snippet of article text kept in a golden file. */
const SNIPPET = 40;

/** A short snippet of a text (never a whole sentence of the article). */
function snippet(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : text.slice(0, SNIPPET);
}

/** The golden summary of one read article. */
export function goldenOf(article: Article): unknown {
  return {
    id: article.id,
    title: snippet(article.title),
    subtitle: snippet(article.subtitle),
    outlet: article.outlet,
    byline: article.byline,
    dateline: article.dateline,
    publishedAt: article.publishedAt,
    language: article.language,
    counts: {
      chars: article.text.length,
      paragraphs: article.paragraphs.length,
      sentences: article.sentences.length,
      removed: article.removed.length,
      embeds: article.embeds.length,
    },
    provenance: article.provenance,
    removed: article.removed.map((r) => ({
      reason: r.reason,
      snippet: snippet(r.text),
      rule: r.rule,
    })),
    embeds: article.embeds.map((e) => ({ ...e, text: snippet(e.text) })),
    // Each sentence with the segmenter rule that made it, so that a golden diff names the rule that moved a boundary.
    sentences: article.sentences.map((s) => [s.start, s.end, s.provenance.rule]),
  };
}

/** Reads every seed with the others as story context, the way the pipeline does. */
export function readSeeds(): { name: string; article: Article }[] {
  const names = seedNames();
  const contents = names.map(readSeed);
  return names.map((name, i) => {
    const id = name.replace(/\.txt$/, '');
    const result = readArticle(
      { id, source: name, format: 'text', content: contents[i] ?? '', meta: {} },
      { storyContext: contents },
    );
    if (!result.ok) throw new Error(`seed ${name} failed to read: ${result.failure.message}`);
    return { name: id, article: result.value };
  });
}

/** Writes one golden file per seed. */
export async function regenerate(): Promise<void> {
  mkdirSync(GOLDEN_DIR, { recursive: true });
  for (const { name, article } of readSeeds())
    writeFileSync(join(GOLDEN_DIR, `${name}.json`), `${JSON.stringify(goldenOf(article), null, 2)}\n`);
}
