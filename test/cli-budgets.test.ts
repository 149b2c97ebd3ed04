import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { UsageError } from '../src/cli/errors.js';
import { poolOptions } from '../src/cli/pool-options.js';
import { FERRY_ARTICLES, longText } from './helpers/fiction.js';
import { REPO_ROOT } from './helpers/shared.js';

// The real executable in a child process: its workers load the TypeScript sources through tsx, as a user's do.
const BIN = join(REPO_ROOT, 'bin', 'parallax.js');
const dir = mkdtempSync(join(tmpdir(), 'parallax-cli-budgets-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('names each input stopped at its time budget with the reason, writes no report, and exits 1', () => {
  FERRY_ARTICLES.forEach((text, i) => writeFileSync(join(dir, `ferry-${i + 1}.txt`), text));
  // A budget of 1 ms, which reading any real article takes longer than on any machine: every job is stopped by it.
  const args = ['analyze', 'ferry-1.txt', 'ferry-2.txt', 'ferry-3.txt', '--format', 'json'];
  const run = spawnSync(process.execPath, [BIN, ...args, '--job-timeout', '0.001', '--workers', '2'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PARALLAX_DEBUG: '' },
    // The process must end by itself once done: no worker may keep it alive.
    timeout: 120_000,
  });
  expect(run.signal).toBeNull();
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  for (const name of ['ferry-1.txt', 'ferry-2.txt', 'ferry-3.txt']) {
    expect(run.stderr).toContain(`parallax: ${name}: analysis stopped: over the time budget of 1 ms\n`);
  }
  expect(run.stderr).not.toMatch(/^\s+at /m);
}, 150_000);

it('stops serving at SIGINT without waiting for an analysis that is still running', async () => {
  const args = ['serve', '--port', '0', '--db', join(dir, 'library.db'), '--job-timeout', '600'];
  const server = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, PARALLAX_DEBUG: '' },
  });
  let stdout = '';
  server.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = once(server, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  try {
    while (!/listening on (\S+)\//.test(stdout)) await new Promise((done) => setTimeout(done, 50));
    const url = /listening on (\S+)\//.exec(stdout)![1]!;
    // An analysis that runs for minutes (within its budget of 600 s): the server must not wait for it.
    const request = fetch(`${url}/api/stories`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ articles: [{ text: longText(4_500_000) }] }),
    }).catch(() => null);
    await new Promise((done) => setTimeout(done, 2_000));
    const stoppedAt = Date.now();
    server.kill('SIGINT');
    const [code] = await exited;
    expect(code).toBe(0);
    // Not a speed check: a hang detector, far below the minutes the analysis would have taken.
    expect(Date.now() - stoppedAt).toBeLessThan(30_000);
    expect(await request).toBeNull();
  } finally {
    server.kill('SIGKILL');
  }
}, 120_000);

it('reads the pool flags, and refuses bad values as usage errors', () => {
  expect(poolOptions('analyze', { workers: '3', 'job-timeout': '2.5', 'job-memory': '512' })).toEqual({
    workers: 3,
    jobTimeoutMs: 2500,
    jobMemoryMb: 512,
  });
  expect(poolOptions('analyze', {})).toEqual({});
  expect(() => poolOptions('analyze', { 'job-memory': '64' })).toThrow(/--job-memory must be at least 128/);
  expect(() => poolOptions('analyze', { 'job-timeout': '0' })).toThrow(/--job-timeout must be a positive number/);
  expect(() => poolOptions('analyze', { workers: '65' })).toThrow(/--workers must be at most 64/);
  expect(() => poolOptions('batch', { workers: 'two' })).toThrow(UsageError);
});
