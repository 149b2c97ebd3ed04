import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/core/model.js';
import { GOLDEN_DIR, goldenOf, readSeeds } from '../scripts/golden/read.js';
import { describeShared, readSeed, seedNames } from './helpers/shared.js';

/** Seeds read once for the whole file, the way the pipeline reads them (each with the others as story context). */
const seeds = new Map<string, Article>();
function seed(prefix: string): Article {
  if (seeds.size === 0) for (const { name, article } of readSeeds()) seeds.set(name, article);
  const hit = [...seeds].find(([name]) => name.startsWith(prefix));
  if (!hit) throw new Error(`no seed ${prefix}`);
  return hit[1];
}

/** What each seed must look like after reading: snippets present/absent, removal reasons in order, counts. */
interface Expectation {
  title: string | null;
  present: string[];
  absent: string[];
  reasons: string[];
  sentences: number;
}

const EXPECTED: Record<string, Expectation> = {
  '000': {
    title: 'White House breaks with allies by not urging',
    present: [
      'engaging in “quiet intensive diplomacy',
      'In 2014, Hamas fired about 4,000 rockets',
      'Over the weekend, Israel drew outcry',
    ],
    absent: ['SECTARIAN VIOLENCE', 'CLICK HERE', 'READ MORE FROM', 'Related Content'],
    reasons: ['title', 'teaser-headline', 'read-more-link', 'related-content'],
    sentences: 22,
  },
  '001': {
    title: null,
    present: ['Following a recent bloodshed, the US', 'enjoying fair levels of rights'],
    absent: [],
    reasons: [],
    sentences: 14,
  },
  '002': {
    title: 'Senior U.S. Officials Speak With Israeli',
    present: [
      'WASHINGTON – Senior U.S. officials',
      'U.S. delays UN Security Council statement',
      'Meanwhile, diplomats told Reuters',
      'is helpful in de-escalating tensions."',
    ],
    absent: [
      'Ben Samuels',
      'two months ago',
      'Credit: POOL',
      'LISTEN',
      'alert icon',
      'subscriber comments',
      'Subscribe today',
      'LOG IN',
      'Alshawamreh',
      'Small Village',
      'Shmutz',
      'Hasidic',
      'Cocaine',
      'Yair Lapid',
      'Lake Kinneret',
      'anti-abortion protester',
      'Roe v. Wade',
    ],
    reasons: [
      'title',
      'subtitle',
      'byline',
      'photo-caption',
      'photo-credit',
      'byline',
      'promo',
      'navigation',
      ...Array<string>(3).fill('subscription-prompt'),
      ...Array<string[]>(6).fill(['photo-caption', 'teaser-headline']).flat(),
    ],
    sentences: 20,
  },
  '003': {
    title: null,
    present: [
      'Rep. Ilhan Omar (D-Minn.), who called',
      'As tensions continue to increase',
      'His call follows remarks from',
    ],
    absent: [
      'Recommended',
      'Fighting must stop',
      '(@UN_Spokesperson)',
      't.co/',
      '#Gaza',
      'The directive is to',
      'Israel making clear',
    ],
    reasons: ['related-content', ...Array<string>(7).fill('embed')],
    sentences: 22,
  },
  '004': {
    title: null,
    present: ['President Biden has spoken with Israeli', 'killed scores of Palestinian civilians'],
    absent: ['Updated at'],
    reasons: ['timestamp'],
    sentences: 16,
  },
};

describeShared('reading the seed articles', () => {
  it('has an expectation for every seed', () => {
    expect(seedNames().map((n) => n.slice(0, 3))).toEqual(Object.keys(EXPECTED));
  });

  for (const [prefix, want] of Object.entries(EXPECTED)) {
    describe(`seed ${prefix}`, () => {
      it('has the expected title (or none)', () => {
        const title = seed(prefix).title;
        if (want.title === null) expect(title).toBeNull();
        else expect(title?.startsWith(want.title)).toBe(true);
      });

      it('keeps the article and drops the junk', () => {
        const { text } = seed(prefix);
        for (const s of want.present) expect(text, s).toContain(s);
        for (const s of want.absent) expect(text, s).not.toContain(s);
      });

      it('removes exactly the expected lines, in order', () => {
        expect(seed(prefix).removed.map((r) => r.reason)).toEqual(want.reasons);
      });

      it('splits the expected number of sentences', () => {
        expect(seed(prefix).sentences).toHaveLength(want.sentences);
      });

      it('accounts for every input line: kept in the text or listed as removed', () => {
        const article = seed(prefix);
        const name = seedNames().find((n) => n.startsWith(prefix))!;
        const kept = new Set(article.text.split('\n\n'));
        const dropped = new Set(article.removed.map((r) => r.text));
        const lines = readSeed(name)
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '');
        for (const line of lines) expect(kept.has(line) || dropped.has(line), line.slice(0, 50)).toBe(true);
        expect(article.paragraphs.length + article.removed.length).toBe(lines.length);
      });

      it('has sentences that tile each paragraph, in order, without crossing paragraphs', () => {
        const article = seed(prefix);
        let previous = 0;
        for (const s of article.sentences) {
          expect(s.start).toBeGreaterThanOrEqual(previous);
          expect(article.paragraphs.some((p) => p.start <= s.start && s.end <= p.end)).toBe(true);
          previous = s.end;
        }
        const covered = article.sentences.map((s) => article.text.slice(s.start, s.end)).join('');
        expect(covered.replace(/\s/g, '')).toBe(article.text.replace(/\s/g, ''));
      });

      it('matches its golden file', () => {
        const article = seed(prefix);
        const golden: unknown = JSON.parse(readFileSync(join(GOLDEN_DIR, `${article.id}.json`), 'utf8'));
        expect(goldenOf(article)).toEqual(golden);
      });
    });
  }

  it('reads the metadata each seed states', () => {
    expect(seed('000').outlet).toBe('Washington Examiner');
    const s2 = seed('002');
    expect(s2.byline).toBe('Ben Samuels');
    expect(s2.dateline).toBe('WASHINGTON');
    expect(s2.subtitle?.startsWith("'We are deeply concerned")).toBe(true);
    expect(seed('003').publishedAt).toMatchObject({ value: '2021-05-17', inferred: true });
    for (const p of ['000', '001', '002', '003', '004']) expect(seed(p).language).toBe('en');
    for (const p of ['000', '001', '003', '004']) expect(seed(p).dateline).toBeNull();
  });

  it('turns the two posts of seed 003 into embeds, with the unsigned thread lines in the second', () => {
    const [first, second] = seed('003').embeds;
    expect(first).toMatchObject({ handle: 'UN_Spokesperson', author: 'UN Spokesperson', date: '2021-05-16' });
    expect(first?.url).toMatch(/^https:\/\/t\.co\//);
    expect(second).toMatchObject({ handle: 'rafsanchez', author: 'Raf Sanchez', date: '2021-05-17', url: null });
    expect(second?.text).toContain('The directive is to continue');
    expect(second?.text).toContain('Israel making clear');
  });
});
