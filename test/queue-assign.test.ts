/**
 * Story assignment on PostgreSQL with several writers: the partition's row lock makes them take turns, each replays
 * what the others placed, and two articles of one new story placed at the same moment end in one story.
 */
import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { createClusterer } from '../src/core/cluster/index.js';
import { PG_SCHEMA } from '../src/engine/storage/pg-migrations.js';
import { openPgStoryRepository, type PgStoryRepository } from '../src/engine/storage/pg-story-repository.js';
import { StoryAssigner, globalStoryId, type Placement } from '../src/engine/queue/story-assigner.js';
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

function placed(p: Placement): Extract<Placement, { storyId: string }> {
  if ('rejected' in p) throw new Error(`rejected: ${p.rejected}`);
  return p;
}

/** Every stored placement in the order it was made. */
async function stored(pool: pg.Pool): Promise<{ article_id: string; story_id: string; current_story_id: string }[]> {
  const { rows } = await pool.query(
    `SELECT article_id, story_id, current_story_id FROM ${PG_SCHEMA}.cluster_assignments ORDER BY position`,
  );
  return rows;
}

describePostgres('story assignment with several writers', (server) => {
  it('puts two articles of one new story, placed at the same moment by two workers, into one story', async () => {
    const url = await server().createDatabase();
    const stream = fictionalStream(6, 2);
    const workers = await Promise.all([connect(url), connect(url)]);
    const assigners = workers.map((repo) => new StoryAssigner({ pool: repo.pool }));
    for (let s = 0; s < 6; s++) {
      const [first, second] = stream.filter((a) => a.story === s).map((a) => a.doc);
      const [a, b] = await Promise.all([
        assigners[0]!.assign('main', [first!]),
        assigners[1]!.assign('main', [second!]),
      ]);
      expect(placed(a[0]!).storyId).toBe(placed(b[0]!).storyId);
      expect([placed(a[0]!).decision, placed(b[0]!).decision].sort()).toEqual(['joined', 'started']);
    }
    const rows = await stored(workers[0]!.pool);
    expect(new Set(rows.map((r) => r.story_id)).size).toBe(6);
  });

  it('gives the decisions one clusterer gives for the same order, whichever worker placed each article', async () => {
    const url = await server().createDatabase();
    const stream = fictionalStream(5, 4, 11).map((a) => a.doc);
    const workers = await Promise.all([connect(url), connect(url), connect(url)]);
    const assigners = workers.map((repo) => new StoryAssigner({ pool: repo.pool, checkpointEvery: 3 }));
    await Promise.all(
      assigners.map(async (assigner, w) => {
        for (const doc of stream.filter((_, i) => i % 3 === w)) await assigner.assign('main', [doc]);
      }),
    );
    const rows = await stored(workers[0]!.pool);
    expect(rows).toHaveLength(stream.length);
    const alone = createClusterer();
    const byId = new Map(stream.map((d) => [d.id, d]));
    for (const row of rows) {
      expect(globalStoryId('main', alone.add(byId.get(row.article_id)!).storyId)).toBe(row.story_id);
    }
    // A worker with nothing in memory starts from the last checkpoint and continues as the others would.
    const late = new StoryAssigner({ pool: (await connect(url)).pool });
    const extra = { ...stream[0]!, id: 'late-copy' };
    const [mine] = await late.assign('main', [extra]);
    expect(placed(mine!).storyId).toBe(globalStoryId('main', alone.add(extra).storyId));
  });

  it('places an article once, however often it is sent, and rejects a bad one without changing anything', async () => {
    const url = await server().createDatabase();
    const repo = await connect(url);
    const assigner = new StoryAssigner({ pool: repo.pool });
    const [doc] = fictionalStream(1, 1).map((a) => a.doc);
    const first = placed((await assigner.assign('main', [doc!]))[0]!);
    expect(first.repeated).toBe(false);
    const again = await assigner.assign('main', [
      doc!,
      doc!,
      { id: 'empty', text: '  ' },
      { ...doc!, id: 'x', date: 'soon' },
    ]);
    expect(again.map((p) => ('rejected' in p ? 'rejected' : p.repeated))).toEqual([true, true, 'rejected', 'rejected']);
    expect(placed(again[0]!).storyId).toBe(first.storyId);
    expect(await stored(repo.pool)).toHaveLength(1);
    const { rows } = await repo.pool.query(`SELECT position FROM ${PG_SCHEMA}.cluster_partitions WHERE key = 'main'`);
    expect(rows).toEqual([{ position: '1' }]);
    expect(() => assigner.assign('Main; DROP', [doc!])).toThrow(/partition/);
  });

  it('forgets what a failed placement changed in memory: nothing of it is stored, and the next one is right', async () => {
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
    await expect(assigner.assign('main', [stream[0]!])).rejects.toThrow(/injected/);
    expect(await stored(repo.pool)).toEqual([]);
    failing = false;
    const result = await assigner.assign('main', stream);
    const alone = createClusterer();
    expect(result.map((p) => placed(p).storyId)).toEqual(
      stream.map((d) => globalStoryId('main', alone.add(d).storyId)),
    );
  });

  it('resolves a merged story to the one it joined and moves its articles', async () => {
    const url = await server().createDatabase();
    const repo = await connect(url);
    const { BRIDGED_STORIES, BRIDGE_OPTIONS } = await import('./helpers/cluster-fixtures.js');
    const assigner = new StoryAssigner({ pool: repo.pool, cluster: BRIDGE_OPTIONS });
    const result = (await assigner.assign('main', BRIDGED_STORIES)).map(placed);
    expect(result.map((p) => p.decision)).toEqual(['started', 'started', 'merged']);
    const survivor = result[2]!.storyId;
    const rows = await stored(repo.pool);
    expect(rows.map((r) => r.current_story_id)).toEqual([survivor, survivor, survivor]);
    const { resolveStoryId } = await import('../src/engine/storage/pg-cluster-store.js');
    for (const id of result[2]!.mergedStoryIds) expect(await resolveStoryId(repo.pool, id)).toBe(survivor);
  });
});
