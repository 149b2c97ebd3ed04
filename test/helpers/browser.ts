/**
 * Helpers of the browser tests: build the web page once with Vite's API, start the real Parallax server (createApp
 * over a temporary SQLite library, with its stream and optional outlet ratings) on 127.0.0.1 with a random port,
 * store fixture reports in its library, and drive Debian's chromium with playwright-core.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { build } from 'vite';
import type { RawArticle, Report } from '../../src/core/model.js';
import type { RatingsIndex } from '../../src/core/stream/coverage-split.js';
import { openSqliteLibrary, type SqliteLibrary } from '../../src/engine/storage/open-sqlite-library.js';
import type { AnalysisPool } from '../../src/engine/workers/analysis-pool.js';
import { createApp, startServer } from '../../src/server/index.js';
import { REPO_ROOT } from './shared.js';

/** Where screenshots go (git-ignored; CI keeps them as artifacts). */
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');

/** The chromium the machine provides (Debian package). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags that keep chromium headless and off the (closed) network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A desktop and a phone viewport. */
export const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

/** Everything a browser test run needs, and how to tear it down. */
export interface BrowserRig {
  baseUrl: string;
  browser: Browser;
  /** The server's library (stories and stream), to fill before pages are opened. */
  library: SqliteLibrary;
  /** The temporary folder of this run (removed on close). */
  dir: string;
  /** The built web page. */
  webRoot: string;
  close(): Promise<void>;
}

/** A second server of a rig (another library, a token): its address and how to stop it. */
export interface ExtraServer {
  url: string;
  close(): Promise<void>;
}

/** Starts another real server on the rig's built page, over `library` (which the caller closes). */
export async function serveLibrary(
  rig: BrowserRig,
  library: SqliteLibrary,
  options: { token?: string; ratings?: RatingsIndex; pool?: AnalysisPool } = {},
): Promise<ExtraServer> {
  const app = createApp({
    repo: library.stories,
    stream: library.stream,
    webRoot: rig.webRoot,
    logError: () => undefined,
    ...options,
  });
  const server = await startServer(app, { host: '127.0.0.1', port: 0 });
  return { url: server.url, close: () => server.close() };
}

/** How to start a rig. */
export interface RigOptions {
  /** Outlet ratings the server has (`--ratings`): stories then carry their coverage by lean. */
  ratings?: RatingsIndex;
  /** The pool the server analyzes on (default: its own). */
  pool?: AnalysisPool;
  /** A library to serve instead of a fresh one (the rig closes it). */
  library?: (dir: string) => SqliteLibrary | Promise<SqliteLibrary>;
}

/**
 * Builds the web page into a fresh temporary folder (so a test run never races another process reading `web/dist`)
 * and returns that folder.
 */
export async function buildWebPage(outDir: string): Promise<void> {
  await build({
    configFile: join(REPO_ROOT, 'web', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

/**
 * Builds the page, starts the real server over a temporary SQLite library (stories and stream), and launches
 * chromium.
 */
export async function startRig(options: RigOptions = {}): Promise<BrowserRig> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-browser-'));
  const webRoot = join(dir, 'web');
  await buildWebPage(webRoot);
  const library = options.library ? await options.library(dir) : openSqliteLibrary({ path: join(dir, 'stories.db') });
  const app = createApp({
    repo: library.stories,
    stream: library.stream,
    webRoot,
    logError: () => undefined,
    ...(options.ratings ? { ratings: options.ratings } : {}),
    ...(options.pool ? { pool: options.pool } : {}),
  });
  const server = await startServer(app, { host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    baseUrl: server.url,
    browser,
    library,
    dir,
    webRoot,
    async close() {
      await browser.close();
      await server.close();
      await library.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Messages a page logged that mean the CSP blocked something, plus uncaught errors. */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) problems.push(`csp: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

/** Saves a full-page screenshot under `test-results/screenshots/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Waits until no article of the sources is still fetching its text (a jump or an opened article waits for it). */
export async function textsSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.source[aria-busy="true"]') === null);
}

/** The text of every highlighted (cited) piece of the source view, joined in page order, once the texts arrived. */
export async function highlightedText(page: Page): Promise<string> {
  await textsSettled(page);
  return page.evaluate(() => [...document.querySelectorAll('mark.cited')].map((m) => m.textContent ?? '').join(''));
}

/** Presses every "show more" button inside `selector` (they are built on demand), until none is left. */
export async function expandAllIn(page: Page, selector: string): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const buttons = page.locator(`${selector} [data-expand]`);
    if ((await buttons.count()) === 0) return;
    await buttons.first().click();
  }
}

/** A fixture report to store as a story of the rig's library. */
export interface StoredFixture {
  report: Report;
  createdAt?: string;
  updatedAt?: string;
}

/** The raw articles a report was read from, as near as the report tells (its cleaned texts as plain text). */
function rawArticlesOf(report: Report): RawArticle[] {
  return report.articles.map((a) => ({
    id: a.id,
    source: a.source,
    format: 'text',
    content: a.text,
    meta: {
      ...(a.title ? { title: a.title } : {}),
      ...(a.url ? { url: a.url } : {}),
      ...(a.outlet ? { outlet: a.outlet } : {}),
    },
  }));
}

/**
 * Stores a fixture report as the story `id` of the library (replacing one stored before), so that the real server
 * serves it: the list with its digest, the report without texts, each article's text, the coverage by lean.
 */
export async function storeStory(library: SqliteLibrary, id: string, fixture: StoredFixture): Promise<void> {
  await library.stories.deleteStory(id);
  const createdAt = fixture.createdAt ?? '2025-03-08T12:00:00.000Z';
  await library.stories.createStory({
    id,
    title: fixture.report.story.title ?? id,
    fingerprint: `fixture:${id}`,
    createdAt,
    referenceDate: fixture.report.story.referenceDate,
    articles: rawArticlesOf(fixture.report),
    analysis: { report: fixture.report, generatedAt: createdAt },
  });
  if (fixture.updatedAt) {
    await library.stories.replaceAnalysis({
      storyId: id,
      expectedRevision: 0,
      updatedAt: fixture.updatedAt,
      analysis: { report: fixture.report, generatedAt: fixture.updatedAt },
    });
  }
}

/** Screenshot of one element (a section, a panel) under `test-results/screenshots/<name>.png`. */
export async function screenshotOf(locator: Locator, name: string): Promise<void> {
  await locator.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Viewport screenshot (the first screen) under `test-results/screenshots/<name>.png`. */
export async function screenshotFirstScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}
