/**
 * The stream's writer on PostgreSQL with several workers: they take turns (a lock and the stream position), each
 * catches up with what the others placed, articles are placed in queue order, and two articles of one new story read
 * and placed at the same moment by two workers end in one story. Reading is left out here (the reads are stored as a
 * worker would store them): this is about placing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, expect, it } from 'vitest';
import { createClusterer } from '../src/core/cluster/clusterer.js';
import type { ClusterDoc } from '../src/core/cluster/types.js';
import type { ClusterOptions } from '../src/core/cluster/options.js';
import type { StoredRead } from '../src/engine/queue/article-read-handler.js';
import { StreamWriter } from '../src/engine/queue/stream-writer.js';
import { openPgLibrary, type PgLibrary } from '../src/engine/storage/open-pg-library.js';
import { PG_SCHEMA } from '../src/engine/storage/pg-migrations.js';
import type { QueueItem } from '../src/engine/storage/stream-repository.js';
import { addSources } from '../src/engine/stream/add-sources.js';
import { addressEntry } from '../src/engine/stream/entry-keys.js';
import { resolveStreamOptions, type StreamOptions } from '../src/engine/stream/stream-options.js';
import { BRIDGED_STORIES, BRIDGE_OPTIONS } from './helpers/cluster-fixtures.js';
import { describePostgres } from './helpers/postgres.js';
import { fictionalStream, type ArticleLine } from './helpers/queue-fiction.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const opened: PgLibrary[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((lib) => lib.close()));
});
let files = 0;

/** A library on its own connections, as another worker process would have. */
async function connect(url: string): Promise<PgLibrary> {
  const lib = await openPgLibrary({ url });
  opened.push(lib);
  return lib;
}

/** What a worker would store having read a JSON Lines article: the entry's own text, title, outlet and date. */
function readOf(item: QueueItem): StoredRead {
  const { entry } = item;
  const text = entry.content?.value ?? '';
  return {
    page: {
      article: {
        title: entry.title,
        text,
        outlet: entry.outlet,
        publishedAt: entry.published ? { value: entry.published } : null,
      },
      format: 'text',
      content: text,
      finalUrl: null,
      relCanonical: null,
      etag: null,
      lastModified: null,
    },
    fetchedAt: Date.parse('2030-01-01T00:00:00Z'),
  };
}

/** Queues the lines as `parallax ingest FILE.jsonl` does, and stores each one's read at once. */
async function arrive(lib: PgLibrary, lines: readonly ArticleLine[]): Promise<void> {
  const path = join(dir, `lines-${files++}.jsonl`);
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n'));
  const added = await addSources([path], { repo: lib.stream, cwd: dir, now: Date.now() });
  expect(added.problems).toEqual([]);
  for (const item of await lib.stream.dueQueue('9999', 10_000)) {
    await lib.stream.storeRead(item.pk, readOf(item), new Date().toISOString());
  }
}

/** Takes turns until nothing is left to place. */
async function placeAll(writer: StreamWriter): Promise<void> {
  for (;;) {
    const turn = await writer.turn();
    if (turn.busy) await new Promise((done) => setTimeout(done, 20));
    else if (!turn.more) return;
  }
}

/** Every stored article's [id, story it was placed in, decision], in stream order. */
async function placed(lib: PgLibrary): Promise<[string, string, string][]> {
  const { rows } = await lib.pool.query<{ id: string; assigned_story_id: string; decision: string }>(
    `SELECT id, assigned_story_id, decision FROM ${PG_SCHEMA}.stream_articles ORDER BY seq`,
  );
  return rows.map((r) => [r.id, r.assigned_story_id, r.decision]);
}

