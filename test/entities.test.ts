import { beforeAll, describe, expect, it } from 'vitest';
import { findEntities } from '../src/core/analyze/entities.js';
import type { Article, Entity } from '../src/core/model.js';
import { readArticles } from '../src/core/pipeline.js';
import { describeShared, readSeed, seedNames } from './helpers/shared.js';

/** Reads raw texts as one story. */
function story(texts: Record<string, string>): Article[] {
  return readArticles(
    Object.entries(texts).map(([id, content]) => ({ id, source: id, format: 'text' as const, content, meta: {} })),
  ).articles;
}

/** The entity whose name or alias is `form`. */
function byForm(entities: readonly Entity[], form: string): Entity | undefined {
  return entities.find((e) => e.name === form || e.aliases.includes(form));
}

describeShared('findEntities on the seed story', () => {
  let articles: Article[];
  let entities: Entity[];
  beforeAll(() => {
    articles = story(Object.fromEntries(seedNames().map((n) => [n.slice(0, 3), readSeed(n)])));
    entities = findEntities(articles);
  });

  const people: [string, string[]][] = [
    ['Joe Biden', ['Biden', 'President Biden', 'President Joe Biden']],
    ['Benjamin Netanyahu', ['Netanyahu']],
    ['Jen Psaki', ['Psaki']],
    ['Ned Price', ['Price']],
    ['Antony Blinken', ['Blinken', 'Secretary of State Antony Blinken']],
    ['Jake Sullivan', ['Sullivan']],
    ['Mahmoud Abbas', ['Abbas']],
    ['Hady Amr', ['Amr']],
    ['Wendy Sherman', []],
    ['Gabi Ashkenazi', []],
    ['Meir Ben-Shabbat', []],
    ['Antonio Guterres', []],
    ['Ilhan Omar', ['Rep. Ilhan Omar']],
  ];
  it.each(people)('%s is one person with the mention forms %j', (name, forms) => {
    const person = entities.find((e) => e.name === name);
    expect(person?.type).toBe('person');
    for (const form of forms) expect(person?.aliases).toContain(form);
    for (const form of forms) expect(byForm(entities, form)?.name).toBe(name);
  });

  it('keeps titles and roles per person', () => {
    expect(entities.find((e) => e.name === 'Jen Psaki')?.roles).toContain('White House press secretary');
    expect(entities.find((e) => e.name === 'Ned Price')?.roles).toContain('State Department spokesperson');
    expect(entities.find((e) => e.name === 'Antony Blinken')?.roles).toContain('Secretary of State');
  });

  it.each([
    ['Israel', 'place'],
    ['Jordan', 'place'],
    ['Egypt', 'place'],
    ['Qatar', 'place'],
    ['Gaza', 'place'],
    ['White House', 'organization'],
    ['Hamas', 'organization'],
  ])('%s is a %s, not a person', (name, type) => {
    expect(entities.find((e) => e.name === name)?.type).toBe(type);
  });

  it('finds no false people: no all-caps teasers, verbs or sentence-initial words', () => {
    const names = entities.filter((e) => e.type === 'person').flatMap((e) => [e.name, ...e.aliases]);
    for (const name of names) expect(name).not.toMatch(/^[A-Z\s’']+$/);
    const all = entities.flatMap((e) => [e.name, ...e.aliases].map((n) => n.toLowerCase()));
    for (const word of ['drew', 'over', 'asked', 'speaking', 'meanwhile', 'such', 'the president']) {
      expect(all).not.toContain(word);
    }
  });

  it('joins "U.S." and "the United States" as one place', () => {
    const us = byForm(entities, 'U.S.');
    expect(us?.type).toBe('place');
    expect(us?.name).toBe('United States');
  });

  it('maps possessives and "the president" to the person, the latter as inferred', () => {
    const biden = entities.find((e) => e.name === 'Joe Biden')!;
    const textOf = (id: string): string => articles.find((a) => a.id === id)!.text;
    const possessive = biden.mentions.find((m) => /^['’]s/.test(textOf(m.articleId).slice(m.end)));
    expect(possessive?.text).toBe('Biden');
    const inferred = biden.mentions.filter((m) => m.inferred);
    expect(inferred.map((m) => m.text.toLowerCase())).toContain('the president');
    expect(biden.mentions.filter((m) => !m.inferred).length).toBeGreaterThan(inferred.length);
  });

  it('gives every mention exact offsets into the cleaned text', () => {
    for (const e of entities) {
      for (const m of e.mentions) {
        expect(articles.find((a) => a.id === m.articleId)!.text.slice(m.start, m.end)).toBe(m.text);
      }
    }
  });

  it('orders entities by salience', () => {
    const top = entities.slice(0, 5).map((e) => e.name);
    expect(top).toContain('Joe Biden');
    expect(top).toContain('Israel');
    expect(entities.at(-1)!.mentions.length).toBeLessThanOrEqual(entities[0]!.mentions.length);
  });
});

describe('findEntities negative cases', () => {
  it('finds nothing in text without names', () => {
    const articles = story({ plain: 'the weather was fine all week.\n\nnobody expected rain, and it did not come.' });
    expect(findEntities(articles)).toEqual([]);
  });

  it('does not make people of sentence-initial words, weekdays or nationalities', () => {
    const articles = story({
      a: 'Meanwhile, officials met on Monday.\n\nAsked about it, Israeli and Egyptian diplomats declined to comment.',
    });
    const entities = findEntities(articles);
    expect(entities.filter((e) => e.type === 'person')).toEqual([]);
    expect(entities.map((e) => e.name)).not.toContain('Monday');
  });

  it('does not merge a country into a person with the same surname', () => {
    const articles = story({
      a: 'Michael Jordan spoke on Friday.\n\nThe talks in Jordan ended without a deal, Jordan said.',
    });
    const entities = findEntities(articles);
    expect(entities.find((e) => e.name === 'Michael Jordan')?.type).toBe('person');
    expect(entities.find((e) => e.name === 'Jordan')?.type).toBe('place');
  });
});
