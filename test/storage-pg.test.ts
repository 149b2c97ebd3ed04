import pg from 'pg';
import { expect, it } from 'vitest';
import { PG_LATEST_SCHEMA_VERSION, PG_MIGRATIONS, PG_SCHEMA, migratePg } from '../src/engine/storage/pg-migrations.js';
import { isPostgresUrl, redactUrl } from '../src/engine/storage/pg-pool.js';
import { MAX_INDEXED_CHARS, indexedWords, toTsQuery } from '../src/engine/storage/pg-search-query.js';
import { openPgStoryRepository } from '../src/engine/storage/pg-story-repository.js';
import { describePostgres } from './helpers/postgres.js';
import { AT, describeStoryRepositoryContract, newStory } from './helpers/story-repository-contract.js';

it('turns any user text into a tsquery of words only, the last one a prefix', () => {
  expect(toTsQuery('Gaza ceasefire')).toBe('Gaza & ceasefire:*');
  expect(toTsQuery("title:'x' & (y | !z) <-> w:*")).toBe('title & x & y & z & w:*');
  expect(toTsQuery('  ?! -- ** ')).toBeNull();
  expect(indexedWords('COVID-19: 52.7% in Zürich')).toBe('COVID 19 52 7 in Zürich');
  expect(indexedWords('ab '.repeat(MAX_INDEXED_CHARS)).length).toBeLessThanOrEqual(MAX_INDEXED_CHARS);
});

it('tells PostgreSQL URLs from SQLite paths and hides passwords', () => {
  expect(isPostgresUrl('postgres://u:p@h/db')).toBe(true);
  expect(isPostgresUrl('postgresql://h/db')).toBe(true);
  expect(isPostgresUrl('./postgres.db')).toBe(false);
  expect(redactUrl('postgres://user:secret@db.example:5432/news?sslpassword=x')).toBe(
    'postgres://user:***@db.example:5432/news?sslpassword=***',
  );
  expect(redactUrl('postgres://db.example/news')).toBe('postgres://db.example/news');
});

describePostgres('the PostgreSQL story library', (server) => {
  describeStoryRepositoryContract('PostgreSQL', async () => {
    const url = await server().createDatabase();
    const repo = await openPgStoryRepository({ url });
    return {
      repo,
      async sabotageFacts() {
        const saboteur = new pg.Client({ connectionString: url });
        await saboteur.connect();
        await saboteur.query(`
          CREATE FUNCTION ${PG_SCHEMA}.sabotage() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF new.fact_id = 'boom' THEN RAISE EXCEPTION 'injected failure'; END IF;
            RETURN new;
          END $$;
          CREATE TRIGGER sabotage BEFORE INSERT ON ${PG_SCHEMA}.facts FOR EACH ROW EXECUTE FUNCTION ${PG_SCHEMA}.sabotage();`);
        await saboteur.end();
      },
      async dispose() {
        await repo.close();
      },
    };
  });

  it('migrates once when many processes open a new database together, and records the version once', async () => {
    const url = await server().createDatabase();
    const repos = await Promise.all(Array.from({ length: 4 }, () => openPgStoryRepository({ url })));
    const { rows } = await repos[0]!.pool.query(`SELECT version FROM ${PG_SCHEMA}.schema_version ORDER BY version`);
    expect(rows).toEqual(PG_MIGRATIONS.map((m) => ({ version: m.version })));
    expect(rows.at(-1)).toEqual({ version: PG_LATEST_SCHEMA_VERSION });
    await Promise.all(repos.map((r) => r.close()));
  });

  it('refuses a database written by a newer schema', async () => {
    const url = await server().createDatabase();
    const repo = await openPgStoryRepository({ url });
    await repo.pool.query(`INSERT INTO ${PG_SCHEMA}.schema_version (version, applied_at) VALUES ($1, now())`, [
      PG_LATEST_SCHEMA_VERSION + 1,
    ]);
    await expect(migratePg(repo.pool)).rejects.toThrow(/schema is version/);
    await repo.close();
  });

  it('keeps serving after the server restarts (the pool replaces its dead connections)', async () => {
    const url = await server().createDatabase();
    const errors: Error[] = [];
    const repo = await openPgStoryRepository({ url }, (error) => errors.push(error));
    await repo.createStory(newStory('before', []));
    await server().restart();
    // The first query after the restart may meet a connection the server cut; a second one gets a fresh connection.
    await repo.getStory('before').catch(() => undefined);
    expect(await repo.getStory('before')).toMatchObject({ id: 'before', createdAt: AT });
    await repo.close();
  });

  it('gives a clear error for a database that does not exist', async () => {
    const url = `postgres://postgres@127.0.0.1:${server().port}/no_such_database`;
    await expect(openPgStoryRepository({ url })).rejects.toThrow(/no_such_database/);
  });
});
