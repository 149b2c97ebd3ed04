// Generated worst-case inputs (scripts/lib/worst-inputs.ts) through the whole pipeline: each gives a sane report, or
// a clear failure of that input, never an exception. Sizes are moderate; how the time grows with size is measured by
// the benchmark (`npm run bench linear`), not here. Before the reading was made linear, the nested kinds at these
// depths took minutes each (2,000 nested `<div>`s: 135 s).
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/core/model.js';
import { analyzeStory } from '../src/core/pipeline.js';
import { MAX_SENTENCE_CHARS } from '../src/core/read/split-long-sentences.js';
import { sizeIsDepth, WORST_INPUTS, type WorstInputKind } from '../scripts/lib/worst-inputs.js';

/** Inputs that are not articles at all: they must fail, with a reason. */
const NOT_ARTICLES = new Set<WorstInputKind>(['text-apostrophes', 'markdown-openings']);

/** Checks that every annotation of the report points into its article's text, where it says it is. */
function expectSaneReport(report: Report): void {
  const texts = new Map(report.articles.map((a) => [a.id, a.text]));
  const cited = (articleId: string, start: number, end: number, text?: string): void => {
    const body = texts.get(articleId);
    expect(body).toBeDefined();
    expect(0 <= start && start <= end && end <= body!.length).toBe(true);
    if (text !== undefined) expect(body!.slice(start, end)).toBe(text);
  };
  for (const a of report.articles) {
    expect(a.text.trim().length).toBeGreaterThan(0);
    for (const s of a.sentences) {
      cited(a.id, s.start, s.end);
      expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    }
  }
  for (const e of report.entities ?? []) for (const m of e.mentions) cited(m.articleId, m.start, m.end, m.text);
  for (const n of report.numbers ?? []) cited(n.articleId, n.start, n.end, n.text);
  for (const d of report.dates ?? []) cited(d.articleId, d.start, d.end, d.text);
  // Quotes of embedded posts point into the embed's text.
  for (const q of report.quotes ?? []) if (q.embed === undefined) cited(q.articleId, q.start, q.end);
  expect(report.summary?.sentences.length).toBeGreaterThan(0);
}

describe('worst-case inputs through the pipeline', () => {
  for (const kind of Object.keys(WORST_INPUTS) as WorstInputKind[]) {
    it(`${kind}: a sane report or a clear failure`, () => {
      const input = WORST_INPUTS[kind](sizeIsDepth(kind) ? 2000 : 40_000);
      const report = analyzeStory([
        { id: 'w', source: `${kind}.input`, format: input.format, content: input.content, meta: {} },
      ]);
      if (NOT_ARTICLES.has(kind)) {
        expect(report.articles).toHaveLength(0);
        expect(report.failures[0]?.message).toMatch(new RegExp(`^${kind}\\.input: \\w`));
        return;
      }
      expect(report.failures).toEqual([]);
      expectSaneReport(report);
      // The article inside deep structures is read in full.
      if (sizeIsDepth(kind) || kind === 'div-chains') expect(report.articles[0]!.text).toMatch(/council|budget|ferry/);
    });
  }
});
