// Measures the neutral summary on NeuS (AllSides): runs the batch engine over a split and prints ROUGE-1/2/L F1
// against `reference_full`, next to LexRank (npm lexrank), TextRank (npm ts-textrank) and a lead baseline, all cut at
// the same length. Usage: npm run eval:summary -- [--split val|train] [--holdout] [--limit N] [--words N]
// [--summary-words N] [--fit] [--quick]. `--holdout` keeps only the train stories held out from fitting the sentence
// scorer, `--fit` only the others (tune on `--split train --fit`, check on `--split train --holdout`); `--quick` skips
// the baselines.
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { runBatch } from '../src/engine/batch.js';
import { analyzeText } from '../src/core/nlp/wink.js';
import { cutWords, rouge, type RougeScores } from './lib/rouge.js';
import { isHoldout } from './lib/train-holdout.js';
import { readNeus, type NeusStory } from './lib/neus.js';
import { createRunContext } from '../src/core/run-context.js';

const require = createRequire(import.meta.url);
/** The npm lexrank API used here. */
interface LexRank {
  summarize(text: string, lines: number, cb: (err: unknown, top: { text: string }[], text: string) => void): void;
}
/**
 * lexrank's dependencies (an old Sugar.js) rewrite Array, String and Number prototypes when loaded, which breaks the
 * engine's array code (flatMap over a rewritten map), so it is loaded only after the batch has run.
 */
let lexrank: LexRank | null = null;
const textrank = require('ts-textrank') as typeof import('ts-textrank');

const { values } = parseArgs({
  options: {
    split: { type: 'string', default: 'val' },
    limit: { type: 'string' },
    holdout: { type: 'boolean', default: false },
    fit: { type: 'boolean', default: false },
    /** Parallax only, without the baselines (faster while tuning). */
    quick: { type: 'boolean', default: false },
    words: { type: 'string' },
    'summary-words': { type: 'string' },
  },
});
/** Tuned on train.jsonl (NeuS references are about 66 words, headline included). */
const DEFAULT_WORDS = 70;
const words = Number(values.words ?? DEFAULT_WORDS);
const summaryWords = Number(values['summary-words'] ?? words);
const stories = readNeus(values.split)
  .filter((_s, k) => (!values.holdout || isHoldout(k)) && (!values.fit || !isHoldout(k)))
  .slice(0, values.limit ? Number(values.limit) : undefined);

function plainText(story: NeusStory): string {
  return story.articles.map((a) => [a.title, a.text].filter(Boolean).join('.\n')).join('\n\n');
}

function lexrankSummary(story: NeusStory): string {
  let out = '';
  lexrank ??= require('lexrank') as LexRank;
  lexrank.summarize(plainText(story), 8, (_err, top) => {
    out = top.map((t) => t.text).join(' ');
  });
  return out;
}

function textrankSummary(story: NeusStory): string {
  const config = new textrank.AbsoluteSummarizerConfig(
    8,
    new textrank.SorensenDiceSimilarity(),
    new textrank.DefaultTextParser(),
    0.85,
    textrank.Summarizer.SORT_SCORE,
  );
  try {
    return new textrank.Summarizer(config, new textrank.NullLogger()).summarize(plainText(story), 'en').join(' ');
  } catch {
    return '';
  }
}

/** The first sentence of each article, then the second of each, and so on. */
function leadSummary(story: NeusStory): string {
  const perArticle = story.articles.map((a) => {
    const analysis = analyzeText(a.text, createRunContext());
    return analysis.sentences.map((s) => a.text.slice(s.start, s.end));
  });
  const out: string[] = [];
  for (let k = 0; k < 6; k++) for (const sentences of perArticle) if (sentences[k]) out.push(sentences[k]!);
  return out.join(' ');
}

async function* batchLines(): AsyncGenerator<string> {
  for (const s of stories) {
    yield JSON.stringify({
      id: s.id,
      articles: s.articles.map((a, k) => ({ id: `a${k + 1}`, text: a.text, ...(a.title ? { title: a.title } : {}) })),
    });
  }
}

const systems = values.quick ? (['parallax'] as const) : (['parallax', 'lexrank', 'textrank', 'lead'] as const);
const totals = new Map<string, { r1: number; r2: number; rl: number; n: number }>(
  systems.map((s) => [s, { r1: 0, r2: 0, rl: 0, n: 0 }]),
);
function add(system: string, scores: RougeScores): void {
  const t = totals.get(system)!;
  t.r1 += scores.rouge1.f1;
  t.r2 += scores.rouge2.f1;
  t.rl += scores.rougeL.f1;
  t.n++;
}

/** How well the summary's first sentence (the headline) matches the editors' headline, train split only. */
const headlineTotals = { r1: 0, r2: 0, n: 0 };
function addHeadline(story: NeusStory, firstSentence: string): void {
  if (values.split !== 'train' || !story.reference_title) return;
  const scores = rouge(firstSentence, story.reference_title);
  headlineTotals.r1 += scores.rouge1.f1;
  headlineTotals.r2 += scores.rouge2.f1;
  headlineTotals.n++;
}

const byId = new Map(stories.map((s) => [s.id, s]));
let failed = 0;
const started = performance.now();
for await (const result of runBatch(batchLines(), { summaryWords })) {
  const story = byId.get(result.id)!;
  const ours = 'report' in result ? (result.report.summary?.text ?? '') : '';
  if ('error' in result) failed++;
  else addHeadline(story, result.report.summary?.sentences[0]?.text ?? '');
  add('parallax', rouge(cutWords(ours, words), story.reference_full));
}
// Parallax's time only: the baselines run after it.
const seconds = (performance.now() - started) / 1000;
for (const story of values.quick ? [] : stories) {
  add('lexrank', rouge(cutWords(lexrankSummary(story), words), story.reference_full));
  add('textrank', rouge(cutWords(textrankSummary(story), words), story.reference_full));
  add('lead', rouge(cutWords(leadSummary(story), words), story.reference_full));
}
console.log(
  `NeuS ${values.split}${values.holdout ? ' holdout' : ''}${values.fit ? ' fit' : ''}: ${stories.length} stories, cut at ${words} words, summaryWords ${summaryWords}`,
);
console.log('system     ROUGE-1  ROUGE-2  ROUGE-L');
for (const [system, t] of totals) {
  const f = (v: number): string => ((100 * v) / Math.max(1, t.n)).toFixed(1).padStart(7);
  console.log(`${system.padEnd(10)} ${f(t.r1)}  ${f(t.r2)}  ${f(t.rl)}`);
}
if (headlineTotals.n > 0) {
  const f = (v: number): string => ((100 * v) / headlineTotals.n).toFixed(1);
  console.log(`headline vs reference_title (ROUGE-1/2 F1): ${f(headlineTotals.r1)} / ${f(headlineTotals.r2)}`);
}
console.log(`failed stories: ${failed}; time ${seconds.toFixed(1)} s`);
