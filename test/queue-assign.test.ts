/**
 * Story assignment on PostgreSQL with several writers: the partition's row lock makes them take turns, each replays
 * what the others placed, articles are placed in arrival order, and two articles of one new story that arrive and are
 * placed at the same moment by two workers end in one story.
 */
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { createClusterer, resolveClusterOptions, type ClusterOptions } from '../src/core/cluster/index.js';
import type { StreamDoc } from '../src/engine/queue/job-catalog.js';
import { StoryAssigner, globalStoryId, type Placement } from '../src/engine/queue/story-assigner.js';
import {
  addArrivals,
  ensurePartition,
  rejectedArticles,
  resolveStoryId,
} from '../src/engine/storage/pg-cluster-store.js';
import { PG_SCHEMA } from '../src/engine/storage/pg-migrations.js';
import { inTransaction } from '../src/engine/storage/pg-pool.js';
import { openPgStoryRepository, type PgStoryRepository } from '../src/engine/storage/pg-story-repository.js';
import { BRIDGED_STORIES, BRIDGE_OPTIONS } from './helpers/cluster-fixtures.js';
import { describePostgres } from './helpers/postgres.js';
import { fictionalStream } from './helpers/queue-fiction.js';

const opened: PgStoryRepository[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((r) => r.close()));
});

/** A library on its own connections, as another worker process would have. */
async function connect(url: string): Promise<PgStoryRepository> {
  const repo = await openPgStoryRepository({ url });
  opened.push(repo);
  return repo;
}

/** Stores articles as arrived in the partition `main` (what `receiveArticles` does, without the queue). */
async function arrive(pool: pg.Pool, docs: readonly StreamDoc[], cluster: ClusterOptions = {}): Promise<number> {
  return inTransaction(pool, async (client) => {
    await ensurePartition(client, 'main', JSON.stringify(resolveClusterOptions(cluster)));
    return addArrivals(
      client,
      'main',
      docs.map((doc) => ({ articleId: String(doc.id), doc })),
    );
  });
}

/** Places until nothing waits; returns every placement. */
async function placeAll(assigner: StoryAssigner): Promise<Placement[]> {
  const all: Placement[] = [];
  for (;;) {
    const { placements, more } = await assigner.placeWaiting('main');
    all.push(...placements);
    if (!more) return all;
  }
}

function placed(p: Placement): Extract<Placement, { storyId: string }> {
  if ('rejected' in p) throw new Error(`rejected: ${p.rejected}`);
  return p;
}

/** Every placement stored, in placement order. */
async function stored(pool: pg.Pool): Promise<{ article_id: string; story_id: string; current_story_id: string }[]> {
  const { rows } = await pool.query(
    `SELECT article_id, story_id, current_story_id FROM ${PG_SCHEMA}.cluster_articles
     WHERE position IS NOT NULL ORDER BY position`,
  );
  return rows;
}

