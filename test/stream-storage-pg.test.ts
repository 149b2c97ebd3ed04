/**
 * The PostgreSQL stream storage: the shared contract (test/helpers/stream-repository-contract.ts, the same tests as
 * SQLite's), and what only PostgreSQL meets: several writers at once, follow-up work in the writes' transactions,
 * exact bytes, and the per-host request slots every worker shares.
 */
import { expect, it } from 'vitest';
import { openPgLibrary } from '../src/engine/storage/open-pg-library.js';
import type { PgStreamFollowUps } from '../src/engine/storage/pg-stream-repository.js';
import type { ArticleIngest } from '../src/engine/storage/stream-repository.js';
import { addressEntry } from '../src/engine/stream/entry-keys.js';
import { newFeedState } from '../src/engine/fetch/feed-state.js';
import { describePostgres } from './helpers/postgres.js';
import { describeStreamRepositoryContract } from './helpers/stream-repository-contract.js';

const AT = '2024-05-01T12:00:00.000Z';

/** A new article placed at `seq` in `storyId`. */
function article(
  seq: number,
  storyId: string,
  text = `Text of article ${seq}, with \u0000 a NUL in it.`,
): ArticleIngest {
  return {
    queuePk: null,
    id: `art-${seq}`,
    urlKey: `news.example/${seq}`,
    url: `https://news.example/${seq}`,
    feedId: null,
    outlet: 'Outlet',
    publishedAt: AT,
    clusterDate: AT,
    etag: null,
    lastModified: null,
    signature: null,
    wire: null,
    version: {
      fetchedAt: AT,
      format: 'html',
      content: `<p>${text}</p>`,
      title: `T${seq}`,
      text,
      contentHash: `h${seq}`,
    },
    assignment: {
      seq,
      storyId,
      decision: 'started',
      reason: {
        chosen: null,
        threshold: 0.1,
        shared: { people: [], organizations: [], places: [], otherNames: [], terms: [], numbers: [] },
        candidates: 0,
        scored: 0,
        features: 0,
      },
    },
    aliases: [],
    at: AT,
  };
}

describePostgres('the PostgreSQL stream storage', (server) => {
  describeStreamRepositoryContract('PostgreSQL', async () => {
    const lib = await openPgLibrary({ url: await server().createDatabase() });
    return { stream: lib.stream, stories: lib.stories, close: () => lib.close() };
  });

  it('keeps raw content and text exactly, NUL characters included, and counts characters as SQLite does', async () => {
    const lib = await openPgLibrary({ url: await server().createDatabase() });
    try {
      await lib.stream.ingestArticle(article(1, 's1', 'Zürich \u0000 😀 text'));
      const version = await lib.stream.getVersion('art-1', 1);
      expect(version).toMatchObject({
        text: 'Zürich \u0000 😀 text',
        content: '<p>Zürich \u0000 😀 text</p>',
        textLength: 15,
      });
      expect((await lib.stream.clusterInputs(0, 1, 10))[0]?.text).toBe('Zürich \u0000 😀 text');
    } finally {
      await lib.close();
    }
  });

  it('refuses a second article at a position already taken: a writer whose clusterer is behind stores nothing', async () => {
    const lib = await openPgLibrary({ url: await server().createDatabase() });
    try {
      await lib.stream.ingestArticle(article(1, 's1'));
      const stale = { ...article(2, 's2'), assignment: { ...article(2, 's2').assignment, seq: 1 } };
      await expect(lib.stream.ingestArticle(stale)).rejects.toThrow(/seq/);
      expect(await lib.stream.getArticle('art-2')).toBeNull();
      expect(await lib.stream.resolveStory('s2')).toBeNull();
    } finally {
      await lib.close();
    }
  });

  it('hands follow-up work over inside the writes that cause it, and nothing when the write rolls back', async () => {
    const calls: string[] = [];
    const followUps: PgStreamFollowUps = {
      async feedsScheduled(_client, feeds) {
        calls.push(`poll ${feeds.map((f) => f.nextPollAt).join()}`);
      },
      async itemsQueued(_client, items) {
        calls.push(`read ${items.length}`);
      },
      async itemRead() {
        calls.push('place');
      },
      async storiesChanged(_client, ids) {
        calls.push(`analyze ${ids.join()}`);
      },
    };
    const lib = await openPgLibrary({ url: await server().createDatabase(), followUps });
    try {
      const url = 'https://a.example/feed';
      await lib.stream.addFeeds([{ url, state: newFeedState(url, Date.parse(AT)), addedAt: AT }]);
      const entry = (n: number) => ({
        urlKey: `a.example/${n}`,
        kind: 'new' as const,
        feedId: null,
        source: 'test',
        entry: addressEntry(`https://a.example/${n}`),
        useEntryContent: false,
        signature: `s${n}`,
      });
      expect(await lib.stream.enqueue([entry(1), entry(2), entry(1)], AT)).toBe(2);
      expect(await lib.stream.enqueue([entry(1)], AT)).toBe(0);
      const [first] = await lib.stream.dueQueue(AT, 1);
      expect(await lib.stream.storeRead(first!.pk, { any: 'read' }, AT)).toBe(true);
      expect(await lib.stream.storeRead(first!.pk, { other: 'read' }, AT)).toBe(false);
      expect((await lib.stream.queuedRead(first!.pk))?.read).toEqual({ any: 'read' });
      await lib.stream.ingestArticle({ ...article(1, 's1'), queuePk: first!.pk });
      expect(await lib.stream.queuedRead(first!.pk)).toBeNull();
      await expect(lib.stream.ingestArticle(article(1, 's9'))).rejects.toThrow();
      expect(calls).toEqual([`poll ${AT}`, 'read 2', 'place', 'analyze s1']);
    } finally {
      await lib.close();
    }
  });

  it('spaces the requests to one host whoever makes them, and leaves other hosts alone', async () => {
    const lib = await openPgLibrary({ url: await server().createDatabase() });
    try {
      const waits = await Promise.all([1, 2, 3].map(() => lib.stream.reserveHostSlot('a.example', 1000)));
      expect(waits.sort((a, b) => a - b).map((w) => Math.round(w / 1000))).toEqual([0, 1, 2]);
      expect(await lib.stream.reserveHostSlot('b.example', 1000)).toBe(0);
    } finally {
      await lib.close();
    }
  });
});
