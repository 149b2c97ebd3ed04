// The web reader in Chromium, on the real server: time to interactive of a story page (navigation to the first screen
// built and painted, then to every section built), for the seed story, a 50-article story (the first 50 Coronavirus
// articles of the AllSides stream in ../shared/eval/clustering, built at bench time) and a story holding the largest
// accepted article (about 4.9 MB of real article bodies from ../shared/eval/extraction, repeated), and the time of a
// citation jump (click to the cited words highlighted, focused and painted) on that article: the first one fetches
// the article's text (the page loads the report without texts), the others use it. Target: any stored story
// interactive in under 1 s. PARALLAX_BENCH_WEB_BIG_BYTES sets the large article's size (0 skips it); its analysis
// alone takes minutes.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Agent, fetch as undiciFetch } from 'undici';
import { openSqliteStoryRepository } from '../../src/engine/storage/sqlite-story-repository.js';
import { AnalysisPool } from '../../src/engine/workers/analysis-pool.js';
import { createApp } from '../../src/server/app.js';
import { startServer } from '../../src/server/start-server.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, buildWebPage } from '../../test/helpers/browser.js';
import { repeatToBytes, seedArticles } from '../lib/seed-articles.js';

const SHARED = process.env.PARALLAX_SHARED ?? resolve(import.meta.dirname, '..', '..', '..', 'shared');
const BIG_BYTES = Number(process.env.PARALLAX_BENCH_WEB_BIG_BYTES ?? 4_900_000);
const WARM_RUNS = 5;
/** Analysing the largest article takes minutes: the request waits as long as it needs. */
const patient = new Agent({ headersTimeout: 0, bodyTimeout: 0 });

interface StoryInput {
  name: string;
  title: string;
  articles: { text: string; outlet?: string; url?: string; publishedAt?: string; title?: string }[];
}

function seedStory(): StoryInput | null {
  const seeds = seedArticles();
  if (!seeds) return null;
  return { name: 'seed story (5 articles)', title: 'Seed story', articles: seeds.map((s) => ({ text: s.text })) };
}

function fiftyStory(): StoryInput | null {
  const file = join(SHARED, 'eval', 'clustering', 'allsides-stream-2021-apr-jul.jsonl');
  if (!existsSync(file)) return null;
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(
      (line) =>
        JSON.parse(line) as { topic: string; outlet: string; url: string; date: string; title: string; text: string },
    )
    .filter((r) => r.topic === 'Coronavirus')
    .slice(0, 50);
  return {
    name: '50-article story',
    title: 'Fifty Coronavirus articles',
    articles: rows.map((r) => ({
      text: `${r.title}\n\n${r.text}`,
      outlet: r.outlet,
      url: r.url,
      publishedAt: r.date,
      title: r.title,
    })),
  };
}

/** Real article bodies repeated to `bytes` of UTF-8 (under the 5 MB limit of one input), beside one seed article. */
function bigStory(bytes: number): StoryInput | null {
  const file = join(SHARED, 'eval', 'extraction', 'ground-truth.json');
  const seeds = seedStory();
  if (bytes <= 0 || !existsSync(file) || !seeds) return null;
  const truth = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { articleBody: string }>;
  const bodies = Object.values(truth)
    .map((v) => v.articleBody.trim())
    .filter((b) => b.length > 500);
  let text = repeatToBytes(bodies, bytes);
  while (Buffer.byteLength(text) > bytes) text = text.slice(0, text.lastIndexOf('\n\n'));
  return {
    name: `largest article (${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB) + 1 seed`,
    title: 'Largest accepted article',
    articles: [{ text, outlet: 'Long Read' }, seeds.articles[0]!],
  };
}

async function create(base: string, story: StoryInput): Promise<{ id: string; ms: number }> {
  const t = performance.now();
  const res = await undiciFetch(`${base}/api/stories`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: story.title, articles: story.articles }),
    dispatcher: patient,
  });
  const body = (await res.json()) as { story?: { id: string; articleCount: number }; error?: { message: string } };
  if (!body.story) throw new Error(`${story.name}: ${res.status} ${body.error?.message ?? ''}`);
  if (body.story.articleCount !== story.articles.length) {
    throw new Error(`${story.name}: only ${body.story.articleCount} of ${story.articles.length} articles were read`);
  }
  return { id: body.story.id, ms: performance.now() - t };
}

/**
 * One page load, in ms from navigation start: the report loaded and parsed, the first screen built and painted (the
 * page's own marks), and every section built.
 */
