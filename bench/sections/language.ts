// Time per article of the language layer (entities, quotes, dates, numbers via analyzeArticles) next to the time
// wink-nlp alone takes to read the same text, on the seed story and on NeuS and PolNeAR articles.
//
// How it is measured (all figures the same way): a warm process, cold per text, CPU time. Before timing, the whole
// layer runs WARMUP_PASSES times over other articles of the same sources (NeuS stories 100-199, PolNeAR articles
// 60-119), so that model loading and the compilation of code and regular expressions are not timed: V8 keeps
// optimizing the layer's many functions for thousands of articles (a pass over 300 NeuS articles takes about twice as
// long on the second pass as on the twentieth), and a long batch or a server runs in that steady state. Then, per corpus and PASSES times over, wink's
// readDoc reads each text once, the layer analyzes each story once, and entities+quotes run once; each figure is the
// median pass, in CPU time of this process (process.cpuUsage, not wall time: the machine is shared and wall time swings
// with other load), (bench/lib/cpu-time.ts). `analyzeText` memoizes wink's
// reading per text in the run's context, and every story is analyzed with a fresh context (after reading the articles
// afresh, so no per-article memo carries over either): those figures include their own wink tokenization of every text
// and everything else they compute, as wink's figure does. One more layer pass runs with the story's context filled
// beforehand (each story's texts read by `analyzeText` in that context, untimed, just before the story is timed): the
// layer without its own wink read, printed as "with wink's read memoized". The difference from the layer's figure is
// what that read costs inside the layer, next to wink's own figure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findEntities } from '../../src/core/analyze/entities.js';
import { findQuotes } from '../../src/core/analyze/quotes.js';
import { analyzeArticles, readArticles } from '../../src/core/pipeline.js';
import type { RawArticle } from '../../src/core/model.js';
import { analyzeText, wink } from '../../src/core/nlp/wink.js';
import { SHARED_DIR } from '../../test/helpers/shared.js';
import { cpuTime, median } from '../lib/cpu-time.js';
import { createRunContext } from '../../src/core/run-context.js';
import { seedArticles } from '../lib/seed-articles.js';

/** One corpus to time: a name and its stories (each a list of raw articles). */
interface Corpus {
  name: string;
  stories: RawArticle[][];
}

const raw = (id: string, content: string): RawArticle => ({ id, source: id, format: 'text', content, meta: {} });

/** NeuS stories `[from, to)` of the validation file, each as a list of raw articles. */
function neusStories(from: number, to: number): RawArticle[][] | null {
  const file = join(SHARED_DIR, 'eval', 'neus', 'val.jsonl');
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').trim().split('\n').slice(from, to);
  return lines.map((l, i) => {
    const s = JSON.parse(l) as { articles: { title: string; text: string }[] };
    return s.articles.map((a, k) => raw(`neus-${from + i}-${k}`, `${a.title}\n\n${a.text}`));
  });
}

/** PolNeAR dev articles `[from, to)`, each as a story of one raw article. */
function polnearStories(from: number, to: number): RawArticle[][] | null {
  const file = join(SHARED_DIR, 'eval', 'quotes', 'polnear-dev.jsonl');
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').trim().split('\n').slice(from, to);
  return lines.map((l, i) => [raw(`pol-${from + i}`, (JSON.parse(l) as { text: string }).text)]);
}

/** The corpora, each a function so a missing file only skips that corpus. Add more as entries. */
const CORPORA: (() => Corpus | null)[] = [
  () => {
    const seeds = seedArticles();
    return seeds ? { name: 'seeds', stories: [seeds.map((s) => raw(s.file, s.text))] } : null;
  },
  () => {
    const stories = neusStories(0, 100);
    return stories ? { name: 'NeuS val (100 stories)', stories } : null;
  },
  () => {
    const stories = polnearStories(0, 60);
    return stories ? { name: 'PolNeAR dev (60 articles)', stories } : null;
  },
];

/** Timed passes per corpus; each figure is the median pass. */
const PASSES = 5;

/** Untimed passes of the whole layer over the warm-up articles before any timing. */
const WARMUP_PASSES = 8;

/** Milliseconds per article for the language layer and for wink's readDoc alone on the cleaned texts. */
function time(corpus: Corpus): {
  layer: number;
  winkOnly: number;
  entityQuote: number;
  layerWarm: number;
  articles: number;
} {
  // Articles are read afresh (untimed) before each timed run, so that nothing memoized per article object carries over.
  const read = () => corpus.stories.map((s) => readArticles(s).articles);
  const texts = read()
    .flat()
    .map((a) => a.text);
  const nlp = wink();
  const passes: { winkOnly: number; layer: number; entityQuote: number; layerWarm: number }[] = [];
  for (let p = 0; p < PASSES; p++) {
    const winkOnly = cpuTime(() => {
      for (const t of texts) nlp.readDoc(t);
    });
    let stories = read();
    const layer = cpuTime(() => {
      for (const articles of stories) analyzeArticles(articles, '2021-05-18', createRunContext());
    });
    stories = read();
    const entityQuote = cpuTime(() => {
      for (const articles of stories) {
        // One run context for the two stages, as in a run: each text is read by wink once.
        const ctx = createRunContext();
        findQuotes(articles, findEntities(articles, ctx), ctx);
      }
    });
    stories = read();
    // Story by story, each with its own context: its texts read untimed into the context, then the story timed.
    let layerWarm = 0;
    for (const articles of stories) {
      const ctx = createRunContext();
      for (const a of articles) analyzeText(a.text, ctx);
      layerWarm += cpuTime(() => analyzeArticles(articles, '2021-05-18', ctx));
    }
    passes.push({ winkOnly, layer, entityQuote, layerWarm });
  }
  const n = texts.length;
  const per = (k: 'winkOnly' | 'layer' | 'entityQuote' | 'layerWarm') => median(passes.map((x) => x[k])) / n;
  return {
    layer: per('layer'),
    winkOnly: per('winkOnly'),
    entityQuote: per('entityQuote'),
    layerWarm: per('layerWarm'),
    articles: n,
  };
}

/** Prints the figures per corpus (warm process, cold per text: see the note at the top). */
export default async function (): Promise<void> {
  // Warm up on articles that are not timed: loads the models, compiles code and patterns (each story in a context of
  // its own, as every run).
  const warmup = [...(neusStories(100, 200) ?? []), ...(polnearStories(60, 120) ?? [])];
  for (let pass = 0; pass < WARMUP_PASSES; pass++) {
    for (const story of warmup) {
      const articles = readArticles(story).articles;
      for (const a of articles) wink().readDoc(a.text);
      analyzeArticles(articles, '2021-05-18');
    }
  }
  for (const make of CORPORA) {
    const corpus = make();
    if (!corpus) continue;
    const t = time(corpus);
    console.log(
      `${corpus.name.padEnd(28)} ${String(t.articles).padStart(4)} articles  language layer ${t.layer.toFixed(2)} ms/article  ` +
        `(with wink's read memoized ${t.layerWarm.toFixed(2)})  ` +
        `(entities+quotes ${t.entityQuote.toFixed(2)})  wink readDoc ${t.winkOnly.toFixed(2)} ms/article  ` +
        `ratio ${(t.layer / Math.max(1e-6, t.winkOnly)).toFixed(2)}x (entities+quotes ${(t.entityQuote / Math.max(1e-6, t.winkOnly)).toFixed(2)}x)`,
    );
  }
}
