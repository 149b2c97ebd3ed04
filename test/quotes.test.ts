import { beforeAll, describe, expect, it } from 'vitest';
import { findEntities } from '../src/core/analyze/entities.js';
import { findQuotes } from '../src/core/analyze/quotes.js';
import type { Article, Entity, Quote } from '../src/core/model.js';
import { readArticles } from '../src/core/pipeline.js';
import { describeShared, readSeed, seedNames } from './helpers/shared.js';

/** Reads raw texts as one story and finds its quotes. */
function analyze(texts: Record<string, string>): { articles: Article[]; entities: Entity[]; quotes: Quote[] } {
  const { articles } = readArticles(
    Object.entries(texts).map(([id, content]) => ({ id, source: id, format: 'text' as const, content, meta: {} })),
  );
  const entities = findEntities(articles);
  return { articles, entities, quotes: findQuotes(articles, entities) };
}

describeShared('findQuotes on the seed story', () => {
  let s: ReturnType<typeof analyze>;
  const quote = (start: string): Quote | undefined => s.quotes.find((q) => q.text.startsWith(start));
  const speakerName = (start: string): string | undefined => {
    const id = quote(start)?.speaker?.entityId;
    return s.entities.find((e) => e.id === id)?.name;
  };
  beforeAll(() => {
    s = analyze(Object.fromEntries(seedNames().map((n) => [n.slice(0, 3), readSeed(n)])));
  });

  it.each([
    ['There are times in diplomacy', 'Jen Psaki', 'direct', false],
    ['Our calculation at this point', 'Jen Psaki', 'direct', false],
    ['We’re not going to give it day by day', 'Jen Psaki', 'direct', true],
    ['It has been seven days', 'Jen Psaki', 'direct', false],
    ['Of course we want to de-escalate', 'Jen Psaki', 'direct', true],
    ['We are deeply concerned about the escalation', 'Ned Price', 'direct', false],
    ['The United States is doing what we can', 'Ned Price', 'direct', false],
    ["the Biden administration's immediate focus", 'Ned Price', 'indirect', false],
    ['I have emphasized to him', 'Gabi Ashkenazi', 'direct', false],
    ['Since last week he', 'Jen Psaki', 'direct', false],
    ["The president's support for Israel security", 'Jen Psaki', 'direct', true],
    ['The President spoke today with', 'White House', 'direct', false],
    ['The President reiterated his firm support', 'White House', 'direct', true],
    ['We want to bring an end to the violence', 'Jen Psaki', 'direct', false],
    ['I had a conversation for a while', 'Joe Biden', 'direct', true],
    ['My expectation and hope', 'Joe Biden', 'direct', false],
    ['the White House believes this is', 'Jen Psaki', 'indirect', true],
    ['Israeli strikes against Hamas will not stop', 'Benjamin Netanyahu', 'indirect', false],
  ] as const)('"%s…" → %s (%s, inferred %s)', (start, name, kind, inferred) => {
    const q = quote(start);
    expect(q?.kind).toBe(kind);
    expect(speakerName(start)).toBe(name);
    expect(q?.speaker?.inferred).toBe(inferred);
  });

  it('carries "she added" to Psaki with the pronoun as the mention', () => {
    const q = quote('We’re not going to give it day by day');
    expect(q?.speaker?.mention?.text).toBe('she');
    expect(q?.cue).toBe('added');
  });

  it('names an anonymous source without an entity', () => {
    const q = s.quotes.find((x) => x.speaker?.name.startsWith('a source familiar with'));
    expect(q).toBeDefined();
    expect(q?.speaker?.entityId).toBeNull();
    expect(q?.text).toContain('actively engaged in diplomacy');
  });

  it('quotes embedded posts with their author, offsets into the embed', () => {
    const embedded = s.quotes.filter((q) => q.embed !== undefined);
    for (const q of embedded) {
      const embed = s.articles.find((a) => a.id === q.articleId)!.embeds[q.embed!]!;
      expect(embed.text.slice(q.start, q.end)).toBe(q.text);
      expect(q.speaker?.name).toBe(embed.author ?? embed.handle);
    }
  });

  it('gives every body quote exact offsets and a direct quote a text without its quotation marks', () => {
    for (const q of s.quotes.filter((x) => x.embed === undefined)) {
      expect(s.articles.find((a) => a.id === q.articleId)!.text.slice(q.start, q.end)).toBe(q.text);
      if (q.kind === 'direct') expect(q.text).not.toMatch(/^["“”]/);
      if (q.speaker?.mention) {
        const text = s.articles.find((a) => a.id === q.articleId)!.text;
        expect(text.slice(q.speaker.mention.start, q.speaker.mention.end)).toBe(q.speaker.mention.text);
      }
    }
  });

  it('does not attribute what Psaki "did not say"', () => {
    expect(s.quotes.some((q) => q.text.includes('did not say'))).toBe(false);
    expect(s.quotes.some((q) => q.cue === 'say')).toBe(false);
  });
});

describe('findQuotes negative and general cases', () => {
  it('finds nothing in text without speech', () => {
    expect(analyze({ a: 'The river rose overnight.\n\nRoads were closed in the valley.' }).quotes).toEqual([]);
  });

  it('skips scare quotes with no one speaking', () => {
    expect(analyze({ a: 'The so-called "reform" passed the chamber on Tuesday.' }).quotes).toEqual([]);
  });

  it('leaves the speaker null rather than guessing', () => {
    const { quotes } = analyze({
      a: 'The report arrived late.\n\n"Nobody could have seen this coming, and nobody will ever know why it happened."',
    });
    expect(quotes).toHaveLength(1);
    expect(quotes[0]!.speaker).toBeNull();
  });

  it('joins a quote that runs on over paragraphs and carries its speaker', () => {
    const { quotes } = analyze({
      a: 'Maria Lopez, the mayor, spoke first.\n\n"We will rebuild the bridge," Lopez said. "It will take two years.\n\n"And it will cost more than we hoped."',
    });
    const last = quotes.find((q) => q.text.includes('two years'));
    expect(last?.text).toContain('cost more than we hoped');
    expect(last?.speaker?.name).toBe('Maria Lopez');
    expect(last?.speaker?.inferred).toBe(true);
  });

  it('reads "according to" and inverted attributions', () => {
    const { quotes } = analyze({
      a: 'The plant will close next year, according to the company.\n\n"We tried everything we could," said Tom Reyes, the plant manager.',
    });
    expect(quotes.find((q) => q.kind === 'indirect')?.speaker?.name).toBe('the company');
    expect(quotes.find((q) => q.kind === 'direct')?.speaker?.name).toBe('Tom Reyes');
  });
});
