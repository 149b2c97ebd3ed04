import { describe, expect, it } from 'vitest';
import { articleFromText } from '../src/core/article-from-text.js';
import { readArticles } from '../src/core/pipeline.js';

const CONTENT = [
  'The new bridge over the Tolve opened to traffic on Friday morning after two years of work.',
  'On Friday, Gov. Lena Marsh cut the ribbon. It cost $40 million.',
  'Traffic was light, officials said.',
].join('\n\n');

describe('articleFromText', () => {
  it('segments the text with the reader’s segmenter, as a read article is segmented', () => {
    const read = readArticles([{ id: 'bridge', source: 'bridge', format: 'text', content: CONTENT, meta: {} }])
      .articles[0]!;
    const built = articleFromText('bridge', read.text);
    expect(built.sentences).toEqual(read.sentences);
    // "Gov." does not end a sentence; two sentences of one paragraph are two.
    const texts = built.sentences.map((s) => read.text.slice(s.start, s.end));
    expect(texts).toContain('On Friday, Gov. Lena Marsh cut the ribbon.');
    expect(texts).toContain('It cost $40 million.');
  });

  it('keeps the sentences it is given', () => {
    const given = [{ start: 0, end: 4, provenance: { stage: 'read' as const, rule: 'read/wink' } }];
    expect(articleFromText('x', CONTENT, { sentences: given }).sentences).toEqual(given);
  });
});
