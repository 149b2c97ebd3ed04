/**
 * The story library's contract: the same tests run against every implementation (SQLite, PostgreSQL). Each test gets
 * a fresh, empty library from the implementation's harness.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fact, RawArticle, Report } from '../../src/core/model.js';
import { analyzeStory } from '../../src/core/pipeline.js';
import { StoryChangedError, type NewStory, type StoryRepository } from '../../src/engine/storage/story-repository.js';
import { describeShared, readSeed, seedNames } from './shared.js';

/** One fresh library and the means to break it from outside. */
export interface RepositoryHarness {
  repo: StoryRepository;
  /** Makes every later insert of a fact with id `boom` fail inside the write (a trigger, from another connection). */
  sabotageFacts(): Promise<void>;
  /** Closes the library and removes what the harness made. */
  dispose(): Promise<void>;
}

export const AT = '2024-05-20T10:00:00.000Z';
export const LATER = '2024-05-21T10:00:00.000Z';

/** A seed file as a raw plain-text input. */
export function seedRaw(name: string): RawArticle {
  return { id: name.replace(/\.txt$/, ''), source: name, format: 'text', content: readSeed(name), meta: {} };
}

/** A report from the real pipeline, with hand-made facts so that fact search has something to find. */
export function reportFor(id: string, raws: RawArticle[], facts: Fact[] = []): Report {
  return { ...analyzeStory(raws, { storyId: id, referenceDate: '2024-05-20' }), facts };
}

/** A hand-made fact. */
export function fact(id: string, statement: string, articleId: string): Fact {
  return {
    id,
    statement,
    citations: [],
    articleIds: [articleId],
    independentSources: 1,
    kind: 'single',
    provenance: { stage: 'compose', rule: 'compose/single-fact' },
  };
}

/** A new story of these articles with its report. */
export function newStory(id: string, raws: RawArticle[], facts: Fact[] = []): NewStory {
  return {
    id,
    title: `Story ${id}`,
    fingerprint: `fp-${id}`,
    createdAt: AT,
    referenceDate: '2024-05-20',
    articles: raws,
    analysis: { report: reportFor(id, raws, facts), generatedAt: AT },
  };
}

/** A fictional article (the repository never reads it: any text does). */
function fiction(id: string, content: string): RawArticle {
  return { id, source: `${id}.txt`, format: 'text', content, meta: {} };
}

