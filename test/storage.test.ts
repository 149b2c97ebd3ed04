import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Fact, RawArticle, Report } from '../src/core/model.js';
import { analyzeStory } from '../src/core/pipeline.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from '../src/engine/storage/sqlite-migrations.js';
import { toFtsQuery } from '../src/engine/storage/sqlite-fts-query.js';
import {
  openSqliteStoryRepository,
  type SqliteStoryRepository,
} from '../src/engine/storage/sqlite-story-repository.js';
import { StoryChangedError, type NewStory } from '../src/engine/storage/story-repository.js';
import { describeShared, readSeed, seedNames } from './helpers/shared.js';

const AT = '2024-05-20T10:00:00.000Z';
const LATER = '2024-05-21T10:00:00.000Z';

function seedRaw(name: string): RawArticle {
  return { id: name.replace(/\.txt$/, ''), source: name, format: 'text', content: readSeed(name), meta: {} };
}

/** A report from the real pipeline, with hand-made facts so that fact search has something to find. */
function reportFor(id: string, raws: RawArticle[], facts: Fact[] = []): Report {
  return { ...analyzeStory(raws, { storyId: id, referenceDate: '2024-05-20' }), facts };
}

function fact(id: string, statement: string, articleId: string): Fact {
  return { id, statement, citations: [], articleIds: [articleId], independentSources: 1, kind: 'single' };
}

function newStory(id: string, raws: RawArticle[], facts: Fact[] = []): NewStory {
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

let dir: string;
let dbPath: string;
let repo: SqliteStoryRepository;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-storage-'));
  dbPath = join(dir, 'nested', 'library.db');
  repo = openSqliteStoryRepository({ path: dbPath });
});

afterEach(async () => {
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

it('creates the folder, uses WAL with foreign keys, and records the schema version once', async () => {
  await repo.close();
  repo = openSqliteStoryRepository({ path: dbPath });
  const db = new Database(dbPath, { readonly: true });
  expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  const versions = db.prepare('SELECT version FROM schema_version').all();
  expect(versions).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  expect(versions.at(-1)).toEqual({ version: LATEST_SCHEMA_VERSION });
  db.close();
});

it('refuses a database written by a newer schema', () => {
  const db = new Database(':memory:');
  migrate(db);
  db.prepare('INSERT INTO schema_version (version, applied_at) VALUES (?, ?)').run(LATEST_SCHEMA_VERSION + 1, AT);
  expect(() => migrate(db)).toThrow(/schema is version/);
  db.close();
});

it('turns any user text into a safe FTS5 query', () => {
  expect(toFtsQuery('Gaza ceasefire')).toBe('"Gaza" "ceasefire"*');
  expect(toFtsQuery('title:"x" AND (y OR')).toBe('"title" "x" "AND" "y" "OR"*');
  expect(toFtsQuery('  ?! -- ** ')).toBeNull();
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

describeShared('the SQLite story library on the seed articles', () => {
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
    expect(story).toEqual({ id: 's1', title: 'Story s1', articleCount: given.length, createdAt: AT, updatedAt: AT });
    const sources = await repo.getSources('s1');
    expect(sources?.referenceDate).toBe('2024-05-20');
    expect(sources?.articles).toEqual([withMeta, ...given.slice(1)]);
    expect(JSON.parse((await repo.getStoryReport('s1'))!.reportJson)).toEqual(input.analysis.report);
    expect(await repo.findByFingerprint('fp-s1')).toEqual(story);
    expect(await repo.findByFingerprint('fp-other')).toBeNull();
  });

  it('finds articles and facts by full text, with stemming, and forgets them on delete', async () => {
    const given = raws();
    const firstWord = given[0]!.content.match(/[A-Za-z]{6,}/)![0];
    await repo.createStory(newStory('s1', given, [fact('f1', 'Officials reported widespread flooding', given[0]!.id)]));
    const byText = await repo.search(firstWord, 50);
    expect(byText.some((h) => h.kind === 'article' && h.storyId === 's1' && h.articleId === given[0]!.id)).toBe(true);
    const byFact = await repo.search('flooded', 10); // Porter stemming: "flooded" finds "flooding"
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
    await repo.createStory({ ...newStory('b', given.slice(1, 2), [fact('f', 'Unique marmalade statement', 'x')]) });
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
    expect((await repo.listStories({ q: 'marmalade', limit: 10, offset: 0 })).stories.map((s) => s.id)).toEqual(['b']);
    expect((await repo.listStories({ q: 'Story a', limit: 10, offset: 0 })).stories.map((s) => s.id)).toEqual(['a']);
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

  it('keeps the previous state when a write fails half-way (injected failure, bad report)', async () => {
    const given = raws();
    const first = newStory('s', given.slice(0, 2), [fact('f1', 'An original statement', given[0]!.id)]);
    await repo.createStory(first);
    const before = { sources: await repo.getSources('s'), report: (await repo.getStoryReport('s'))?.reportJson };
    // Fail inside the transaction, after the articles and the report rows have been written.
    const saboteur = new Database(dbPath);
    saboteur.exec(`CREATE TRIGGER sabotage BEFORE INSERT ON facts WHEN new.fact_id = 'boom'
                   BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    saboteur.close();
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
    ).rejects.toThrow(/UNIQUE/);
    await expect(repo.createStory({ ...newStory('t', given, [fact('boom', 'x', 'y')]) })).rejects.toThrow(/injected/);

    expect(await repo.getSources('s')).toEqual(before.sources);
    expect((await repo.getStoryReport('s'))?.reportJson).toBe(before.report);
    expect(await repo.getStory('s')).toMatchObject({ articleCount: 2, updatedAt: AT });
    expect(await repo.getStory('t')).toBeNull();
    expect((await repo.search('original', 10)).map((h) => h.factId)).toEqual(['f1']);
    expect(await repo.search('replacement', 10)).toEqual([]);
  });
});
