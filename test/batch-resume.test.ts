import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/run-cli.js';
import { BatchOutputFile } from '../src/engine/batch-output.js';
import { runBatchLines, type BatchResult } from '../src/engine/batch.js';
import { countNonBlankLines, readLines, type StreamLine } from '../src/engine/inputs/read-lines.js';
import { recordingIo, runInProcess } from './helpers/cli-io.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-resume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A short invented story line with the given id. */
function storyLine(id: string): string {
  const text = `The ${id} school reopened on Monday after the flood. Teachers said classes would resume on Tuesday.`;
  return JSON.stringify({ id, articles: [{ text }, { text: `${text} Parents were relieved.` }] });
}

const STORIES = ['north', 'south', 'east', 'west', 'upper'].map(storyLine);

async function collect(lines: AsyncIterable<StreamLine>): Promise<StreamLine[]> {
  const all: StreamLine[] = [];
  for await (const line of lines) all.push(line);
  return all;
}

function outputIds(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as BatchResult).id);
}

describe('reading lines', () => {
  it('splits on LF and CRLF across chunks, drops a byte-order mark and notes a last line without an end', async () => {
    const chunks = ['\uFEFFone\r', '\ntw', 'o\n\nthr', 'ee'];
    const lines = await collect(readLines(Readable.from(chunks.map((c) => Buffer.from(c))), { maxLineBytes: 100 }));
    expect(lines.map((l) => [l.number, l.text, l.terminated])).toEqual([
      [1, 'one', true],
      [2, 'two', true],
      [3, '', true],
      [4, 'three', false],
    ]);
    expect(lines.map((l) => l.bytes)).toEqual([8, 4, 1, 5]);
  });

  it('fails a line over the limit (without holding it) and a line that is not UTF-8, and goes on', async () => {
    const stream = Readable.from([Buffer.from('x'.repeat(50)), Buffer.from('y'.repeat(60)), Buffer.from('\nok\n')]);
    const bad = Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]);
    const lines = await collect(readLines(Readable.from([Buffer.concat([bad])]), { maxLineBytes: 100 }));
    expect(lines[0]?.problem).toBe('line 1: not valid UTF-8');
    const long = await collect(readLines(stream, { maxLineBytes: 100 }));
    expect(long.map((l) => l.problem ?? l.text)).toEqual([
      'line 1: 110 bytes is over the line size limit of 100 bytes',
      'ok',
    ]);
  });

  it('counts the lines that are not blank', async () => {
    const count = (text: string) => countNonBlankLines(Readable.from([Buffer.from(text)]));
    expect(await count('a\n\n  \r\nb\r\nc')).toBe(3);
    expect(await count('a\n')).toBe(1);
    expect(await count('')).toBe(0);
  });
});

describe('batch runs that go on', () => {
  it('skips the ids already done, fails a repeated id under its line, and stops when told to', async () => {
    const lines = Readable.from([`${[STORIES[0], STORIES[1], STORIES[0], STORIES[2], STORIES[3]].join('\n')}\n`]);
    const written: BatchResult[] = [];
    const controller = new AbortController();
    const totals = await runBatchLines({
      lines: readLines(lines, { maxLineBytes: 1e6 }),
      write: (line) => void written.push(JSON.parse(line) as BatchResult),
      options: {
        skipIds: new Set(['north']),
        signal: controller.signal,
        onStory: (done) => done === 2 && controller.abort(),
      },
    });
    expect(totals).toEqual({ stories: 2, failed: 1, skipped: 1, stopped: true });
    expect(written.map((r) => [r.id, 'error' in r ? r.error : 'report'])).toEqual([
      ['south', 'report'],
      ['line-3', 'line 3: the story id "north" is also on line 1; give each story its own id'],
    ]);
  });

  it('refuses to start over on a file that holds results, and to resume from a file that is not batch output', async () => {
    const done = join(dir, 'done.jsonl');
    writeFileSync(done, '{"id":"a","error":"x"}\n');
    await expect(BatchOutputFile.open(done, { shown: 'done.jsonl', resume: false })).rejects.toThrow(
      'done.jsonl already holds results: give --resume to go on from them, or remove the file to start over',
    );
    const notes = join(dir, 'notes.jsonl');
    writeFileSync(notes, '{"id":"a","error":"x"}\n{"text":"an article"}\n');
    await expect(BatchOutputFile.open(notes, { shown: 'notes.jsonl', resume: true })).rejects.toThrow(
      'notes.jsonl: line 2 is not a batch result line; is it the right file?',
    );
    expect(readFileSync(notes, 'utf8')).toBe('{"id":"a","error":"x"}\n{"text":"an article"}\n');
  });

  it('resumes after a torn last line: drops it, redoes its story, and writes every story once', async () => {
    writeFileSync(join(dir, 'in.jsonl'), `${STORIES.join('\n')}\n`);
    const first = await runInProcess(['batch', 'in.jsonl', '--out', 'out.jsonl', '--summary-words', '20'], dir);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('parallax: batch finished: 5 analyzed, 0 failed\n');
    const full = readFileSync(join(dir, 'out.jsonl'), 'utf8');
    const lines = full.split('\n');
    // As a kill in the middle of writing the fourth line leaves it.
    writeFileSync(join(dir, 'out.jsonl'), `${lines.slice(0, 3).join('\n')}\n${lines[3]!.slice(0, 40)}`);
    const resumed = await runInProcess(['batch', 'in.jsonl', '--out', 'out.jsonl', '--resume'], dir);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/resuming: 3 stories already in out\.jsonl/);
    expect(resumed.stderr).toMatch(/dropped an incomplete last line \(40 bytes\) of out\.jsonl/);
    expect(resumed.stderr).toMatch(/batch finished: 2 analyzed, 0 failed, 3 skipped \(already in out\.jsonl\)/);
    expect(outputIds(join(dir, 'out.jsonl'))).toEqual(['north', 'south', 'east', 'west', 'upper']);
  });

  it('reads standard input with -', async () => {
    const run = await runInProcess(['batch', '-', '--summary-words', '20'], dir, `${STORIES.slice(0, 2).join('\n')}\n`);
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as BatchResult).id),
    ).toEqual(['north', 'south']);
  });

  it('on SIGINT finishes the story at hand, says what was done and what is left, and exits 130', async () => {
    const io = recordingIo(dir);
    async function* slowInput(): AsyncGenerator<Buffer> {
      yield Buffer.from(`${STORIES[0]}\n${STORIES[1]}\n`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      process.emit('SIGINT');
      // Standard input that never ends: the stop must not wait for it.
      await new Promise(() => undefined);
    }
    io.stdin = slowInput();
    const code = await runCli(['batch', '-', '--out', 'stopped.jsonl'], io);
    expect(code).toBe(130);
    expect(io.err.join('')).toBe(
      'parallax: batch stopped by SIGINT: 2 analyzed, 0 failed, the rest of standard input left; ' +
        'run it again with --resume to go on\n',
    );
    expect(outputIds(join(dir, 'stopped.jsonl'))).toEqual(['north', 'south']);
    expect(process.listenerCount('SIGINT')).toBe(0);
  });
});
