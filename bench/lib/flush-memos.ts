// Empties the core's per-text memos between timed runs, so that every text is read cold, as a command reads it once.
import { ANALYSIS_CACHE_SIZE, analyzeText } from '../../src/core/nlp/wink.js';
import { contentStems, CONTENT_STEMS_MEMO_SIZE } from '../../src/core/nlp/content-stems.js';

let flushes = 0;

/** Evicts every text from the memos of `analyzeText` and `contentStems` by reading as many short texts never seen before. */
export function flushMemos(): void {
  flushes++;
  for (let i = 0; i < ANALYSIS_CACHE_SIZE; i++) analyzeText(`Memo flush ${flushes} text ${i}.`);
  for (let i = 0; i < CONTENT_STEMS_MEMO_SIZE; i++) contentStems(`Memo flush ${flushes} line ${i}.`);
}
