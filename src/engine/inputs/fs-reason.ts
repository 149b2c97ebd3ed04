/** The reason of a file-system error in words, for messages that name the path ("permission denied"). */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = code ? REASONS[code] : undefined;
  if (reason) return reason;
  const message = error instanceof Error ? error.message : String(error);
  // Node's messages repeat the path after the reason ("EIO: i/o error, read '/x'"): the caller names the path.
  return message.replace(/,\s*\w+\s+'[^']*'(?:\s*->\s*'[^']*')?$/, '');
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EBUSY: 'the file is busy',
  EEXIST: 'it already exists',
  EFBIG: 'the file is too large',
  EIO: 'an input/output error',
};
