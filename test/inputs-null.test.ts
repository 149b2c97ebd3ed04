import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeStoryLine } from '../src/engine/batch.js';
import { articleFromObject } from '../src/engine/inputs/article-object.js';
import { readArticleObjects, readInputs } from '../src/engine/inputs/read-inputs.js';
import {
  openSqliteStoryRepository,
  type SqliteStoryRepository,
} from '../src/engine/storage/sqlite-story-repository.js';
import { createApp } from '../src/server/app.js';
import { runInProcess } from './helpers/cli-io.js';
import { SHARED_DIR, describeShared } from './helpers/shared.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-null-'));
const repos: SqliteStoryRepository[] = [];
afterAll(async () => {
  for (const repo of repos) await repo.close();
  rmSync(dir, { recursive: true, force: true });
});

// Invented for this test.
const TEXT = 'The harbour crane collapsed on Friday night. Nobody was hurt, the port authority said on Saturday.';
const ALL_NULL = { id: null, html: null, title: null, url: null, outlet: null, byline: null, publishedAt: null };

const read = (value: unknown) => articleFromObject(value, { source: 'x', maxBytes: 1_000_000 });

describe('null optional fields mean absent', () => {
  it('accepts every optional field as null at once, as if absent', () => {
    const result = read({ ...ALL_NULL, text: TEXT });
    expect(result).toMatchObject({ ok: true, value: { format: 'text', content: TEXT, meta: {} } });
    expect(result.ok && result.value.diagnostics).toBeFalsy();
    expect(read({ text: null, html: `<p>${TEXT}</p>` })).toMatchObject({ ok: true, value: { format: 'html' } });
  });

  it('names every wrongly typed field in one failure, with its type', () => {
    const result = read({ text: TEXT, title: 3, url: ['a'], outlet: {}, byline: true });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.failure.message).toBe(
      'x: the fields "title" (a number), "url" (an array), "outlet" (an object), "byline" (a boolean) must be strings or null',
    );
  });

  it('reports the type problems, the body problem and the date problem together', () => {
    const result = read({ title: 1, publishedAt: 'soon' });
    expect(!result.ok && result.failure.message).toBe(
      'x: the field "title" (a number) must be a string or null; an article needs a "text" or an "html" string; ' +
        '"publishedAt" is not an ISO 8601 date: "soon"',
    );
  });

  it('takes a stated date written by extract and drops an inferred one with a note', () => {
    const stated = read({ text: TEXT, publishedAt: { value: '2024-03-05', inferred: false, basis: 'meta' } });
    expect(stated.ok && stated.value.meta.publishedAt).toBe('2024-03-05');
    const inferred = read({ text: TEXT, publishedAt: { value: '2024-03-05', inferred: true, basis: 'url path' } });
    expect(inferred.ok && inferred.value.meta.publishedAt).toBeUndefined();
    expect(inferred.ok && inferred.value.diagnostics?.[0]?.code).toBe('inferred-date-dropped');
    const odd = read({ text: TEXT, publishedAt: { when: 'today' } });
    expect(!odd.ok && odd.failure.message).toMatch(/"publishedAt" \(an object\) must be a string or null/);
  });

  it('reads nulls in JSON files, JSON Lines files and library objects', async () => {
    writeFileSync(join(dir, 'one.json'), JSON.stringify({ ...ALL_NULL, text: TEXT }));
    writeFileSync(join(dir, 'list.json'), JSON.stringify({ articles: [{ ...ALL_NULL, text: TEXT }] }));
    writeFileSync(join(dir, 'lines.jsonl'), `${JSON.stringify({ ...ALL_NULL, text: TEXT })}\n`);
    const files = await readInputs(['one.json', 'list.json', 'lines.jsonl'], { cwd: dir });
    expect(files.failures).toEqual([]);
    expect(files.articles).toHaveLength(3);
    expect(readArticleObjects([{ ...ALL_NULL, text: TEXT }]).articles).toHaveLength(1);
  });

  it('reads nulls in batch lines, at the story and the article level', async () => {
    const line = JSON.stringify({ id: null, title: null, articles: [{ ...ALL_NULL, text: TEXT }] });
    const result = await analyzeStoryLine(line, 7);
    expect(result).toMatchObject({ id: 'line-7', report: { story: { articleCount: 1 } } });
  });

  it('accepts nulls in the API JSON body, for the story and its articles', async () => {
    const repo = openSqliteStoryRepository({ path: ':memory:' });
    repos.push(repo);
    const app = createApp({ repo, webRoot: join(dir, 'no-web'), logError: () => {} });
    const body = { title: null, urls: null, referenceDate: null, articles: [{ ...ALL_NULL, text: TEXT }] };
    const response = await app.request('/api/stories', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { story: { articleCount: number; title: string } };
    expect(created.story.articleCount).toBe(1);
    const wrong = await app.request('/api/stories', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ articles: [{ text: TEXT, title: 4, url: 5 }] }),
    });
    expect(wrong.status).toBe(400);
    const error = ((await wrong.json()) as { error: { message: string } }).error.message;
    expect(error).toMatch(/articles\.0\.title/);
    expect(error).toMatch(/articles\.0\.url/);
  });

  it("feeds extract's own JSON output back in, one document and several", async () => {
    writeFileSync(join(dir, 'a.txt'), TEXT);
    const page = `<html><head><title>Crane</title></head><body><article>${`<p>${TEXT}</p>`.repeat(3)}</article>`;
    writeFileSync(join(dir, 'b.html'), page);
    for (const [inputs, out] of [
      [['a.txt'], 'one-out.json'],
      [['a.txt', 'b.html'], 'many-out.jsonl'],
    ] as const) {
      const extracted = await runInProcess(['extract', ...inputs, '--out', out], dir);
      expect(extracted.code).toBe(0);
      const again = await runInProcess(['extract', out], dir);
      expect(again.stderr).not.toMatch(/must be|unknown fields/);
      expect(again.code).toBe(0);
      const parse = (text: string): { text: string; title: string | null }[] =>
        inputs.length === 1
          ? [JSON.parse(text)]
          : text
              .trim()
              .split('\n')
              .map((l) => JSON.parse(l));
      const first = parse(readFileSync(join(dir, out), 'utf8'));
      const second = parse(again.stdout);
      expect(second.map((d) => [d.title, d.text])).toEqual(first.map((d) => [d.title, d.text]));
    }
  });
});