/** Registers the contract's tests for one implementation. */
export function describeStoryRepositoryContract(name: string, open: () => Promise<RepositoryHarness>): void {
  describe(`the story library contract: ${name}`, () => {
    let harness: RepositoryHarness;
    let repo: StoryRepository;

    beforeEach(async () => {
      harness = await open();
      repo = harness.repo;
    });

    afterEach(async () => {
      await harness.dispose();
    });

    it('returns nothing for unknown ids and searches without words', async () => {
      expect(await repo.getStory('nope')).toBeNull();
      expect(await repo.getSources('nope')).toBeNull();
      expect(await repo.getStoryReport('nope')).toBeNull();
      expect(await repo.deleteStory('nope')).toBe(false);
      expect(await repo.search('?!', 10)).toEqual([]);
      expect(
        await repo.appendArticles({
          storyId: 'nope',
          expectedRevision: 0,
          articles: [],
          fingerprint: 'x',
          updatedAt: AT,
          referenceDate: null,
          analysis: { report: reportFor('nope', []), generatedAt: AT },
        }),
      ).toBeNull();
    });

    it('stores content with NUL characters, odd scripts and markup exactly, and refuses a second story of one id', async () => {
      const odd = fiction('odd', 'Zeile\u0000eins — «ąčę» 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 <b>not markup</b>\r\n\ttabs ünd ümlauts');
      const input = newStory('nul', [odd, fiction('plain', 'The harbour council of Brindlemoor voted on Tuesday.')]);
      await repo.createStory(input);
      expect((await repo.getSources('nul'))?.articles[0]).toEqual(odd);
      await expect(repo.createStory(input)).rejects.toThrow();
      expect((await repo.getStory('nul'))?.articleCount).toBe(2);
    });

    it('never fails on any query text, in search or in the story list', async () => {
      await repo.createStory(newStory('q', [fiction('a', 'The Brindlemoor ferry strike entered its third day.')]));
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), async (q) => {
          expect(Array.isArray(await repo.search(q, 5))).toBe(true);
          const page = await repo.listStories({ q, limit: 5, offset: 0 });
          expect(page.total).toBeGreaterThanOrEqual(page.stories.length);
        }),
        { numRuns: 60 },
      );
      for (const q of ['title:"x" AND (y OR', "'; DROP TABLE stories; --", 'a & b | !c <-> d:*', '\\', '%_%']) {
        await expect(repo.search(q, 5)).resolves.toBeDefined();
        await expect(repo.listStories({ q, limit: 5, offset: 0 })).resolves.toBeDefined();
      }
      expect(await repo.getStory('q')).not.toBeNull();
    });

    it('splits words at hyphens and dots on both sides, removes diacritics and matches a prefix of the last word', async () => {
      const raws = [fiction('a', 'Brindlemoor reports COVID-19 cases; the Zürich café closed. Turnout was 52.7%.')];
      await repo.createStory(newStory('w', raws, [fact('f', 'The mayor of Zürich resigned', 'a')]));
      const ids = async (q: string) => (await repo.search(q, 10)).map((h) => h.articleId ?? h.factId).sort();
      expect(await ids('COVID-19')).toEqual(['a']);
      expect(await ids('covid 19')).toEqual(['a']);
      expect(await ids('zurich')).toEqual(['a', 'f']);
      expect(await ids('cafe')).toEqual(['a']);
      expect(await ids('52.7')).toEqual(['a']);
      expect(await ids('Brindle')).toEqual(['a']);
      expect(await ids('resign')).toEqual(['f']);
      expect(await ids('the mayor')).toEqual(['f']);
    });

    it('gives plain-text snippets around the match, with "…" where the text was cut', async () => {
      const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
      const text = `${long} the lighthouse keeper of Brindlemoor <script>alert(1)</script> ${long}.`;
      await repo.createStory(newStory('snip', [fiction('a', text)]));
      const [hit] = await repo.search('lighthouse', 5);
      expect(hit?.snippet).toMatch(/^….*lighthouse.*…$/);
      expect(hit?.snippet).not.toMatch(/<b>|<mark>/);
      expect(hit!.snippet.length).toBeLessThan(400);
    });

    describeShared('on the seed articles', () => {
      const raws = (): RawArticle[] => seedNames().map(seedRaw);

      it('stores raw inputs exactly as received and the report as given', async () => {
        const given = raws();
        const withMeta: RawArticle = {
          ...given[0]!,
          meta: { title: 'A title', outlet: 'An outlet', publishedAt: '2024-05-17' },
          diagnostics: [{ level: 'info', code: 'decoded', message: 'decoded as windows-1252' }],
        };
        const input = newStory('s1', [withMeta, ...given.slice(1)]);
        const story = await repo.createStory(input);
        expect(story).toEqual({
          id: 's1',
          title: 'Story s1',
          articleCount: given.length,
          createdAt: AT,
          updatedAt: AT,
          kind: 'manual',
        });
        const sources = await repo.getSources('s1');
        expect(sources?.referenceDate).toBe('2024-05-20');
        expect(sources?.articles).toEqual([withMeta, ...given.slice(1)]);
        expect(JSON.parse((await repo.getStoryReport('s1'))!.reportJson)).toEqual(input.analysis.report);
        expect(await repo.findByFingerprint('fp-s1')).toEqual(story);
        expect(await repo.findByFingerprint('fp-other')).toBeNull();
      });

      it('keeps the report without texts, each article text with its layout, and the digest the list shows', async () => {
        const given = raws();
        const input = newStory('s1', given);
        await repo.createStory(newStory('small', given.slice(0, 1)));
        await repo.createStory(input);
        const report = input.analysis.report;
        const light = JSON.parse((await repo.getStoryReport('s1', { light: true }))!.reportJson);
        expect(light.articles.map((a: { id: string }) => a.id)).toEqual(report.articles.map((a) => a.id));
        expect(light.articles[0]).not.toHaveProperty('text');
        expect(light.articles[0].textLength).toBe(report.articles[0]!.text.length);
        const first = report.articles[0]!;
        expect(await repo.getArticleText('s1', first.id)).toEqual({
          text: first.text,
          ...(first.paragraphs ? { paragraphs: first.paragraphs } : {}),
          sentences: first.sentences,
          removed: first.removed,
        });
        expect(await repo.getArticleText('s1', 'nope')).toBeNull();
        const { stories } = await repo.listStories({ sort: 'size', limit: 10, offset: 0 });
        expect(stories.map((s) => s.id)).toEqual(['s1', 'small']);
        expect(stories[0]!.digest).toEqual((await repo.getStoryReport('s1'))!.digest);
        expect(stories[0]!.digest).not.toBeNull();
      });

      it('finds articles and facts by full text, with stemming, and forgets them on delete', async () => {
        const given = raws();
        const firstWord = given[0]!.content.match(/[A-Za-z]{6,}/)![0];
        await repo.createStory(
          newStory('s1', given, [fact('f1', 'Officials reported widespread flooding', given[0]!.id)]),
        );
        const byText = await repo.search(firstWord, 50);
        expect(byText.some((h) => h.kind === 'article' && h.storyId === 's1' && h.articleId === given[0]!.id)).toBe(
          true,
        );
        const byFact = await repo.search('flooded', 10); // stemming: "flooded" finds "flooding"
        expect(byFact).toEqual([
          {
            storyId: 's1',
            storyTitle: 'Story s1',
            kind: 'fact',
            factId: 'f1',
            snippet: 'Officials reported widespread flooding',
          },
        ]);
        expect(await repo.search('zyxwvutsrq', 10)).toEqual([]);
        expect(await repo.search('"unbalanced AND (', 10)).toBeDefined();
        expect(await repo.deleteStory('s1')).toBe(true);
        expect(await repo.search(firstWord, 50)).toEqual([]);
        expect(await repo.search('flooding', 10)).toEqual([]);
        expect(await repo.getSources('s1')).toBeNull();
      });

      it('lists stories newest first with paging, and filters by title, article text or fact', async () => {
        const given = raws();
        await repo.createStory(newStory('a', given.slice(0, 1)));
        await repo.createStory({
          ...newStory('b', given.slice(1, 2), [fact('f', 'Unique marmalade statement', 'x')]),
        });
        await repo.replaceAnalysis({
          storyId: 'a',
          expectedRevision: 0,
          updatedAt: LATER,
          analysis: { report: reportFor('a', given.slice(0, 1)), generatedAt: LATER },
        });
        const all = await repo.listStories({ limit: 10, offset: 0 });
        expect(all.total).toBe(2);
        expect(all.stories.map((s) => s.id)).toEqual(['a', 'b']);
        expect((await repo.listStories({ limit: 1, offset: 1 })).stories.map((s) => s.id)).toEqual(['b']);
        expect((await repo.listStories({ q: 'marmalade', limit: 10, offset: 0 })).stories.map((s) => s.id)).toEqual([
          'b',
        ]);
        expect((await repo.listStories({ q: 'Story a', limit: 10, offset: 0 })).stories.map((s) => s.id)).toEqual([
          'a',
        ]);
        expect(await repo.listStories({ q: '%', limit: 10, offset: 0 })).toEqual({ stories: [], total: 0 });
      });

      it('appends articles and replaces the report and facts in one write', async () => {
        const given = raws();
        await repo.createStory(newStory('s', given.slice(0, 2), [fact('old', 'An antelope statement', given[0]!.id)]));
        const report = reportFor('s', given, [fact('new', 'A porcupine statement', given[2]!.id)]);
        const story = await repo.appendArticles({
          storyId: 's',
          expectedRevision: 0,
          articles: given.slice(2),
          fingerprint: 'fp-all',
          updatedAt: LATER,
          referenceDate: null,
          analysis: { report, generatedAt: LATER },
        });
        expect(story).toMatchObject({ id: 's', articleCount: given.length, createdAt: AT, updatedAt: LATER });
        expect((await repo.getSources('s'))?.articles.map((a) => a.id)).toEqual(given.map((a) => a.id));
        expect((await repo.getSources('s'))?.referenceDate).toBeNull();
        expect(await repo.search('antelope', 10)).toEqual([]);
        expect((await repo.search('porcupine', 10)).map((h) => h.factId)).toEqual(['new']);
        expect((await repo.findByFingerprint('fp-all'))?.id).toBe('s');
        expect((await repo.getSources('s'))?.revision).toBe(1);
      });

      it('refuses a report computed from an older revision of the story (a concurrent write got in first)', async () => {
        const given = raws();
        await repo.createStory(newStory('s', given.slice(0, 1)));
        const append = (articles: RawArticle[], expectedRevision: number) =>
          repo.appendArticles({
            storyId: 's',
            expectedRevision,
            articles,
            fingerprint: 'fp',
            updatedAt: LATER,
            referenceDate: null,
            analysis: { report: reportFor('s', [...given.slice(0, 1), ...articles]), generatedAt: LATER },
          });
        await append(given.slice(1, 2), 0);
        await expect(append(given.slice(2, 3), 0)).rejects.toBeInstanceOf(StoryChangedError);
        expect((await repo.getSources('s'))?.articles.map((a) => a.id)).toEqual(given.slice(0, 2).map((a) => a.id));
        await append(given.slice(2, 3), 1);
        expect((await repo.getStory('s'))?.articleCount).toBe(3);
      });

      it('lets exactly one of two writes made at the same moment from the same revision through', async () => {
        const given = raws();
        await repo.createStory(newStory('s', given.slice(0, 1)));
        const append = (article: RawArticle) =>
          repo.appendArticles({
            storyId: 's',
            expectedRevision: 0,
            articles: [article],
            fingerprint: 'fp',
            updatedAt: LATER,
            referenceDate: null,
            analysis: { report: reportFor('s', [given[0]!, article]), generatedAt: LATER },
          });
        const outcomes = await Promise.allSettled([append(given[1]!), append(given[2]!)]);
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
        expect(refused.reason).toBeInstanceOf(StoryChangedError);
        expect(await repo.getStory('s')).toMatchObject({ articleCount: 2 });
        expect((await repo.getSources('s'))?.revision).toBe(1);
      });

      it('keeps the previous state when a write fails half-way (injected failure, bad report)', async () => {
        const given = raws();
        const first = newStory('s', given.slice(0, 2), [fact('f1', 'An original statement', given[0]!.id)]);
        await repo.createStory(first);
        const before = { sources: await repo.getSources('s'), report: (await repo.getStoryReport('s'))?.reportJson };
        // Fail inside the transaction, after the articles and the report rows have been written.
        await harness.sabotageFacts();
        const report = reportFor('s', given, [fact('boom', 'A replacement statement', given[0]!.id)]);
        const append = {
          storyId: 's',
          expectedRevision: 0,
          articles: given.slice(2),
          fingerprint: 'fp-new',
          updatedAt: LATER,
          referenceDate: null,
          analysis: { report, generatedAt: LATER },
        };
        await expect(repo.appendArticles(append)).rejects.toThrow(/injected failure/);
        await expect(
          repo.replaceAnalysis({
            storyId: 's',
            expectedRevision: 0,
            updatedAt: LATER,
            analysis: { report, generatedAt: LATER },
          }),
        ).rejects.toThrow(/injected failure/);
        // A report whose facts repeat an id violates a constraint midway through the write.
        const twice = reportFor('s', given, [fact('d', 'One', given[0]!.id), fact('d', 'Two', given[0]!.id)]);
        await expect(
          repo.replaceAnalysis({
            storyId: 's',
            expectedRevision: 0,
            updatedAt: LATER,
            analysis: { report: twice, generatedAt: LATER },
          }),
        ).rejects.toThrow(/unique/i);
        await expect(repo.createStory({ ...newStory('t', given, [fact('boom', 'x', 'y')]) })).rejects.toThrow(
          /injected/,
        );

        expect(await repo.getSources('s')).toEqual(before.sources);
        expect((await repo.getStoryReport('s'))?.reportJson).toBe(before.report);
        expect(await repo.getStory('s')).toMatchObject({ articleCount: 2, updatedAt: AT });
        expect(await repo.getStory('t')).toBeNull();
        expect((await repo.search('original', 10)).map((h) => h.factId)).toEqual(['f1']);
        expect(await repo.search('replacement', 10)).toEqual([]);
      });
    });
  });
}
