/**
 * A story covered by 50 invented outlets (fiction written for these tests: the towns, papers, people and the dam do
 * not exist), to check the story page at scale: a coverage matrix of 50 columns with omissions and facts that only
 * one side reports, quotes that many outlets carry word for word, a timeline with background events, a coarse date
 * and an open one, framing for every outlet, and the ratings of its outlets a server can be started with. Offsets are
 * computed from the texts, so every citation is exact.
 */
import type { Citation, Fact, Framing, Quote, Report, ReportArticle, TimelineEvent } from '../../src/core/model.js';
import { articleFromText } from '../../src/core/article-from-text.js';
import { toReportArticle } from '../../src/core/pipeline.js';
import { indexRatings, type RatingsIndex } from '../../src/core/stream/coverage-split.js';
import { quoteOf, sentencesOf, spansOf } from './browser-fixture.js';
import { entityProvenance } from '../../src/core/analyze/entities/entity-rules.js';

const TOWNS = [
  'Ashford',
  'Brightwater',
  'Cedar Falls',
  'Dunmore',
  'Eastvale',
  'Fairhaven',
  'Glenrock',
  'Harborview',
  'Ironwood',
  'Juniper Bay',
];
const PAPERS = ['Gazette', 'Courier', 'Herald', 'Ledger', 'Sentinel'];
const LEANS = ['left', 'lean-left', 'center', 'lean-right', 'right'] as const;

/** Number of outlets (one article each). */
export const WIDE_OUTLETS = 50;

/** Outlet `i`: its name and lean (leans go round the scale, so every fifth outlet leans the same way). */
export function wideOutlet(i: number): { name: string; lean: (typeof LEANS)[number] } {
  return {
    name: `The ${TOWNS[i % TOWNS.length]} ${PAPERS[Math.floor(i / TOWNS.length) % PAPERS.length]}`,
    lean: LEANS[i % 5]!,
  };
}

/** A fact and which outlets report it. */
interface FactSpec {
  id: string;
  sentence: string;
  reports: (i: number) => boolean;
}

const isLeft = (i: number): boolean => i % 5 <= 1;
const isRight = (i: number): boolean => i % 5 >= 3;

/** Facts: widely shared ones (some outlets leave them out), one-side-only ones, and one per single outlet. */
const FACTS: FactSpec[] = [
  { id: 'w-open', sentence: 'The Millbrook dam spillway was opened on Friday morning.', reports: (i) => i % 7 !== 3 },
  { id: 'w-leave', sentence: 'About 1,200 residents were told to leave the low streets.', reports: (i) => i % 2 === 0 },
  { id: 'w-rise', sentence: 'Engineers said the reservoir rose two meters in a week.', reports: (i) => i % 3 !== 2 },
  {
    id: 'w-left',
    sentence: 'Union leaders blamed years of deferred maintenance.',
    reports: (i) => isLeft(i) && i % 3 === 0,
  },
  {
    id: 'w-right',
    sentence: 'Shop owners said the county warned them too late.',
    reports: (i) => isRight(i) && i % 3 === 1,
  },
  { id: 'w-school', sentence: 'A school gym on Birch Road became a shelter.', reports: (i) => i % 4 === 2 },
  { id: 'w-bridge', sentence: 'The old rail bridge below the dam was closed to traffic.', reports: (i) => i % 5 === 2 },
  { id: 'w-rain', sentence: 'Forecasters expect more rain on Sunday.', reports: (i) => i % 6 === 1 },
  { id: 'w-power', sentence: 'Power was cut to forty homes near the river.', reports: (i) => i % 8 === 5 },
  { id: 'w-boats', sentence: 'Volunteers with boats checked the houses along Mill Lane.', reports: (i) => i % 9 === 4 },
  ...Array.from({ length: 6 }, (_, k) => ({
    id: `w-only-${k}`,
    sentence: `Only this paper saw the ${['ferry', 'heron', 'tractor', 'kite', 'lantern', 'wagon'][k]} drift past the weir.`,
    reports: (i: number) => i === 11 + k * 6,
  })),
];

const QUOTE_A = 'We will not gamble with anyone’s life';
const QUOTE_B = 'the gates are working as designed';

function articleText(i: number): string {
  const { name } = wideOutlet(i);
  const facts = FACTS.filter((f) => f.reports(i)).map((f) => f.sentence);
  const quotes = [
    i % 4 === 0 ? `“${QUOTE_A},” Mayor Lena Ortiz said.` : 'Mayor Lena Ortiz spoke to reporters at the town hall.',
    i % 4 === 1 ? `The county engineer, Tomas Reyes, said ${QUOTE_B}.` : '',
    isRight(i) ? 'The embattled mayor faced angry questions.' : isLeft(i) ? 'The mayor thanked the rescue crews.' : '',
  ].filter(Boolean);
  return [
    `${name} reports from the Millbrook valley.`,
    facts.join(' '),
    quotes.join(' '),
    'The dam was last inspected in 2019.',
  ]
    .filter(Boolean)
    .join('\n\n');
}

