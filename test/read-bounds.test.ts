// The bounds that keep reading and analysis linear in the input: each holds on what it is meant for, and none of them
// touches a real article (the seeds, extraction pages, NeuS and PolNeAR texts give the same result with and without
// the bound). The nesting bound has its own file (read-nesting.test.ts).
import * as chrono from 'chrono-node';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleUnits } from '../src/core/analyze/entities/article-units.js';
import { findQuotedSpans } from '../src/core/analyze/quotes/find-quoted-spans.js';
import { quoteAwareSegments } from '../src/core/analyze/quotes/quote-aware-segments.js';
import { FirstFrom } from '../src/core/first-from.js';
import type { Article, RawArticle, Sentence } from '../src/core/model.js';
import { boundParserLookBacks, boundRefinerLookBacks, lookBackStart } from '../src/core/nlp/bound-chrono-scans.js';
import { breakLongRuns, MAX_RUN } from '../src/core/nlp/break-long-runs.js';
import { analyzeText } from '../src/core/nlp/wink.js';
import { readArticles } from '../src/core/pipeline.js';
import { segmentSentences } from '../src/core/read/sentences.js';
import { MAX_SENTENCE_CHARS, splitLongSentences } from '../src/core/read/split-long-sentences.js';
import { SpanIndex, spanAt } from '../src/core/span-index.js';
import { hasExtractionPages, loadExtractionPages } from '../scripts/lib/extraction-pages.js';
import { readNeus } from '../scripts/lib/neus.js';
import { describeShared, hasShared, itWith, SHARED_DIR, SHARED_SEEDS, seedRaws } from './helpers/shared.js';
import { createRunContext } from '../src/core/run-context.js';

/** Real articles read by the pipeline: seeds, a sample of extraction pages, NeuS and PolNeAR texts. */
function realArticles(): Article[] {
  if (!hasShared) return [];
  const raws: RawArticle[][] = [seedRaws()];
  if (hasExtractionPages())
    raws.push(
      loadExtractionPages()
        .filter((_, i) => i % 4 === 0)
        .map((p) => ({ id: p.id, source: p.id, format: 'html', content: p.html, meta: { url: p.url } })),
    );
  const text = (id: string, content: string): RawArticle => ({ id, source: id, format: 'text', content, meta: {} });
  raws.push(
    readNeus('val')
      .slice(0, 40)
      .flatMap((s) => s.articles.map((a, k) => text(`${s.id}-${k}`, a.text))),
  );
  const polnear = join(SHARED_DIR, 'eval', 'quotes', 'polnear-dev.jsonl');
  if (existsSync(polnear)) {
    const lines = readFileSync(polnear, 'utf8').trim().split('\n').slice(0, 40);
    raws.push(lines.map((l, i) => text(`polnear-${i}`, (JSON.parse(l) as { text: string }).text)));
  }
  return raws.flatMap((group) => readArticles(group).articles);
}

const articles = realArticles();

describe('splitLongSentences', () => {
  const text = `${'The council voted on the ferry budget and the harbor plan and the school repairs '.repeat(40)}end`;
  const wink = { stage: 'read' as const, rule: 'read/wink' };
  const span: Sentence = { start: 0, end: text.length, provenance: wink };

  it('cuts a span longer than the bound into pieces within it that keep all its words in order', () => {
    const pieces = splitLongSentences(text, [span]);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.provenance).toEqual({ stage: 'read', rule: 'read/long-split' });
    for (const p of pieces) expect(p.end - p.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(pieces.map((p) => text.slice(p.start, p.end)).join(' ')).toBe(text.trim());
  });

  it('cuts after clause punctuation when there is some', () => {
    const clauses = `${'The council voted on the budget, '.repeat(60)}and left.`;
    for (const p of splitLongSentences(clauses, [{ start: 0, end: clauses.length, provenance: wink }]).slice(0, -1))
      expect(clauses.slice(p.start, p.end)).toMatch(/,$/);
  });

  it('cuts text without white space anywhere, but never inside a surrogate pair', () => {
    const dense = '𝐀'.repeat(1500);
    const pieces = splitLongSentences(dense, [{ start: 0, end: dense.length, provenance: wink }]);
    expect(pieces.map((p) => dense.slice(p.start, p.end)).join('')).toBe(dense);
    for (const p of pieces) expect(dense.charCodeAt(p.start)).toBe(0xd835);
  });

  it('leaves spans within the bound as they are (negative)', () => {
    const short = [
      { start: 0, end: 10, provenance: wink },
      { start: 11, end: 900, provenance: wink },
    ];
    expect(splitLongSentences(text, short)).toEqual(short);
  });
});

