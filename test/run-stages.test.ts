import { describe, expect, it } from 'vitest';
import { articleFromText } from '../src/core/article-from-text.js';
import type { Article } from '../src/core/model.js';
import { createRunContext, type RunContext } from '../src/core/run-context.js';
import { ArticleFailure, runStages, runStagesOnArticles, type Stage } from '../src/core/run-stages.js';

/** A toy story: the articles still in it and the names of the stages that ran, in order. */
interface Toy {
  articles: readonly Article[];
  ran: string[];
}

const note = (name: string): Stage<Toy> => ({ name, run: (s) => ({ ...s, ran: [...s.ran, name] }) });
const start = (articles: readonly Article[]): Toy => ({ articles, ran: [] });
const articles = ['a', 'b', 'c'].map((id) => articleFromText(id, `Article ${id} says the bridge reopened.`));

describe('the stage runner', () => {
  it('applies the stages in the order of the list, each on the result of the one before', () => {
    const out = runStages([note('first'), note('second'), note('third')], start(articles), createRunContext());
    expect(out.ran).toEqual(['first', 'second', 'third']);
  });

  it('gives every stage the one context of the run', () => {
    const seen: RunContext[] = [];
    const grab: Stage<Toy> = { name: 'grab', run: (s, ctx) => (seen.push(ctx), s) };
    const ctx = createRunContext();
    runStages([grab, grab], start(articles), ctx);
    expect(seen).toEqual([ctx, ctx]);
  });

  it('fails one article a stage cannot work on and goes on with the others', () => {
    const picky: Stage<Toy> = {
      name: 'picky',
      run: (s) => {
        if (s.articles.some((a) => a.id === 'b')) throw new ArticleFailure('b', 'not-prose', 'b: no sentence to read');
        return { ...s, ran: [...s.ran, 'picky'] };
      },
    };
    const { story, failures } = runStagesOnArticles(
      [note('first'), picky, note('last')],
      articles,
      start,
      createRunContext(),
    );
    expect(story.articles.map((a) => a.id)).toEqual(['a', 'c']);
    // The stages ran again from the start without the failed article: the story is the one a and c alone give.
    expect(story.ran).toEqual(['first', 'picky', 'last']);
    expect(failures).toEqual([{ source: 'b', code: 'not-prose', message: 'b: no sentence to read' }]);
  });

  it('rethrows an internal error as it is, never as a failure of the input', () => {
    const buggy: Stage<Toy> = {
      name: 'buggy',
      run: (s) => {
        const missing = s.articles.find((a) => a.id === 'z') as Article;
        return { ...s, ran: [...s.ran, missing.text] };
      },
    };
    expect(() => runStagesOnArticles([buggy], articles, start, createRunContext())).toThrow(TypeError);
  });

  it('rethrows an article failure that names no article of the story (a bug, not bad input)', () => {
    const stray: Stage<Toy> = {
      name: 'stray',
      run: () => {
        throw new ArticleFailure('nobody', 'unreadable', 'nobody: cannot be read');
      },
    };
    expect(() => runStagesOnArticles([stray], articles, start, createRunContext())).toThrow(ArticleFailure);
  });
});
