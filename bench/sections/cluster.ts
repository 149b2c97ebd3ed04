// Story clustering throughput: articles per second of CPU time for the clusterer alone, on synthetic streams of 1k,
// 10k and 100k articles resampled from the AllSides 2021 stream (~90-word snippets; copies shifted by 7 days, so
// stories keep arriving over months), and on full-length articles (the extraction benchmark's true bodies, ~760
// words). Also the index work per article: candidate stories offered and stories scored in full. The cost per
// article must stay flat as the stream grows: compare the rates, and the last tenth of the 100k run with the first.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createClusterer } from '../../src/core/cluster/clusterer.js';
import {
  CLUSTERING_DIR,
  readAllSidesStream,
  readNeusEvents,
  type LabelledArticle,
} from '../../scripts/lib/clustering-data.js';
import { EXTRACTION_DIR } from '../../scripts/lib/extraction-pages.js';
import { seededRandom } from '../../scripts/lib/seeded-random.js';
import { cpuMs } from '../lib/cpu-time.js';
import { resampledStream } from '../lib/synthetic-stream.js';

/** Clusters a stream and times it in CPU milliseconds, in tenths (to see whether the cost per article drifts). */
function run(articles: readonly LabelledArticle[]): {
  ms: number;
  tenths: number[];
  candidates: number;
  scored: number;
  live: number;
  stories: number;
} {
  const clusterer = createClusterer();
  const tenth = Math.max(1, Math.floor(articles.length / 10));
  const tenths: number[] = [];
  const start = cpuMs();
  let mark = start;
  articles.forEach((a, i) => {
    clusterer.add(a);
    if ((i + 1) % tenth === 0) {
      const now = cpuMs();
      tenths.push(now - mark);
      mark = now;
    }
  });
  const ms = cpuMs() - start;
  const stats = clusterer.stats();
  return {
    ms,
    tenths,
    candidates: stats.candidates / articles.length,
    scored: stats.scored / articles.length,
    live: stats.liveStories,
    stories: stats.storiesStarted,
  };
}

/** The extraction benchmark's true article bodies as a dated stream of `size` articles (copies four days apart). */
function fullLengthStream(size: number): LabelledArticle[] {
  const truth = JSON.parse(readFileSync(join(EXTRACTION_DIR, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody?: string }
  >;
  const base = Object.entries(truth)
    .filter(([, v]) => (v.articleBody ?? '').trim() !== '')
    .map(([id, v], i): LabelledArticle => ({
      id,
      event: id,
      title: null,
      text: v.articleBody!,
      date: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
      outlet: null,
    }));
  return resampledStream(base, { size, shiftDays: 4 });
}

/**
 * A dense stream: the NeuS events (about 58 words an article) spread over ten days, each event's articles within six
 * hours, about 280 new stories a day; copies 14 days apart. Many more stories are live at once than in the AllSides
 * stream, which is what the index's bounds are for.
 */
function denseStream(size: number): LabelledArticle[] {
  const random = seededRandom(7);
  const eventDay = new Map<string, number>();
  const base = readNeusEvents()
    .filter((a) => a.text.trim() !== '')
    .map((a): LabelledArticle => {
      let day = eventDay.get(a.event);
      if (day === undefined) eventDay.set(a.event, (day = random() * 10));
      const time = Date.UTC(2024, 0, 1) + (day + random() * 0.25) * 86_400_000;
      return { ...a, date: new Date(time).toISOString() };
    });
  return resampledStream(base, { size, shiftDays: 14 });
}

/** Prints the figures. */
export default async function (): Promise<void> {
  if (!existsSync(CLUSTERING_DIR)) {
    console.log(`skipped: ${CLUSTERING_DIR} not found`);
    return;
  }
  const real = readAllSidesStream();
  // Warm-up: compile the code paths and fill the stem memo as steady use would.
  run(resampledStream(real, { size: 2000, shiftDays: 7 }));
  console.log(
    'stream                                   articles  articles/s  candidates/article  scored/article  live stories',
  );
  const line = (name: string, n: number, r: ReturnType<typeof run>): void =>
    console.log(
      `${name.padEnd(40)} ${String(n).padStart(8)}  ${((n / r.ms) * 1000).toFixed(0).padStart(10)}  ${r.candidates.toFixed(1).padStart(18)}  ${r.scored.toFixed(1).padStart(14)}  ${String(r.live).padStart(12)}`,
    );
  const tenths: string[] = [];
  const byTenth = (name: string, r: ReturnType<typeof run>): void => {
    tenths.push(`${name}: ${r.tenths.map((ms) => ((10_000 / ms) * 1000).toFixed(0)).join(' ')}`);
  };
  for (const size of [1_000, 10_000, 100_000]) {
    const r = run(resampledStream(real, { size, shiftDays: 7 }));
    line('AllSides resampled (~90 words)', size, r);
    if (size === 100_000) byTenth('AllSides resampled', r);
  }
  if (existsSync(join(CLUSTERING_DIR, 'neus-events-train-val.jsonl'))) {
    for (const size of [10_000, 100_000]) {
      const r = run(denseStream(size));
      line('NeuS events, dense (~58 words)', size, r);
      if (size === 100_000) byTenth('NeuS dense', r);
    }
  }
  if (existsSync(join(EXTRACTION_DIR, 'ground-truth.json'))) {
    line('full-length bodies (~760 words)', 1000, run(fullLengthStream(1000)));
  }
  console.log(
    `articles/s by tenth of each 100k stream (flat: no drift as stories accumulate)\n  ${tenths.join('\n  ')}`,
  );
}
