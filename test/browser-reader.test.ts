/**
 * The story page as a reader uses it (issue 14), in chromium on the real server: the seed story at a glance (first
 * screen at 1280×800, page height), a story of 50 invented outlets (coverage strip with leans, the matrix at scale,
 * quotes, timeline, framing), a very long article in the sources, the contents bar, the loading state, and the story
 * list with search. Screenshots at 1280 and 390 px land in test-results/screenshots/.
 */
import { existsSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_PATH,
  expandAllIn,
  highlightedText,
  screenshot,
  screenshotFirstScreen,
  startRig,
  storeStory,
  watchForProblems,
  type BrowserRig,
} from './helpers/browser.js';
import { fixtureReport } from './helpers/browser-fixture.js';
import { LONG_ID, longReport } from './helpers/browser-long-fixture.js';
import {
  ONE_SIDE_FACT_IDS,
  WIDE_OUTLETS,
  wideOutlet,
  wideRatings,
  wideReport,
} from './helpers/browser-wide-fixture.js';
import { describeShared, readSeed, seedNames } from './helpers/shared.js';

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** A rectangle of the page. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Interactive elements smaller than 24 × 24 px (WCAG 2.5.8), as "tag.class text" (links inside sentences excepted). */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement | SVGElement>(
        'main button, main select, main summary, main .toc a, main [role="button"]',
      ),
    ]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (r.width < 23.5 || r.height < 23.5);
      })
      .map((el) => `${el.tagName}.${el.getAttribute('class') ?? ''} ${(el.textContent ?? '').slice(0, 30)}`),
  );
}

