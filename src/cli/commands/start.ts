import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readInputs } from '../../engine/inputs/index.js';
import { parallaxPackage } from '../../engine/package-root.js';
import type { StoryRecord, StoryRepository } from '../../engine/storage/story-repository.js';
import { StoryService, fingerprintArticles } from '../../engine/stories.js';
import { packageVersion } from '../../engine/version.js';
import { AnalysisPool } from '../../engine/workers/analysis-pool.js';
import { buildWebPageIfMissing } from '../build-web-page.js';
import { CliError, UsageError } from '../errors.js';
import type { CliIo } from '../io.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { printProblems } from '../print-problems.js';
import { openLibrary } from '../open-library.js';
import type { Command } from './command.js';
import {
  SERVER_HELP,
  SERVER_OPTIONS,
  announce,
  listen,
  runUntilStopped,
  serverApp,
  serverSettings,
  type ServerSettings,
} from './serve.js';

const help = `Usage: parallax start [FOLDER] [options]

The quick start: reads the articles in FOLDER (default: the sample story, examples/sample-story), analyzes them and
stores the story in the library (skipped when the same articles are stored already), builds the web page if it is
not built, serves it on 127.0.0.1 (or --host, which then needs --token) and prints the address of the story page.

Options:
${SERVER_HELP}
  -h, --help             show this help
`;

/** The stored story with exactly these articles, or a new one made from them. */
async function importFolder(
  folder: string,
  settings: ServerSettings,
  stores: { repo: StoryRepository; pool: AnalysisPool },
  io: CliIo,
) {
  const { repo, pool } = stores;
  const read = await readInputs([folder], { cwd: io.cwd, ...pick(settings.limits) });
  printProblems(io, read.failures, read.notes);
  if (read.articles.length === 0) throw new CliError(`no article could be read from ${folder}`);
  const service = new StoryService({ repo, pool, version: packageVersion(), limits: settings.limits });
  const stored: StoryRecord | null = await service.findByFingerprint(fingerprintArticles(read.articles));
  if (stored) {
    io.stderr.write(`parallax: "${stored.title}" is already in the library, unchanged\n`);
    return stored;
  }
  const created = await service.createFromArticles(read.articles, read.failures);
  io.stderr.write(`parallax: analyzed and stored "${created.story.title}" (${created.story.articleCount} articles)\n`);
  return created.story;
}

function pick(limits: ServerSettings['limits']): { maxBytes?: number; fetchTimeoutMs?: number } {
  return {
    ...(limits.maxArticleBytes ? { maxBytes: limits.maxArticleBytes } : {}),
    ...(limits.fetchTimeoutMs ? { fetchTimeoutMs: limits.fetchTimeoutMs } : {}),
  };
}

const command: Command = {
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('start', argv, SERVER_OPTIONS);
    if (positionals.length > 1) throw new UsageError('give at most one folder', 'start');
    const settings = serverSettings('start', values, io);
    const root = parallaxPackage().root;
    const folder = positionals[0] ? resolve(io.cwd, positionals[0]) : join(root, 'examples', 'sample-story');
    if (!existsSync(folder)) throw new CliError(`the folder ${folder} does not exist`);
    await buildWebPageIfMissing({ root, io });
    const library = await openLibrary(settings.dbPath, io);
    const pool = new AnalysisPool({ ...settings.pool, lowPriority: true });
    try {
      const story = await importFolder(folder, settings, { repo: library.stories, pool }, io);
      // The default port may be taken by another program: any free port will do for the quick start.
      const app = serverApp(library, pool, settings);
      const server = await listen(app, settings).catch((error: unknown) =>
        values.port === undefined ? listen(app, { ...settings, port: 0 }) : Promise.reject(error),
      );
      announce(io, settings);
      io.stdout.write(`Parallax is running. Open the story: ${server.url}/#/stories/${story.id}\n`);
      io.stdout.write('(Ctrl-C stops the server)\n');
      return await runUntilStopped(server, pool, () => library.close());
    } catch (error) {
      await pool.close();
      await library.close();
      throw error;
    }
  },
};

export default command;