describePostgres('story assignment with several writers', (server) => {
  it('puts two articles of one new story, arriving and placed at the same moment by two workers, in one story', async () => {
    const url = await server().createDatabase();
    const stream = fictionalStream(6, 2);
    const workers = await Promise.all([connect(url), connect(url)]);
    const assigners = workers.map((repo) => new StoryAssigner({ pool: repo.pool }));
    for (let s = 0; s < 6; s++) {
      const docs = stream.filter((a) => a.story === s).map((a) => a.doc);
      await Promise.all(
        [0, 1].map(async (w) => {
          await arrive(workers[w]!.pool, [docs[w]!]);
          await assigners[w]!.placeWaiting('main');
        }),
      );
    }
    const rows = await stored(workers[0]!.pool);
    expect(rows).toHaveLength(12);
    const storyOf = new Map(rows.map((r) => [r.article_id, r.story_id]));
    for (let s = 0; s < 6; s++) expect(storyOf.get(`a${s}-0`)).toBe(storyOf.get(`a${s}-1`));
    expect(new Set(storyOf.values()).size).toBe(6);
  });

  it('places in arrival order whichever worker holds the turn: the stories one clusterer gives', async () => {
    const url = await server().createDatabase();
    const stream = fictionalStream(5, 4, 11).map((a) => a.doc);
    const workers = await Promise.all([connect(url), connect(url), connect(url)]);
    for (const doc of stream) await arrive(workers[0]!.pool, [doc]);
    const assigners = workers.map((repo) => new StoryAssigner({ pool: repo.pool, checkpointEvery: 3, turnSize: 2 }));
    await Promise.all(assigners.map((assigner) => placeAll(assigner)));
    const rows = await stored(workers[0]!.pool);
    expect(rows.map((r) => r.article_id)).toEqual(stream.map((d) => d.id));
    const alone = createClusterer();
    for (const [i, doc] of stream.entries()) {
      expect(rows[i]!.story_id).toBe(globalStoryId('main', alone.add(doc).storyId));
    }
    // A worker with nothing in memory starts from the last checkpoint and continues as the others would.
    const late = new StoryAssigner({ pool: (await connect(url)).pool });
    const extra = { ...stream[0]!, id: 'late-copy' };
    await arrive(workers[1]!.pool, [extra]);
    const [mine] = (await late.placeWaiting('main')).placements;
    expect(placed(mine!).storyId).toBe(globalStoryId('main', alone.add(extra).storyId));
  });

  it('receives an article once however often it is sent, and rejects a bad one with the reason', async () => {
    const url = await server().createDatabase();
    const repo = await connect(url);
    const assigner = new StoryAssigner({ pool: repo.pool });
    const [doc] = fictionalStream(1, 1).map((a) => a.doc);
    expect(await arrive(repo.pool, [doc!, doc!])).toBe(1);
    await placeAll(assigner);
    expect(await arrive(repo.pool, [doc!, { id: 'empty', text: '  ' }, { ...doc!, id: 'x', date: 'soon' }])).toBe(2);
    const turn = await assigner.placeWaiting('main');
    expect(turn.placements.map((p) => ('rejected' in p ? p.articleId : 'placed'))).toEqual(['empty', 'x']);
    expect(await stored(repo.pool)).toHaveLength(1);
    expect(await rejectedArticles(repo.pool, 'main')).toEqual([
      { articleId: 'empty', reason: 'article empty: the text is empty' },
      { articleId: 'x', reason: 'article x: the date "soon" is not an ISO 8601 date' },
    ]);
    const { rows } = await repo.pool.query(`SELECT position FROM ${PG_SCHEMA}.cluster_partitions WHERE key = 'main'`);
    expect(rows).toEqual([{ position: '1' }]);
    expect(() => assigner.placeWaiting('Main; DROP')).toThrow(/partition/);
    expect(await assigner.placeWaiting('nothing_here')).toEqual({ placements: [], more: false });
  });

  it('forgets what a failed turn changed in memory: nothing of it is stored, and the next turn is right', async () => {
    const url = await server().createDatabase();
    const repo = await connect(url);
    const stream = fictionalStream(2, 2).map((a) => a.doc);
    let failing = true;
    const assigner = new StoryAssigner({
      pool: repo.pool,
      onPlaced: async () => {
        if (failing) throw new Error('injected failure after the placement');
      },
    });
    await arrive(repo.pool, stream);
    await expect(assigner.placeWaiting('main')).rejects.toThrow(/injected/);
    expect(await stored(repo.pool)).toEqual([]);
    failing = false;
    const result = await placeAll(assigner);
    const alone = createClusterer();
    expect(result.map((p) => placed(p).storyId)).toEqual(
      stream.map((d) => globalStoryId('main', alone.add(d).storyId)),
    );
  });

  it('resolves a merged story to the one it joined and moves its articles', async () => {
    const url = await server().createDatabase();
    const repo = await connect(url);
    await arrive(repo.pool, BRIDGED_STORIES, BRIDGE_OPTIONS);
    const result = (await placeAll(new StoryAssigner({ pool: repo.pool }))).map(placed);
    expect(result.map((p) => p.decision)).toEqual(['started', 'started', 'merged']);
    const survivor = result[2]!.storyId;
    expect((await stored(repo.pool)).map((r) => r.current_story_id)).toEqual([survivor, survivor, survivor]);
    for (const id of result[2]!.mergedStoryIds) expect(await resolveStoryId(repo.pool, id)).toBe(survivor);
    const { rows } = await repo.pool.query(
      `SELECT merged_story_ids FROM ${PG_SCHEMA}.cluster_articles WHERE article_id = 'bridge'`,
    );
    expect(rows[0].merged_story_ids).toEqual(result[2]!.mergedStoryIds);
  });
});
