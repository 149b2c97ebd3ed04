// Measures the ceiling of an extractive summary on NeuS: for each story, greedily picks the source sentences that
// maximize ROUGE against `reference_full` at the eval's word cut (scripts/lib/oracle.ts), from two pools:
//   cleaned: what Parallax's summary can choose from (headline candidates from the titles, and the compressed non-junk
//            statements);
//   raw:     the titles as given and the articles' sentences as split by wink, uncompressed.
// Prints the oracle ROUGE-1/2/L for both, Parallax's own summary for comparison, and where the oracle's picks come from
// (title or body, position in the article, how many articles agree, how many Parallax also picked).
// Usage: npx tsx scripts/summary-oracle.ts [--split val|train] [--holdout] [--limit N] [--words N]
import { parseArgs } from 'node:util';
import { titleCandidates } from '../src/core/compose/headline.js';
import { buildTermIndex } from '../src/core/compose/similarity.js';
import { FEATURE_NAMES } from '../src/core/compose/summary-features.js';
import { summaryCandidates, writeSummary } from '../src/core/compose/summary.js';
import { analyzeText } from '../src/core/nlp/wink.js';
import { prepareStory, readNeus } from './lib/neus.js';
import { greedyOracle } from './lib/oracle.js';
import { cutWords, rouge, type RougeScores } from './lib/rouge.js';
import { isHoldout } from './lib/train-holdout.js';
import { createRunContext } from '../src/core/run-context.js';

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'val' },
    holdout: { type: 'boolean', default: false },
    limit: { type: 'string' },
    words: { type: 'string', default: '70' },
  },
});
const WORDS = Number(values.words);

/** One sentence of a pool, with where it comes from. */
interface PoolItem {
  text: string;
  kind: 'title' | 'body';
  /** Position in the article (body sentences). */
  position: number;
  /** Articles whose statements were grouped into the same fact (cleaned body sentences; 0 when unknown). */
  agreeing: number;
  /** Mean best similarity to each other article (cleaned body sentences). */
  support: number;
}

class Tally {
  r1 = 0;
  r2 = 0;
  rl = 0;
  n = 0;
  add(s: RougeScores): void {
    this.r1 += s.rouge1.f1;
    this.r2 += s.rouge2.f1;
    this.rl += s.rougeL.f1;
    this.n++;
  }
  toString(): string {
    const f = (v: number): string => ((100 * v) / Math.max(1, this.n)).toFixed(1).padStart(7);
    return `${f(this.r1)}  ${f(this.r2)}  ${f(this.rl)}`;
  }
}

