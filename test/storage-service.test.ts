import { afterEach, beforeEach, expect, it } from 'vitest';
import type { RawArticle } from '../src/core/model.js';
import {
  openSqliteStoryRepository,
  type SqliteStoryRepository,
} from '../src/engine/storage/sqlite-story-repository.js';
import { StoryNotFoundError, StoryService, TooManyArticlesError, fingerprintArticles } from '../src/engine/stories.js';
import { describeShared, readSeed, seedNames } from './helpers/shared.js';

let repo: SqliteStoryRepository;
let service: StoryService;
let tick = 0;

beforeEach(() => {
  repo = openSqliteStoryRepository({ path: ':memory:' });
  service = new StoryService({
    repo,
    version: '9.9.9',
    now: () => new Date(Date.UTC(2024, 0, 1) + 1000 * tick++),
    newId: () => `story-${tick}`,
    limits: { maxArticlesPerStory: 4 },
  });
});

afterEach(async () => {
  await repo.close();
});

it('names missing stories and refuses requests over the article limit before reading anything', async () => {
  await expect(service.reanalyze('nope')).rejects.toBeInstanceOf(StoryNotFoundError);
  await expect(service.addArticles('nope', { texts: ['x'] })).rejects.toBeInstanceOf(StoryNotFoundError);
  await expect(service.delete('nope')).rejects.toBeInstanceOf(StoryNotFoundError);
  const urls = Array.from({ length: 5 }, (_, i) => `http://127.0.0.1:9/never-fetched-${i}`);
  await expect(service.create({ urls })).rejects.toBeInstanceOf(TooManyArticlesError);
});

describeShared('the story service on the seed articles', () => {
  const raws = (): RawArticle[] =>
    seedNames()
      .slice(0, 2)
      .map((name) => ({ id: name, source: name, format: 'text', content: readSeed(name), meta: {} }));

  it('stores what it read, finds it again by fingerprint, and re-analyzes it to the same report', async () => {
    const created = await service.createFromArticles(raws(), []);
    expect(created.story).toMatchObject({ id: created.report.story.id, articleCount: 2 });
    expect(created.report.generator.version).toBe('9.9.9');
    expect(await service.findByFingerprint(fingerprintArticles(raws()))).toEqual(created.story);
    expect(await service.findByFingerprint(fingerprintArticles(raws().slice(1)))).toBeNull();
    const again = await service.reanalyze(created.story.id);
    expect(again.report).toEqual(created.report);
    expect(again.story.updatedAt > created.story.updatedAt).toBe(true);
    const stored = await service.getStoryReport(created.story.id);
    expect(JSON.parse(stored!.reportJson)).toEqual(created.report);
  });
});
