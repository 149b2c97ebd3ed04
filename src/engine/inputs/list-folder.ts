import { readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { fileKind } from './detect-format.js';
import type { InputNote } from './result.js';

/** A supported file found in a folder: its path on disk and its name for messages (the folder as given + path). */
export interface FolderEntry {
  path: string;
  source: string;
}

/**
 * Lists the supported files in a folder and its subfolders, sorted by path. Unsupported files become info notes;
 * hidden entries (names starting with a dot) are skipped silently; folders reached twice through links are skipped;
 * `exclude` (real paths: the run's own output file) is left out with a note.
 */
export async function listFolder(
  folder: string,
  source: string,
  exclude: ReadonlySet<string> = new Set(),
): Promise<{ files: FolderEntry[]; notes: InputNote[] }> {
  const files: FolderEntry[] = [];
  const notes: InputNote[] = [];
  const seen = new Set<string>();
  async function walk(dir: string, shown: string): Promise<void> {
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.'));
    for (const entry of entries.sort((a, b) => compareNames(a.name, b.name))) {
      const path = join(dir, entry.name);
      const name = join(shown, entry.name);
      if (exclude.has(join(real, entry.name))) {
        notes.push({ source: name, code: 'skipped-output', message: `${name}: skipped (the output file of this run)` });
      } else if (entry.isDirectory() || (entry.isSymbolicLink() && (await isFolder(path)))) await walk(path, name);
      else if (fileKind(entry.name)) files.push({ path, source: name });
      else
        notes.push({ source: name, code: 'skipped-unsupported', message: `${name}: skipped (unsupported file type)` });
    }
  }
  await walk(folder, source);
  return { files, notes };
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await readdir(path)) !== null;
  } catch {
    return false;
  }
}
