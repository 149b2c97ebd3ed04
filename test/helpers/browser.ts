/**
 * Helpers of the browser tests: build the web page once with Vite's API, start the real Parallax server (createApp
 * over a temporary SQLite library) on 127.0.0.1 with a random port, and drive Debian's chromium with playwright-core.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Report } from '../../src/core/model.js';
import { openSqliteStoryRepository } from '../../src/engine/storage/sqlite-story-repository.js';
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
  close(): Promise<void>;
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

/** Builds the page, starts the real server over a temporary SQLite library, and launches chromium. */
export async function startRig(): Promise<BrowserRig> {
  const dir = mkdtempSync(join(tmpdir(), 'parallax-browser-'));
  const webRoot = join(dir, 'web');
  await buildWebPage(webRoot);
  const repo = openSqliteStoryRepository({ path: join(dir, 'stories.db') });
  const server = await startServer(createApp({ repo, webRoot, logError: () => undefined }), {
    host: '127.0.0.1',
    port: 0,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    baseUrl: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await repo.close();
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

/** The text of every highlighted (cited) piece of the source view, joined in page order. */
export function highlightedText(page: Page): Promise<string> {
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

/** What `serveStory` answers for `GET /api/stories/:id`. */
export interface ServedStory {
  report: Report;
  /** The coverage by lean a server with ratings adds. */
  coverage?: unknown;
  updatedAt?: string;
}

/** Answers the story API for `id` with a given report (the rest of the API stays the real server's). */
export async function serveStory(page: Page, id: string, served: ServedStory): Promise<void> {
  const story = {
    id,
    title: served.report.story.title,
    articleCount: served.report.articles.length,
    createdAt: '2025-03-08T12:00:00Z',
    updatedAt: served.updatedAt ?? '2025-03-08T12:00:00Z',
  };
  const body = JSON.stringify({
    story,
    report: served.report,
    ...(served.coverage ? { coverage: served.coverage } : {}),
  });
  await page.route(`**/api/stories/${encodeURIComponent(id)}`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
}

/** Viewport screenshot (the first screen) under `test-results/screenshots/<name>.png`. */
export async function screenshotFirstScreen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}
