import { describe, expect, it } from 'vitest';
import { contentStems, CONTENT_STEMS_MEMO_SIZE } from '../src/core/nlp/content-stems.js';
import { analyzeText, ANALYSIS_CACHE_SIZE, sentenceSpans, type TextAnalysis } from '../src/core/nlp/wink.js';
import { createRunContext } from '../src/core/run-context.js';

const TEXT = 'The ferry left Dunmore at noon. It reached the island two hours later, the harbour office said.';

describe('per-run memos of the language layer', () => {
  it('keep wink’s reading of a text in the run that read it, and no other', () => {
    const first = createRunContext();
    const second = createRunContext();
    const analysis = analyzeText(TEXT, first);
    expect(first.memo<string, TextAnalysis>('wink.analysis', ANALYSIS_CACHE_SIZE).peek(TEXT)).toBe(analysis);
    expect(second.memo<string, TextAnalysis>('wink.analysis', ANALYSIS_CACHE_SIZE).peek(TEXT)).toBeUndefined();
    // Within one run, every stage gets the one reading.
    expect(analyzeText(TEXT, first)).toBe(analysis);
  });

  it('give the same sentence spans whether the run has read the text or not', () => {
    const read = createRunContext();
    const spans = analyzeText(TEXT, read).sentences.map((s) => ({ start: s.start, end: s.end }));
    expect(sentenceSpans(TEXT, read)).toEqual(spans);
    expect(sentenceSpans(TEXT, createRunContext())).toEqual(spans);
    expect(spans).toHaveLength(2);
  });

  it('keep content stems per run', () => {
    const first = createRunContext();
    const stems = contentStems(TEXT, first);
    expect(stems).toContain('ferri');
    expect(first.memo<string, string[]>('content-stems', CONTENT_STEMS_MEMO_SIZE).peek(TEXT)).toEqual(stems);
    expect(createRunContext().memo<string, string[]>('content-stems', CONTENT_STEMS_MEMO_SIZE).size).toBe(0);
  });
});