const ID = (i: number): string => `wide-${String(i).padStart(2, '0')}`;
const TEXTS = Array.from({ length: WIDE_OUTLETS }, (_, i) => articleText(i));

function cite(i: number, phrase: string): Citation {
  const text = TEXTS[i] ?? '';
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`wide fixture: "${phrase}" not in article ${i}`);
  return { articleId: ID(i), start, end: start + phrase.length };
}

const reporters = (f: FactSpec): number[] => Array.from({ length: WIDE_OUTLETS }, (_, i) => i).filter(f.reports);

function fact(f: FactSpec): Fact {
  const ids = reporters(f);
  return {
    id: f.id,
    statement: f.sentence,
    citations: ids.map((i) => cite(i, f.sentence)),
    articleIds: ids.map(ID),
    independentSources: ids.length,
    kind: ids.length > 1 ? 'shared' : 'single',
    provenance: { stage: 'compose', rule: ids.length > 1 ? 'compose/shared-fact' : 'compose/single-fact' },
  };
}

function quote(id: string, i: number, words: string, speaker: [string, string], kind: Quote['kind']): Quote {
  return quoteOf(id, cite(i, words), words, kind, speaker);
}

function event(
  date: string,
  precision: TimelineEvent['precision'],
  text: string,
  citations: Citation[],
  inferred = false,
): TimelineEvent {
  return {
    date,
    precision,
    text,
    citations,
    inferred,
    provenance: { stage: 'timeline', rule: 'timeline/dated-clause' },
  };
}

function framing(i: number): Framing {
  const right = isRight(i);
  const left = isLeft(i);
  return {
    articleId: ID(i),
    descriptors: [
      {
        entityId: 'p-ortiz',
        terms: right ? ['the embattled mayor'] : ['Mayor'],
        citations: [cite(i, right ? 'embattled mayor' : 'Mayor Lena Ortiz')],
      },
      ...(i % 4 === 1
        ? [{ entityId: 'p-reyes', terms: ['county engineer'], citations: [cite(i, 'county engineer')] }]
        : []),
    ],
    chargedTerms: right
      ? [{ term: 'embattled', score: -2, citations: [cite(i, 'embattled')] }]
      : left
        ? [{ term: 'thanked', score: 2, citations: [cite(i, 'thanked')] }]
        : [],
    chargedScore: right ? -12.5 : left ? 9.1 : 0,
    distinctiveTerms: [],
    quoted: [{ entityId: 'p-ortiz', name: 'Lena Ortiz', count: 1 }],
  };
}

const articles: ReportArticle[] = TEXTS.map((text, i) => {
  const fields = { source: `wide-${i}.txt`, paragraphs: spansOf(text, /\n\n/g), sentences: sentencesOf(text) };
  return {
    ...toReportArticle(articleFromText(ID(i), text, fields)),
    outlet: wideOutlet(i).name,
    url: `https://${wideOutlet(i).name.toLowerCase().replace(/^the /, '').replace(/\s+/g, '-')}.example/dam`,
    publishedAt: { value: '2025-03-08', inferred: false, basis: 'input metadata' },
  };
});

/** The ratings of the 50 outlets (as a server started with `--ratings` holds them): ten outlets a lean. */
export function wideRatings(): RatingsIndex {
  return indexRatings(
    Array.from({ length: WIDE_OUTLETS }, (_, i) => ({
      outlet: wideOutlet(i).name,
      domain: null,
      lean: wideOutlet(i).lean,
      rater: 'Test panel',
      date: '2025-01',
    })),
  );
}

/**
 * Facts that only one side (left or right) reports in this fixture: the two written that way, and the single-outlet
 * facts of left or right outlets (outlets 11, 23, 29, 35 and 41; outlet 17 is in the centre).
 */
export const ONE_SIDE_FACT_IDS = ['w-left', 'w-right', 'w-only-0', 'w-only-2', 'w-only-3', 'w-only-4', 'w-only-5'];

