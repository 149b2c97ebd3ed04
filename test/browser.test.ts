/**
 * Browser tests of the web reader, on the real server (createApp + temporary SQLite) driven by Debian's chromium.
 * One part goes through the whole flow with the bundled sample story; another loads a hand-made report with every
 * section filled (served by intercepting one API call) to check each section precisely; a third proves that untrusted
 * article text stays text.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/core/model.js';
import { FIRST_SUMMARY_CITATION, FIXTURE_IDS, fixtureReport } from './helpers/browser-fixture.js';
import {
  CHROMIUM_PATH,
  VIEWPORTS,
  expandAllIn,
  highlightedText,
  screenshot,
  startRig,
  storeStory,
  watchForProblems,
  type BrowserRig,
} from './helpers/browser.js';
import { REPO_ROOT } from './helpers/shared.js';

const SAMPLE_DIR = join(REPO_ROOT, 'examples', 'sample-story');
const hasChromium = existsSync(CHROMIUM_PATH);

/** The cited slice of a report's citation, computed in the test from the report itself. */
function slice(report: Report, c: { articleId: string; start: number; end: number; embed?: number }): string {
  const article = report.articles.find((a) => a.id === c.articleId);
  const text = c.embed === undefined ? article?.text : article?.embeds[c.embed]?.text;
  return (text ?? '').slice(c.start, c.end);
}

function hostName(url: string | null): string | null {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, '') : null;
  } catch {
    return null;
  }
}

/** The outlet of each article as the page groups them: by name, else by site, else the article alone. */
function outletOf(report: Report): Map<string, string> {
  return new Map(
    report.articles.map((a) => {
      const host = hostName(a.url);
      return [a.id, a.outlet?.trim().toLowerCase() || host || `article:${a.id}`];
    }),
  );
}

/** Opens every article of the sources (they start closed and render their text on demand). */
async function openAllSources(page: Page): Promise<void> {
  await expandAllIn(page, '#sources');
  const closed = page.locator('.source-toggle[aria-expanded="false"]');
  while ((await closed.count()) > 0) await closed.first().click();
}