/** Counts of labelled events, printed as shares. */
class Histogram {
  readonly counts = new Map<string, number>();
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  toString(): string {
    const total = [...this.counts.values()].reduce((s, v) => s + v, 0);
    return [...this.counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k} ${((100 * v) / Math.max(1, total)).toFixed(0)}%`)
      .join(', ');
  }
}

const supportAt = FEATURE_NAMES.indexOf('support');
const positionLabel = (p: number): string => (p >= 3 ? 'pos3+' : `pos${p}`);
const supportLabel = (s: number): string => (s < 0.1 ? 'sup<.1' : s < 0.25 ? 'sup.1-.25' : 'sup>.25');

const stories = readNeus(values.split)
  .filter((_s, k) => !values.holdout || isHoldout(k))
  .slice(0, values.limit ? Number(values.limit) : undefined);
const oracleCleaned = new Tally();
const oracleRaw = new Tally();
const oracleBodyOnly = new Tally();
const oracleAfterHeadline = new Tally();
const ours = new Tally();
const picked = {
  all: new Histogram(),
  first: new Histogram(),
  agreeing: new Histogram(),
  support: new Histogram(),
  rawKind: new Histogram(),
  rawPosition: new Histogram(),
};
const pool = { body: new Histogram(), agreeing: new Histogram(), support: new Histogram() };
let picksTotal = 0;
let picksAlsoOurs = 0;
let ourPicks = 0;
let ourPicksInOracle = 0;
let rawPicksCount = 0;

for (const story of stories) {
  const prepared = prepareStory(story);
  if (!prepared) continue;
  const { articles, inputs } = prepared;
  const reference = story.reference_full;
  const usable = inputs.statements.filter((s) => !s.junk);
  const cands = usable.length > 0 ? summaryCandidates(buildTermIndex(usable), inputs.factGroups, articles, inputs) : [];
  const titles: PoolItem[] = articles.flatMap((a) =>
    a.title
      ? titleCandidates(a.title).map((text) => ({
          text,
          kind: 'title' as const,
          position: -1,
          agreeing: 0,
          support: 0,
        }))
      : [],
  );
  const body: PoolItem[] = cands.map((c) => ({
    text: c.text,
    kind: 'body' as const,
    position: c.statement.position,
    agreeing: new Set(c.citations.map((x) => x.articleId)).size,
    support: c.features[supportAt] ?? 0,
  }));
  const cleaned = [...titles, ...body];
  const raw: PoolItem[] = story.articles.flatMap((a) => [
    ...(a.title ? [{ text: a.title, kind: 'title' as const, position: -1, agreeing: 0, support: 0 }] : []),
    ...analyzeText(a.text, createRunContext()).sentences.map((s, position) => ({
      text: a.text.slice(s.start, s.end),
      kind: 'body' as const,
      position,
      agreeing: 0,
      support: 0,
    })),
  ]);

  const summary = writeSummary(inputs.statements, inputs.factGroups, articles, {
    words: WORDS,
    contested: inputs.contested,
    keepAttribution: inputs.keepAttribution,
  });
  ours.add(rouge(cutWords(summary.text, WORDS), reference));

  const best = greedyOracle(
    cleaned.map((c) => c.text),
    reference,
    WORDS,
  );
  oracleCleaned.add(best.scores);
  oracleRaw.add(
    greedyOracle(
      raw.map((c) => c.text),
      reference,
      WORDS,
    ).scores,
  );
  oracleBodyOnly.add(
    greedyOracle(
      body.map((c) => c.text),
      reference,
      WORDS,
    ).scores,
  );
  // With Parallax's headline fixed first: how much the choice of the rest can still gain.
  oracleAfterHeadline.add(
    summary.headline
      ? greedyOracle(
          body.map((c) => c.text),
          reference,
          WORDS,
          summary.headline,
        ).scores
      : best.scores,
  );

  const chosen = new Set(summary.sentences.map((s) => s.text));
  best.picks.forEach((p, order) => {
    const item = cleaned[p]!;
    const where = item.kind === 'title' ? 'title' : positionLabel(item.position);
    picked.all.add(where);
    if (order === 0) picked.first.add(where);
    if (item.kind === 'body') {
      picked.agreeing.add(`${item.agreeing} art.`);
      picked.support.add(supportLabel(item.support));
    }
    picksTotal++;
    if (chosen.has(item.text)) picksAlsoOurs++;
  });
  const oracleTexts = new Set(best.picks.map((p) => cleaned[p]!.text));
  for (const s of summary.sentences) {
    ourPicks++;
    if (oracleTexts.has(s.text)) ourPicksInOracle++;
  }
  for (const item of body) {
    pool.body.add(positionLabel(item.position));
    pool.agreeing.add(`${item.agreeing} art.`);
    pool.support.add(supportLabel(item.support));
  }
  const rawBest = greedyOracle(
    raw.map((c) => c.text),
    reference,
    WORDS,
  );
  rawPicksCount += rawBest.picks.length;
  for (const p of rawBest.picks) {
    const item = raw[p]!;
    picked.rawKind.add(item.kind);
    if (item.kind === 'body') picked.rawPosition.add(positionLabel(item.position));
  }
}

console.log(`NeuS ${values.split}${values.holdout ? ' holdout' : ''}: ${ours.n} stories, cut at ${WORDS} words`);
console.log('system                                  ROUGE-1  ROUGE-2  ROUGE-L');
console.log(`oracle, raw titles + raw sentences     ${oracleRaw}`);
console.log(`oracle, cleaned (Parallax's pool)      ${oracleCleaned}`);
console.log(`oracle, cleaned body sentences only    ${oracleBodyOnly}`);
console.log(`oracle after Parallax's headline       ${oracleAfterHeadline}`);
console.log(`parallax summary                       ${ours}`);
const perStory = (count: number): string => (count / Math.max(1, ours.n)).toFixed(2);
console.log(`oracle picks per story: cleaned ${perStory(picksTotal)}, raw ${perStory(rawPicksCount)}`);
console.log(`cleaned oracle picks by source: ${picked.all}`);
console.log(`cleaned oracle first pick:       ${picked.first}`);
console.log(`cleaned body picks by agreeing articles: ${picked.agreeing}   (pool: ${pool.agreeing})`);
console.log(`cleaned body picks by cross-article support: ${picked.support}   (pool: ${pool.support})`);
console.log(`cleaned body pool by position: ${pool.body}`);
console.log(`raw oracle picks: ${picked.rawKind}; body by position: ${picked.rawPosition}`);
console.log(
  `oracle picks also in Parallax's summary: ${((100 * picksAlsoOurs) / Math.max(1, picksTotal)).toFixed(0)}%; ` +
    `Parallax's sentences that the oracle picked: ${((100 * ourPicksInOracle) / Math.max(1, ourPicks)).toFixed(0)}%`,
);
