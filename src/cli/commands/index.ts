import type { CommandEntry } from './command.js';

/** The CLI commands by name; add a command with one line: `name: { summary, load: () => import('./name.js') }`. */
export const commands: Readonly<Record<string, CommandEntry>> = {
  analyze: { summary: 'analyze the articles of one story into a report', load: () => import('./analyze.js') },
  batch: {
    summary: 'analyze many stories from a JSON Lines file, one report a line',
    load: () => import('./batch.js'),
  },
  cluster: { summary: 'group a JSON Lines stream of articles into stories', load: () => import('./cluster.js') },
  extract: { summary: 'print the cleaned text and metadata of each article', load: () => import('./extract.js') },
  ingest: { summary: 'add feeds or articles to the stream once and cluster them', load: () => import('./ingest.js') },
  serve: { summary: 'serve the HTTP API and the web page over a story library', load: () => import('./serve.js') },
  start: { summary: 'analyze the sample story, store it and serve its page', load: () => import('./start.js') },
  stories: { summary: 'print every story of a library with its article ids', load: () => import('./stories.js') },
  watch: { summary: 'poll feeds, ingest, cluster and analyze until stopped', load: () => import('./watch.js') },
};
