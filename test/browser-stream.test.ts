/**
 * The stream in the web reader (issue 10), in chromium on the real server over a library the real stream filled from
 * fictional feeds on a local site: the front page (outlets, lean split, lead entities, newest and biggest first), a
 * story's articles in arrival order with why they belong together, what changed in an article edited in place, the
 * feeds page (add, list with state, remove; behind the token dialog too), a merged story's old id, and the report
 * served without article texts (each text fetched when wanted). Screenshots at 1280 and 390 px land in
 * test-results/screenshots/.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteLibrary, type SqliteLibrary } from '../src/engine/storage/open-sqlite-library.js';
import { addSources } from '../src/engine/stream/add-sources.js';
import { StreamWatcher } from '../src/engine/stream/stream-watcher.js';
import { AnalysisPool } from '../src/engine/workers/analysis-pool.js';
import {
  CHROMIUM_PATH,
  screenshot,
  screenshotOf,
  serveLibrary,
  startRig,
  storeStory,
  textsSettled,
  watchForProblems,
  type BrowserRig,
  type ExtraServer,
} from './helpers/browser.js';
import { BRIDGE_OPTIONS, BRIDGED_STORIES } from './helpers/cluster-fixtures.js';
import { FictionSite } from './helpers/fiction-site.js';
import { wideReport } from './helpers/browser-wide-fixture.js';
import {
  FICTION_RATINGS,
  editFirstInPlace,
  itemsOf,
  localStreamOptions,
  publish,
  serveFeed,
  type Published,
} from './helpers/stream-world.js';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const TOKEN = 'a-long-enough-test-token';

/** Interactive elements smaller than 24 × 24 px (WCAG 2.5.8). */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main button, main select, main summary, main .sort-option')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.width < 23.5 || r.height < 23.5);
      })
      .map((el) => `${el.tagName}.${el.className} ${(el.textContent ?? '').slice(0, 30)}`),
  );
}

function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

async function runStream(library: SqliteLibrary, pool: AnalysisPool, options = {}): Promise<void> {
  const watcher = await StreamWatcher.open({
    repo: library.stream,
    pool,
    options: localStreamOptions({ reportMinArticles: 2, schedule: { intervalMs: 1 }, ...options }),
  });
  await watcher.runOnce();
  await watcher.close();
}

