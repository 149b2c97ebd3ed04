/**
 * The fuzzer's seed corpus: the articles in the shared data folder (seed articles, extraction benchmark pages, NeuS
 * and PolNeAR texts), named by reference so that a saved regression case holds a name and mutations, never the
 * article itself. Without the shared folder, a few invented texts stand in.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { SHARED_DIR } from '../lib/extraction-pages.js';

/**
 * A corpus entry by name: `seed:<file>`, `page:<id>`, `neus:<line>:<article>`, `quote:<line>`, `fiction:<n>`, or
 * `fixture:<path>` (a file of the repository's own invented test fixtures, under `test/fixtures`).
 */
export type CorpusRef = string;

/** The names of the corpus entries, by kind: plain texts and HTML pages. */
export interface CorpusIndex {
  texts: CorpusRef[];
  pages: CorpusRef[];
}

/** How many NeuS stories and PolNeAR articles are taken (the first ones of the validation and dev splits). */
const NEUS_STORIES = 40;
const QUOTE_ARTICLES = 30;

const SEEDS_DIR = join(SHARED_DIR, 'seeds');
const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test', 'fixtures');
const EXTRACTION_HTML = join(SHARED_DIR, 'eval', 'extraction', 'html');
const NEUS_FILE = join(SHARED_DIR, 'eval', 'neus', 'val.jsonl');
const QUOTES_FILE = join(SHARED_DIR, 'eval', 'quotes', 'polnear-dev.jsonl');

/** Invented stand-ins, used when the shared data folder is absent (and always as small texts). */
const FICTION = [
  'The ferry to Marlow Island resumed on Sunday after storms kept it in port for three days, the operator said.\n\n' +
    '"We are glad to be back," captain Ines Walde told reporters. About 1,200 passengers were stranded.',
  '<html><head><title>Bridge closed</title><meta property="article:published_time" content="2024-03-05"></head>' +
    '<body><article><h1>Bridge closed</h1><p>Officials closed the Elm Street bridge on Tuesday.</p>' +
    '<p>Inspectors found cracks in two beams, the city said.</p></article></body></html>',
  '# Council votes on budget\n\nThe council approved a budget of $4.5 million on Monday by 7 votes to 2.\n\n' +
    '* Parks get more money\n* Roads get less',
];

let cachedIndex: CorpusIndex | null = null;

/** The corpus names (listed once per process). */
export function corpusIndex(): CorpusIndex {
  cachedIndex ??= buildIndex();
  return cachedIndex;
}

function buildIndex(): CorpusIndex {
  const fiction = FICTION.map((_, i) => `fiction:${i}`);
  if (!existsSync(SEEDS_DIR)) return { texts: fiction, pages: fiction };
  const seeds = readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => `seed:${f}`);
  const pages = existsSync(EXTRACTION_HTML)
    ? readdirSync(EXTRACTION_HTML)
        .filter((f) => f.endsWith('.html.gz'))
        .sort()
        .map((f) => `page:${f.slice(0, -'.html.gz'.length)}`)
    : [];
  const neus = existsSync(NEUS_FILE)
    ? Array.from({ length: NEUS_STORIES }, (_, i) => [0, 1, 2].map((a) => `neus:${i}:${a}`)).flat()
    : [];
  const quotes = existsSync(QUOTES_FILE) ? Array.from({ length: QUOTE_ARTICLES }, (_, i) => `quote:${i}`) : [];
  return { texts: [...seeds, ...neus, ...quotes, ...fiction], pages: [...pages, ...fiction] };
}

/** The repository's invented fixtures in a folder of `test/fixtures` (e.g. `feeds`), as corpus names, sorted. */
export function fixtureRefs(folder: string): CorpusRef[] {
  return readdirSync(join(FIXTURES_DIR, folder))
    .sort()
    .map((file) => `fixture:${folder}/${file}`);
}

const texts = new Map<CorpusRef, string>();

/** The text of a corpus entry (read on first use, then kept); an unknown name is an error of the caller. */
export function corpusText(ref: CorpusRef): string {
  let text = texts.get(ref);
  if (text === undefined) {
    text = loadText(ref);
    texts.set(ref, text);
  }
  return text;
}

function loadText(ref: CorpusRef): string {
  const [kind, ...rest] = ref.split(':');
  const name = rest.join(':');
  switch (kind) {
    case 'fiction':
      return FICTION[Number(name)] ?? FICTION[0]!;
    case 'seed':
      return readFileSync(join(SEEDS_DIR, name), 'utf8');
    case 'fixture':
      return readFileSync(join(FIXTURES_DIR, name), 'utf8');
    case 'page':
      return gunzipSync(readFileSync(join(EXTRACTION_HTML, `${name}.html.gz`))).toString('utf8');
    case 'neus': {
      const [line, article] = name.split(':').map(Number) as [number, number];
      const story = JSON.parse(jsonLine(NEUS_FILE, line)) as { articles: { text?: string }[] };
      return story.articles[article]?.text ?? '';
    }
    case 'quote':
      return (JSON.parse(jsonLine(QUOTES_FILE, Number(name))) as { text?: string }).text ?? '';
    default:
      throw new Error(`unknown corpus entry ${ref}`);
  }
}

const fileLines = new Map<string, string[]>();

function jsonLine(path: string, index: number): string {
  let lines = fileLines.get(path);
  if (!lines) {
    lines = readFileSync(path, 'utf8').split('\n');
    fileLines.set(path, lines);
  }
  return lines[index] ?? '{}';
}