describe('breakLongRuns', () => {
  it('breaks runs longer than the bound, keeping the length of the text', () => {
    const text = `short words ${'x'.repeat(3 * MAX_RUN)} end`;
    const broken = breakLongRuns(text);
    expect(broken).toHaveLength(text.length);
    expect(Math.max(...broken.split(/\s/).map((w) => w.length))).toBeLessThanOrEqual(MAX_RUN);
  });

  it('leaves a text with no over-long run unchanged (negative)', () => {
    const text = 'A link https://example.org/a/b/c and words.';
    expect(breakLongRuns(text)).toBe(text);
  });

  it('keeps token offsets valid for the original text', () => {
    const text = `The council met. ${'word-'.repeat(200)} Officials said the vote passed.`;
    for (const t of analyzeText(text, createRunContext()).tokens) expect(text.slice(t.start, t.end)).toBe(t.value);
  });
});

describe('chrono look-backs', () => {
  /** The default English parser, and the same with look-backs bounded. */
  const plain = chrono.casual.clone();
  const bounded = chrono.casual.clone();
  bounded.parsers = boundParserLookBacks(bounded.parsers);
  bounded.refiners = boundRefinerLookBacks(bounded.refiners);
  const reference = { instant: new Date('2021-05-17T12:00:00Z'), timezone: 0 };
  const results = (parser: chrono.Chrono, text: string): unknown =>
    parser.parse(text, reference).map((r) => ({
      index: r.index,
      text: r.text,
      start: r.start.date().toISOString(),
      end: r.end?.date().toISOString() ?? null,
    }));

  it('start a few words back, after white space or at the start', () => {
    expect(lookBackStart('at the end of the May', 18, 4)).toBe(3);
    expect(lookBackStart('May', 0, 4)).toBe(0);
    expect(lookBackStart('of  May', 4, 1)).toBe(0);
  });

  it('give the results of the unbounded parser on any text made of date phrases', () => {
    const text = fc
      .array(
        fc.constantFrom(
          ...['end of ', 'last day of ', 'the ', 'May', ' may ', 'in ', 'In May', '1/2/2020', '3/2021', '12/5'],
          ...[' ', '\n', 'March 5', 'next month', 'this week', 'June', ', ', ' this year', 'xend of ', '2/'],
        ),
        { maxLength: 20 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(results(bounded, t)).toEqual(results(plain, t));
      }),
      { numRuns: 3000, seed: 20 },
    );
  });

  itWith(hasShared, SHARED_SEEDS)('give the results of the unbounded parser on real articles', () => {
    for (const a of articles) expect(results(bounded, a.text), a.id).toEqual(results(plain, a.text));
  });
});

describe('SpanIndex and FirstFrom', () => {
  const spans = fc.array(
    fc
      .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 30 }), fc.integer())
      .map(([start, length, tag]) => ({ start, end: start + length, tag })),
    { maxLength: 40 },
  );

  it('finds what a scan of every item finds, in the same order', () => {
    fc.assert(
      fc.property(spans, fc.integer({ min: 0, max: 230 }), fc.integer({ min: 0, max: 60 }), (items, start, length) => {
        const index = new SpanIndex(items);
        const end = start + length;
        expect(index.within({ start, end })).toEqual(items.filter((s) => s.start >= start && s.end <= end));
        expect(index.overlapping(start, end)).toEqual(items.filter((s) => s.start < end && s.end > start));
      }),
      { numRuns: 3000, seed: 21 },
    );
  });

  it('finds the span holding an offset among spans in order', () => {
    const tiles = [
      { start: 0, end: 5 },
      { start: 6, end: 9 },
      { start: 9, end: 12 },
    ];
    expect([0, 4, 5, 6, 9, 11, 12].map((at) => spanAt(tiles, at))).toEqual([
      tiles[0],
      tiles[0],
      undefined,
      tiles[1],
      tiles[2],
      tiles[2],
      undefined,
    ]);
  });

  it('answers as the search it remembers, asked in any order', () => {
    const text = 'a"b""c  "d';
    const first = new FirstFrom((pos) => text.indexOf('"', pos));
    for (const pos of [0, 1, 2, 3, 2, 4, 5, 9, 10, 0, 8])
      expect(first.from(pos), String(pos)).toBe(text.indexOf('"', pos));
  });
});

describeShared('the bounds on real articles', () => {
  it('are not reached: sentences, quote segments and words are the same without them', () => {
    expect(articles.length).toBeGreaterThan(150);
    for (const a of articles) {
      expect(segmentSentences(a.text, a.paragraphs), a.id).toEqual(
        segmentSentences(a.text, a.paragraphs, { maxSentenceChars: Infinity }),
      );
      const { sentences, paragraphs } = articleUnits(a);
      const quoted = findQuotedSpans(a.text, paragraphs);
      expect(quoteAwareSegments(a.text, paragraphs, sentences, quoted), a.id).toEqual(
        quoteAwareSegments(a.text, paragraphs, sentences, quoted, { maxChars: Infinity }),
      );
      expect(breakLongRuns(a.text) === a.text, a.id).toBe(true);
    }
  });
});
