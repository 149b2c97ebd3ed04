// Golden output of the language layer on the seed story: one key per stage (entities, quotes; dates and numbers are
// added by their owners as further entries of STAGES). Regenerate with `npm run golden -- language`.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeArticles, readArticles } from '../../src/core/pipeline.js';
import type { AnalyzedStory } from '../../src/core/stage-types.js';
import { seedRaws } from '../../test/helpers/shared.js';

/** Where the golden file lives. */
export const GOLDEN_FILE = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'test',
  'golden',
  'language',
  'seeds.json',
);

const SNIPPET = 50;

/** A short start of a text, so golden files never hold whole sentences of the articles. */
function snippet(text: string): string {
  return text.length > SNIPPET ? `${text.slice(0, SNIPPET)}…` : text;
}

/** The stages of the golden file: each maps the analyzed story to its own key. Add yours to this list. */
export const STAGES: Record<string, (story: AnalyzedStory) => unknown> = {
  entities: (story) =>
    story.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      roles: e.roles,
      // The rules that typed the entity and read its roles, and each mention's rule: a golden diff names what moved.
      typeRule: e.provenance.type.rule,
      roleRules: e.provenance.roles.map((r) => r.rule),
      mentions: e.mentions.map(
        (m) => `${m.articleId}:${m.start}-${m.end}${m.inferred ? ' inferred' : ''} ${m.provenance.rule}`,
      ),
    })),
  quotes: (story) =>
    story.quotes.map((q) => ({
      id: q.id,
      at: `${q.articleId}:${q.start}-${q.end}${q.embed === undefined ? '' : ` embed ${q.embed}`}`,
      kind: q.kind,
      cue: q.cue,
      rule: q.provenance.rule,
      speaker: q.speaker
        ? { entityId: q.speaker.entityId, name: snippet(q.speaker.name), inferred: q.speaker.inferred }
        : null,
      text: snippet(q.text),
    })),
};

/** The seed story, read and analyzed as the pipeline does. */
export function analyzeSeeds(): AnalyzedStory {
  const { articles } = readArticles(seedRaws());
  // No reference date: each article is resolved against its own date, as `analyzeStory` does without `--date`.
  return analyzeArticles(articles, null);
}

/** Every stage's golden output for the seed story. */
export function languageGolden(): Record<string, unknown> {
  const story = analyzeSeeds();
  return Object.fromEntries(Object.entries(STAGES).map(([key, stage]) => [key, stage(story)]));
}

/** Writes the golden file. */
export async function regenerate(): Promise<void> {
  mkdirSync(dirname(GOLDEN_FILE), { recursive: true });
  writeFileSync(GOLDEN_FILE, `${JSON.stringify(languageGolden(), null, 2)}\n`);
}
