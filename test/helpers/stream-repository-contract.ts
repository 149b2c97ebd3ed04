/**
 * The contract every stream storage keeps (SQLite now, PostgreSQL later): one suite, run against any implementation
 * by `describeStreamRepositoryContract(name, open)`. `open` gives a fresh, empty library each time: the stream storage
 * and the story library of the same database (stream stories are published to the library).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AssignmentReason } from '../../src/core/cluster/types.js';
import type { RawArticle } from '../../src/core/model.js';
import { analyzeStory } from '../../src/core/pipeline.js';
import type { FeedEntry } from '../../src/engine/feeds/types.js';
import { addressEntry } from '../../src/engine/stream/entry-keys.js';
import { newFeedState, nextFeedState } from '../../src/engine/fetch/feed-state.js';
import type { StoryRepository } from '../../src/engine/storage/story-repository.js';
import type {
  ArticleIngest,
  QueueEntry,
  StreamAssignment,
  StreamRepository,
} from '../../src/engine/storage/stream-repository.js';
import { FERRY_ARTICLES } from './fiction.js';

/** A library under test. */
export interface ContractSubject {
  stream: StreamRepository;
  stories: StoryRepository;
  close(): Promise<void>;
}

const T0 = Date.UTC(2024, 4, 1, 12, 0, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

const REASON: AssignmentReason = {
  chosen: null,
  threshold: 0.13,
  shared: { people: [], organizations: [], places: [], otherNames: [], terms: [], numbers: [] },
  candidates: 0,
  scored: 0,
  features: 12,
};

function entry(url: string | null, title = 'A headline'): FeedEntry {
  return { ...addressEntry(url), title };
}

function queued(key: string, over: Partial<QueueEntry> = {}): QueueEntry {
  return {
    urlKey: key,
    kind: 'new',
    feedId: null,
    source: 'test',
    entry: entry(`https://${key}`),
    useEntryContent: false,
    signature: `sig-${key}`,
    ...over,
  };
}

/** A new article `n` (text `FERRY_ARTICLES[n % 3]`, varied) placed by `assignment`. */
function ingest(
  n: number,
  assignment: Partial<StreamAssignment> & { storyId: string },
  over: Partial<ArticleIngest> = {},
) {
  const text = `${FERRY_ARTICLES[n % 3]}\n\nArticle number ${n}.`;
  const value: ArticleIngest = {
    queuePk: null,
    id: `art-${n}`,
    urlKey: `news-${n}.example/story`,
    url: `https://news-${n}.example/story`,
    feedId: null,
    outlet: `Outlet ${n}`,
    publishedAt: at(n),
    clusterDate: at(n),
    etag: null,
    lastModified: null,
    signature: `sig-${n}`,
    wire: null,
    version: {
      fetchedAt: at(n),
      format: 'text',
      content: text,
      title: `Headline ${n}`,
      text,
      contentHash: `hash-${n}`,
    },
    assignment: { seq: n, decision: 'started', reason: REASON, ...assignment },
    aliases: [],
    at: at(n),
    ...over,
  };
  return value;
}

/** Runs the stream storage contract against an implementation. */
export function describeStreamRepositoryContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`stream storage contract: ${name}`, () => {
    let lib: ContractSubject;
    let repo: StreamRepository;
    beforeEach(async () => {
      lib = await open();
      repo = lib.stream;
    });
    afterEach(async () => {
      await lib.close();
    });

    describe('feeds', () => {
      it('adds a feed once per address, lists it with its record, and finds the due ones', async () => {
        const first = await repo.addFeeds([
          {
            url: 'https://a.example/feed',
            title: 'A',
            state: newFeedState('https://a.example/feed', T0),
            addedAt: at(0),
          },
          {
            url: 'https://b.example/feed',
            state: newFeedState('https://b.example/feed', T0 + 3_600_000),
            addedAt: at(0),
          },
        ]);
        expect(first.added.map((f) => f.url)).toEqual(['https://a.example/feed', 'https://b.example/feed']);
        const again = await repo.addFeeds([
          { url: 'https://a.example/feed', state: newFeedState('https://a.example/feed', T0), addedAt: at(1) },
        ]);
        expect(again).toMatchObject({ added: [], existing: [{ url: 'https://a.example/feed', title: 'A' }] });
        const a = first.added[0]!;
        expect(await repo.getFeed(a.id)).toMatchObject({ url: a.url, articles: 0, queued: 0, failedArticles: 0 });
        expect((await repo.listFeeds()).map((f) => f.url)).toEqual([
          'https://a.example/feed',
          'https://b.example/feed',
        ]);
        expect((await repo.dueFeeds(at(0), 10)).map((f) => f.url)).toEqual(['https://a.example/feed']);
        expect((await repo.dueFeeds(at(60), 10)).map((f) => f.url)).toHaveLength(2);
        expect(await repo.nextPollAt()).toBe(at(0));
        expect(await repo.getFeed('nope')).toBeNull();
      });

      it('stores a poll and the articles it queued together; a removed feed keeps nothing queued', async () => {
        const { added } = await repo.addFeeds([
          { url: 'https://a.example/feed', state: newFeedState('https://a.example/feed', T0), addedAt: at(0) },
        ]);
        const feed = added[0]!;
        const state = nextFeedState(
          feed.state,
          { type: 'changed', etag: '"e"', lastModified: null, contentHash: 'h' },
          T0,
        );
        await repo.savePoll({
          feedId: feed.id,
          state,
          title: 'Feed A',
          queue: [queued('a.example/1', { feedId: feed.id }), queued('a.example/2', { feedId: feed.id })],
        });
        expect(await repo.getFeed(feed.id)).toMatchObject({ title: 'Feed A', state, queued: 2 });
        expect(await repo.dueFeeds(at(1), 10)).toEqual([]);
        expect(await repo.removeFeed(feed.id)).toBe(true);
        expect(await repo.removeFeed(feed.id)).toBe(false);
        expect(await repo.dueQueue(at(10), 10)).toEqual([]);
        // A poll that finishes after its feed was removed stores nothing.
        await repo.savePoll({ feedId: feed.id, state, queue: [queued('a.example/3')] });
        expect(await repo.listFeeds()).toEqual([]);
        expect(await repo.dueQueue(at(10), 10)).toEqual([]);
      });
    });

    describe('queue', () => {
      it('queues an address once, hands out due items in order, retries and gives up', async () => {
        const { added } = await repo.addFeeds([
          { url: 'https://a.example/feed', state: newFeedState('https://a.example/feed', T0), addedAt: at(0) },
        ]);
        const feedId = added[0]!.id;
        expect(await repo.enqueue([queued('k1', { feedId }), queued('k2', { feedId }), queued('k1')], at(0))).toBe(2);
        expect(await repo.enqueue([queued('k2')], at(1))).toBe(0);
        expect(await repo.queueSize()).toBe(2);
        const due = await repo.dueQueue(at(0), 10);
        expect(due.map((i) => i.urlKey)).toEqual(['k1', 'k2']);
        expect(due[0]).toMatchObject({ kind: 'new', attempts: 0, entry: { url: 'https://k1' }, signature: 'sig-k1' });
        expect(await repo.queuedKeys(['k1', 'k3'])).toEqual(new Set(['k1']));
        await repo.failQueued({ queuePk: due[0]!.pk, code: 'http-503', message: 'busy', retryAt: at(30), at: at(0) });
        expect((await repo.dueQueue(at(1), 10)).map((i) => i.urlKey)).toEqual(['k2']);
        expect(await repo.nextQueuedAt()).toBe(at(0));
        const retried = (await repo.dueQueue(at(30), 10)).find((i) => i.urlKey === 'k1')!;
        expect(retried).toMatchObject({ attempts: 1, lastError: 'http-503: busy' });
        await repo.failQueued({ queuePk: retried.pk, code: 'http-404', message: 'gone', retryAt: null, at: at(31) });
        expect(await repo.hasFailed('k1', 'sig-k1')).toBe(true);
        expect(await repo.hasFailed('k1', 'another')).toBe(false);
        expect(await repo.getFeed(feedId)).toMatchObject({
          queued: 1,
          failedArticles: 1,
          lastArticleError: { at: at(31), url: 'https://k1', code: 'http-404', message: 'gone' },
        });
      });

      it('turns a probe into feeds and removes it, together', async () => {
        await repo.enqueue([queued('probe.example/feed', { kind: 'probe', signature: 'probe' })], at(0));
        const [probe] = await repo.dueQueue(at(0), 10);
        const url = 'https://probe.example/feed';
        const { added } = await repo.resolveProbe({
          queuePk: probe!.pk,
          feeds: [{ url, title: null, state: newFeedState(url, T0), addedAt: at(0) }],
        });
        expect(added.map((f) => f.url)).toEqual([url]);
        expect(await repo.dueQueue(at(0), 10)).toEqual([]);
      });
    });

    describe('articles and stories', () => {
      it('stores a new article with its version, its story and why, and completes its queue item', async () => {
        await repo.enqueue([queued('news-1.example/story')], at(0));
        const [item] = await repo.dueQueue(at(0), 1);
        await repo.ingestArticle(
          ingest(
            1,
            { storyId: 's1' },
            {
              queuePk: item!.pk,
              aliases: [{ urlKey: 'news-1.example/story?x', url: 'https://news-1.example/story?x' }],
            },
          ),
        );
        expect(await repo.dueQueue(at(5), 10)).toEqual([]);
        const article = await repo.getArticle('art-1');
        expect(article).toMatchObject({
          id: 'art-1',
          url: 'https://news-1.example/story',
          outlet: 'Outlet 1',
          storyId: 's1',
          assignedStoryId: 's1',
          decision: 'started',
          reason: REASON,
          seq: 1,
          wire: null,
          aliases: [{ urlKey: 'news-1.example/story?x', kind: 'address' }],
        });
        expect(article!.versions).toHaveLength(1);
        expect(article!.versions[0]).toMatchObject({ version: 1, title: 'Headline 1', contentHash: 'hash-1' });
        const known = await repo.findAddresses(['news-1.example/story', 'news-1.example/story?x', 'other']);
        expect([...known.values()].map((k) => [k.urlKey, k.kind, k.articleId])).toEqual([
          ['news-1.example/story', 'article', 'art-1'],
          ['news-1.example/story?x', 'alias', 'art-1'],
        ]);
        expect(await repo.findByContentHash('hash-1')).toBe('art-1');
        expect(await repo.articleIdTaken('art-1')).toBe(true);
        expect(await repo.lastSeq()).toBe(1);
        const detail = await repo.getStreamStory('s1');
        expect(detail?.story).toMatchObject({
          id: 's1',
          title: 'Headline 1',
          articleCount: 1,
          outlets: [{ outlet: 'Outlet 1', url: 'https://news-1.example/story' }],
          reportAt: null,
          reportPending: true,
        });
        expect(detail?.members.map((m) => m.articleId)).toEqual(['art-1']);
      });

      it('joins and merges stories: members move, merged ids keep resolving, chains are followed', async () => {
        await repo.ingestArticle(ingest(1, { storyId: 's1' }));
        await repo.ingestArticle(ingest(2, { storyId: 's2' }));
        await repo.ingestArticle(ingest(3, { storyId: 's3' }));
        await repo.ingestArticle(ingest(4, { storyId: 's1', decision: 'joined' }));
        expect((await repo.getStreamStory('s1'))?.story.articleCount).toBe(2);
        await repo.ingestArticle(ingest(5, { storyId: 's2', decision: 'merged', mergedStoryIds: ['s3'] }));
        await repo.ingestArticle(ingest(6, { storyId: 's1', decision: 'merged', mergedStoryIds: ['s2'] }));
        expect(await repo.resolveStory('s3')).toBe('s1');
        expect(await repo.resolveStory('s2')).toBe('s1');
        expect(await repo.resolveStory('s1')).toBe('s1');
        expect(await repo.resolveStory('s9')).toBeNull();
        expect(await repo.getStreamStory('s2')).toBeNull();
        const s1 = await repo.getStreamStory('s1');
        expect(s1?.members.map((m) => m.articleId)).toEqual(['art-1', 'art-2', 'art-3', 'art-4', 'art-5', 'art-6']);
        expect(s1?.members.map((m) => m.assignedStoryId)).toEqual(['s1', 's2', 's3', 's1', 's2', 's1']);
        expect(s1?.mergedFrom.sort()).toEqual(['s2', 's3']);
        expect(s1?.story.articleCount).toBe(6);
        expect(s1?.story.outlets).toHaveLength(6);
        expect((await repo.getArticle('art-3'))?.storyId).toBe('s1');
        const list = await repo.listStreamStories({ sort: 'updated', limit: 10, offset: 0 });
        expect(list).toMatchObject({ total: 1, stories: [{ id: 's1' }] });
      });

      it('lists stories by newest update and by size', async () => {
        await repo.ingestArticle(ingest(1, { storyId: 's1' }));
        await repo.ingestArticle(ingest(2, { storyId: 's1', decision: 'joined' }));
        await repo.ingestArticle(ingest(3, { storyId: 's2' }));
        const ids = async (sort: 'updated' | 'size') =>
          (await repo.listStreamStories({ sort, limit: 10, offset: 0 })).stories.map((s) => s.id);
        expect(await ids('updated')).toEqual(['s2', 's1']);
        expect(await ids('size')).toEqual(['s1', 's2']);
        expect((await repo.listStreamStories({ sort: 'size', limit: 1, offset: 1 })).stories.map((s) => s.id)).toEqual([
          's2',
        ]);
      });

      it('keeps every version of an article edited in place, and marks its story changed', async () => {
        await repo.ingestArticle(ingest(1, { storyId: 's1' }));
        const before = await repo.dirtyStories(10, 1);
        expect(before.map((d) => d.id)).toEqual(['s1']);
        await repo.enqueue([queued('news-1.example/story', { kind: 'revisit' })], at(5));
        const [item] = await repo.dueQueue(at(5), 1);
        const edited = 'The Harbor Line ferry resumed service on Monday, a day later than planned.';
        const number = await repo.appendVersion({
          queuePk: item!.pk,
          articleId: 'art-1',
          version: {
            fetchedAt: at(9),
            format: 'text',
            content: edited,
            title: 'New headline',
            text: edited,
            contentHash: 'hash-1b',
          },
          etag: '"v2"',
          lastModified: null,
          signature: 'sig-1b',
          aliases: [],
          at: at(9),
        });
        expect(number).toBe(2);
        expect(await repo.dueQueue(at(10), 10)).toEqual([]);
        expect(await repo.currentVersion('art-1')).toEqual({
          version: 2,
          contentHash: 'hash-1b',
          title: 'New headline',
        });
        expect((await repo.getVersion('art-1', 1))?.text).toContain('Article number 1.');
        expect(await repo.getVersion('art-1', 2)).toMatchObject({
          version: 2,
          text: edited,
          content: edited,
          format: 'text',
        });
        expect(await repo.getVersion('art-1', 3)).toBeNull();
        const article = await repo.getArticle('art-1');
        expect(article?.versions.map((v) => v.version)).toEqual([1, 2]);
        expect(article?.updatedAt).toBe(at(9));
        expect((await repo.findAddresses(['news-1.example/story'])).get('news-1.example/story')).toMatchObject({
          etag: '"v2"',
          signature: 'sig-1b',
        });
        const after = await repo.dirtyStories(10, 1);
        expect(after[0]!.revision).toBeGreaterThan(before[0]!.revision);
        expect(after[0]!.lastChangeAt).toBe(at(9));
        // The clusterer's replay reads the first version: what it saw when the article arrived.
        expect((await repo.clusterInputs(0, 1, 10))[0]?.text).toContain('Article number 1.');
        expect((await repo.storySources('s1'))?.articles[0]?.content).toBe(edited);
      });

      it('records unchanged revisits and duplicates without new articles', async () => {
        await repo.ingestArticle(ingest(1, { storyId: 's1' }));
        await repo.enqueue([queued('news-1.example/story', { kind: 'revisit' }), queued('mirror.example/copy')], at(2));
        const [revisit, copy] = await repo.dueQueue(at(2), 10);
        await repo.recordRevisit({
          queuePk: revisit!.pk,
          articleId: 'art-1',
          etag: '"same"',
          lastModified: 'Wed, 01 May 2024 10:00:00 GMT',
          signature: 'sig-1c',
          aliases: [],
          at: at(3),
        });
        await repo.recordDuplicate({
          queuePk: copy!.pk,
          urlKey: 'mirror.example/copy',
          url: 'https://mirror.example/copy',
          feedId: null,
          of: 'art-1',
          at: at(3),
        });
        expect(await repo.dueQueue(at(5), 10)).toEqual([]);
        const article = await repo.getArticle('art-1');
        expect(article?.versions).toHaveLength(1);
        expect(article?.aliases).toEqual([
          { url: 'https://mirror.example/copy', urlKey: 'mirror.example/copy', kind: 'duplicate', seenAt: at(3) },
        ]);
        expect((await repo.findAddresses(['mirror.example/copy'])).get('mirror.example/copy')).toMatchObject({
          kind: 'alias',
          articleId: 'art-1',
        });
        expect(await repo.lastSeq()).toBe(1);
      });

      it('stores nothing of an article whose write fails (its queue item stays)', async () => {
        await repo.ingestArticle(ingest(1, { storyId: 's1' }));
        await repo.enqueue([queued('news-1.example/story')], at(1));
        const [item] = await repo.dueQueue(at(1), 1);
        // The same address again as a new article: the write is refused as a whole.
        await expect(
          repo.ingestArticle(ingest(2, { storyId: 's2' }, { urlKey: 'news-1.example/story', queuePk: item!.pk })),
        ).rejects.toThrow();
        expect(await repo.getArticle('art-2')).toBeNull();
        expect(await repo.resolveStory('s2')).toBeNull();
        expect(await repo.lastSeq()).toBe(1);
        expect((await repo.dueQueue(at(2), 10)).map((i) => i.pk)).toEqual([item!.pk]);
      });
    });

    describe('clusterer state', () => {
      it('hands out the articles as the clusterer saw them, in stream order, and keeps one checkpoint', async () => {
        for (const n of [1, 2, 3]) await repo.ingestArticle(ingest(n, { storyId: `s${n}` }));
        const inputs = await repo.clusterInputs(1, 3, 10);
        expect(inputs.map((i) => [i.seq, i.id, i.assignedStoryId, i.decision])).toEqual([
          [2, 'art-2', 's2', 'started'],
          [3, 'art-3', 's3', 'started'],
        ]);
        expect(inputs[0]).toMatchObject({
          title: 'Headline 2',
          clusterDate: at(2),
          outlet: 'Outlet 2',
          publishedAt: at(2),
        });
        expect(await repo.clusterInputs(0, 3, 1)).toHaveLength(1);
        expect(await repo.loadCheckpoint()).toBeNull();
        await repo.saveCheckpoint({ seq: 2, snapshot: { any: ['json', 1] }, savedAt: at(2) });
        await repo.saveCheckpoint({ seq: 3, snapshot: { any: ['json', 2] }, savedAt: at(3) });
        expect(await repo.loadCheckpoint()).toEqual({ seq: 3, snapshot: { any: ['json', 2] }, savedAt: at(3) });
      });
    });

    describe('reports', () => {
      const reportOf = (id: string, raws: RawArticle[]) =>
        analyzeStory(raws, { storyId: id, referenceDate: '2024-05-01' });

      it('publishes a reported story in the story library, its articles pointing at their current versions', async () => {
        await repo.ingestArticle(ingest(1, { storyId: 's1' }));
        await repo.ingestArticle(ingest(2, { storyId: 's2' }));
        await repo.ingestArticle(ingest(3, { storyId: 's1', decision: 'joined' }));
        expect((await repo.dirtyStories(10, 2)).map((d) => d.id)).toEqual(['s1']);
        expect((await repo.dirtyStories(10, 1)).map((d) => d.id)).toEqual(['s1', 's2']);
        const sources = (await repo.storySources('s1'))!;
        expect(sources.articles.map((a) => [a.id, a.source, a.meta.title])).toEqual([
          ['art-1', 'https://news-1.example/story', 'Headline 1'],
          ['art-3', 'https://news-3.example/story', 'Headline 3'],
        ]);
        const report = reportOf('s1', sources.articles);
        const stored = await repo.storeReport({
          storyId: 's1',
          revision: sources.revision,
          title: 'Ferry back after the storm',
          fingerprint: 'fp',
          analysis: { report, generatedAt: at(10) },
          leadEntities: [{ name: 'Mara Velt', type: 'person', articles: 2 }],
          at: at(10),
        });
        expect(stored).toBe(true);
        expect((await repo.dirtyStories(10, 1)).map((d) => d.id)).toEqual(['s2']);
        const summary = (await repo.getStreamStory('s1'))!.story;
        expect(summary).toMatchObject({
          title: 'Ferry back after the storm',
          reportAt: at(10),
          reportPending: false,
          leadEntities: [{ name: 'Mara Velt', type: 'person', articles: 2 }],
        });
        // The same story in the story library: listed, its report served, its articles' content not copied.
        expect(await lib.stories.getStory('s1')).toMatchObject({
          title: 'Ferry back after the storm',
          articleCount: 2,
        });
        expect(JSON.parse((await lib.stories.getStoryReport('s1'))!.reportJson)).toEqual(report);
        const library = await lib.stories.getSources('s1');
        expect(library?.articles.map((a) => [a.id, a.content])).toEqual(sources.articles.map((a) => [a.id, a.content]));
        expect((await lib.stories.search('Velt', 10)).some((h) => h.storyId === 's1')).toBe(true);
      });

      it('keeps a story pending when it changed while its report was computed, and refuses merged stories', async () => {
        await repo.ingestArticle(ingest(1, { storyId: 's1' }));
        const sources = (await repo.storySources('s1'))!;
        await repo.ingestArticle(ingest(2, { storyId: 's1', decision: 'joined' }));
        const base = { title: 'T', fingerprint: 'fp', leadEntities: [], at: at(5) };
        const analysis = { report: reportOf('s1', sources.articles), generatedAt: at(5) };
        expect(await repo.storeReport({ ...base, storyId: 's1', revision: sources.revision, analysis })).toBe(true);
        expect((await repo.dirtyStories(10, 1)).map((d) => d.id)).toEqual(['s1']);
        expect((await repo.getStreamStory('s1'))?.story.reportAt).toBe(at(5));
        await repo.ingestArticle(ingest(3, { storyId: 's3' }));
        await repo.ingestArticle(ingest(4, { storyId: 's1', decision: 'merged', mergedStoryIds: ['s3'] }));
        expect(await repo.storeReport({ ...base, storyId: 's3', revision: 1, analysis })).toBe(false);
        expect(await repo.storySources('s3')).toBeNull();
      });

      it('lists every story of the library with its article ids, stream and hand-made', async () => {
        await repo.ingestArticle(ingest(1, { storyId: 's1' }));
        await repo.ingestArticle(ingest(2, { storyId: 's1', decision: 'joined' }));
        const raws: RawArticle[] = FERRY_ARTICLES.slice(0, 2).map((content, i) => ({
          id: `hand-${i}`,
          source: `hand-${i}.txt`,
          format: 'text',
          content,
          meta: { outlet: `Hand ${i}` },
        }));
        await lib.stories.createStory({
          id: 'manual1',
          title: 'Made by hand',
          fingerprint: 'f',
          createdAt: at(30),
          referenceDate: null,
          articles: raws,
          analysis: { report: reportOf('manual1', raws), generatedAt: at(30) },
        });
        const all = await repo.listAllStories();
        expect(all.map((s) => [s.id, s.kind, s.articleIds, s.hasReport])).toEqual([
          ['s1', 'stream', ['art-1', 'art-2'], false],
          ['manual1', 'manual', ['hand-0', 'hand-1'], true],
        ]);
        expect(all[1]!.outlets.map((o) => o.outlet)).toEqual(['Hand 0', 'Hand 1']);
      });
    });

    describe('lease', () => {
      it('lets one owner hold the stream, renew it, hand it over when replaced, and release it', async () => {
        expect(await repo.acquireLease('one', at(0))).toEqual({ owner: 'one', heartbeatAt: at(0) });
        expect(await repo.acquireLease('one', at(1))).toEqual({ owner: 'one', heartbeatAt: at(1) });
        expect(await repo.acquireLease('two', at(2))).toEqual({ owner: 'one', heartbeatAt: at(1) });
        expect(await repo.acquireLease('two', at(3), { replaceOwner: 'one' })).toEqual({
          owner: 'two',
          heartbeatAt: at(3),
        });
        await repo.releaseLease('one');
        expect((await repo.acquireLease('three', at(4))).owner).toBe('two');
        await repo.releaseLease('two');
        expect((await repo.acquireLease('three', at(5))).owner).toBe('three');
      });
    });
  });
}
