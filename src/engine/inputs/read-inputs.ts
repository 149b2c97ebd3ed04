import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { articleFromObject, type ArticleObject } from './article-object.js';
import { assignUniqueIds } from './assign-unique-ids.js';
import { isUrl, readUrl } from './read-url.js';
import { listFolder } from './list-folder.js';
import { realPaths } from './output-path.js';
import { resolveInputOptions, type InputOptions, type ResolvedInputOptions } from './options.js';
import { fileSystemFailure, readFileInput } from './read-file.js';
import { readStdin, STDIN_SOURCE } from './read-stdin.js';
import { emptyResult, failureResult, mergeResults, type InputResult } from './result.js';

/** One input: a path (file or folder), a URL, `-` for standard input, or an article object. */
export type InputSpec = string | ArticleObject;

/** One unit of reading work, after folders are expanded. */
type Task =
  | { kind: 'file'; path: string; source: string; inFolder: boolean }
  | { kind: 'url'; url: string }
  | { kind: 'stdin' }
  | { kind: 'object'; value: ArticleObject; source: string }
  | { kind: 'done'; result: InputResult };

/**
 * Reads all inputs of one story into raw articles, failures and notes, in input order (folders sorted). Never throws
 * for bad input: each bad input is a failure naming it and the reason. Ids are made unique across the story.
 */
export async function readInputs(inputs: readonly InputSpec[], options: InputOptions = {}): Promise<InputResult> {
  const settings = resolveInputOptions(options);
  const exclude = new Set(await realPaths(options.exclude ?? [], settings.cwd));
  const planned = await Promise.all(inputs.map((input, i) => plan(input, i, settings, exclude)));
  const tasks = dropRepeatedStdin(planned.flat());
  const total = tasks.filter((t) => t.kind !== 'done').length;
  const results: InputResult[] = [];
  let done = 0;
  for (const task of tasks) {
    results.push(await run(task, settings));
    if (task.kind === 'done') continue;
    done++;
    options.onInput?.({ done, total, source: taskSource(task) });
  }
  const merged = mergeResults(results);
  return { ...merged, articles: assignUniqueIds(merged.articles) };
}

/** Reads article objects given as data (library calls, HTTP bodies); entry `i` is named `input#<i+1>`. */
export function readArticleObjects(objects: readonly unknown[], options: { maxBytes?: number } = {}): InputResult {
  const { maxBytes } = resolveInputOptions(options);
  const result = emptyResult();
  objects.forEach((value, i) => {
    const read = articleFromObject(value, { source: `input#${i + 1}`, maxBytes });
    if (read.ok) result.articles.push(read.value);
    else result.failures.push(read.failure);
  });
  return { ...result, articles: assignUniqueIds(result.articles) };
}

async function plan(
  input: InputSpec,
  index: number,
  settings: ResolvedInputOptions,
  exclude: ReadonlySet<string>,
): Promise<Task[]> {
  if (typeof input !== 'string') return [{ kind: 'object', value: input, source: `input#${index + 1}` }];
  if (input === '-') return [{ kind: 'stdin' }];
  if (isUrl(input)) return [{ kind: 'url', url: input }];
  if (input.trim() === '') return [done(failureResult('(empty)', 'not-found', 'an input path is empty'))];
  const path = resolve(settings.cwd, input);
  try {
    if (!(await stat(path)).isDirectory()) return [{ kind: 'file', path, source: input, inFolder: false }];
    const { files, notes } = await listFolder(path, input, exclude);
    const noteTask = done({ ...emptyResult(), notes });
    if (files.length === 0) {
      return [noteTask, done(failureResult(input, 'empty-folder', `${input}: the folder holds no supported files`))];
    }
    return [noteTask, ...files.map((f): Task => ({ kind: 'file', path: f.path, source: f.source, inFolder: true }))];
  } catch (error) {
    return [done(fileSystemFailure(input, error))];
  }
}

async function run(task: Task, settings: ResolvedInputOptions): Promise<InputResult> {
  switch (task.kind) {
    case 'done':
      return task.result;
    case 'file':
      // A file found in a folder may be an earlier report of this story: skipped. A file named by the user is read.
      return readFileInput(task.path, task.source, { maxBytes: settings.maxBytes, skipOwnOutput: task.inFolder });
    case 'url':
      return readUrl(task.url, settings);
    case 'object': {
      const read = articleFromObject(task.value, { source: task.source, maxBytes: settings.maxBytes });
      return read.ok ? { ...emptyResult(), articles: [read.value] } : { ...emptyResult(), failures: [read.failure] };
    }
    case 'stdin':
      return readStdin(settings.stdin ?? process.stdin, settings);
  }
}

/** Standard input can be read once; a second `-` would silently read nothing, so it is a failure. */
function dropRepeatedStdin(tasks: readonly Task[]): Task[] {
  let seen = false;
  return tasks.map((task) => {
    if (task.kind !== 'stdin') return task;
    if (!seen) {
      seen = true;
      return task;
    }
    return done(failureResult(STDIN_SOURCE, 'duplicate-input', `${STDIN_SOURCE}: "-" is given more than once`));
  });
}

function done(result: InputResult): Task {
  return { kind: 'done', result };
}

function taskSource(task: Exclude<Task, { kind: 'done' }>): string {
  if (task.kind === 'stdin') return STDIN_SOURCE;
  if (task.kind === 'url') return task.url;
  return task.source;
}
