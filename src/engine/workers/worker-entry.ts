import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** Where a worker thread starts: the worker module's URL and the Node options it needs to load it. */
export interface WorkerEntry {
  filename: string;
  execArgv: string[];
}

/**
 * The analysis worker's entry, next to this module. Run from the TypeScript sources (under tsx or vitest), the entry is
 * a `.ts` file and the worker loads it through tsx's loader, named by its absolute URL so that it resolves from any
 * current folder; run from the build, it is plain JavaScript and needs nothing.
 */
export function analysisWorkerEntry(): WorkerEntry {
  const fromSources = import.meta.url.endsWith('.ts');
  const filename = new URL(`./analysis-worker.${fromSources ? 'ts' : 'js'}`, import.meta.url).href;
  if (!fromSources) return { filename, execArgv: [] };
  const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { filename, execArgv: ['--import', tsxLoader] };
}
