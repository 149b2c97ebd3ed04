/**
 * Loads the article-extraction benchmark pages from the shared data folder (`<shared>/eval/extraction/`): the
 * gzipped HTML of each page, its true article body and URL, and the stored baselines' outputs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** One benchmark page. */
export interface ExtractionPage {
  id: string;
  url: string;
  html: string;
  truth: string;
}

/** The shared data folder beside the repository, or `PARALLAX_SHARED` when set. */
export const SHARED_DIR =
  process.env.PARALLAX_SHARED ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared');

/** The extraction benchmark folder. */
export const EXTRACTION_DIR = join(SHARED_DIR, 'eval', 'extraction');

/** True when the benchmark data is present. */
export function hasExtractionPages(): boolean {
  return existsSync(join(EXTRACTION_DIR, 'ground-truth.json'));
}

type BodyFile = Record<string, { articleBody?: string; url?: string }>;

function readJson(path: string): BodyFile {
  return JSON.parse(readFileSync(path, 'utf8')) as BodyFile;
}

/** Reads every benchmark page (sorted by id), decompressing its HTML. */
export function loadExtractionPages(): ExtractionPage[] {
  const truth = readJson(join(EXTRACTION_DIR, 'ground-truth.json'));
  return Object.keys(truth)
    .sort()
    .map((id) => ({
      id,
      url: truth[id]?.url ?? '',
      truth: truth[id]?.articleBody ?? '',
      html: gunzipSync(readFileSync(join(EXTRACTION_DIR, 'html', `${id}.html.gz`))).toString('utf8'),
    }));
}

/** Reads a stored baseline (`readability_js` or `trafilatura`) as id -> extracted body. */
export function loadBaseline(name: string): Map<string, string> {
  const data = readJson(join(EXTRACTION_DIR, 'baselines', `${name}.json`));
  return new Map(Object.entries(data).map(([id, v]) => [id, v.articleBody ?? '']));
}

/** The true bodies as id -> text. */
export function truthMap(pages: ExtractionPage[]): Map<string, string> {
  return new Map(pages.map((p) => [p.id, p.truth]));
}