describeShared('the evaluation data feeds in as it is', () => {
  const lines = (file: string, count: number): string[] =>
    readFileSync(join(SHARED_DIR, 'eval', file), 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(0, count);

  it('reads NeuS stories (null url, side and outlet) as batch lines', async () => {
    const stories = lines('neus/val.jsonl', 3);
    expect(stories.some((l) => l.includes('"url": null'))).toBe(true);
    for (const [i, line] of stories.entries()) {
      const result = await analyzeStoryLine(line, i + 1, { summaryWords: 40 });
      expect('report' in result && result.report.failures).toEqual([]);
      expect('report' in result && result.report.story.articleCount).toBe(3);
    }
  });

  it('reads PolNeAR and clustering lines as JSON Lines article files', async () => {
    writeFileSync(join(dir, 'quotes.jsonl'), `${lines('quotes/polnear-dev.jsonl', 3).join('\n')}\n`);
    writeFileSync(
      join(dir, 'stream.jsonl'),
      `${lines('clustering/allsides-stream-2021-apr-jul.jsonl', 5).join('\n')}\n`,
    );
    const result = await readInputs(['quotes.jsonl', 'stream.jsonl'], { cwd: dir });
    expect(result.failures).toEqual([]);
    expect(result.articles).toHaveLength(8);
  });
});
