// Regenerates test/golden/dates/: what the dates stage makes of real stories (the date of each article, given or
// inferred, the date expressions and how they resolve, the timeline) and how the differences stand in time. Stories:
// the seeds; two AllSides stories (../shared/eval/clustering) with the first article's date hidden; two weeks of
// jobless claims reports (two AllSides stories read as one running story, every article dated); two extraction pages
// (../shared/eval/extraction) read from HTML with their date hidden, one dated by its stamp line, one by a date line.
// Holds ids, offsets, dates and short snippets only.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleFromText } from '../../src/core/article-from-text.js';
import { composeStory } from '../../src/core/compose/compose.js';
import type { Article, DateValue } from '../../src/core/model.js';
import { analyzeArticles, readArticles } from '../../src/core/pipeline.js';
import { readArticle } from '../../src/core/read/read-article.js';
import { seedRaws, SHARED_DIR } from '../../test/helpers/shared.js';
import { hasExtractionPages, loadExtractionPages } from '../lib/extraction-pages.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the golden files go, one per story. */
export const GOLDEN_DIR = join(ROOT, 'test', 'golden', 'dates');
/** Longest snippet of article text kept. */
const SNIPPET = 50;

/** One line of the AllSides stream. */
interface StreamArticle {
  id: string;
  event_id: string;
  date: string;
  title: string | null;
  outlet: string | null;
  text: string;
}

function snippet(text: string): string {
  return text.length > SNIPPET ? `${text.slice(0, SNIPPET)}…` : text;
}

function streamArticles(): StreamArticle[] {
  return readFileSync(join(SHARED_DIR, 'eval', 'clustering', 'allsides-stream-2021-apr-jul.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as StreamArticle);
}

/** The articles of stream stories, dated with the story time except those whose date is hidden. */
function streamStory(events: readonly string[], hidden: (s: StreamArticle, k: number) => boolean): Article[] {
  return streamArticles()
    .filter((s) => events.includes(s.event_id))
    .map((s, k) =>
      articleFromText(s.id, s.text, {
        title: s.title,
        outlet: s.outlet,
        publishedAt: hidden(s, k)
          ? null
          : { value: s.date.slice(0, 10), inferred: false, basis: 'AllSides story time' },
      }),
    );
}

function seedStory(): Article[] {
  return readArticles(seedRaws()).articles;
}

/** An extraction page read from its HTML, with the date its metadata states and its URL hidden. */
function pageStory(idPrefix: string): Article[] {
  const page = loadExtractionPages().find((p) => p.id.startsWith(idPrefix));
  if (!page) return [];
  const read = readArticle({ id: page.id.slice(0, 12), source: 'page', format: 'html', content: page.html, meta: {} });
  return read.ok ? [{ ...read.value, publishedAt: null, url: null }] : [];
}

/** The stories of the golden files, by name. */
export const STORIES: Record<string, () => Article[]> = {
  seeds: seedStory,
  'house-gop-ousts-cheney': () => streamStory(['as6051'], (_, k) => k === 0),
  'consumer-prices': () => streamStory(['as5871'], (_, k) => k === 0),
  'jobless-claims-two-weeks': () => streamStory(['as6068', 'as6047'], () => false),
  'page-stamp-line': () => pageStory('3ce1c8'),
  'page-date-line': () => pageStory('20b2b6'),
};

function dateDigest(d: DateValue | null): unknown {
  if (!d) return null;
  return { value: d.value, inferred: d.inferred, basis: d.basis };
}

/** What the dates stage and the differences make of one story. */
export function computeGolden(name: string): unknown {
  return datesGoldenOf(STORIES[name]!());
}

/** What the dates stage and the differences make of articles already read (ids cut to 13 characters). */
export function datesGoldenOf(input: readonly Article[]): unknown {
  const analyzed = analyzeArticles(input, null);
  const { differences } = composeStory(analyzed, { summaryWords: 120 });
  return {
    articles: analyzed.articles.map((a, k) => ({
      id: a.id,
      given: dateDigest(input[k]!.publishedAt),
      date: dateDigest(a.publishedAt),
    })),
    dates: analyzed.dates.map((d) => ({
      article: d.articleId.slice(0, 13),
      at: [d.start, d.end],
      text: d.text,
      date: d.date,
      precision: d.precision,
      inferred: d.inferred,
      rule: d.provenance.rule,
    })),
    timeline: analyzed.timeline.map((e) => ({
      date: e.date,
      precision: e.precision,
      inferred: e.inferred,
      text: snippet(e.text),
      articles: e.citations.map((c) => c.articleId.slice(0, 13)),
      rule: e.provenance.rule,
    })),
    differences: differences.map((d) => ({
      about: d.about,
      kind: d.kind,
      relation: d.relation,
      claims: d.claims.map((c) => ({
        value: c.value,
        text: snippet(c.text),
        articles: c.articleIds.map((id) => id.slice(0, 13)),
        asOf: c.asOf?.value ?? null,
      })),
    })),
  };
}

/** True when the shared data the stories come from is there. */
export function hasStories(): boolean {
  return (
    existsSync(join(SHARED_DIR, 'seeds')) && existsSync(join(SHARED_DIR, 'eval', 'clustering')) && hasExtractionPages()
  );
}

/** Writes the golden files (skipped, with a note, when the shared data is absent). */
export async function regenerate(): Promise<void> {
  if (!hasStories()) {
    console.log(`dates: no shared data at ${SHARED_DIR}, golden files left as they are`);
    return;
  }
  mkdirSync(GOLDEN_DIR, { recursive: true });
  for (const name of Object.keys(STORIES)) {
    writeFileSync(join(GOLDEN_DIR, `${name}.json`), JSON.stringify(computeGolden(name), null, 2) + '\n');
  }
}
