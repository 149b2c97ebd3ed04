// Scores the story clusterer on ../shared/eval/clustering: pairwise and B-cubed precision, recall and F1, next to a
// plain TF-IDF single-pass centroid baseline (scripts/lib/tfidf-baseline.ts).
//
// Usage: npm run eval:clustering
// Streams: the AllSides 2021 stream in time order with its labels hidden (whole, April-May, June-July); the same with
// every date jittered by a seeded random offset of up to +-36 hours (seeds 1-3; articles of one event all carry the
// same timestamp in the data, a leak a real feed does not have), and with no dates at all; and the NeuS events (no
// dates) shuffled with seed 2021. The clusterer's defaults were chosen on April-May with jittered dates; June-July and
// NeuS are held out. The baseline's threshold is chosen on April-May (best mean of pairwise and B-cubed F1).
import { hasShared, SHARED_DIR } from '../test/helpers/shared.js';
import {
  inMonths,
  jitterDates,
  readAllSidesStream,
  readNeusEvents,
  shuffled,
  truthOf,
  withoutDates,
  type LabelledArticle,
} from './lib/clustering-data.js';
import { clusterLabels } from './lib/cluster-labels.js';
import { scoreClustering, type ClusteringScores } from './lib/clustering-metrics.js';
import { tfidfBaseline } from './lib/tfidf-baseline.js';

/** Mean of the scores of several runs (jitter seeds). */
function mean(runs: readonly ClusteringScores[]): ClusteringScores {
  const avg = (pick: (s: ClusteringScores) => number): number => runs.reduce((t, s) => t + pick(s), 0) / runs.length;
  const prf = (kind: 'pairwise' | 'bcubed') => ({
    precision: avg((s) => s[kind].precision),
    recall: avg((s) => s[kind].recall),
    f1: avg((s) => s[kind].f1),
  });
  return { pairwise: prf('pairwise'), bcubed: prf('bcubed') };
}

/** The baseline's threshold: the best mean of pairwise and B-cubed F1 on the tuning articles. */
function baselineThreshold(tuning: readonly LabelledArticle[]): number {
  let best = { threshold: 0, score: -1 };
  for (let t = 0.1; t <= 0.6 + 1e-9; t += 0.05) {
    const s = scoreClustering(truthOf(tuning), tfidfBaseline(tuning, t));
    const score = (s.pairwise.f1 + s.bcubed.f1) / 2;
    if (score > best.score) best = { threshold: Math.round(t * 100) / 100, score };
  }
  return best.threshold;
}

const f = (x: number): string => x.toFixed(3);
const cells = (s: ClusteringScores): string =>
  `${f(s.pairwise.precision)} ${f(s.pairwise.recall)} ${f(s.pairwise.f1)} | ${f(s.bcubed.precision)} ${f(s.bcubed.recall)} ${f(s.bcubed.f1)}`;

async function main(): Promise<void> {
  if (!hasShared) {
    console.log(`skipped: ${SHARED_DIR} not found`);
    return;
  }
  const stream = readAllSidesStream();
  const tuning = inMonths(stream, ['2021-04', '2021-05']);
  const heldOut = inMonths(stream, ['2021-06', '2021-07']);
  const neusAll = readNeusEvents();
  const neus = shuffled(
    neusAll.filter((a) => a.text.trim() !== ''),
    2021,
  );
  const threshold = baselineThreshold(tuning);
  const rows: { name: string; runs: LabelledArticle[][] }[] = [
    { name: 'AllSides Apr-Jul, whole stream', runs: [stream] },
    { name: 'AllSides Apr-May (tuning half)', runs: [tuning] },
    { name: 'AllSides Jun-Jul (held out)', runs: [heldOut] },
    { name: 'AllSides Apr-Jul, dates +-36h (3 seeds)', runs: [1, 2, 3].map((seed) => jitterDates(stream, seed, 36)) },
    { name: 'AllSides Jun-Jul, dates +-36h (3 seeds)', runs: [1, 2, 3].map((seed) => jitterDates(heldOut, seed, 36)) },
    { name: 'AllSides Apr-Jul, no dates', runs: [withoutDates(stream)] },
    { name: 'NeuS train+val, shuffled, no dates', runs: [neus] },
  ];
  console.log('Story clustering: pairwise P R F1 | B-cubed P R F1');
  console.log(`baseline: TF-IDF single-pass centroid, threshold ${threshold} (chosen on Apr-May)\n`);
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(
    `${'data'.padEnd(width)}  articles  events  ${'Parallax: pairwise | B-cubed'.padEnd(47)}  baseline: pairwise | B-cubed`,
  );
  for (const { name, runs } of rows) {
    const first = runs[0]!;
    const ours = mean(runs.map((articles) => scoreClustering(truthOf(articles), clusterLabels(articles))));
    const base = mean(runs.map((articles) => scoreClustering(truthOf(articles), tfidfBaseline(articles, threshold))));
    const events = new Set(first.map((a) => a.event)).size;
    console.log(
      `${name.padEnd(width)}  ${String(first.length).padStart(8)}  ${String(events).padStart(6)}  ${cells(ours)}  ${cells(base)}`,
    );
  }
  const skipped = neusAll.length - neus.length;
  console.log(`\nNeuS: ${skipped} articles with an empty text left out (the clusterer rejects an empty text).`);
  console.log('Targets on the stream: B-cubed F1 >= 0.90, pairwise F1 >= 0.75.');
}

await main();
