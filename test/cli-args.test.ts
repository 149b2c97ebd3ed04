import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commands } from '../src/cli/commands/index.js';
import { formatJson, formatText } from '../src/cli/commands/extract.js';
import type { CliIo } from '../src/cli/io.js';
import { parseByteSize } from '../src/cli/option-values.js';
import { shouldShowProgress } from '../src/cli/progress.js';
import type { ExtractedDocument } from '../src/engine/api.js';
import { runCliInProcess, type CliRun } from './helpers/cli-in-process.js';
import { REPO_ROOT } from './helpers/shared.js';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'inputs');

/** Runs the CLI in this process with captured streams. */
function cli(args: string[], overrides: Partial<CliIo> = {}): Promise<CliRun> {
  return runCliInProcess(args, { cwd: FIXTURES, ...overrides });
}

describe('usage errors exit 2 and name the problem', () => {
  it.each([
    [['analyze'], "parallax: no inputs given (files, folders, URLs or -)\nRun 'parallax analyze --help' for usage.\n"],
    [
      ['analyze', 'plain.txt', '--format', 'pdf'],
      'parallax: --format must be one of md, markdown, json, html (got "pdf")\n',
    ],
    [
      ['analyze', 'plain.txt', '--date', '17/05/2021'],
      'parallax: --date must be an ISO 8601 date like 2021-05-17 (got "17/05/2021")\n',
    ],
    [['analyze', 'plain.txt', '--date', '2021-02-30'], 'parallax: --date must be an ISO 8601 date'],
    [
      ['analyze', 'plain.txt', '--summary-words', '0'],
      'parallax: --summary-words must be a positive whole number (got "0")\n',
    ],
    [['analyze', 'plain.txt', '--max-bytes', 'lots'], 'parallax: --max-bytes must be a size like'],
    [['analyze', 'plain.txt', '--format'], "parallax: option '--format <value>' argument missing\n"],
    [['extract', 'plain.txt', '--format', 'md'], 'parallax: --format must be one of json, text, txt (got "md")\n'],
    [['frobnicate'], "parallax: unknown command 'frobnicate' (commands: analyze"],
    [['--bogus'], "parallax: unknown option '--bogus' (a command comes first)\nRun 'parallax --help' for usage.\n"],
  ])('%j', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith(message)).toBe(true);
    expect(run.stdout).toBe('');
  });

  it('prints the program help on stderr with exit 2 when no command is given', async () => {
    const run = await cli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: parallax <command>');
  });
});

describe('help', () => {
  it('lists every registered command in the program help', async () => {
    const run = await cli(['--help']);
    const lines = run.stdout.split('\n');
    for (const [name, entry] of Object.entries(commands)) {
      expect(lines.some((l) => l.startsWith(`  ${name} `) && l.endsWith(entry.summary))).toBe(true);
    }
  });

  it('answers --help, -h and "help <command>" for the reading commands', async () => {
    for (const name of ['analyze', 'extract']) {
      for (const args of [
        [name, '--help'],
        [name, 'x', '-h'],
        ['help', name],
      ]) {
        const run = await cli(args);
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(new RegExp(`^Usage: parallax ${name}`));
      }
    }
  });

  it('treats --help after "--" as an input, not a request for help', async () => {
    const run = await cli(['extract', '--', '--help']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('parallax: --help: no such file or folder');
  });
});

describe('errors', () => {
  it('prints an internal error as one line, with the stack only when PARALLAX_DEBUG=1', async () => {
    const broken = {
      write: (): never => {
        throw new TypeError('boom');
      },
      isTTY: false,
    };
    const quiet = await cli(['extract', 'plain.txt'], { stdout: broken });
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toBe('parallax: internal error: boom\nSet PARALLAX_DEBUG=1 to see the stack trace.\n');
    const debug = await cli(['extract', 'plain.txt'], { stdout: broken, env: { PARALLAX_DEBUG: '1' } });
    expect(debug.stderr).toMatch(/^parallax: internal error: boom\nTypeError: boom\n\s+at /);
  });

  it('fails with a usage error naming the path before any work when --out cannot be written', async () => {
    const run = await cli(['extract', 'plain.txt', '--out', join(FIXTURES, 'no-such-dir', 'out.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^parallax: cannot write .*out\.json: the folder .*no-such-dir does not exist\n/);
  });

  it('reads standard input from the io it is given', async () => {
    const run = await cli(['extract', '-', '--format', 'text'], {
      stdin: Readable.from([
        Buffer.from(
          'A plain report from standard input about a bridge opening on Tuesday. The city said repairs took six ' +
            'weeks and cost less than planned. Drivers had used a ferry and a longer road while the bridge was shut.',
        ),
      ]),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!-- generator: parallax \S+ -->\n==> [0-9a-z]+ <==\nsource: stdin\n\nA plain report/);
  });
});

describe('output formats and options', () => {
  const doc = (id: string): ExtractedDocument => ({
    id,
    source: `${id}.txt`,
    title: null,
    byline: null,
    outlet: null,
    publishedAt: { value: '2024-01-02', inferred: true, basis: 'url path' },
    text: 'Body.',
    removed: [],
    embeds: [],
  });

  it('extract prints one pretty JSON object for one document and JSON Lines for several', () => {
    expect(formatJson([doc('a')])).toBe(`${JSON.stringify(doc('a'), null, 2)}\n`);
    expect(formatJson([doc('a'), doc('b')]).split('\n')).toHaveLength(3);
    expect(formatText([doc('a')])).toBe('==> a <==\npublished: 2024-01-02 (inferred)\nsource: a.txt\n\nBody.\n');
  });

  it('passes --date and --summary-words to the analysis', async () => {
    const run = await cli([
      'analyze',
      'plain.txt',
      '--format',
      'json',
      '--date',
      '2024-05-01',
      '--summary-words',
      '30',
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { story: { referenceDate: string } };
    expect(report.story.referenceDate).toBe('2024-05-01');
  });

  it('applies --max-bytes with units', async () => {
    expect(parseByteSize('analyze', 'max-bytes', '10MB')).toBe(10 * 1024 * 1024);
    expect(parseByteSize('analyze', 'max-bytes', '500kB')).toBe(500 * 1024);
    const run = await cli(['analyze', 'plain.txt', 'article.md', '--max-bytes', '290']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('parallax: article.md: 291 bytes is over the size limit of 290 bytes');
  });

  it('shows a progress bar only for five or more inputs on a terminal', () => {
    expect(shouldShowProgress(5, true)).toBe(true);
    expect(shouldShowProgress(4, true)).toBe(false);
    expect(shouldShowProgress(50, false)).toBe(false);
    expect(shouldShowProgress(50, undefined)).toBe(false);
  });
});
