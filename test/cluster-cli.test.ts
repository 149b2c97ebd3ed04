import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLUSTER_FIXTURE, CLUSTER_GOLDEN, clusterFixture, runCaptured } from '../scripts/golden/cluster.js';
import { REPO_ROOT } from './helpers/shared.js';

const cli = runCaptured;

const STACK_LINE = /^\s+at /m;

describe('parallax cluster', () => {
  it.each(['jsonl', 'json', 'text'] as const)(
    'prints the golden %s output for the fictional stream',
    async (format) => {
      const run = await clusterFixture(format);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(run.stdout).toBe(readFileSync(CLUSTER_GOLDEN[format], 'utf8'));
    },
  );

  it('prints one line per article in input order, id and story first', async () => {
    const run = await clusterFixture('jsonl');
    const rows = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const ids = readFileSync(CLUSTER_FIXTURE, 'utf8')
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(Object.keys(rows[0]!).slice(0, 2)).toEqual(['id', 'storyId']);
    expect(rows.every((r) => typeof r.reason === 'object')).toBe(true);
  });

  it('reads standard input, names a bad line on stderr, clusters the others and exits 1', async () => {
    const good = (id: string): string =>
      `${JSON.stringify({ id, date: '2024-03-04', text: 'The ferry to Marlow Island resumed service on Sunday.' })}\n`;
    const run = await cli(['cluster', '-'], `${good('one')}{"id": "two", "text": 7}\n${good('three')}`);
    expect(run.code).toBe(1);
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id: string }).id),
    ).toEqual(['one', 'three']);
    expect(run.stderr).toBe('parallax: stdin#2: the field "text" must be a string or null\n');
  });

  it('fails cleanly when the file is missing or nothing can be read', async () => {
    const missing = await cli(['cluster', 'no-such-stream.jsonl']);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'parallax: no-such-stream.jsonl: no such file\n' });
    const empty = await cli(['cluster', '-'], 'nothing here\n');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('parallax: no article could be read');
  });

  it.each([
    [['cluster'], 'give one JSON Lines file (or - for standard input)'],
    [['cluster', 'a.jsonl', 'b.jsonl'], 'give one JSON Lines file'],
    [['cluster', '-', '--format', 'xml'], '--format must be one of jsonl, json, text, txt (got "xml")'],
    [['cluster', '-', '--threshold', 'high'], '--threshold must be a number like 0.2 (got "high")'],
    [['cluster', '-', '--max-bytes', '0'], '--max-bytes must be a size'],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("Run 'parallax cluster --help' for usage.");
  });

  it('takes the join threshold and the quiet window from the command line', async () => {
    const strict = await cli(['cluster', CLUSTER_FIXTURE, '--threshold', '0.99']);
    const stories = new Set(
      strict.stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { storyId: string }).storyId),
    );
    expect(stories.size).toBe(10);
    const longQuiet = await cli(['cluster', CLUSTER_FIXTURE, '--quiet-days', '60', '--format', 'json']);
    const rows = JSON.parse(longQuiet.stdout) as { id: string; reason: { nearest?: { storyId: string } } }[];
    // The March story is still open five weeks later, so it is compared (and then left for the time gap).
    expect(rows.find((r) => r.id === 'bridge-april')!.reason.nearest?.storyId).toBe('s1');
  });

  it('runs as a real process', () => {
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'parallax.js'), 'cluster', CLUSTER_FIXTURE], {
      encoding: 'utf8',
      env: { ...process.env, PARALLAX_DEBUG: '' },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(CLUSTER_GOLDEN.jsonl, 'utf8'));
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});
