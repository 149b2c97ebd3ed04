/**
 * The SQLite stream storage: the shared contract (test/helpers/stream-repository-contract.ts), and what is particular
 * to SQLite (the upgrade of a library made before the stream existed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../src/engine/storage/sqlite-migrations.js';
import { openSqliteLibrary } from '../src/engine/storage/open-sqlite-library.js';
import { describeStreamRepositoryContract } from './helpers/stream-repository-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-stream-storage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describeStreamRepositoryContract('SQLite', async () => {
  const lib = openSqliteLibrary({ path: join(dir, `contract-${n++}.db`) });
  return { stream: lib.stream, stories: lib.stories, close: () => lib.close() };
});

it('upgrades a library made before the stream: its stories stay, the stream tables appear', async () => {
  const path = join(dir, 'old.db');
  const old = new Database(path);
  migrate(old, MIGRATIONS.slice(0, 1));
  old
    .prepare('INSERT INTO stories (id, title, fingerprint, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
    .run('old', 'An old story', 'fp', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
  old.close();
  const lib = openSqliteLibrary({ path });
  expect(await lib.stories.getStory('old')).toMatchObject({ title: 'An old story', articleCount: 0 });
  expect(await lib.stream.listFeeds()).toEqual([]);
  expect((await lib.stream.listAllStories()).map((s) => [s.id, s.kind])).toEqual([['old', 'manual']]);
  await lib.close();
});
