import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { BatchResult } from '../src/engine/batch.js';
import { openSqliteStoryRepository } from '../src/engine/storage/sqlite-story-repository.js';
import { validateReport } from '../src/engine/validate-report.js';
import { REPO_ROOT } from './helpers/shared.js';

// The real executable, killed with SIGKILL (no cleanup, no flush, no rollback) and run again.
const BIN = join(REPO_ROOT, 'bin', 'parallax.js');
const dir = mkdtempSync(join(tmpdir(), 'parallax-crash-safety-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | string>;
}

function start(args: string[]): Started {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code ?? -1)),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function until(condition: () => boolean, what: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Invented article texts, long enough that a story takes a noticeable time to analyze. */
function articleText(story: number, outlet: number): string {
  const sentences = Array.from(
    { length: 12 },
    (_, i) =>
      `Officials in district ${story} said on Monday that ${i + outlet} families had been moved after the river ` +
      `rose by ${i + 2} metres, and Mayor Lena Ford called the response "steady" at a briefing.`,
  );
  return sentences.join(outlet % 2 === 0 ? ' ' : '\n\n');
}

function story(n: number): { id: string; articles: { text: string; outlet: string }[] } {
  return {
    id: `story-${n}`,
    articles: [0, 1, 2].map((o) => ({ text: articleText(n, o), outlet: `Outlet ${o}` })),
  };
}

function lineCount(path: string): number {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').length - 1 : 0;
}

describe('kill -9 during a batch, then --resume', () => {
  it('writes every story exactly once, with no torn line left', async () => {
    const count = 10;
    const input = join(dir, 'stories.jsonl');
    const output = join(dir, 'results.jsonl');
    writeFileSync(input, `${Array.from({ length: count }, (_, n) => JSON.stringify(story(n))).join('\n')}\n`);
    const args = ['batch', 'stories.jsonl', '--out', 'results.jsonl', '--summary-words', '30', '--resume'];
    // Killed twice, at different points, then run to the end.
    for (const killAfter of [2, 5]) {
      const run = start(args);
      await until(() => lineCount(output) >= killAfter, `${killAfter} output lines`);
      run.child.kill('SIGKILL');
      expect(await run.exited).toBe('SIGKILL');
    }
    const last = start(args);
    expect(await last.exited).toBe(0);
    const text = readFileSync(output, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const results = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as BatchResult);
    expect(results.map((r) => r.id)).toEqual(Array.from({ length: count }, (_, n) => `story-${n}`));
    expect(results.every((r) => 'report' in r)).toBe(true);
  });
});

describe('Ctrl-C (a real SIGINT) during a batch', () => {
  it('finishes the story at hand, says what is done and left, exits 130, and --resume completes the run', async () => {
    const count = 6;
    writeFileSync(
      join(dir, 'few.jsonl'),
      `${Array.from({ length: count }, (_, n) => JSON.stringify(story(n))).join('\n')}\n`,
    );
    const output = join(dir, 'few-results.jsonl');
    const run = start(['batch', 'few.jsonl', '--out', 'few-results.jsonl', '--summary-words', '30']);
    await until(() => lineCount(output) >= 1, 'the first output line');
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    const done = lineCount(output);
    expect(run.stderr()).toContain(
      `batch stopped by SIGINT: ${done} analyzed, 0 failed, ${count - done} left; run it again with --resume to go on`,
    );
    expect(readFileSync(output, 'utf8').endsWith('\n')).toBe(true);
    const resumed = start(['batch', 'few.jsonl', '--out', 'few-results.jsonl', '--resume']);
    expect(await resumed.exited).toBe(0);
    expect(resumed.stderr()).toContain(`batch finished: ${count - done} analyzed, 0 failed, ${done} skipped`);
    expect(lineCount(output)).toBe(count);
  });
});

describe('kill -9 of the server while it stores stories', () => {
  it('keeps every story it acknowledged, whole, and nothing half-written', async () => {
    const dbPath = join(dir, 'library.db');
    const server = start(['serve', '--db', 'library.db', '--port', '0']);
    await until(() => /listening on (http:\S+?)\/? /.test(server.stdout()), 'the server address');
    const base = /listening on (http:\S+?)\/? /.exec(server.stdout())![1]!;
    const acknowledged: string[] = [];
    let sent = 0;
    const post = async (): Promise<void> => {
      const n = sent++;
      const response = await fetch(`${base}/api/stories`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ title: `Flood ${n}`, articles: story(100 + n).articles }),
      });
      if (response.status !== 201) throw new Error(`HTTP ${response.status}`);
      acknowledged.push(((await response.json()) as { story: { id: string } }).story.id);
    };
    // Three clients post in a loop, so that writes are in flight when the kill comes.
    // Their requests fail once the server is gone: that ends them.
    const clients = [0, 1, 2]
      .map(async () => {
        for (;;) await post();
      })
      .map((client) => client.catch(() => undefined));
    await until(() => acknowledged.length >= 4, 'four stored stories');
    server.child.kill('SIGKILL');
    expect(await server.exited).toBe('SIGKILL');
    await Promise.allSettled(clients);
    const kept = [...acknowledged];

    const check = new Database(dbPath, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
    const repo = openSqliteStoryRepository({ path: dbPath });
    const { stories } = await repo.listStories({ limit: 1000, offset: 0 });
    expect(stories.length).toBeGreaterThanOrEqual(kept.length);
    for (const id of kept) expect(stories.map((s) => s.id)).toContain(id);
    for (const stored of stories) {
      const sources = await repo.getSources(stored.id);
      const report = await repo.getStoryReport(stored.id);
      expect(sources?.articles).toHaveLength(3);
      expect(stored.articleCount).toBe(3);
      expect(validateReport(JSON.parse(report!.reportJson))).toMatchObject({ valid: true });
    }
    await repo.close();
  });
});
