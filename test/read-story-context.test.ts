import { describe, expect, it } from 'vitest';
import type { RawArticle } from '../src/core/model.js';
import { readArticle } from '../src/core/read/read-article.js';
import { prepareStoryContext, termsWithout } from '../src/core/read/story-context.js';
import { contentStems } from '../src/core/nlp/content-stems.js';
import { describeShared, readSeed, seedNames } from './helpers/shared.js';
import { createRunContext } from '../src/core/run-context.js';

function raw(content: string, id: string): RawArticle {
  return { id, source: id, format: 'text', content, meta: {} };
}

describeShared('story context prepared once per story', () => {
  it('reads every seed exactly as with the plain list of story texts', () => {
    const texts = seedNames().map(readSeed);
    const prepared = prepareStoryContext(texts);
    texts.forEach((text, i) => {
      const fromList = readArticle(raw(text, `s${i}`), { storyContext: texts });
      const fromPrepared = readArticle(raw(text, `s${i}`), { storyContext: prepared });
      expect(fromPrepared).toEqual(fromList);
    });
  });
});

describe('story terms seen by one article', () => {
  const own = 'Flooding closed the coastal highway near the harbour on Monday.';
  const other = 'Rescue crews reached villages cut off by flooding along the coast.';
  const stem = (word: string): string => contentStems(word, createRunContext())[0]!;

  it("leaves out every copy of the article's own text", () => {
    const terms = termsWithout(prepareStoryContext([own, other, own]), own);
    expect(terms.count(stem('highway'))).toBe(0);
    expect(terms.count(stem('flooding'))).toBe(1);
    expect(terms.count(stem('villages'))).toBe(1);
  });

  it('counts nothing when the story holds only the article itself', () => {
    const terms = termsWithout(prepareStoryContext([own, own]), own);
    expect(terms.count(stem('flooding'))).toBe(0);
  });

  it('counts all texts when the article is not among them', () => {
    const terms = termsWithout(prepareStoryContext([other, other]), own);
    expect(terms.count(stem('villages'))).toBe(2);
    expect(terms.count(stem('highway'))).toBe(0);
  });
});
