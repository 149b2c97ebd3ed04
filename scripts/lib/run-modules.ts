import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Imports every `.ts` module of a folder in alphabetical order (or only those named in `only`) and hands each to
 * `run` with its name: the one loop behind `npm run bench` and `npm run golden`.
 */
export async function runModulesIn<M>(
  dir: string,
  only: readonly string[],
  run: (name: string, module: M) => Promise<void>,
): Promise<void> {
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort()) {
    const name = file.replace(/\.ts$/, '');
    if (only.length > 0 && !only.includes(name)) continue;
    await run(name, (await import(pathToFileURL(join(dir, file)).href)) as M);
  }
}
