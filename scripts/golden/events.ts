// Regenerates test/golden/events/: which statements the compose phase joins into one fact and which figures it
// compares, on real stories read whole (dates and numbers stages included): the seeds, NeuS stories, and AllSides
// stream stories read together with a later story on the same topic (the same kind of event at another time). Per
// shared fact its articles, independent sources and, per member, the article, a short snippet and the days or
// weekdays of its event; per number difference what it counts, its relation and each claim's value, articles and the
// start of the sentence it cites. Ids, offsets and short snippets only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareComparison } from '../../src/core/compose/compose.js';
import { eventFrames } from '../../src/core/compose/event-compatibility.js';
import type { EventTime } from '../../src/core/compose/event-time.js';
import type { Article } from '../../src/core/model.js';
import { analyzeArticles, readArticles } from '../../src/core/pipeline.js';
import type { AnalyzedStory } from '../../src/core/stage-types.js';
import { seedRaws } from '../../test/helpers/shared.js';
import { dated, streamArticles } from '../lib/fact-clashes.js';
import { prepareStory, readNeus } from '../lib/neus.js';

const ROOT = join(import.meta.dirname, '..', '..');
/** Where the golden file lives. */
export const GOLDEN_FILE = join(ROOT, 'test', 'golden', 'events', 'stories.json');
const SNIPPET = 50;
const snip = (text: string): string => text.slice(0, SNIPPET);

/** NeuS val stories in the golden file (three outlets each, undated). */
export const NEUS_STORIES = ['val_90', 'val_28'];
/** Stream stories read together with a later story of the same topic (events of one kind on different days). */
export const RUNNING_STORIES: [string, string][] = [
  ['as5945', 'as5899'],
  ['as5894', 'as5883'],
];

/** The golden stories, by name, read whole (every analyze stage). */
export function goldenStories(): { name: string; story: AnalyzedStory }[] {
  const out = [{ name: 'seeds', story: analyzeArticles(readArticles(seedRaws()).articles, null) }];
  const neus = new Map(readNeus('val').map((s) => [s.id, s]));
  for (const id of NEUS_STORIES) {
    const story = neus.get(id);
    const prepared = story ? prepareStory(story) : null;
    if (!prepared) throw new Error(`NeuS story ${id} not found`);
    out.push({ name: id, story: analyzeArticles(prepared.articles, null) });
  }
  const stream = streamArticles();
  for (const ids of RUNNING_STORIES) {
    const articles: Article[] = stream.filter((s) => ids.includes(s.event_id)).map(dated);
    if (articles.length === 0) throw new Error(`stream stories ${ids.join('+')} not found`);
    out.push({ name: ids.join('+'), story: analyzeArticles(articles, null) });
  }
  return out;
}

const DAY_MS = 86_400_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A readable event time: "2021-05-12", "2021-05-12..2021-05-13", "Wed", "writing 2021-05-10..2021-05-18". */
function timeLabel(t: EventTime): string {
  const iso = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
  const when = t.days
    ? t.days.first === t.days.last
      ? iso(t.days.first)
      : `${iso(t.days.first)}..${iso(t.days.last)}`
    : WEEKDAYS.filter((_, k) => t.weekdays & (1 << k)).join('/');
  return `${t.basis === 'article' ? 'writing ' : ''}${when}${t.slack ? `±${t.slack}` : ''}`;
}

/** The digest of one story kept in the golden file. */
export function digestStory(story: AnalyzedStory): unknown {
  const { statements, factGroups, differences } = prepareComparison(story);
  const frames = eventFrames(
    statements.filter((s) => !s.junk),
    story,
  );
  return {
    sharedFacts: factGroups
      .filter((g) => g.fact.kind === 'shared')
      .map((g) => ({
        articleIds: g.fact.articleIds,
        independentSources: g.fact.independentSources,
        members: g.members.map((m) => ({
          articleId: m.articleId,
          start: m.start,
          text: snip(m.text),
          times: (frames.get(m.id)?.times ?? []).map(timeLabel),
        })),
      })),
    numberDifferences: differences
      .filter((d) => d.kind === 'number')
      .map((d) => ({
        about: d.about,
        relation: d.relation,
        claims: d.claims.map((c) => ({
          value: c.value,
          articleIds: c.articleIds,
          citations: c.citations.map((x) => `${x.articleId}@${x.start}-${x.end}`),
        })),
      })),
  };
}

/** The whole golden content. */
export function computeGolden(): Record<string, unknown> {
  return Object.fromEntries(goldenStories().map(({ name, story }) => [name, digestStory(story)]));
}

/** Writes the golden file. */
export async function regenerate(): Promise<void> {
  mkdirSync(join(ROOT, 'test', 'golden', 'events'), { recursive: true });
  writeFileSync(GOLDEN_FILE, `${JSON.stringify(computeGolden(), null, 2)}\n`);
}
