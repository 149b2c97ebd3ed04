// Golden output of who and what (issue 12) on real stories beyond the seeds: two PolNeAR articles and one NeuS story
// (entities, quotes with speakers and speaker searches, article labels). Holds ids, offsets, counts and short
// snippets only. Regenerate with `npm run golden -- who`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawArticle } from '../../src/core/model.js';
import { analyzeArticles, readArticles, storyReferenceDate } from '../../src/core/pipeline.js';
import { articleLabels } from '../../src/core/render/article-labels.js';
import { SHARED_DIR } from '../../test/helpers/shared.js';

/** Where the golden files live. */
export const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'golden', 'who');

/** The stories: PolNeAR articles by id (dev split), NeuS stories by id (validation split). */
export const STORIES = {
  'polnear-stealth-over-health': { polnear: 'breitbart_2016-09-12_stealth-over-health-hillary-clin' },
  'polnear-black-lawmakers': { polnear: 'huff-post_2016-09-16_black-lawmakers-rip-donald-trump' },
  'neus-val-0': { neus: 'val_0' },
} as const;

export type StoryName = keyof typeof STORIES;

const SNIPPET = 40;
const snip = (text: string): string => (text.length > SNIPPET ? `${text.slice(0, SNIPPET)}…` : text);

function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
}

/** The raw inputs of one story, read from ../shared/eval. */
export function storyRaws(name: StoryName): RawArticle[] {
  const spec: { polnear?: string; neus?: string } = STORIES[name];
  if (spec.polnear) {
    const file = join(SHARED_DIR, 'eval', 'quotes', 'polnear-dev.jsonl');
    const doc = lines(file)
      .map((l) => JSON.parse(l) as { id: string; text: string })
      .find((d) => d.id === spec.polnear);
    if (!doc) throw new Error(`PolNeAR article ${spec.polnear} not found`);
    return [{ id: 'a1', source: `${doc.id}.txt`, format: 'text', content: doc.text, meta: {} }];
  }
  const story = lines(join(SHARED_DIR, 'eval', 'neus', 'val.jsonl'))
    .map((l) => JSON.parse(l) as { id: string; articles: { title: string | null; text: string }[] })
    .find((s) => s.id === spec.neus);
  if (!story) throw new Error(`NeuS story ${spec.neus} not found`);
  return story.articles.map((a, k) => ({
    id: `a${k + 1}`,
    source: `${story.id}#${k + 1}`,
    format: 'text',
    content: a.text,
    meta: a.title ? { title: a.title } : {},
  }));
}

/** The golden digest of one story. */
export function whoGolden(name: StoryName): unknown {
  const { articles } = readArticles(storyRaws(name));
  const story = analyzeArticles(articles, storyReferenceDate(articles));
  return {
    labels: Object.fromEntries(articleLabels(articles)),
    entities: story.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      roles: e.roles,
      mentions: e.mentions.length,
      inferred: e.mentions.filter((m) => m.inferred).length,
    })),
    quotes: story.quotes.map((q) => ({
      at: `${q.articleId}:${q.start}-${q.end}${q.embed === undefined ? '' : ` embed ${q.embed}`}`,
      kind: q.kind,
      cue: q.cue,
      rule: q.provenance.rule,
      speaker: q.speaker
        ? {
            name: snip(q.speaker.name),
            mention: q.speaker.mention ? snip(q.speaker.mention.text) : null,
            inferred: q.speaker.inferred,
          }
        : null,
      ...(q.speakerSearch ? { speakerSearch: q.speakerSearch } : {}),
      text: snip(q.text),
    })),
  };
}

/** The golden file of one story. */
export function goldenFile(name: StoryName): string {
  return join(GOLDEN_DIR, `${name}.json`);
}

/** Writes the golden files. */
export async function regenerate(): Promise<void> {
  mkdirSync(GOLDEN_DIR, { recursive: true });
  for (const name of Object.keys(STORIES) as StoryName[]) {
    writeFileSync(goldenFile(name), `${JSON.stringify(whoGolden(name), null, 2)}\n`);
  }
}
