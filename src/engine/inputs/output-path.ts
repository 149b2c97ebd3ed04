import { randomBytes } from 'node:crypto';
import { chmod, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fsReason } from './fs-reason.js';
import { isUrl } from './read-url.js';

/** Where an output goes and what the same run reads. */
export interface OutputCheck {
  /** The output path as the user wrote it (named in messages). */
  out: string;
  /** The inputs of the run: paths (files or folders), URLs and `-`; only paths are compared. */
  inputs: readonly string[];
  /** Base folder of relative paths. */
  cwd: string;
}

/**
 * Why the output path cannot be written by a run that reads `inputs`, or null when it can: a folder, a missing
 * folder, or the same file as one of the inputs (an output never overwrites an input). An output inside an input
 * folder is fine: folder listings leave it out (see `InputOptions.exclude`).
 */
export async function outputPathProblem(check: OutputCheck): Promise<string | null> {
  const { out, cwd } = check;
  const path = resolve(cwd, out);
  const state = await pathState(path);
  if (state.kind === 'error') return `cannot write ${out}: ${fsReason(state.error)}`;
  if (state.kind === 'missing') return parentProblem(out, path);
  if (state.info.isDirectory()) return `cannot write ${out}: it is a folder; give a file name for the output`;
  for (const input of check.inputs) {
    if (input === '-' || isUrl(input) || input.trim() === '') continue;
    const other = await pathState(resolve(cwd, input));
    if (other.kind === 'found' && other.info.isFile() && sameFile(state.info, other.info)) {
      return `the output ${out} is also the input ${input}: refusing to overwrite an input`;
    }
  }
  return null;
}

/** The real path of each existing path (for leaving outputs out of folder listings); missing ones are dropped. */
export async function realPaths(paths: readonly string[], cwd: string): Promise<string[]> {
  const found = await Promise.all(paths.map((p) => realpath(resolve(cwd, p)).catch(() => null)));
  return found.filter((p): p is string => p !== null);
}

/**
 * Writes a whole file so that a reader (or a crash) sees the old content or the new one, never half of it: the text
 * goes to a hidden temporary file beside it, which is then renamed over it. Devices and pipes (`/dev/stdout`) are
 * written directly. Throws the file-system error; the temporary file is removed on failure.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const state = await pathState(path);
  const existing = state.kind === 'found' ? state.info : null;
  if (existing && !existing.isFile()) {
    await writeFile(path, text, 'utf8');
    return;
  }
  // Through a link, the file it names is replaced, not the link.
  const target = existing ? await realpath(path) : path;
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    if (existing) await chmod(temp, existing.mode & 0o7777);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

async function parentProblem(out: string, path: string): Promise<string | null> {
  const parent = await pathState(dirname(path));
  const shown = dirname(out);
  if (parent.kind === 'missing') return `cannot write ${out}: the folder ${shown} does not exist`;
  if (parent.kind === 'error') return `cannot write ${out}: ${fsReason(parent.error)}`;
  return parent.info.isDirectory() ? null : `cannot write ${out}: ${shown} is not a folder`;
}

/** What is at a path: a file or folder, nothing, or an error other than "not found". */
export type PathState = { kind: 'found'; info: Stats } | { kind: 'missing' } | { kind: 'error'; error: unknown };

/** Looks at a path without throwing. */
export async function pathState(path: string): Promise<PathState> {
  try {
    return { kind: 'found', info: await stat(path) };
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { kind: 'missing' } : { kind: 'error', error };
  }
}