async function storyReport(page: Page, id: string): Promise<Report> {
  const res = await page.request.get(`/api/stories/${encodeURIComponent(id)}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { report: Report }).report;
}

describe.skipIf(!hasChromium)('web reader in chromium', () => {
  let rig: BrowserRig;

  beforeAll(async () => {
    rig = await startRig();
  });

  afterAll(async () => {
    await rig?.close();
  });

  async function newPage(
    options: { phone?: boolean; bypassCSP?: boolean } = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await rig.browser.newContext({
      baseURL: rig.baseUrl,
      viewport: options.phone ? VIEWPORTS.phone : VIEWPORTS.desktop,
      bypassCSP: options.bypassCSP ?? false,
    });
    return { context, page: await context.newPage() };
  }

  describe.skipIf(!existsSync(SAMPLE_DIR))('the sample story, end to end', () => {
    let storyId = '';

    it('serves the page with the CSP and nosniff headers', async () => {
      const { context, page } = await newPage();
      const response = await page.goto('/');
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      expect(response?.headers()['x-content-type-options']).toBe('nosniff');
      await expect(page.locator('main h1').textContent()).resolves.toBe('Stories');
      await context.close();
    });

    it('creates a story through the form by uploading the sample files', async () => {
      const { context, page } = await newPage();
      const problems = watchForProblems(page);
      await page.goto('/#/new');
      await page.fill('#new-title', 'Sample story via the form');
      const files = readdirSync(SAMPLE_DIR).map((f) => join(SAMPLE_DIR, f));
      await page.setInputFiles('#new-files', files);
      await page.click('button[type="submit"]');
      // With every input readable the page moves on to the story; otherwise it lists failures and links to it.
      await page.waitForSelector('main[data-story], a.open-story', { timeout: 60_000 });
      expect(await page.locator('.failures').count()).toBe(0);
      storyId = (await page.getAttribute('main', 'data-story')) ?? '';
      expect(storyId).not.toBe('');
      expect(await page.locator('main h1').textContent()).toBe('Sample story via the form');
      expect(await page.locator('.source').count()).toBe(files.length);
      expect(problems).toEqual([]);
      await context.close();
    });

    it('follows a summary citation to its highlighted source text', async (ctx) => {
      const { context, page } = await newPage();
      await page.goto(`/#/stories/${storyId}`);
      await page.waitForSelector('main[data-story]');
      const report = await storyReport(page, storyId);
      const first = report.summary?.sentences[0]?.citations[0];
      if (!first) ctx.skip('the pipeline wrote no cited summary sentence');
      await page.locator('#summary .chip').first().click();
      const expected = slice(report, first!);
      expect(expected.length).toBeGreaterThan(0);
      expect(await highlightedText(page)).toBe(expected);
      const focused = await page.evaluate(() =>
        document.activeElement?.closest('.source')?.getAttribute('data-article'),
      );
      expect(focused).toBe(first!.articleId);
      await context.close();
    });

    it('renders the coverage matrix and the differences from the report', async () => {
      const { context, page } = await newPage();
      await page.goto(`/#/stories/${storyId}`);
      await page.waitForSelector('main[data-story]');
      const report = await storyReport(page, storyId);
      const facts = report.facts ?? [];
      await expandAllIn(page, '#coverage');
      await expandAllIn(page, '#differences');
      if (facts.length > 0) {
        // One column per outlet: a cell is covered when any of the outlet's articles reports the fact.
        const outlets = outletOf(report);
        expect(await page.locator('#coverage table.matrix tbody tr').count()).toBe(facts.length);
        expect(await page.locator('#coverage table.matrix thead th').count()).toBe(new Set(outlets.values()).size + 1);
        const covered = facts.reduce((n, f) => n + new Set(f.articleIds.map((id) => outlets.get(id))).size, 0);
        expect(await page.locator('#coverage td.covered').count()).toBe(covered);
        const omitted = new Set(
          (report.omissions ?? []).flatMap((o) =>
            o.factIds
              .filter((id) => {
                const fact = facts.find((f) => f.id === id);
                return fact && !fact.articleIds.some((a) => outlets.get(a) === outlets.get(o.articleId));
              })
              .map((id) => `${outlets.get(o.articleId)}|${id}`),
          ),
        );
        expect(await page.locator('#coverage td.omitted').count()).toBe(omitted.size);
      } else {
        expect(await page.locator('#coverage .empty').count()).toBe(1);
      }
      const differences = report.differences ?? [];
      expect(await page.locator('#differences .difference').count()).toBe(differences.length);
      const claims = differences.reduce((n, d) => n + d.claims.length, 0);
      expect(await page.locator('#differences .claim').count()).toBe(claims);
      if (differences.length === 0) expect(await page.locator('#differences .empty').count()).toBe(1);
      await screenshot(page, 'sample-story-desktop');
      await context.close();
    });

    it('is usable on a phone: no horizontal page scroll, screenshot saved', async () => {
      const { context, page } = await newPage({ phone: true });
      await page.goto(`/#/stories/${storyId}`);
      await page.waitForSelector('main[data-story]');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'sample-story-phone');
      await context.close();
    });

    it('finds the story by searching its text', async () => {
      const { context, page } = await newPage();
      await page.goto('/#/');
      await page.waitForSelector('#search-q');
      await page.fill('#search-q', 'warehouse');
      await page.press('#search-q', 'Enter');
      await page.waitForSelector('.search-groups li, .results .empty');
      const links = await page.locator('.search-groups a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toContain(`#/stories/${storyId}/sources`);
      await context.close();
    });
    it('adds a pasted article to the story and shows the recomputed report', async () => {
      const { context, page } = await newPage();
      await page.goto(`/#/stories/${storyId}`);
      await page.waitForSelector('main[data-story]');
      const before = await page.locator('.source').count();
      await page.click('#manage summary');
      await page.fill(
        '#add-text-1',
        'Firefighters stayed at the burned warehouse through Thursday to watch for flare-ups, a city spokesperson said.',
      );
      await page.click('#manage button[type="submit"]');
      await page.waitForSelector('.add-notice');
      expect(await page.locator('.source').count()).toBe(before + 1);
      expect(await page.locator('.add-notice .failures').count()).toBe(0);
      await context.close();
    });
  });

  describe('every section, on a hand-made report', () => {
    const report = fixtureReport();

    beforeAll(async () => {
      await storeStory(rig.library, 'fixture', { report });
    });

    async function openFixture(phone = false): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
      const { context, page } = await newPage({ phone });
      const problems = watchForProblems(page);
      await page.goto('/#/stories/fixture');
      await page.waitForSelector('main[data-story="fixture"]');
      return { context, page, problems };
    }

    it('shows the cited sentence in a tooltip on hover and on keyboard focus', async () => {
      const { context, page } = await openFixture();
      const chip = page.locator('#summary .chip').first();
      const tip = page.locator('#summary .cite').first().locator('[role="tooltip"]');
      expect(await tip.isVisible()).toBe(false);
      await chip.hover();
      expect(await tip.isVisible()).toBe(true);
      expect(await tip.locator('mark').textContent()).toBe(slice(report, FIRST_SUMMARY_CITATION));
      await page.mouse.move(0, 0);
      await chip.focus();
      expect(await tip.isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      expect(await tip.isVisible()).toBe(false);
      await context.close();
    });

    it('jumps to the exact cited text, in the body and in an embedded post', async () => {
      const { context, page, problems } = await openFixture();
      await page.locator('#summary .chip').first().press('Enter');
      expect(await highlightedText(page)).toBe(slice(report, FIRST_SUMMARY_CITATION));
      expect(await page.evaluate(() => document.activeElement?.matches('#source-0 mark.cited'))).toBe(true);
      const embedCitation = report.summary!.sentences[2]!.citations[0]!;
      await page.locator('#summary .summary-sentence').nth(2).locator('.chip').click();
      expect(await highlightedText(page)).toBe(slice(report, embedCitation));
      expect(await page.locator('#source-2 figure.embed mark.cited').count()).toBe(1);
      // The earlier highlight is gone: one cited range at a time.
      expect(await page.locator('#source-0 mark.cited').count()).toBe(0);
      await page.click('#source-2 .jump-status button');
      expect(await page.evaluate(() => document.activeElement?.closest('#summary') !== null)).toBe(true);
      expect(problems).toEqual([]);
      await context.close();
    });

    it('renders the differences side by side and the coverage matrix with omissions', async () => {
      const { context, page } = await openFixture();
      expect(await page.locator('#differences .difference').count()).toBe(2);
      expect(await page.locator('#differences .difference-number .claim-value').allTextContents()).toEqual([
        '12,000',
        '15,000',
      ]);
      expect(await page.locator('#differences .difference-number .claim-meta').first().textContent()).toContain(
        'the city transport office',
      );
      // Whether a difference is a contradiction or the story moving on, and a date known only as a range, in words
      // (the month and year said once).
      expect(await page.locator('#differences [data-relation]').allTextContents()).toEqual([
        'Conflict',
        'Timing unknown',
      ]);
      expect(await page.locator('#differences .difference-claim .claim-meta').first().textContent()).toContain(
        'between 4 and 6 Mar 2024, inferred',
      );
      const headers = await page.locator('#coverage thead th').allTextContents();
      expect(headers).toEqual(['Fact', 'Riverside Courier', 'Lakeview Times', 'Metro Wire']);
      expect(await page.locator('#coverage td.covered').count()).toBe(7);
      const omitted = page.locator('#coverage td.omitted');
      expect(await omitted.count()).toBe(1);
      expect(await omitted.textContent()).toContain('Left out by Lakeview Times');
      expect(await page.locator('#coverage tfoot td').allTextContents()).toEqual(['0', '1', '0']);
      await context.close();
    });

    it('groups quotes by speaker, merging the same words carried by several outlets', async () => {
      const { context, page } = await openFixture();
      const speakers = await page.locator('#quotes .speaker h3').allTextContents();
      expect(speakers[0]).toContain('Dana Ortiz');
      const shared = page.locator('#quotes .quote', { hasText: 'at least three weeks' });
      expect(await shared.count()).toBe(1);
      expect(await shared.locator('.chip').count()).toBe(2);
      await context.close();
    });

    it('draws the timeline in date order and lets a point jump to its source', async () => {
      const { context, page } = await openFixture();
      const points = page.locator('#timeline svg .tl-dot');
      await points.first().waitFor();
      expect(await points.count()).toBe(2);
      expect(await points.first().getAttribute('aria-label')).toMatch(
        /^1\. 5 Mar 2024 \(date inferred\): Officials close/,
      );
      expect(await page.locator('#timeline svg .tl-dot.inferred').count()).toBe(1);
      await points.nth(1).focus();
      await page.keyboard.press('Enter');
      expect(await highlightedText(page)).toBe('Repairs are expected to begin on March 18');
      await context.close();
    });

    it('shows framing per outlet, the sources with removals collapsed, and never a javascript: link', async () => {
      const { context, page } = await openFixture();
      expect(await page.locator('#framing thead th').allTextContents()).toEqual([
        'Actor',
        'Riverside Courier',
        'Lakeview Times',
      ]);
      expect(await page.locator('#framing .term').allTextContents()).toEqual(['disaster', 'hastily']);
      await page.click('#source-0 .source-toggle');
      await page.waitForSelector('#source-0[data-text="loaded"]');
      const removed = page.locator('#source-0 details.removed');
      expect(await removed.getAttribute('open')).toBeNull();
      expect(await removed.locator('li').count()).toBe(2);
      expect(await page.locator('#source-0 .sentence').count()).toBe(report.articles[0]!.sentences.length);
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
      expect(await page.locator('.failures').textContent()).toContain('unreachable.example');
      // Raw article ids (with quotes and angle brackets) never become DOM ids.
      const ids = await page.locator('main [id]').evaluateAll((els) => els.map((e) => e.id));
      expect(ids.every((id) => /^[a-z0-9-]+$/.test(id))).toBe(true);
      expect(ids.some((id) => FIXTURE_IDS.some((raw) => id.includes(raw)))).toBe(false);
      await screenshot(page, 'fixture-story-desktop');
      await context.close();
    });

    it('fits a phone screen and keeps the skip link working', async () => {
      const { context, page } = await openFixture(true);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('skip-link');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      expect(await page.evaluate(() => location.hash)).toBe('#/stories/fixture');
      await screenshot(page, 'fixture-story-phone');
      await context.close();
    });

    it('says so when a story does not exist', async () => {
      const { context, page } = await newPage();
      await page.goto('/#/stories/no-such-story');
      await page.waitForSelector('.page-error');
      expect(await page.locator('main h1').textContent()).toBe('Not found');
      await context.close();
    });

    it('shows each failed input when nothing could be read', async () => {
      const { context, page } = await newPage();
      await page.goto('/#/new');
      await page.setInputFiles('#new-files', {
        name: 'picture.png',
        mimeType: 'image/png',
        buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      });
      await page.click('button[type="submit"]');
      await page.waitForSelector('.form-error');
      expect(await page.locator('.form-error .failure-source').allTextContents()).toEqual(['picture.png']);
      await context.close();
    });
  });

  describe('untrusted article text', () => {
    const PAYLOAD_IMG = '<img src=x onerror="window.__pwned = 1">';
    const PAYLOAD_SCRIPT = '<script>window.__pwned = 2</script>';
    const pwned = (page: Page): Promise<unknown> =>
      page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);

    it('renders markup in pasted articles and titles as text and runs nothing', async () => {
      // Without the CSP, so that only the page's own handling of the text stands between the payload and the DOM.
      const { context, page } = await newPage({ bypassCSP: true });
      await page.goto('/#/new');
      await page.fill('#new-title', `Bridge story ${PAYLOAD_IMG}`);
      await page.fill(
        '#new-text-1',
        [
          'The city council met on Monday evening to discuss the future of the old river bridge.',
          `Members voted seven to two to fund urgent repairs, the council clerk said. ${PAYLOAD_IMG}`,
          PAYLOAD_SCRIPT,
          'Work on the bridge is expected to start next month and to last about six weeks.',
        ].join('\n\n'),
      );
      await page.fill(
        '#new-text-2',
        'The council voted on Monday to fund repairs to the old river bridge, the clerk said.',
      );
      await page.click('button[type="submit"]');
      await page.waitForSelector('main[data-story], a.open-story', { timeout: 60_000 });
      if (await page.locator('a.open-story').count()) await page.click('a.open-story');
      await page.waitForSelector('main[data-story]');
      await openAllSources(page);
      expect(await page.locator('main h1').innerText()).toBe(`Bridge story ${PAYLOAD_IMG}`);
      // The payloads are somewhere on the page as text: in the cleaned body or in what cleaning removed.
      const text = await page.evaluate(() => document.querySelector('main')?.textContent ?? '');
      expect(text).toContain('onerror="window.__pwned = 1"');
      expect(text).toContain(PAYLOAD_SCRIPT);
      expect(await page.locator('main img, main script').count()).toBe(0);
      await page.goto('/#/');
      await page.waitForSelector('.story-list');
      expect(await page.locator('.story-list').innerText()).toContain(PAYLOAD_IMG);
      // The previews fill in from the stories' reports; they are text too.
      await page.waitForTimeout(500);
      expect(await pwned(page)).toBeUndefined();
      await context.close();
    });

    it('renders markup in outlet names, bylines and URLs of article objects as text', async () => {
      const { context, page } = await newPage({ bypassCSP: true });
      const body = {
        title: 'Council bridge vote',
        articles: [
          {
            text: 'The city council voted on Monday to fund urgent repairs to the old river bridge, the clerk said.',
            outlet: `Daily ${PAYLOAD_IMG}`,
            byline: PAYLOAD_SCRIPT,
            url: 'javascript:window.__pwned=3',
          },
          {
            text: 'Council members approved money for repairs to the old river bridge on Monday, the clerk said.',
            outlet: 'Evening Post',
          },
        ],
      };
      const res = await page.request.post('/api/stories', { data: body });
      const created = (await res.json()) as { story?: { id: string }; error?: { message: string } };
      // The server may refuse a non-web URL; then the same story is created without it.
      const id =
        created.story?.id ??
        (
          (await (
            await page.request.post('/api/stories', {
              data: { ...body, articles: body.articles.map(({ url: _url, ...a }) => a) },
            })
          ).json()) as { story: { id: string } }
        ).story.id;
      await page.goto(`/#/stories/${id}`);
      await page.waitForSelector('main[data-story]');
      await openAllSources(page);
      const visible = await page.locator('main').innerText();
      expect(visible).toContain(`Daily ${PAYLOAD_IMG}`);
      expect(await page.locator('main img, main script').count()).toBe(0);
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
      await page
        .locator('#sources .chip, #summary .chip, #coverage .chip')
        .first()
        .hover()
        .catch(() => undefined);
      expect(await pwned(page)).toBeUndefined();
      await context.close();
    });
  });
});