async function load(page: Page, id: string): Promise<{ loaded: number; interactive: number; complete: number }> {
  await page.goto('about:blank');
  await page.goto(`/#/stories/${id}`);
  await page.waitForSelector('main[data-story]', { timeout: 120_000 });
  const complete = await page.evaluate(() => performance.now());
  const mark = (name: string): Promise<number> =>
    page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN, name);
  return {
    loaded: await mark('parallax:story-loaded'),
    interactive: await mark('parallax:story-interactive'),
    complete,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function pageTimes(browser: Browser, base: string, name: string, id: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cold = await load(page, id);
  const warm: Awaited<ReturnType<typeof load>>[] = [];
  for (let i = 0; i < WARM_RUNS; i++) warm.push(await load(page, id));
  const f = (n: number): string => n.toFixed(0).padStart(6);
  console.log(
    `${name.padEnd(40)} cold ${f(cold.interactive)} ms (report ${f(cold.loaded)}, all ${f(cold.complete)})  ` +
      `warm median ${f(median(warm.map((w) => w.interactive)))} ms (report ${f(median(warm.map((w) => w.loaded)))}, all ${f(median(warm.map((w) => w.complete)))})`,
  );
  return page;
}

/**
 * Ms from a click on a chip to the cited words highlighted, focused and painted, over chips far apart: the first jump
 * (which fetches the article's text) and the median and maximum of the others.
 */
async function jumpTimes(
  page: Page,
  articleId: string,
): Promise<{ first: number; median: number; max: number; jumps: number }> {
  const times = await page.evaluate(async (id) => {
    const chips = [...document.querySelectorAll<HTMLButtonElement>('button.chip')].filter(
      (c) => c.dataset.article === id && !c.disabled,
    );
    const byStart = chips.sort((a, b) => Number(a.dataset.start) - Number(b.dataset.start));
    // Alternate the farthest chips so that every jump renders a new window of the text.
    const picks = [byStart.at(-1), byStart[0], byStart.at(-2), byStart[1], byStart.at(-1), byStart[0]].filter(
      (c): c is HTMLButtonElement => c !== undefined,
    );
    const out: number[] = [];
    for (const chip of picks) {
      (document.activeElement as HTMLElement | null)?.blur();
      const t = performance.now();
      chip.click();
      // The jump is done when the cited words have focus and no text is on its way, in a painted frame.
      // (No named function in here: the bundler would wrap it in a helper the page does not have.)
      do {
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        if (performance.now() - t > 120_000) throw new Error('the jump did not reach the cited words');
      } while (!document.activeElement?.matches('mark.cited') || document.querySelector('.source[aria-busy="true"]'));
      out.push(performance.now() - t);
    }
    return out;
  }, articleId);
  const rest = times.slice(1);
  return { first: times[0] ?? NaN, median: median(rest), max: Math.max(...rest), jumps: rest.length };
}

/** Prints the reader's times to interactive and citation-jump times. */
export default async function (): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    console.log(`skipped: no chromium at ${CHROMIUM_PATH}`);
    return;
  }
  const stories = [seedStory(), fiftyStory(), bigStory(BIG_BYTES)].filter((s): s is StoryInput => s !== null);
  if (stories.length === 0) {
    console.log(`skipped: no stories to build from ${SHARED}`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'parallax-bench-web-'));
  const webRoot = join(dir, 'web');
  await buildWebPage(webRoot);
  const repo = openSqliteStoryRepository({ path: join(dir, 'bench.db') });
  // The default budgets but time: the largest article takes minutes to analyse.
  const pool = new AnalysisPool({ jobTimeoutMs: 3_600_000 });
  const server = await startServer(createApp({ repo, pool, webRoot, logError: () => undefined }), { port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    console.log(
      `Chromium 1280×800, ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)}; warm = median of ${WARM_RUNS}`,
    );
    for (const story of stories) {
      const { id, ms } = await create(server.url, story);
      const size = async (query: string): Promise<string> =>
        (Buffer.byteLength(await (await undiciFetch(`${server.url}/api/stories/${id}${query}`)).text()) / 1e6).toFixed(
          1,
        );
      console.log(
        `${story.name}: analysed in ${(ms / 1000).toFixed(1)} s, report ${await size('')} MB, ` +
          `without article texts (what the page loads) ${await size('?texts=0')} MB`,
      );
      const page = await pageTimes(browser, server.url, `  time to interactive`, id);
      if (story.title === 'Largest accepted article') {
        const report = (await (await undiciFetch(`${server.url}/api/stories/${id}`)).json()) as {
          report: { articles: { id: string; text: string }[] };
        };
        const largest = report.report.articles.reduce((a, b) => (b.text.length > a.text.length ? b : a));
        const jump = await jumpTimes(page, largest.id);
        console.log(
          `  citation jump in the ${(largest.text.length / 1e6).toFixed(1)}M-character article: first (fetches its text) ` +
            `${jump.first.toFixed(0)} ms, then median ${jump.median.toFixed(0)} ms, max ${jump.max.toFixed(0)} ms ` +
            `over ${jump.jumps} jumps`,
        );
      }
      await page.context().close();
    }
  } finally {
    await browser.close();
    await server.close();
    await pool.close();
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