/** The fixture report. */
export function wideReport(): Report {
  const shared = FACTS.map(fact);
  const omitters = (id: string): number[] =>
    reporters(FACTS.find((f) => f.id === id)!).length > WIDE_OUTLETS / 2
      ? Array.from({ length: WIDE_OUTLETS }, (_, i) => i).filter((i) => !FACTS.find((f) => f.id === id)!.reports(i))
      : [];
  const omissions = Array.from({ length: WIDE_OUTLETS }, (_, i) => ({
    articleId: ID(i),
    factIds: FACTS.filter((f) => omitters(f.id).includes(i)).map((f) => f.id),
  })).filter((o) => o.factIds.length > 0);
  const quoteA = Array.from({ length: WIDE_OUTLETS }, (_, i) => i).filter((i) => i % 4 === 0);
  const quoteB = Array.from({ length: WIDE_OUTLETS }, (_, i) => i).filter((i) => i % 4 === 1);
  const open = cite(0, 'The Millbrook dam spillway was opened on Friday morning.');
  return {
    schemaVersion: 1,
    generator: { name: 'parallax', version: 'fixture' },
    story: {
      id: 'wide',
      title: 'Millbrook dam spillway opened',
      articleCount: WIDE_OUTLETS,
      referenceDate: '2025-03-08',
    },
    articles,
    failures: [],
    entities: [
      {
        id: 'p-ortiz',
        name: 'Lena Ortiz',
        type: 'person',
        aliases: ['Ortiz'],
        roles: ['Mayor'],
        mentions: [],
        provenance: entityProvenance('entities/type-votes', ['entities/title-in-name']),
      },
      {
        id: 'p-reyes',
        name: 'Tomas Reyes',
        type: 'person',
        aliases: ['Reyes'],
        roles: ['county engineer'],
        mentions: [],
        provenance: entityProvenance('entities/type-votes', ['entities/role-apposition']),
      },
    ],
    quotes: [
      ...quoteA.map((i) => quote(`qa-${i}`, i, QUOTE_A, ['p-ortiz', 'Lena Ortiz'], 'direct')),
      ...quoteB.map((i) => quote(`qb-${i}`, i, QUOTE_B, ['p-reyes', 'Tomas Reyes'], 'indirect')),
      ...[0, 2, 4].map((i) =>
        quote(`qc-${i}`, i, 'The dam was last inspected in 2019', ['p-reyes', 'Tomas Reyes'], 'indirect'),
      ),
    ],
    facts: shared,
    differences: [
      {
        id: 'wd-residents',
        about: 'residents told to leave',
        kind: 'number',
        provenance: { stage: 'compose', rule: 'compose/number-difference' },
        claims: [0, 2, 4, 6, 8, 10].map((i, k) => ({
          text: 'About 1,200 residents',
          value: 1200 + k * 100,
          articleIds: [ID(i)],
          citations: [cite(i, 'About 1,200 residents')],
          attribution: null,
          asOf: { value: '2025-03-08', inferred: true, basis: 'the publication date (input metadata)' },
          provenance: { stage: 'compose', rule: 'compose/number-difference' },
        })),
      },
    ],
    omissions,
    timeline: [
      event('2012-04-10', 'day', 'The spillway was last used', [cite(1, 'reports from the Millbrook valley')]),
      event('2019', 'year', 'The dam was last inspected', [cite(0, 'The dam was last inspected in 2019.')]),
      event('2025-03', 'month', 'Heavy rain fell over the valley', [cite(0, 'reservoir rose two meters')], true),
      event('2025-03-07', 'day', 'The spillway was opened', [open]),
      ...[0, 2, 4, 6, 8].map((i, k) =>
        event(
          '2025-03-08',
          'day',
          `Residents were told to leave, report ${k + 1}`,
          [cite(i, 'About 1,200 residents')],
          k % 2 === 1,
        ),
      ),
      event(
        '2025-03-09',
        'day',
        'Forecasters expect more rain',
        [cite(1, 'Forecasters expect more rain on Sunday.')],
        true,
      ),
      event('2025-03-12', 'day', 'The rail bridge stays closed', [
        cite(2, 'The old rail bridge below the dam was closed'),
      ]),
    ],
    dates: [
      {
        ...cite(7, 'Friday morning'),
        text: 'Friday morning',
        date: null,
        precision: 'day',
        inferred: false,
        provenance: { stage: 'dates', rule: 'dates/bare-weekday' },
      },
    ],
    framing: Array.from({ length: WIDE_OUTLETS }, (_, i) => framing(i)),
    summary: {
      text: '',
      headline: 'Millbrook dam spillway opened as the reservoir rose.',
      sentences: [
        {
          text: 'Millbrook dam spillway opened as the reservoir rose.',
          citations: [open, cite(1, 'Engineers said the reservoir rose two meters in a week.')],
        },
        {
          text: 'About 1,200 residents were told to leave the low streets.',
          citations: [0, 2, 4, 6, 8, 10, 12, 14].map((i) => cite(i, 'About 1,200 residents')),
        },
      ],
    },
  };
}
