// End-to-end stream throughput per article: fictional feeds and article pages served by a local HTTP server (in this
// process), polled, parsed, each page fetched and read on the worker pool, checked for duplicates and wire copy,
// clustered and stored in a fresh SQLite library, as `parallax ingest` does (reports of stories are left out: they are
// debounced, and their cost is the analysis benchmark's). Also the same articles carried whole by a JSON Lines stream
// (no fetch). Figures: wall-clock articles/s with the default workers, and CPU time per article of the whole process
// (main thread, workers and the local server together), from which the articles a day a 2-core machine sustains
// follow (target: 1M a day, 12/s). 150 fictional events of five kinds, four outlets each, ten feeds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteLibrary } from '../../src/engine/storage/open-sqlite-library.js';
import { addSources } from '../../src/engine/stream/add-sources.js';
import { StreamWatcher } from '../../src/engine/stream/stream-watcher.js';
import { AnalysisPool } from '../../src/engine/workers/analysis-pool.js';
import { FictionSite } from '../../test/helpers/fiction-site.js';
import { fictionArticle, fictionEvent } from '../../test/helpers/stream-fiction.js';
import { itemsOf, localStreamOptions, publish, serveFeed } from '../../test/helpers/stream-world.js';
import { cpuMs } from '../lib/cpu-time.js';

const EVENTS = 150;
const OUTLETS = 4;
const FEEDS = 10;
/** Each round of five events (one of each kind) four days after the last: events of a kind a round apart are apart. */
const dateOf = (event: number, outlet: number): string =>
  new Date(
    Date.UTC(2024, 4, 1) + Math.floor(event / 5) * 4 * 86_400_000 + (event % 5) * 3_600_000 + outlet * 60_000,
  ).toISOString();

/**
 * Runs the stream over a fresh library: the sources added, then one pass per round (`beforeRound` changes what the
 * feeds list, as a day's news does); returns wall and CPU time and what was stored.
 */
async function ingest(
  pool: AnalysisPool,
  dir: string,
  name: string,
  sources: string[],
  rounds = 1,
  beforeRound: (round: number) => void = () => undefined,
) {
  const library = openSqliteLibrary({ path: join(dir, `${name}.db`) });
  // The workers start before the clock does (they load the language models once per process).
  await pool.readArticles([
    { id: 'warm', source: 'warm', format: 'text', content: 'A warm-up text. '.repeat(20), meta: {} },
  ]);
  const startWall = performance.now();
  const startCpu = cpuMs();
  await addSources(sources, { repo: library.stream, cwd: dir, now: Date.now() });
  const watcher = await StreamWatcher.open({
    repo: library.stream,
    pool,
    // Every pass polls every feed again (the feeds change from round to round).
    options: localStreamOptions({ articleConcurrency: 16, schedule: { intervalMs: 1 } }),
  });
  for (let round = 0; round < rounds; round++) {
    beforeRound(round);
    await watcher.runOnce();
  }
  await watcher.close();
  const wallMs = performance.now() - startWall;
  const cpu = cpuMs() - startCpu;
  const stories = (await library.stream.listAllStories()).length;
  const articles = watcher.counters.newArticles;
  await library.close();
  return { wallMs, cpu, articles, stories, failures: watcher.counters.articleFailures, polls: watcher.counters.polls };
}

function report(label: string, r: Awaited<ReturnType<typeof ingest>>, workers: number): void {
  const perSecond = r.articles / (r.wallMs / 1000);
  const cpuPerArticle = r.cpu / r.articles;
  const perDay2Cores = (2 * 86_400_000) / cpuPerArticle;
  console.log(
    `${label.padEnd(34)} ${r.articles} articles in ${r.stories} stories (${r.polls} polls, ${r.failures} failed), ` +
      `${workers} worker(s): ` +
      `${perSecond.toFixed(1)} articles/s wall, ${cpuPerArticle.toFixed(1)} ms CPU per article ` +
      `-> a 2-core machine sustains ~${(perDay2Cores / 1e6).toFixed(2)}M articles/day (${(perDay2Cores / 86_400).toFixed(0)}/s; target 12/s)`,
  );
}

/** The end-to-end stream benchmark. */
export default async function streamBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-stream-'));
  const site = new FictionSite();
  await site.start();
  const pool = new AnalysisPool();
  try {
    const events = Array.from({ length: EVENTS }, (_, i) => i);
    const outlets = Array.from({ length: OUTLETS }, (_, i) => i);
    const pages = publish(site, events, outlets, { dateOf });
    // Round r's news (five events, one of each kind) is published on day 4r; each feed lists the last two rounds, as
    // feeds list the latest items, so that every poll also sees items it already knows.
    const rounds = Math.ceil(EVENTS / 5);
    const roundOf = (p: (typeof pages)[number]) => Math.floor(p.article.event.n / 5);
    const publishRound = (round: number) => {
      const listed = pages.filter((p) => roundOf(p) === round || roundOf(p) === round - 1);
      for (let f = 0; f < FEEDS; f++)
        serveFeed(site, `/feed-${f}.xml`, itemsOf(listed.filter((_, i) => i % FEEDS === f)));
    };
    publishRound(0);
    const feeds = Array.from({ length: FEEDS }, (_, f) => site.url(`/feed-${f}.xml`));
    report(
      `feeds + pages (fetch, read, store)`,
      await ingest(pool, dir, 'pages', feeds, rounds, publishRound),
      pool.settings.workers,
    );

    const lines = events.flatMap((e) =>
      outlets.map((o) => {
        const a = fictionArticle(fictionEvent(e), o);
        const date = dateOf(e, o);
        return JSON.stringify({
          id: `j${e}-${o}`,
          outlet: a.outlet.name,
          date,
          title: a.title,
          text: a.paragraphs.join('\n\n'),
        });
      }),
    );
    writeFileSync(join(dir, 'stream.jsonl'), lines.join('\n'));
    report(
      'JSON Lines articles (read, store)',
      await ingest(pool, dir, 'jsonl', ['stream.jsonl']),
      pool.settings.workers,
    );
  } finally {
    await pool.close();
    await site.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
