// The labelled clustering data of ../shared/eval/clustering, read for the evaluation, the benchmark and the tests, and
// the seeded transformations the evaluation applies to it (dates jittered or dropped, undated events shuffled).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from '../../test/helpers/shared.js';
import { seededRandom } from './seeded-random.js';

/** One labelled article: the clusterer's input fields and the true story (`event`), which the clusterer never sees. */
export interface LabelledArticle {
  id: string;
  event: string;
  title: string | null;
  text: string;
  date: string | null;
  outlet: string | null;
}

/** The folder of the clustering data. */
export const CLUSTERING_DIR = join(SHARED_DIR, 'eval', 'clustering');

interface StreamRow {
  id: string;
  event_id: string;
  date?: string | null;
  outlet?: string | null;
  title?: string | null;
  text: string;
}

function readRows(file: string): LabelledArticle[] {
  return readFileSync(join(CLUSTERING_DIR, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const row = JSON.parse(l) as StreamRow;
      return {
        id: row.id,
        event: row.event_id,
        title: row.title ?? null,
        text: row.text,
        date: row.date ?? null,
        outlet: row.outlet ?? null,
      };
    });
}

/** The AllSides 2021 stream (April to July), in time order as stored. */
export function readAllSidesStream(): LabelledArticle[] {
  return readRows('allsides-stream-2021-apr-jul.jsonl');
}

/** The NeuS events (train and validation), undated, in file order. */
export function readNeusEvents(): LabelledArticle[] {
  return readRows('neus-events-train-val.jsonl');
}

/** A copy shuffled with a seeded Fisher-Yates shuffle. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Every date moved by a seeded random offset of up to `hours` either way, then the stream re-sorted by the new dates:
 * articles of one event no longer share a timestamp (in the data they all carry the event's own time, a leak).
 */
export function jitterDates(articles: readonly LabelledArticle[], seed: number, hours: number): LabelledArticle[] {
  const random = seededRandom(seed);
  return articles
    .map((a) => {
      if (a.date === null) return a;
      const time = Date.parse(a.date) + (random() * 2 - 1) * hours * 3_600_000;
      return { ...a, date: new Date(time).toISOString() };
    })
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (x.a.date ?? '').localeCompare(y.a.date ?? '') || x.i - y.i)
    .map(({ a }) => a);
}

/** The same articles, in the same order, with no dates. */
export function withoutDates(articles: readonly LabelledArticle[]): LabelledArticle[] {
  return articles.map((a) => ({ ...a, date: null }));
}

/** The articles dated in the given months (`YYYY-MM` prefixes of their dates), in order. */
export function inMonths(articles: readonly LabelledArticle[], months: readonly string[]): LabelledArticle[] {
  return articles.filter((a) => a.date !== null && months.some((m) => a.date!.startsWith(m)));
}

/** True labels of a set of articles (id -> event). */
export function truthOf(articles: readonly LabelledArticle[]): Map<string, string> {
  return new Map(articles.map((a) => [a.id, a.event]));
}