describe.skipIf(!existsSync(CHROMIUM_PATH))('the stream in the web reader (issue 10)', () => {
  const site = new FictionSite();
  let pool: AnalysisPool;
  let rig: BrowserRig;
  let pages: Published[];
  /** The story of three outlets (one of its articles edited in place) and the one of two. */
  let big = '';
  let small = '';
  let merged: { library: SqliteLibrary; server: ExtraServer; oldId: string; storyId: string };

  beforeAll(async () => {
    await site.start();
    pool = new AnalysisPool({ workers: 1 });
    rig = await startRig({ ratings: FICTION_RATINGS, pool });
    const stream = rig.library.stream;
    pages = [
      ...publish(site, [0], [0, 1, 2]),
      ...publish(site, [1], [0, 3], { published: '2024-05-01T11:00:00Z' }),
      ...publish(site, [2], [4], { published: '2024-05-01T12:00:00Z' }),
    ];
    serveFeed(site, '/feed.xml', itemsOf(pages));
    await addSources([site.url('/feed.xml'), site.url('/gone.xml')], { repo: stream, cwd: rig.dir, now: Date.now() });
    await runStream(rig.library, pool);
    // The first article is edited in place: a figure changes, a sentence is added, the headline changes.
    editFirstInPlace(site, '/feed.xml', pages);
    await runStream(rig.library, pool);
    const bySize = await stream.listStreamStories({ sort: 'size', limit: 10, offset: 0 });
    big = bySize.stories[0]!.id;
    small = bySize.stories[1]!.id;
    // A story as big as can be but updated long ago: newest first and biggest first differ.
    await storeStory(rig.library, 'wide', {
      report: wideReport(),
      createdAt: '2020-01-01T00:00:00.000Z',
      updatedAt: '2020-01-02T00:00:00.000Z',
    });

    // Two stories that a third article bridges, in a library of their own (thresholds for this small case).
    const library = openSqliteLibrary({ path: join(rig.dir, 'merged.db') });
    const file = join(rig.dir, 'bridged.jsonl');
    writeFileSync(file, BRIDGED_STORIES.map((d) => JSON.stringify(d)).join('\n'));
    await addSources([file], { repo: library.stream, cwd: rig.dir, now: Date.now() });
    await runStream(library, pool, { cluster: BRIDGE_OPTIONS, articleConcurrency: 1, reportMinArticles: 1 });
    const bridge = (await library.stream.getArticle('bridge'))!;
    const detail = (await library.stream.getStreamStory(bridge.storyId))!;
    merged = {
      library,
      server: await serveLibrary(rig, library, { pool }),
      oldId: detail.mergedFrom[0]!,
      storyId: bridge.storyId,
    };
  }, 180_000);

  afterAll(async () => {
    await merged?.server.close();
    await merged?.library.close();
    await rig?.close();
    await pool?.close();
    await site.stop();
  });

  async function open(
    viewport: { width: number; height: number },
    base = rig.baseUrl,
  ): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await rig.browser.newContext({ baseURL: base, viewport });
    const page = await context.newPage();
    return { context, page, problems: watchForProblems(page) };
  }

  describe('the front page', () => {
    it('lists the current stories with outlets, lean split, lead entities and last update, newest or biggest first', async () => {
      const { context, page, problems } = await open(DESKTOP);
      await page.goto('/#/');
      await page.waitForSelector('.story-list');
      const ids = (): Promise<string[]> =>
        page
          .locator('.story-item .story-link')
          .evaluateAll((links) => links.map((a) => decodeURIComponent(a.getAttribute('href')!.split('/')[2]!)));
      expect(await ids()).toEqual([big, small, 'wide']);
      const first = page.locator('.story-item').first();
      expect(await first.locator('.story-outlets').textContent()).toContain('3 outlets: Harbor Ledger');
      expect(await first.locator('.story-outlets .lean-words').textContent()).toBe('Left 1 · Lean left 1 · Right 1');
      expect(await first.locator('.lean-segment').count()).toBe(3);
      expect(await first.locator('.story-entities .entity-tag').count()).toBeGreaterThan(0);
      expect(await first.locator('.story-lede').textContent()).not.toBe('');
      expect(await first.locator('.story-meta').textContent()).toMatch(
        /^3 articles · updated .* · found in the feeds$/,
      );
      const second = page.locator('.story-item').nth(1);
      expect(await second.locator('.lean-words').textContent()).toBe('Left 1 · not rated 1');
      expect(await page.locator('.sort-option[aria-current="true"]').textContent()).toBe('Newest');
      await screenshot(page, 'front-page-1280');
      await page.click('.sort-option:has-text("Biggest")');
      await page.waitForSelector('.sort-option[aria-current="true"]:has-text("Biggest")');
      expect(await ids()).toEqual(['wide', big, small]);
      expect(await page.locator('.results h2').textContent()).toContain('the biggest first');
      expect(problems).toEqual([]);
      await context.close();
    });

    it('fits a phone', async () => {
      const { context, page } = await open(PHONE);
      await page.goto('/#/?sort=size');
      await page.waitForSelector('.story-list');
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      expect(await smallTargets(page)).toEqual([]);
      await screenshot(page, 'front-page-390');
      await context.close();
    });
  });

  describe('a story the stream found', () => {
    async function openStory(
      viewport: { width: number; height: number },
      id = big,
    ): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
      const opened = await open(viewport);
      await opened.page.goto(`/#/stories/${id}/members`);
      await opened.page.waitForSelector('#members .member');
      return opened;
    }

    it('lists its articles in arrival order, each with why it belongs there, the numbers on demand', async () => {
      const { context, page, problems } = await openStory(DESKTOP);
      expect(await page.locator('.toc a[href$="/members"]').textContent()).toBe('Arrivals3');
      const members = page.locator('#members .member');
      expect(await members.count()).toBe(3);
      expect(await members.evaluateAll((els) => els.map((e) => e.getAttribute('data-decision')))).toEqual([
        'started',
        'joined',
        'joined',
      ]);
      const reasons = await page.locator('#members .member-reason').allTextContents();
      expect(reasons[0]).toMatch(/^It started this story/);
      for (const reason of reasons.slice(1)) {
        expect(reason).toMatch(/^It joined: it names .+; its words are \d+% alike the story’s/);
      }
      const numbers = members.nth(1).locator('details.reason-numbers');
      await numbers.locator('summary').click();
      expect(await numbers.locator('dt').allTextContents()).toContain('Joined story: similarity');
      expect(await numbers.locator('dd').first().textContent()).toMatch(/^0\.\d{3}$/);
      // An article of the report opens in the sources.
      await members.first().locator('button:has-text("Read it here")').click();
      await textsSettled(page);
      expect(await page.locator('.source-toggle[aria-expanded="true"]').count()).toBe(1);
      expect(problems).toEqual([]);
      await screenshot(page, 'stream-story-members-1280');
      await context.close();
    });

    it('shows what changed in an article edited in place', async () => {
      const { context, page, problems } = await openStory(DESKTOP);
      const edited = page.locator('#members .member', { has: page.locator('details.member-changes') });
      expect(await edited.count()).toBe(1);
      expect(await edited.locator('.member-when').textContent()).toContain('edited: 2 versions');
      await edited.locator('details.member-changes summary').click();
      const diff = edited.locator('.version-diff');
      await diff.waitFor();
      expect(await diff.locator('.diff-sides').textContent()).toMatch(
        /^From version 1 .* to version 2 .*: 1 sentence added, 1 reworded, \d+ unchanged\.$/,
      );
      expect(await diff.locator('.diff-headline ins').textContent()).toMatch(/as crews add crossings$/);
      expect(await diff.locator('.diff-added ins').allTextContents()).toEqual([
        'added: Two extra crossings were added for the evening.',
      ]);
      expect(await diff.locator('.diff-changed .diff-after').textContent()).toContain('4,321 passengers');
      expect(await diff.locator('.diff-values').first().textContent()).toContain('4,321');
      expect(problems).toEqual([]);
      await screenshot(page, 'stream-story-diff-1280');
      await screenshotOf(page.locator('#members'), 'stream-story-members-section-1280');
      await context.close();
    });

    it('fits a phone, with the reasons and the diff', async () => {
      const { context, page } = await openStory(PHONE);
      await page.locator('#members details.member-changes summary').click();
      await page.locator('#members .version-diff').waitFor();
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      expect(await smallTargets(page)).toEqual([]);
      await screenshot(page, 'stream-story-members-390');
      await screenshotOf(page.locator('#members'), 'stream-story-members-section-390');
      await context.close();
    });

    it('has no arrivals on the page of a story made by hand', async () => {
      const { context, page } = await open(DESKTOP);
      await page.goto('/#/stories/wide');
      await page.waitForSelector('main[data-story="wide"]');
      expect(await page.locator('#members').count()).toBe(0);
      expect(await page.locator('.toc a[href$="/members"]').count()).toBe(0);
      await context.close();
    });
  });

  describe('the report without texts', () => {
    it('loads the report without article texts and fetches each text once, when it is wanted', async () => {
      const { context, page } = await open(DESKTOP);
      const requests: string[] = [];
      page.on('request', (r) => {
        if (r.url().includes('/api/stories/')) requests.push(new URL(r.url()).pathname + new URL(r.url()).search);
      });
      const light = page.waitForResponse((r) => r.url().includes(`/api/stories/${big}?texts=0`));
      await page.goto(`/#/stories/${big}`);
      await page.waitForSelector(`main[data-story="${big}"]`);
      const body = (await (await light).json()) as { report: { articles: Record<string, unknown>[] } };
      expect(body.report.articles.every((a) => !('text' in a) && !('sentences' in a) && !('removed' in a))).toBe(true);
      expect(body.report.articles.every((a) => typeof a.textLength === 'number')).toBe(true);
      const texts = (): string[] => requests.filter((r) => r.includes('/articles/'));
      expect(texts()).toEqual([]);
      // A chip's passage is fetched on hover, once; opening that article's source uses what came.
      const chip = page.locator('#summary .cite').first();
      const articleId = (await chip.locator('.chip').getAttribute('data-article'))!;
      await chip.hover();
      await page.waitForFunction(
        () => document.querySelector('#summary .cite [role="tooltip"] mark')?.textContent !== undefined,
      );
      expect(await chip.locator('[role="tooltip"] mark').textContent()).not.toBe('');
      expect(texts()).toEqual([`/api/stories/${big}/articles/${encodeURIComponent(articleId)}`]);
      await chip.locator('.chip').click();
      await textsSettled(page);
      expect(await page.locator('mark.cited').count()).toBeGreaterThan(0);
      expect(texts()).toHaveLength(1);
      // Another article's text comes when its source is opened.
      const other = page.locator(`.source:not([data-article="${articleId}"]) .source-toggle`).first();
      await other.click();
      await textsSettled(page);
      expect(texts()).toHaveLength(2);
      await context.close();
    });
  });

  describe('the feeds page', () => {
    it('lists the feeds with their state, adds one and removes one', async () => {
      const { context, page, problems } = await open(DESKTOP);
      await page.goto('/#/feeds');
      await page.waitForSelector('.feed-list');
      const feeds = page.locator('.feed');
      expect(await feeds.count()).toBe(2);
      const working = page.locator('.feed-ok');
      expect(await working.locator('.feed-title').textContent()).toBe('Fiction feed');
      expect(await working.locator('.feed-state').textContent()).toContain('6 stored · 0 waiting · 0 given up');
      expect(await working.locator('.feed-state dt').allTextContents()).toEqual([
        'Last success',
        'Next poll',
        'Articles',
      ]);
      const failing = page.locator('.feed-failing');
      expect(await failing.locator('.feed-status').textContent()).toBe('failing (2 times)');
      expect(await failing.locator('.feed-error').textContent()).toMatch(/404/);
      expect(await page.locator('.feeds-list h2').textContent()).toBe('2 feeds, 1 failing');
      // A bad address: the server's answer is shown at the field.
      await page.fill('#feed-url', 'ftp://files.example/feed.xml');
      await page.click('.feed-form button[type="submit"]');
      await page.waitForSelector('.feed-form .form-error:not([hidden])');
      expect(await page.locator('.feed-form .form-error').textContent()).toContain('not an http(s) address');
      expect(await page.getAttribute('#feed-url', 'aria-invalid')).toBe('true');
      await page.fill('#feed-url', site.url('/new-feed.xml'));
      await page.fill('#feed-title', 'New feed');
      await page.click('.feed-form button[type="submit"]');
      await page.waitForFunction(() => document.querySelectorAll('.feed').length === 3);
      expect(await page.locator('p.success[role="status"]').textContent()).toBe(
        `Following ${site.url('/new-feed.xml')}.`,
      );
      const added = page.locator('.feed', { hasText: 'New feed' });
      expect(await added.locator('.feed-status').textContent()).toBe('not polled yet');
      await screenshot(page, 'feeds-1280');
      page.once('dialog', (dialog) => void dialog.accept());
      await added.locator('button.danger').click();
      await page.waitForFunction(() => document.querySelectorAll('.feed').length === 2);
      expect((await rig.library.stream.listFeeds()).map((f) => f.url)).not.toContain(site.url('/new-feed.xml'));
      expect(problems).toEqual([]);
      await context.close();
    });

    it('fits a phone', async () => {
      const { context, page } = await open(PHONE);
      await page.goto('/#/feeds');
      await page.waitForSelector('.feed-list');
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      expect(await smallTargets(page)).toEqual([]);
      await screenshot(page, 'feeds-390');
      await context.close();
    });

    it('asks for the access token of a server that has one', async () => {
      const guarded = await serveLibrary(rig, rig.library, { token: TOKEN, pool });
      const { context, page } = await open(DESKTOP, guarded.url);
      await page.goto('/#/feeds');
      await page.waitForSelector('dialog.token-dialog');
      await page.fill('#access-token', TOKEN);
      await page.click('dialog.token-dialog button[type="submit"]');
      await page.waitForSelector('.feed-list');
      expect(await page.locator('.feed').count()).toBe(2);
      await context.close();
      await guarded.close();
    });
  });

  describe('a merged story', () => {
    it('opens the story an old id was merged into, and says so', async () => {
      const { context, page, problems } = await open(DESKTOP, merged.server.url);
      await page.goto(`/#/stories/${merged.oldId}`);
      await page.waitForSelector(`main[data-story="${merged.storyId}"]`);
      expect(await page.evaluate(() => location.hash)).toBe(`#/stories/${merged.storyId}`);
      expect(await page.locator('.merged-notice').textContent()).toContain('merged into this one');
      await page.click('.toc a[href$="/members"]');
      await page.waitForSelector('#members .member');
      expect(await page.locator('#members .member[data-decision="merged"] .member-reason').textContent()).toMatch(
        /^It joined and brought another story into it/,
      );
      expect(await page.locator('#members .section-intro').textContent()).toContain('1 story found apart');
      expect(problems).toEqual([]);
      await screenshot(page, 'merged-story-1280');
      await context.close();
    });
  });
});
