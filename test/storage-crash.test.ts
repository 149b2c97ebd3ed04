import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import type { RawArticle } from '../src/core/model.js';
import { analyzeStory } from '../src/core/pipeline.js';
import { openSqliteStoryRepository } from '../src/engine/storage/sqlite-story-repository.js';
import { REPO_ROOT, describeShared, seedRaws } from './helpers/shared.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The child opens the library on its own connection, registers a SQL function that kills the process with SIGKILL,
 * and makes inserting a fact call it: the process dies in the middle of the re-analysis transaction, after the
 * articles and the report rows were written, with no chance to roll back or clean up.
 */
function crashingChildScript(dbPath: string, rawsJson: string): string {
  const repoModule = pathToFileURL(join(REPO_ROOT, 'src/engine/storage/sqlite-story-repository.ts')).href;
  const migrations = pathToFileURL(join(REPO_ROOT, 'src/engine/storage/sqlite-migrations.ts')).href;
  const pipeline = pathToFileURL(join(REPO_ROOT, 'src/core/pipeline.ts')).href;
  return `
    import Database from 'better-sqlite3';
    import { SqliteStoryRepository } from ${JSON.stringify(repoModule)};
    import { migrate } from ${JSON.stringify(migrations)};
    import { analyzeStory } from ${JSON.stringify(pipeline)};
    const db = new Database(${JSON.stringify(dbPath)});
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    db.function('crash_now', () => process.kill(process.pid, 'SIGKILL'));
    db.exec('CREATE TEMP TRIGGER crash BEFORE INSERT ON facts BEGIN SELECT crash_now(); END');
    const raws = JSON.parse(${JSON.stringify(rawsJson)});
    const report = { ...analyzeStory(raws, { storyId: 's' }), facts: [
      { id: 'f', statement: 'written by the crashing process', citations: [], articleIds: [], independentSources: 1, kind: 'single' },
    ] };
    const repo = new SqliteStoryRepository(db);
    await repo.appendArticles({ storyId: 's', expectedRevision: 0, articles: raws.slice(1), fingerprint: 'after', updatedAt: 'later',
      referenceDate: null, analysis: { report, generatedAt: 'later' } });
    console.log('the transaction committed: the crash did not happen');
  `;
}

describeShared('a crash in the middle of a write', () => {
  it('leaves the story as it was before the write', async () => {
    const raws: RawArticle[] = seedRaws();
    const dbPath = join(dir, 'crash.db');
    const repo = openSqliteStoryRepository({ path: dbPath });
    await repo.createStory({
      id: 's',
      title: 'Before the crash',
      fingerprint: 'before',
      createdAt: 'earlier',
      referenceDate: null,
      articles: raws.slice(0, 1),
      analysis: { report: analyzeStory(raws.slice(0, 1), { storyId: 's' }), generatedAt: 'earlier' },
    });
    const before = { sources: await repo.getSources('s'), report: (await repo.getStoryReport('s'))?.reportJson };
    await repo.close();

    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', crashingChildScript(dbPath, JSON.stringify(raws))],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(child.stderr).not.toMatch(/Error/);
    expect(child.signal).toBe('SIGKILL');

    const reopened = openSqliteStoryRepository({ path: dbPath });
    expect(await reopened.getStory('s')).toMatchObject({ title: 'Before the crash', articleCount: 1 });
    expect(await reopened.getSources('s')).toEqual(before.sources);
    expect((await reopened.getStoryReport('s'))?.reportJson).toBe(before.report);
    expect(await reopened.findByFingerprint('after')).toBeNull();
    expect(await reopened.search('crashing', 10)).toEqual([]);
    await reopened.close();
  });
});
