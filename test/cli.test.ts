import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateReport } from '../src/engine/validate-report.js';
import { REPO_ROOT, SHARED_DIR, describeShared } from './helpers/shared.js';

// End to end: the real executable in a child process, as a user runs it.
const BIN = join(REPO_ROOT, 'bin', 'parallax.js');
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'inputs');

function parallax(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: FIXTURES,
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, PARALLAX_DEBUG: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const STACK_LINE = /^\s+at /m;

const STDIN_PAGE = `<html><body><article>
<p>The ferry to the island resumed service on Sunday after a storm kept it in port for three days, the operator said.</p>
<p>Extra crossings will run on Monday and Tuesday to carry passengers who could not travel during the closure.</p>
</article></body></html>`;

describe('parallax CLI (spawned)', () => {
  it('prints help with every command, and the version', () => {
    const help = parallax(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: parallax <command>/);
    expect(help.stdout).toMatch(/^\s+analyze\s/m);
    expect(help.stdout).toMatch(/^\s+extract\s/m);
    const version = parallax(['--version']);
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it('analyzes good inputs, names each bad one on stderr, and exits 1 without a stack trace', () => {
    const run = parallax(['analyze', 'plain.txt', 'missing.txt', 'empty.txt', 'story.json', '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { articles: { id: string }[]; failures: { source: string }[] };
    expect(report.articles.map((a) => a.id)).toEqual(['plain', 'story']);
    expect(report.failures.map((f) => f.source)).toEqual(['missing.txt', 'empty.txt']);
    expect(run.stderr).toContain('parallax: missing.txt: no such file or folder');
    expect(run.stderr).toContain('parallax: empty.txt: the input is empty');
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('exits 1 with a message when no input can be read, and writes no report', () => {
    const run = parallax(['analyze', 'missing.txt', 'binary.txt']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no input could be read');
  });

  // The other usage errors are checked in process (test/cli-args.test.ts); one here proves the exit code reaches the shell.
  it('exits 2 on a usage error, with a hint and no stack trace', () => {
    const run = parallax(['analyze', 'plain.txt', '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("parallax: unknown option '--bogus'\nRun 'parallax analyze --help' for usage.\n");
    expect(run.stdout).toBe('');
  });

  it('writes --out FILE instead of stdout, in the chosen format', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'parallax-cli-')), 'report.html');
    const run = parallax(['analyze', 'folder', '--format', 'html', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('note: folder/readme.rtf: skipped');
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
  });

  it('writes Markdown by default', () => {
    const run = parallax(['analyze', 'plain.txt', 'article.md']);
    expect(run.code).toBe(0);
    // The generator marker comes first (a comment that renders as nothing), then the title.
    expect(run.stdout).toMatch(/^<!-- generator: parallax \S+ -->\n# /);
    expect(run.stdout).toMatch(/^## Sources$/m);
  });

  it('extracts standard input with "-" and prints one JSON object', () => {
    const run = parallax(['extract', '-'], STDIN_PAGE);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as { source: string; text: string; id: string };
    expect(doc.source).toBe('stdin');
    expect(doc.text).toContain('The ferry to the island resumed service');
    expect(doc.text).not.toContain('<p>');
  });

  it('extracts several inputs as JSON Lines and as text with a header per document', () => {
    const jsonl = parallax(['extract', 'plain.txt', 'lines.jsonl']);
    expect(jsonl.stderr).toContain('parallax: lines.jsonl#2: not valid JSON');
    expect(jsonl.code).toBe(1);
    const lines = jsonl.stdout.trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { source: string }).source)).toEqual([
      'plain.txt',
      'lines.jsonl#1',
      'lines.jsonl#4',
    ]);
    const text = parallax(['extract', 'plain.txt', 'article.md', '--format', 'text']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^==> plain <==$/m);
    expect(text.stdout).toMatch(/^==> article <==$/m);
  });

  it("prints a command's help with its options", () => {
    const run = parallax(['analyze', '--help']);
    expect(run.code).toBe(0);
    for (const flag of ['--format', '--out', '--date', '--summary-words', '--max-bytes', '--timeout']) {
      expect(run.stdout).toContain(flag);
    }
  });
});

describeShared('parallax analyze on the seed story (spawned)', () => {
  it('writes a JSON report that passes the schema', () => {
    const run = parallax(['analyze', join(SHARED_DIR, 'seeds'), '--format', 'json', '--date', '2021-05-17']);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { story: { referenceDate: string } };
    expect(validateReport(report)).toEqual({ valid: true, errors: [] });
    expect(report.story.referenceDate).toBe('2021-05-17');
  });
});
