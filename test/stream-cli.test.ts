/**
 * `parallax ingest` and `parallax stories` run in-process against a local server and fictional files: sources of
 * every kind, the stories contract scripts rely on (ids and article ids, JSON, JSON Lines, text), coverage with a
 * ratings file, a second run that finds nothing new, and usage errors.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FictionSite } from './helpers/fiction-site.js';
import { runCliInProcess } from './helpers/cli-in-process.js';
import { fictionArticle, fictionEvent } from './helpers/stream-fiction.js';
import { itemsOf, publish, serveFeed } from './helpers/stream-world.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-stream-cli-'));
const site = new FictionSite();
const db = join(dir, 'library.db');
const LOCAL = ['--allow-private-urls', '--host-delay', '0', '--host-concurrency', '4', '--workers', '1'];

beforeAll(async () => {
  await site.start();
});

afterAll(async () => {
  await site.stop();
  rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[]) => runCliInProcess(args, { cwd: dir });

interface StoryLine {
  id: string;
  kind: string;
  title: string;
  articleIds: string[];
  articleCount: number;
  outlets: string[];
  hasReport: boolean;
  coverage?: { byLean: Record<string, string[]>; oneSided: string | null };
}

describe('parallax ingest', () => {
  it('ingests a feed and a JSON Lines stream once, clusters them, and says what it did', async () => {
    const pages = publish(site, [30, 31], [0, 1]);
    const feed = serveFeed(site, '/feed.xml', itemsOf(pages));
    // Two more reports of event 30 carried whole by a JSON Lines stream (not fetched).
    const lines = [2, 3].map((o) => {
      const a = fictionArticle(fictionEvent(30), o);
      return JSON.stringify({
        id: `line-${o}`,
        outlet: a.outlet.name,
        date: '2024-05-01T10:30:00Z',
        title: a.title,
        text: a.paragraphs.join('\n\n'),
      });
    });
    writeFileSync(join(dir, 'more.jsonl'), lines.join('\n'));
    const run = await cli(['ingest', feed, 'more.jsonl', '--db', db, ...LOCAL]);
    expect(run.stderr).toMatch(/1 feeds added/);
    // Outlets 0 and 3 word a story alike (the fiction's styles repeat every three outlets): one copies the other.
    expect(run.stderr).toMatch(
      /1 polls, 6 new articles \(1 wire copies, 0 merges\), 0 updated, 0 duplicates, 0 failed, 2 reports, 0 queued for later/,
    );
    expect(run.code).toBe(0);

    const again = await cli(['ingest', feed, 'more.jsonl', '--db', db, ...LOCAL]);
    expect(again.stderr).toMatch(/0 polls, 0 new articles/);
    expect(again.code).toBe(0);
  });

  it('prints every story with its article ids, as JSON Lines, JSON or a table, with coverage by lean', async () => {
    const jsonl = await cli(['stories', '--db', db]);
    expect(jsonl.code).toBe(0);
    const stories = jsonl.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as StoryLine);
    expect(stories.map((s) => s.articleCount).sort()).toEqual([2, 4]);
    const big = stories.find((s) => s.articleCount === 4)!;
    expect(big).toMatchObject({ kind: 'stream', hasReport: true });
    expect(big.articleIds).toEqual(expect.arrayContaining(['line-2', 'line-3']));
    expect(Object.keys(big)).toEqual([
      'id',
      'kind',
      'title',
      'articleIds',
      'articleCount',
      'outlets',
      'createdAt',
      'updatedAt',
      'hasReport',
    ]);

    writeFileSync(
      join(dir, 'ratings.csv'),
      'outlet,lean,rater,date\nHarbor Ledger,left,Test panel,2024\nValley Gazette,lean left,Test panel,2024\nNot A Lean,sideways,Test panel,2024\n',
    );
    const json = await cli(['stories', '--db', db, '--format', 'json', '--ratings', 'ratings.csv']);
    expect(json.stderr).toMatch(/ratings\.csv#4: .*sideways/);
    const rated = (JSON.parse(json.stdout) as StoryLine[]).find((s) => s.articleCount === 2)!;
    expect(rated.coverage).toMatchObject({
      byLean: { left: ['Harbor Ledger'], 'lean-left': ['Valley Gazette'] },
      oneSided: 'left',
    });

    const text = await cli(['stories', '--db', db, '--format', 'text', '--ratings', 'ratings.csv']);
    expect(text.stdout.split('\n')[0]).toMatch(/^id\s+articles\s+outlets\s+lean\s+title$/);
    expect(text.stdout).toMatch(/2L\/0C\/0R one-sided left/);
  });

  it('names the sources it cannot read, goes on with the others, and exits 1', async () => {
    writeFileSync(join(dir, 'sloppy.xml'), '<?xml version="1.0"?><rss><channel><title>x</title><item></channel></rss>');
    writeFileSync(join(dir, 'page.html'), '<!doctype html><html><body><p>Not a feed</p></body></html>');
    const run = await cli([
      'ingest',
      'sloppy.xml',
      'page.html',
      'missing.opml',
      '--db',
      join(dir, 'other.db'),
      ...LOCAL,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /warning: sloppy\.xml: the XML is malformed \(line 1, column \d+: .*\); read what could be read/,
    );
    expect(run.stderr).toMatch(/page\.html: this is an HTML page, not a feed/);
    expect(run.stderr).toMatch(/missing\.opml: no such file/);
  });

  it('refuses a bad command line', async () => {
    expect((await cli(['ingest', '--db', db])).code).toBe(2);
    const bad = await cli(['ingest', 'x.jsonl', '--host-delay', 'soon']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--host-delay must be a positive whole number/);
    expect((await cli(['stories', '--format', 'xml', '--db', db])).code).toBe(2);
    expect((await cli(['watch', '--interval', '0', '--db', db])).code).toBe(2);
  });
});