/** Text of the page with a parenthesis opened inside another ("(inferred from date (latest …))"). */
async function doubledParentheses(page: Page): Promise<string[]> {
  const text = await page.locator('main').innerText();
  return [...text.matchAll(/\([^()\n]*\(/g)].map((m) => text.slice(m.index, m.index + 80));
}

describe.skipIf(!existsSync(CHROMIUM_PATH))('the story page in chromium (issue 14)', () => {
  let rig: BrowserRig;

  beforeAll(async () => {
    rig = await startRig({ ratings: wideRatings() });
    await storeStory(rig.library, 'wide', { report: wideReport() });
    await storeStory(rig.library, 'fixture', { report: fixtureReport() });
  });

  afterAll(async () => {
    await rig?.close();
  });

  /** A new page, at the stored story `storyId` when one is given (its page whole). */
  async function open(
    viewport: { width: number; height: number },
    storyId?: string,
  ): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await rig.browser.newContext({ baseURL: rig.baseUrl, viewport });
    const page = await context.newPage();
    const problems = watchForProblems(page);
    if (storyId) {
      await page.goto(`/#/stories/${storyId}`);
      await page.waitForSelector(`main[data-story="${storyId}"]`);
    }
    return { context, page, problems };
  }

  describeShared('the seed story', () => {
    let storyId = '';

    beforeAll(async () => {
      const articles = seedNames().map((name) => ({ text: readSeed(name) }));
      const res = await fetch(`${rig.baseUrl}/api/stories`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Seed story', articles }),
      });
      expect(res.status).toBe(201);
      storyId = ((await res.json()) as { story: { id: string } }).story.id;
    });

    it('shows the summary, the coverage strip and three differences in the first screen; the page is under 6,000 px', async () => {
      const { context, page, problems } = await open(DESKTOP);
      await page.goto(`/#/stories/${storyId}`);
      await page.waitForSelector('main[data-story]');
      const bottom = async (selector: string): Promise<number> => {
        const box = await page.locator(selector).first().boundingBox();
        expect(box, selector).not.toBeNull();
        return box!.y + box!.height;
      };
      expect(await bottom('#summary .summary')).toBeLessThanOrEqual(DESKTOP.height);
      expect(await bottom('#summary .coverage-strip')).toBeLessThanOrEqual(DESKTOP.height);
      const cards = page.locator('#summary .key-diff');
      expect(await cards.count()).toBeGreaterThanOrEqual(3);
      for (let i = 0; i < 3; i++) {
        const box = (await cards.nth(i).boundingBox())!;
        expect(box.y + box.height, `difference ${i + 1}`).toBeLessThanOrEqual(DESKTOP.height);
      }
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      expect(height).toBeLessThan(6000);
      expect(await doubledParentheses(page)).toEqual([]);
      expect(problems).toEqual([]);
      await screenshotFirstScreen(page, 'seed-story-1280-first-screen');
      await screenshot(page, 'seed-story-1280');
      await context.close();
    });

    it('fits a phone: no sideways scroll, touch targets of 24 px', async () => {
      const { context, page } = await open(PHONE);
      await page.goto(`/#/stories/${storyId}`);
      await page.waitForSelector('main[data-story]');
      await page.locator('#timeline .tl-dot').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      expect(await smallTargets(page)).toEqual([]);
      await screenshotFirstScreen(page, 'seed-story-390-first-screen');
      await screenshot(page, 'seed-story-390');
      await context.close();
    });
  });

  describe('a story of 50 outlets', () => {
    const report = wideReport();
    const served = 'wide';

    it('shows who covers it, left to right by lean, with the lean split', async () => {
      const { context, page, problems } = await open(DESKTOP, served);
      const strip = page.locator('#summary .coverage-strip');
      expect(await strip.locator('.lean-segment').allTextContents()).toEqual(['10', '10', '10', '10', '10']);
      await expandAllIn(page, '#summary .coverage-strip');
      const leans = await strip
        .locator('.outlet-pill')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-lean')));
      expect(leans).toHaveLength(WIDE_OUTLETS);
      const order = ['left', 'lean-left', 'center', 'lean-right', 'right'];
      expect(leans.map((l) => order.indexOf(l ?? ''))).toEqual(
        [...leans.map((l) => order.indexOf(l ?? ''))].sort((a, b) => a - b),
      );
      // An outlet's pill opens its article in the sources.
      await strip.locator('.outlet-pill').first().click();
      const first = wideOutlet(0).name;
      expect(await page.locator('.source-toggle[aria-expanded="true"]').count()).toBe(1);
      expect(
        await page.evaluate(() => document.activeElement?.closest('.source')?.querySelector('h3')?.textContent),
      ).toBe(first);
      expect(problems).toEqual([]);
      await context.close();
    });

    it('keeps the fact column in place, sorts rows by reach, marks omissions and filters facts only one side reports', async () => {
      const { context, page } = await open(DESKTOP, served);
      const matrix = page.locator('#coverage table.matrix');
      expect(await matrix.locator('thead th.outlet-col').count()).toBe(WIDE_OUTLETS);
      await expandAllIn(page, '#coverage');
      const reach = await matrix
        .locator('tbody .fact-reach')
        .allTextContents()
        .then((all) => all.map((t) => Number(t.trim().split('/')[0])));
      expect(reach).toHaveLength(report.facts!.length);
      expect(reach).toEqual([...reach].sort((a, b) => b - a));
      const omitted = report.omissions!.reduce((n, o) => n + o.factIds.length, 0);
      expect(await matrix.locator('td.omitted').count()).toBe(omitted);
      expect(await matrix.locator('td.omitted [aria-hidden="true"]').first().textContent()).toBe('○');
      // Scrolled sideways, the fact column stays where it was while the outlet columns move.
      const factCell = matrix.locator('tbody th.fact-cell').first();
      const lastCol = matrix.locator('thead th.outlet-col').last();
      const before = (await factCell.boundingBox())!;
      const colBefore = (await lastCol.boundingBox())!;
      await page.locator('#coverage .matrix-scroll').evaluate((el) => el.scrollBy(800, 0));
      const after = (await factCell.boundingBox())!;
      expect(after.x).toBeCloseTo(before.x, 0);
      expect((await lastCol.boundingBox())!.x).toBeLessThan(colBefore.x - 500);
      await page.click('#coverage [data-filter="one-side"]');
      const shown = await matrix
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-fact')));
      expect(shown.sort()).toEqual([...ONE_SIDE_FACT_IDS].sort());
      await page.click('#coverage [data-filter="single"]');
      expect(await matrix.locator('tbody tr').count()).toBe(
        report.facts!.filter((f) => f.articleIds.length === 1).length,
      );
      await screenshot(page, 'wide-story-coverage-1280');
      await context.close();
    });

    it('groups quotes by speaker, carries the same words once with all outlets, folds and filters them', async () => {
      const { context, page } = await open(DESKTOP, served);
      const speakers = page.locator('#quotes .speaker');
      expect(await speakers.locator('h3').first().textContent()).toContain('Tomas Reyes');
      // Lena Ortiz's words, carried by 13 outlets, are one quote with one chip per outlet (folded after six).
      const shared = page.locator('#quotes .quote', { hasText: 'gamble with anyone' });
      expect(await shared.count()).toBe(1);
      expect(await shared.textContent()).toContain('carried by 13 outlets');
      await shared.locator('.chip-fold').click();
      expect(await shared.locator('.chip:not(.chip-fold)').count()).toBe(13);
      await page.selectOption('#quote-speaker', { label: 'Lena Ortiz (1)' });
      expect(await page.locator('#quotes .speaker').count()).toBe(1);
      await page.selectOption('#quote-speaker', '');
      const outletIndex = 2; // an outlet that carries neither Ortiz's nor Reyes's quoted words (2 % 4 === 2)
      await page.selectOption('#quote-outlet', String(outletIndex));
      const texts = await page.locator('#quotes .quote blockquote').allTextContents();
      expect(texts).toEqual(['The dam was last inspected in 2019']);
      await context.close();
    });

    it('draws the timeline with Plot: no overlapping dates or circles, inferred dates apart, the rest listed', async () => {
      const { context, page, problems } = await open(DESKTOP, served);
      const dots = page.locator('#timeline .tl-dot');
      await dots.first().waitFor();
      expect(await page.locator('#timeline svg style').count()).toBe(0);
      // 9 events known to the day; the 2012 one is background, listed beside the chart.
      expect(await dots.count()).toBe(8);
      expect(await page.locator('#timeline .tl-dot.inferred').count()).toBe(3);
      const dash = await page
        .locator('#timeline .tl-dot.inferred')
        .first()
        .evaluate((el) => getComputedStyle(el).strokeDasharray);
      expect(dash).not.toBe('none');
      const circles = await dots.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
      for (let i = 0; i < circles.length; i++)
        for (let j = i + 1; j < circles.length; j++) {
          const [a, b] = [circles[i]!, circles[j]!];
          const d = Math.hypot(a.x + a.width / 2 - b.x - b.width / 2, a.y + a.height / 2 - b.y - b.height / 2);
          expect(d, `circles ${i + 1} and ${j + 1}`).toBeGreaterThanOrEqual(a.width - 1);
        }
      const ticks = await page
        .locator('#timeline g[aria-label="x-axis tick label"] text')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
      expect(ticks.length).toBeGreaterThan(2);
      for (let i = 1; i < ticks.length; i++) expect(overlaps(ticks[i - 1]!, ticks[i]!), `tick ${i}`).toBe(false);
      const note = await page.locator('#timeline .section-intro').textContent();
      expect(note).toContain('Listed, not drawn');
      await expandAllIn(page, '#timeline');
      expect(await page.locator('#timeline .timeline-event.place-earlier').count()).toBe(2);
      expect(await page.locator('#timeline .timeline-event.place-coarse').count()).toBe(1);
      await page.click('#timeline details summary');
      expect(await page.locator('#timeline .open-dates li').first().textContent()).toContain('“Friday morning”');
      // A circle opens its source.
      await dots.first().focus();
      await page.keyboard.press('Enter');
      expect(await highlightedText(page)).toBe('The Millbrook dam spillway was opened on Friday morning.');
      expect(problems).toEqual([]);
      await context.close();
    });

    it('shows framing as one table of actors by outlets with charged words marked in place', async () => {
      const { context, page } = await open(DESKTOP, served);
      const table = page.locator('#framing table.framing-table');
      expect(await table.locator('thead th.outlet-col').count()).toBe(WIDE_OUTLETS);
      const actors = await table.locator('tbody:first-of-type th.actor-cell').allTextContents();
      expect(actors).toEqual(['Lena Ortiz', 'Tomas Reyes']);
      const marked = table.locator('tbody:first-of-type mark.term.term-negative');
      expect(await marked.count()).toBe(20);
      expect(await marked.first().textContent()).toBe('embattled');
      expect(await marked.first().evaluate((m) => m.closest('button')?.textContent)).toBe('the embattled mayor');
      await context.close();
    });

    it('fits 1280 and 390 px with targets of 24 px and no doubled parentheses', async () => {
      for (const [name, viewport] of [
        ['1280', DESKTOP],
        ['390', PHONE],
      ] as const) {
        const { context, page, problems } = await open(viewport, served);
        await page.locator('#timeline .tl-dot').first().waitFor();
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
          0,
        );
        expect(await smallTargets(page)).toEqual([]);
        expect(await doubledParentheses(page)).toEqual([]);
        expect(problems).toEqual([]);
        await screenshotFirstScreen(page, `wide-story-${name}-first-screen`);
        await screenshot(page, `wide-story-${name}`);
        await context.close();
      }
    });
  });

  describe('a very long article', () => {
    const { report, citations } = longReport(1_500_000);
    const long = report.articles[0]!.text;

    beforeAll(async () => {
      await storeStory(rig.library, LONG_ID, { report });
    });

    it('renders a part of the text at a time and jumps to the exact words anywhere in it', async () => {
      const { context, page, problems } = await open(DESKTOP, LONG_ID);
      const rendered = (): Promise<number> =>
        page.locator('#source-0 .source-text').evaluate((el) => (el.textContent ?? '').length);
      await page.click('#source-0 .source-toggle');
      const opened = await rendered();
      expect(opened).toBeGreaterThan(1000);
      expect(opened).toBeLessThan(40_000);
      expect(long.startsWith((await page.locator('#source-0 .source-text').textContent())!.slice(0, 200))).toBe(true);
      // The middle and the end: only the window around the cited words is rendered, and it reads back exactly.
      for (const [n, citation] of [
        [1, citations.middle],
        [2, citations.late],
      ] as const) {
        await page.locator('#summary .summary-sentence').nth(n).locator('.chip').first().click();
        expect(await highlightedText(page)).toBe(long.slice(citation.start, citation.end));
        expect(await page.evaluate(() => document.activeElement?.matches('#source-0 mark.cited'))).toBe(true);
        expect(await rendered()).toBeLessThan(60_000);
      }
      // Earlier text comes on request; the window grows without losing the highlight.
      const before = await rendered();
      await page.click('#source-0 .more-before button');
      expect(await rendered()).toBeGreaterThan(before);
      expect(await highlightedText(page)).toBe(long.slice(citations.late.start, citations.late.end));
      // Back to the start: a window far from the last one replaces it.
      await page.locator('#summary .summary-sentence').nth(0).locator('.chip').first().click();
      expect(await highlightedText(page)).toBe(long.slice(citations.early.start, citations.early.end));
      expect(await page.locator(`#source-0[data-article="${LONG_ID}"] .more-after button`).count()).toBe(1);
      expect(problems).toEqual([]);
      await context.close();
    });
  });

  describe('moving around', () => {
    it('lands a section heading below the sticky contents bar', async () => {
      for (const viewport of [DESKTOP, PHONE]) {
        const { context, page } = await open(viewport, 'fixture');
        for (const id of ['quotes', 'framing', 'sources']) {
          await page.click(`.toc a[href$="/${id}"]`);
          await page.waitForFunction((h) => document.activeElement?.id === h, `${id}-heading`);
          const bar = (await page.locator('.toc').boundingBox())!;
          const heading = (await page.locator(`#${id}-heading`).boundingBox())!;
          expect(heading.y, id).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
        }
        await context.close();
      }
    });

    it('opens a link to a section at that section, which stays in place while the page builds', async () => {
      const { context, page } = await open(DESKTOP);
      await page.goto('/#/stories/wide/sources');
      await page.waitForSelector('main[data-story="wide"]');
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('sources-heading');
      const bar = (await page.locator('.toc').boundingBox())!;
      const heading = (await page.locator('#sources-heading').boundingBox())!;
      expect(heading.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
      expect(heading.y).toBeLessThan(DESKTOP.height / 2);
      await context.close();
    });

    it('shows a loading state while the next page loads', async () => {
      await storeStory(rig.library, 'slow', { report: fixtureReport() });
      const { context, page } = await open(DESKTOP);
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/stories/slow?*', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto('/#/');
      await page.waitForSelector('main h1');
      await page.evaluate(() => (location.hash = '#/stories/slow'));
      await page.waitForSelector('.loading-bar');
      expect(await page.getAttribute('main', 'aria-busy')).toBe('true');
      release();
      await page.waitForSelector('main[data-story="slow"]');
      expect(await page.locator('.loading-bar').count()).toBe(0);
      await context.close();
    });
  });

  describe('the story list', () => {
    const wide = wideReport();
    const small = fixtureReport();

    beforeAll(async () => {
      // The list holds these two only: the stories other tests stored go.
      for (const { id } of (await rig.library.stories.listStories({ limit: 100, offset: 0 })).stories) {
        await rig.library.stories.deleteStory(id);
      }
      await storeStory(rig.library, 'wide', { report: wide, updatedAt: '2025-03-09T08:30:00.000Z' });
      await storeStory(rig.library, 'fixture', {
        report: small,
        createdAt: '2024-03-05T12:00:00.000Z',
      });
    });

    async function listPage(viewport: {
      width: number;
      height: number;
    }): Promise<{ context: BrowserContext; page: Page }> {
      const { context, page } = await open(viewport);
      // The search's ranking is the server's business: its hits are fixed here, the stories are the server's.
      await page.route('**/api/search?*', (route) =>
        route.fulfill({
          json: {
            results: [
              {
                storyId: 'fixture',
                storyTitle: small.story.title,
                kind: 'article',
                articleId: 'x',
                snippet: 'the Elm Street bridge was shut',
              },
              {
                storyId: 'wide',
                storyTitle: wide.story.title,
                kind: 'fact',
                factId: 'w-bridge',
                snippet: 'The old rail bridge below the dam',
              },
              {
                storyId: 'fixture',
                storyTitle: small.story.title,
                kind: 'fact',
                factId: 'f1',
                snippet: 'cracks in the bridge',
              },
            ],
          },
        }),
      );
      return { context, page };
    }

    it('shows each story with its lede, outlets, lean split and last update', async () => {
      const { context, page } = await listPage(DESKTOP);
      await page.goto('/#/');
      await page.waitForSelector('.story-list .story-lede');
      await page.waitForFunction(() => document.querySelectorAll('.story-list .story-lede').length === 2);
      const first = page.locator('.story-item').first();
      expect(await first.locator('.story-lede').textContent()).toBe(wide.summary!.headline);
      expect(await first.locator('.story-outlets').textContent()).toContain('50 outlets: The Ashford Gazette');
      expect(await first.locator('.story-outlets').textContent()).toContain('Left 10 · Lean left 10 · Center 10');
      expect(await first.locator('.story-meta').textContent()).toContain('updated 9 Mar 2025, 08:30');
      // No ratings for the other story: outlets without a lean split.
      const second = page.locator('.story-item').nth(1);
      expect(await second.locator('.story-outlets').textContent()).toBe(
        '3 outlets: Riverside Courier, Lakeview Times, Metro Wire',
      );
      await screenshot(page, 'story-list-1280');
      await context.close();
    });

    it('groups search results by story', async () => {
      const { context, page } = await listPage(PHONE);
      await page.goto('/#/?q=bridge');
      await page.waitForSelector('.search-groups');
      const groups = page.locator('.search-group');
      expect(await groups.count()).toBe(2);
      expect(await groups.first().locator('.story-link').textContent()).toBe(small.story.title);
      expect(await groups.first().locator('.search-hit').count()).toBe(2);
      expect(await groups.first().locator('.story-meta').textContent()).toBe('in 1 article and in 1 fact');
      expect(await groups.nth(1).locator('.search-hit mark').first().textContent()).toBe('bridge');
      expect(await smallTargets(page)).toEqual([]);
      await screenshot(page, 'search-390');
      await context.close();
    });
  });
});
