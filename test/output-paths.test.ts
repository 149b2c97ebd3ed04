import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markOutput, ownOutputKind } from '../src/engine/inputs/own-output.js';
import { outputPathProblem, writeFileAtomic } from '../src/engine/inputs/output-path.js';
import { readInputs } from '../src/engine/inputs/read-inputs.js';
import { runInProcess } from './helpers/cli-io.js';

const dir = mkdtempSync(join(tmpdir(), 'parallax-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Three short invented reports of one event.
const ARTICLES = {
  'courier.txt':
    'The old mill on Canal Street burned down on Sunday night. Firefighters said the blaze started in the roof.\n\n' +
    'Nobody was inside, Fire Chief Ana Reyes said. The mill had been empty since 2019.',
  'gazette.txt':
    'A fire destroyed the empty Canal Street mill late on Sunday. "The roof went first," Fire Chief Ana Reyes said.\n\n' +
    'The building was due to become flats next year, the council said.',
  'herald.txt':
    'Crews fought a fire at the disused mill on Canal Street for six hours on Sunday night.\n\n' +
    'Chief Ana Reyes said nobody was hurt. The cause is under investigation.',
};

const story = join(dir, 'story');
beforeAll(() => {
  mkdirSync(story);
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(story, name), text);
});

const cli = (args: string[]) => runInProcess(args, dir);

describe('analyze --out inside the input folder', () => {
  it('gives the same report when run twice: its own earlier report is not read as an article', async () => {
    const first = await cli(['analyze', 'story', '--format', 'json', '--out', 'story/report.json']);
    expect(first.code).toBe(0);
    const before = readFileSync(join(story, 'report.json'), 'utf8');
    const second = await cli(['analyze', 'story', '--format', 'json', '--out', 'story/report.json']);
    expect(second.code).toBe(0);
    expect(second.stderr).toMatch(/story\/report\.json: skipped \(the output file of this run\)/);
    expect(readFileSync(join(story, 'report.json'), 'utf8')).toBe(before);
    expect((JSON.parse(before) as { story: { articleCount: number } }).story.articleCount).toBe(3);
  });

  it('skips every kind of Parallax output found in an input folder, with a note naming it', async () => {
    for (const [format, out] of [
      ['md', 'story/report.md'],
      ['html', 'story/report.html'],
    ]) {
      expect((await cli(['analyze', 'story', '--format', format!, '--out', out!])).code).toBe(0);
    }
    expect((await cli(['extract', 'story', '--out', 'story/extract.jsonl'])).code).toBe(0);
    expect((await cli(['extract', 'story/courier.txt', '--out', 'story/one.json'])).code).toBe(0);
    expect((await cli(['extract', 'story', '--format', 'text', '--out', 'story/extract.txt'])).code).toBe(0);
    const read = await readInputs(['story'], { cwd: dir });
    expect(read.articles.map((a) => a.id)).toEqual(['courier', 'gazette', 'herald']);
    expect(read.notes.map((n) => [n.source, n.code])).toEqual(
      ['extract.jsonl', 'extract.txt', 'one.json', 'report.html', 'report.json', 'report.md'].map((name) => [
        join('story', name),
        'skipped-own-output',
      ]),
    );
    // Named on its own (not found in a folder), an extract output is read: its documents are articles again.
    const named = await readInputs(['story/extract.jsonl'], { cwd: dir });
    expect(named.articles).toHaveLength(3);
  });
});

describe('--out is checked before any work', () => {
  it('refuses to overwrite an input, and leaves the input as it was', async () => {
    const input = join(story, 'courier.txt');
    for (const command of ['analyze', 'extract']) {
      const run = await cli([command, 'story/courier.txt', 'story/gazette.txt', '--out', 'story/courier.txt']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/the output story\/courier\.txt is also the input story\/courier\.txt/);
    }
    expect(readFileSync(input, 'utf8')).toBe(ARTICLES['courier.txt']);
  });

  it('names the path and the reason for a folder, a missing folder and a file in the way', async () => {
    const cases: [string, RegExp][] = [
      ['story', /cannot write story: it is a folder/],
      ['missing/report.md', /cannot write missing\/report\.md: the folder missing does not exist/],
      ['story/courier.txt/report.md', /cannot write story\/courier\.txt\/report\.md: .*not a folder/],
    ];
    for (const [out, message] of cases) {
      const run = await cli(['analyze', 'story/herald.txt', '--out', out]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });

  it('replaces the file whole and leaves no temporary file behind', async () => {
    const path = join(dir, 'whole.md');
    writeFileSync(path, 'old');
    chmodSync(path, 0o640);
    await writeFileAtomic(path, 'new text');
    expect(readFileSync(path, 'utf8')).toBe('new text');
    expect(readdirSync(dir).filter((n) => n.includes('whole.md'))).toEqual(['whole.md']);
    await expect(writeFileAtomic(join(dir, 'missing', 'x.md'), 'text')).rejects.toThrow(/ENOENT/);
  });

  it('accepts a new file, an existing output and a device', async () => {
    for (const out of ['new.md', 'whole.md', '/dev/null']) {
      expect(await outputPathProblem({ out, inputs: ['story'], cwd: dir })).toBeNull();
    }
  });
});

describe('generator markers', () => {
  it('are recognised in each output format and nowhere else', () => {
    expect(ownOutputKind(markOutput('# Title\n', 'md', '1.2.3'))).toBe('a Parallax output');
    const html = markOutput('<!doctype html>\n<html><head><title>x</title></head></html>', 'html', '1.2.3');
    expect(html).toContain('<head><meta name="generator" content="parallax 1.2.3">');
    expect(ownOutputKind(html)).toBe('a Parallax report');
    expect(ownOutputKind('{\n  "schemaVersion": 1,\n  "generator": {\n    "name": "parallax"')).toBe(
      'a Parallax report',
    );
    expect(ownOutputKind('{"generator":{"name":"parallax","version":"1"},"id":"a"}')).toBe('a Parallax extract output');
    expect(ownOutputKind('{"id":"s1","error":"line 1: not valid JSON"}\n')).toBe('a Parallax batch output');
    // Articles that talk about generators, or quote a marker inside their text, are articles.
    for (const text of [
      'The generator at the plant failed. <!-- generator: parallax --> was printed on a sign.',
      '{"text": "{\\"generator\\": {\\"name\\": \\"parallax\\"}}", "title": "Odd"}',
      '<html><head><meta name="generator" content="WordPress 6.1"></head></html>',
      '{"id":"a","text":"The error was fixed."}\n',
    ]) {
      expect(ownOutputKind(text)).toBeNull();
    }
  });
});

describe('paths of batch and serve', () => {
  it('batch names a folder given as input or output, and a missing input, without a stack trace', async () => {
    writeFileSync(join(dir, 'stories.jsonl'), '');
    const cases: [string[], number, RegExp][] = [
      [['batch', 'story'], 1, /story is a folder: give a stories file/],
      [['batch', 'stories.jsonl', '--out', 'story'], 2, /cannot write story: it is a folder/],
      [['batch', 'nothing.jsonl'], 1, /no such file: nothing\.jsonl/],
      [['batch', 'stories.jsonl', '--out', 'stories.jsonl'], 2, /also the input/],
      [['batch', 'stories.jsonl', '--resume'], 2, /--resume needs --out/],
    ];
    for (const [args, code, message] of cases) {
      const run = await cli(args);
      expect(run.stderr).toMatch(message);
      expect(run.code).toBe(code);
      expect(run.stderr).not.toMatch(/internal error/);
    }
  });

  it('serve names the library path and the reason: a folder, not a database, a file in the way', async () => {
    writeFileSync(join(dir, 'notes.db'), 'these are notes, not a database');
    const cases: [string, RegExp][] = [
      ['story', /cannot open the story library .*story: it is a folder; give a file, e\.g\. --db .*parallax\.db/],
      ['notes.db', /cannot open the story library .*notes\.db: the file is not a SQLite database/],
      ['story/courier.txt/lib.db', /cannot open the story library .*lib\.db: .*courier\.txt is a file, not a folder/],
    ];
    for (const [db, message] of cases) {
      const run = await cli(['serve', '--db', db, '--port', '0']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/internal error/);
    }
    expect(existsSync(join(dir, 'story', 'parallax.db'))).toBe(false);
  });
});
