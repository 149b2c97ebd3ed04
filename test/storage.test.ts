import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate } from '../src/engine/storage/sqlite-migrations.js';
import { toFtsQuery } from '../src/engine/storage/sqlite-fts-query.js';
import {
  openSqliteStoryRepository,
  type SqliteStoryRepository,
} from '../src/engine/storage/sqlite-story-repository.js';
import { AT, describeStoryRepositoryContract } from './helpers/story-repository-contract.js';

describeStoryRepositoryContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-storage-'));
  const path = join(dir, 'nested', 'library.db');
  const repo = openSqliteStoryRepository({ path });
  return {
    repo,
    async sabotageFacts() {
      const saboteur = new Database(path);
      saboteur.exec(`CREATE TRIGGER sabotage BEFORE INSERT ON facts WHEN new.fact_id = 'boom'
                     BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
      saboteur.close();
    },
    async dispose() {
      await repo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('the SQLite story library', () => {
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
});
