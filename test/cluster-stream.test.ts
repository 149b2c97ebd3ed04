import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { clusterArticleFile } from '../src/engine/cluster-stream.js';
import { readArticleStream, StreamSourceError, type StreamItem } from '../src/engine/stream/read-articles-jsonl.js';
import { splitLines, type StreamLine } from '../src/engine/stream/split-lines.js';
import { BRIDGE_OPTIONS, BRIDGED_STORIES } from './helpers/cluster-fixtures.js';

const TEXT = 'The ferry to Marlow Island resumed service on Sunday after a storm kept it in port for three days.';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Reads lines given as standard input (chunks as given). */
function readStdin(chunks: (string | Uint8Array)[], maxLineBytes?: number): Promise<StreamItem[]> {
  return collect(readArticleStream('-', { stdin: Readable.from(chunks), ...(maxLineBytes ? { maxLineBytes } : {}) }));
}

const line = (value: unknown): string => `${JSON.stringify(value)}\n`;

describe('splitLines', () => {
  it('splits on newlines across chunk boundaries, keeps a character split between chunks whole', async () => {
    const bytes = Buffer.from('ﬁrst ľine\r\nsecond\n\nthird', 'utf8');
    const chunks = [bytes.subarray(0, 2), bytes.subarray(2, 9), bytes.subarray(9)];
    const lines = await collect(splitLines(Readable.from(chunks), 100));
    expect(lines).toEqual([
      { number: 1, text: 'ﬁrst ľine' },
      { number: 2, text: 'second' },
      { number: 3, text: '' },
      { number: 4, text: 'third' },
    ]);
  });

  it('reports a line over the limit without holding it, and goes on with the next', async () => {
    const long = 'x'.repeat(50);
    const lines = await collect(
      splitLines(Readable.from([`\uFEFFok\n${long.slice(0, 20)}`, `${long.slice(20)}\nnext\n`]), 30),
    );
    expect(lines).toEqual<StreamLine[]>([
      { number: 1, text: 'ok' },
      { number: 2, tooLong: true, bytes: 50 },
      { number: 3, text: 'next' },
    ]);
  });
});

describe('readArticleStream', () => {
  it('reads articles in order, null fields counting as absent', async () => {
    const items = await readStdin([
      line({ id: 'a', url: null, outlet: 'Island Post', date: '2024-03-04', title: null, text: TEXT }),
      line({ id: 'b', text: TEXT, html: null, date: null }),
    ]);
    expect(items).toEqual([
      { line: 1, article: { id: 'a', url: null, outlet: 'Island Post', date: '2024-03-04', title: null, text: TEXT } },
      { line: 2, article: { id: 'b', url: null, outlet: null, date: null, title: null, text: TEXT } },
    ]);
  });

  it('names each bad line and goes on with the rest', async () => {
    const items = await readStdin([
      'not json\n',
      line([1, 2]),
      line({ id: 'n', text: 42 }),
      line({ id: 'both', text: TEXT, html: `<p>${TEXT}</p>` }),
      line({ id: 'none', title: 'A headline only' }),
      line({ id: 'blank', text: '   ' }),
      line({ id: 'when', text: TEXT, date: '04/03/2024' }),
      line({ id: 'good', text: TEXT }),
      line({ id: 'good', text: TEXT }),
    ]);
    const failures = items.flatMap((i) => ('failure' in i ? [i.failure] : []));
    expect(failures.map((f) => [f.source, f.code])).toEqual([
      ['stdin#1', 'bad-json'],
      ['stdin#2', 'bad-article'],
      ['stdin#3', 'bad-article'],
      ['stdin#4', 'bad-article'],
      ['stdin#5', 'empty-text'],
      ['stdin#6', 'empty-text'],
      ['stdin#7', 'bad-date'],
      ['stdin#9', 'duplicate-id'],
    ]);
    expect(failures[2]!.message).toBe('stdin#3: the field "text" must be a string or null');
    expect(failures[7]!.message).toBe('stdin#9: the id "good" was already used on line 8');
    expect(items.filter((i) => 'article' in i)).toHaveLength(1);
  });

  it('reads HTML to text with the core reader and takes the title from the page', async () => {
    const html = `<html><head><title>Ferry service resumes</title></head><body><article><h1>Ferry service resumes</h1><p>${TEXT}</p><p>Extra crossings will run on Monday and Tuesday for passengers who could not travel during the closure.</p></article></body></html>`;
    const [item] = await readStdin([line({ id: 'page', html })]);
    expect(item).toMatchObject({ line: 1, article: { id: 'page', title: 'Ferry service resumes' } });
    const text = (item as { article: { text: string } }).article.text;
    expect(text).toContain('resumed service on Sunday');
    expect(text).not.toContain('<p>');
  });

  it('takes the url, or the line, as the id of an article without one', async () => {
    const items = await readStdin([line({ url: 'https://example.org/ferry', text: TEXT }), line({ text: TEXT })]);
    expect(items.map((i) => ('article' in i ? i.article.id : null))).toEqual(['https://example.org/ferry', 'stdin#2']);
  });

  it('fails a line over the size limit', async () => {
    const items = await readStdin([line({ id: 'big', text: TEXT.repeat(20) }), line({ id: 'small', text: TEXT })], 500);
    expect(items[0]).toMatchObject({ line: 1, failure: { code: 'too-large', source: 'stdin#1' } });
    expect(items[1]).toMatchObject({ line: 2, article: { id: 'small' } });
  });

  it('says so when the file cannot be opened', async () => {
    await expect(collect(readArticleStream('missing.jsonl', { cwd: tmpdir() }))).rejects.toThrow(
      new StreamSourceError('missing.jsonl: no such file'),
    );
    await expect(collect(readArticleStream('.', { cwd: tmpdir() }))).rejects.toThrow(/not a regular file/);
  });
});

describe('clusterArticleFile', () => {
  it('clusters a file in order and lists the bad lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-cluster-'));
    const path = join(dir, 'stream.jsonl');
    writeFileSync(
      path,
      [
        line({ id: 'a', date: '2024-03-04T08:00:00Z', text: TEXT }),
        '{broken\n',
        line({ id: 'b', date: '2024-03-04T09:00:00Z', text: TEXT.replace('Sunday', 'Sunday morning') }),
        line({ id: 'c', date: '2024-03-04T10:00:00Z', text: 'Stock markets in Tallin closed higher on Monday.' }),
      ].join(''),
    );
    const result = await clusterArticleFile(path);
    expect(result.articles.map((a) => [a.line, a.id, a.storyId, a.decision])).toEqual([
      [1, 'a', 's1', 'started'],
      [3, 'b', 's1', 'joined'],
      [4, 'c', 's2', 'started'],
    ]);
    expect(result.failures).toEqual([expect.objectContaining({ source: `${path}#2`, code: 'bad-json' })]);
    expect(result.stories).toBe(2);
  });

  it('gives every article its story at the end of the stream, and the one it was placed in when merged later', async () => {
    const result = await clusterArticleFile('-', {
      stdin: Readable.from(BRIDGED_STORIES.map(line)),
      cluster: BRIDGE_OPTIONS,
    });
    expect(result.articles.map((a) => [a.id, a.storyId, a.assignedStoryId, a.decision])).toEqual([
      ['strike', 's1', undefined, 'started'],
      ['blockade', 's1', 's2', 'started'],
      ['bridge', 's1', undefined, 'merged'],
    ]);
    expect(result.stories).toBe(1);
  });
});
