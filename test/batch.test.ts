import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import batchCommand from '../src/cli/commands/batch.js';
import { analyzeStoryLine, runBatchFile } from '../src/engine/batch.js';
import { recordingIo as fakeIo } from './helpers/cli-io.js';

const GOOD = JSON.stringify({
  id: 's1',
  articles: [
    { text: 'The bridge over the river reopened on Monday after repairs.', title: 'Bridge reopens' },
    { text: 'Officials reopened the river bridge on Monday after months of repairs.' },
  ],
});

describe('batch engine', () => {
  it('analyzes a good story line into a report with a summary', async () => {
    const result = await analyzeStoryLine(GOOD, 1, { summaryWords: 30 });
    expect('report' in result).toBe(true);
    if ('report' in result) {
      expect(result.id).toBe('s1');
      expect(result.report.story.articleCount).toBe(2);
      expect(result.report.summary!.text.length).toBeGreaterThan(0);
    }
  });

  it('turns bad lines into errors naming the line', async () => {
    const lineError = { id: 'line-3', error: expect.stringMatching(/line 3/) };
    expect(await analyzeStoryLine('{not json', 3)).toMatchObject(lineError);
    expect(await analyzeStoryLine('{"id":"x","articles":[]}', 4)).toMatchObject({ id: 'x', error: expect.any(String) });
    expect(await analyzeStoryLine('{"id":"y","articles":[{"text":""}]}', 5)).toMatchObject({ id: 'y' });
    expect('error' in (await analyzeStoryLine('{"id":"y","articles":[{"text":""}]}', 5))).toBe(true);
  });

  it('keeps a story whose one article is bad, listing it as a failure', async () => {
    const line = JSON.stringify({
      id: 'z',
      articles: [{ text: '' }, { text: 'The bridge reopened on Monday after repairs.' }],
    });
    const result = await analyzeStoryLine(line, 1);
    expect('report' in result && result.report.failures.length).toBe(1);
  });

  it('streams a file: one output line per story, bad ones included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-batch-'));
    const input = join(dir, 'stories.jsonl');
    writeFileSync(input, `${GOOD}\n\nnot json\n`);
    const lines: string[] = [];
    const totals = await runBatchFile(input, (l) => void lines.push(l));
    expect(totals).toEqual({ stories: 2, failed: 1, skipped: 0, stopped: false });
    expect(lines.map((l) => Object.keys(JSON.parse(l) as object))).toEqual([
      ['id', 'report'],
      ['id', 'error'],
    ]);
  });
});

describe('parallax batch', () => {
  it('writes JSON Lines to --out and exits 1 when a story failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-batch-'));
    writeFileSync(join(dir, 'in.jsonl'), `${GOOD}\n{"id":"bad"}\n`);
    const io = fakeIo(dir);
    const code = await batchCommand.run(['in.jsonl', '--out', 'out.jsonl', '--summary-words', '40'], io);
    expect(code).toBe(1);
    const out = readFileSync(join(dir, 'out.jsonl'), 'utf8').trim().split('\n');
    expect(out).toHaveLength(2);
    expect(io.err.join('')).toMatch(/batch finished: 1 analyzed, 1 failed/);
  });

  it('exits 0 when every story succeeds and rejects a bad --summary-words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parallax-batch-'));
    writeFileSync(join(dir, 'in.jsonl'), `${GOOD}\n`);
    const io = fakeIo(dir);
    expect(await batchCommand.run(['in.jsonl'], io)).toBe(0);
    expect(JSON.parse(io.out.join('')).id).toBe('s1');
    await expect(batchCommand.run(['in.jsonl', '--summary-words', 'x'], fakeIo(dir))).rejects.toThrow(/summary-words/);
  });
});
