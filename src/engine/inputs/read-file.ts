import { readFile, stat } from 'node:fs/promises';
import { fileKind } from './detect-format.js';
import { fsReason } from './fs-reason.js';
import { formatBytes } from './options.js';
import { fileId, readNamedBytes, unsupportedExtension } from './read-named-bytes.js';
import { failureResult, type InputResult } from './result.js';

/** How one file is read: the size limit, and whether a file Parallax wrote is skipped (files found in folders). */
export interface FileReadOptions {
  maxBytes: number;
  skipOwnOutput?: boolean;
}

/** Reads one file on disk; `source` is the path as the user wrote it. The size is checked before reading. */
export async function readFileInput(path: string, source: string, options: FileReadOptions): Promise<InputResult> {
  const kind = fileKind(path);
  if (!kind) return unsupportedExtension(source);
  try {
    const info = await stat(path);
    if (!info.isFile()) return failureResult(source, 'not-a-file', `${source}: not a regular file`);
    if (info.size > options.maxBytes) {
      const message = `${source}: ${formatBytes(info.size)} is over the size limit of ${formatBytes(options.maxBytes)}`;
      return failureResult(source, 'too-large', message);
    }
    const bytes = await readFile(path);
    const skip = options.skipOwnOutput ? { skipOwnOutput: true } : {};
    return readNamedBytes({ source, bytes, kind, id: fileId(path), ...skip }, options);
  } catch (error) {
    return fileSystemFailure(source, error);
  }
}

/** Turns a file-system error into a failure naming the input ("no such file or folder", "permission denied"). */
export function fileSystemFailure(source: string, error: unknown): InputResult {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return failureResult(source, 'not-found', `${source}: no such file or folder`);
  }
  if (code === 'EACCES' || code === 'EPERM') return failureResult(source, 'unreadable', `${source}: permission denied`);
  return failureResult(source, 'unreadable', `${source}: cannot be read (${fsReason(error)})`);
}
