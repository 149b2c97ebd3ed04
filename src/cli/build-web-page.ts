import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './errors.js';
import type { CliIo } from './io.js';

/** Vite's build function, as far as this module uses it. */
export type ViteBuild = (config: { configFile: string; logLevel: 'warn' }) => Promise<unknown>;

/**
 * Imports Vite, a development dependency: a checkout after `npm ci` has it; an installed package does not need it
 * (its `web/dist` is built before packing). Null when it is not installed.
 */
export async function importVite(): Promise<ViteBuild | null> {
  try {
    const vite = await import('vite');
    return vite.build as ViteBuild;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') return null;
    throw error;
  }
}

/**
 * Builds the web page (`web/dist`) with Vite when its sources are there and the build is not. Without Vite the build
 * cannot be made: a clear error says how to get it, instead of a server whose page only says it is not built.
 */
export async function buildWebPageIfMissing(options: {
  /** The package root, which holds `web/`. */
  root: string;
  io: CliIo;
  /** How Vite is loaded (tests stand in for a machine without it). */
  loadVite?: () => Promise<ViteBuild | null>;
}): Promise<void> {
  const { root, io, loadVite = importVite } = options;
  const web = join(root, 'web');
  if (existsSync(join(web, 'dist', 'index.html')) || !existsSync(join(web, 'index.html'))) return;
  const build = await loadVite();
  if (!build) {
    throw new CliError(
      `the web page is not built (${join(web, 'dist')}) and Vite, which builds it, is not installed: ` +
        'run `npm ci` and then `npm run build:web` in the Parallax folder, or `parallax serve` for the API alone',
    );
  }
  io.stderr.write('parallax: building the web page (web/dist)...\n');
  await build({ configFile: join(web, 'vite.config.ts'), logLevel: 'warn' });
}
