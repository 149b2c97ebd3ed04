import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: { root: string; version: string } | null = null;

/** The installed Parallax package: its root folder and version (found by walking up from this file). */
export function parallaxPackage(): { root: string; version: string } {
  if (cached) return cached;
  // The root is two levels up from src/engine and three from dist/src/engine.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'parallax' && pkg.version) return (cached = { root: dir, version: pkg.version });
    } catch {
      // No package.json at this level: keep walking up.
    }
    dir = dirname(dir);
  }
  throw new Error('the parallax package.json was not found above ' + fileURLToPath(import.meta.url));
}