/** What one clusterer alone decides for the lines in their order (as the stream reads them). */
function alone(lines: readonly (ArticleLine | ClusterDoc)[], cluster: ClusterOptions = {}): [string, string, string][] {
  const clusterer = createClusterer(resolveStreamOptions({ cluster }).cluster);
  return lines.map((l) => {
    const a = clusterer.add({
      id: l.id,
      title: l.title ?? null,
      text: l.text ?? '',
      date: l.date!,
      outlet: l.outlet ?? null,
    });
    return [l.id, a.storyId, a.decision];
  });
}

const writerOf = (lib: PgLibrary, over: StreamOptions = {}, turnSize?: number) =>
  new StreamWriter(lib.stream, resolveStreamOptions(over), () => Date.now(), turnSize);

describePostgres('the stream writer with several workers', (server) => {
  it('puts two articles of one new story, read and placed at the same moment by two workers, in one story', async () => {
    const url = await server().createDatabase();
    const stream = fictionalStream(6, 2);
    const workers = await Promise.all([connect(url), connect(url)]);
    const writers = workers.map((lib) => writerOf(lib));
    for (let s = 0; s < 6; s++) {
      const docs = stream.filter((a) => a.story === s).map((a) => a.doc);
      await Promise.all(
        [0, 1].map(async (w) => {
          await arrive(workers[w]!, [docs[w]!]);
          await placeAll(writers[w]!);
        }),
      );
    }
    const rows = await placed(workers[0]!);
    expect(rows).toHaveLength(12);
    const storyOf = new Map(rows.map(([id, story]) => [id, story]));
    for (let s = 0; s < 6; s++) expect(storyOf.get(`a${s}-0`)).toBe(storyOf.get(`a${s}-1`));
    expect(new Set(storyOf.values()).size).toBe(6);
    const listed = await workers[1]!.stream.listAllStories();
    expect(listed.map((s) => s.articleIds.length)).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it('places in queue order whichever worker holds the turn: the decisions one clusterer makes alone', async () => {
    const url = await server().createDatabase();
    const lines = fictionalStream(5, 4, 11).map((a) => a.doc);
    const workers = await Promise.all([connect(url), connect(url), connect(url)]);
    await arrive(workers[0]!, lines);
    // Small turns and checkpoints: the workers hand the stream to each other many times, and catch up by replaying
    // what the others placed or, far behind, from the latest checkpoint.
    const writers = workers.map((lib) => writerOf(lib, { checkpointEvery: 3 }, 2));
    await Promise.all(writers.map((writer) => placeAll(writer)));
    expect(await placed(workers[0]!)).toEqual(alone(lines));
    // A worker with nothing in memory starts from the last checkpoint and goes on as the others would have.
    const late = await connect(url);
    const extra = {
      ...lines[0]!,
      id: 'late-copy',
      url: 'https://elsewhere.example/late',
      text: `${lines[0]!.text} More.`,
    };
    await arrive(late, [extra]);
    await placeAll(writerOf(late, { checkpointEvery: 3 }));
    expect((await placed(late)).at(-1)).toEqual(alone([...lines, extra]).at(-1));
  });

  it('waits for an article that carries its text and is not read yet: JSON Lines are placed in their order', async () => {
    const url = await server().createDatabase();
    const lib = await connect(url);
    const lines = fictionalStream(2, 2).map((a) => a.doc);
    const path = join(dir, 'ordered.jsonl');
    writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n'));
    await addSources([path], { repo: lib.stream, cwd: dir, now: Date.now() });
    const items = await lib.stream.dueQueue('9999', 10);
    // The second and fourth are read first: nothing can be placed before the first is.
    for (const i of [1, 3]) await lib.stream.storeRead(items[i]!.pk, readOf(items[i]!), new Date().toISOString());
    const writer = writerOf(lib);
    expect(await writer.turn()).toMatchObject({ busy: false, outcomes: [], more: false });
    await lib.stream.storeRead(items[0]!.pk, readOf(items[0]!), new Date().toISOString());
    expect((await writer.turn()).outcomes.map((o) => o.kind)).toEqual(['new', 'new']);
    await lib.stream.storeRead(items[2]!.pk, readOf(items[2]!), new Date().toISOString());
    await placeAll(writer);
    expect(await placed(lib)).toEqual(alone(lines));
  });

  it('lets one writer at a time hold the stream: a second one meanwhile is told it is busy', async () => {
    const url = await server().createDatabase();
    const [a, b] = await Promise.all([connect(url), connect(url)]);
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(`SELECT pg_advisory_xact_lock(hashtext('parallax.stream-writer'))`);
    expect(await writerOf(a!).turn()).toMatchObject({ busy: true });
    await holder.query('COMMIT');
    await holder.end();
    expect(await writerOf(b!).turn()).toMatchObject({ busy: false });
  });

  it('gives up a bad article with the reason and places the rest; a failed turn leaves nothing half done', async () => {
    const url = await server().createDatabase();
    const lib = await connect(url);
    const lines = fictionalStream(2, 2).map((a) => a.doc);
    await arrive(lib, [lines[0]!, lines[1]!]);
    // An article with no text gets this far only if a reader let it through: the clusterer refuses it.
    const [blank] = await (async () => {
      await lib.stream.enqueue(
        [
          {
            urlKey: 'line:blank',
            kind: 'new',
            feedId: null,
            source: 'test',
            entry: { ...addressEntry(null), guid: 'blank', content: { format: 'text', value: '  ' } },
            useEntryContent: true,
            signature: 'sig-blank',
          },
        ],
        new Date().toISOString(),
      );
      return lib.stream.dueQueue('9999', 10).then((items) => items.filter((i) => i.urlKey === 'line:blank'));
    })();
    await lib.stream.storeRead(blank!.pk, readOf(blank!), new Date().toISOString());
    // A write that fails in the middle of a turn (a trigger refusing the second article).
    await lib.pool.query(`
      CREATE FUNCTION ${PG_SCHEMA}.refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure'; END $$;
      CREATE TRIGGER refuse BEFORE INSERT ON ${PG_SCHEMA}.stream_articles FOR EACH ROW
        WHEN (new.seq = 2) EXECUTE FUNCTION ${PG_SCHEMA}.refuse();`);
    const writer = writerOf(lib);
    await expect(writer.turn()).rejects.toThrow(/injected/);
    expect((await placed(lib)).map(([id]) => id)).toEqual([lines[0]!.id]);
    await lib.pool.query(`DROP TRIGGER refuse ON ${PG_SCHEMA}.stream_articles`);
    const turn = await writer.turn();
    expect(turn.rejected).toBe(1);
    expect((await placed(lib)).map(([id]) => id)).toEqual([lines[0]!.id, lines[1]!.id]);
    expect(await lib.stream.hasFailed('line:blank', 'sig-blank')).toBe(true);
    expect(await lib.stream.queueSize()).toBe(0);
  });

  it('merges stories an article bridges: the merged ids resolve to the survivor, which holds every article', async () => {
    const url = await server().createDatabase();
    const lib = await connect(url);
    await arrive(
      lib,
      BRIDGED_STORIES.map((d) => ({
        id: d.id,
        title: d.title ?? '',
        text: d.text,
        date: String(d.date),
        outlet: d.outlet ?? '',
      })),
    );
    await placeAll(writerOf(lib, { cluster: BRIDGE_OPTIONS }));
    const rows = await placed(lib);
    expect(rows).toEqual(alone(BRIDGED_STORIES, BRIDGE_OPTIONS));
    expect(rows.map(([, , decision]) => decision)).toEqual(['started', 'started', 'merged']);
    const survivor = rows[2]![1];
    for (const [, story] of rows) expect(await lib.stream.resolveStory(story)).toBe(survivor);
    expect((await lib.stream.getStreamStory(survivor))?.members.map((m) => m.articleId)).toEqual(
      rows.map(([id]) => id),
    );
  });
});
