/**
 * A hand-made report over three short invented articles (fiction written for this test, not taken from any source),
 * with every section filled, so the browser tests can check each section's rendering whatever state the pipeline is
 * in. Offsets are computed from the texts, so every citation is exact.
 */
import type { Citation, Quote, Report, ReportArticle, Sentence, Span } from '../../src/core/model.js';
import { articleFromText } from '../../src/core/article-from-text.js';
import { toReportArticle } from '../../src/core/pipeline.js';
import { entityProvenance } from '../../src/core/analyze/entities/entity-rules.js';

const TEXTS = [
  'Officials closed the Elm Street bridge on Tuesday after inspectors found cracks in two support beams.\n\n' +
    'About 12,000 vehicles cross the bridge each day, according to the city transport office. ' +
    'Mayor Dana Ortiz said the closure would last "at least three weeks."\n\n' +
    'Detours were posted along Mill Road.',
  'The Elm Street bridge was shut on Tuesday when inspectors discovered cracks in its supports.\n\n' +
    'Roughly 15,000 drivers use the span daily, the state highway agency said. ' +
    '"Safety comes first," Mayor Dana Ortiz said at a hastily called news conference.\n\n' +
    'Local shop owners called the decision a disaster for business. Work could resume next month, the agency said.',
  'Inspectors found cracks in the Elm Street bridge, prompting officials to close it on Tuesday.\n\n' +
    'Mayor Dana Ortiz said the closure would last "at least three weeks." Repairs are expected to begin on March 18.',
] as const;

const EMBED_TEXT = 'Elm Street bridge closed until further notice. Use Mill Road for now.';

/** Article ids of the fixture (deliberately not DOM-safe, to prove the page never builds ids from them). */
export const FIXTURE_IDS = ['courier "1"', 'lakeview<2>', 'metro wire 3'] as const;

/** The spans between matches of `separator` (paragraphs of a text, sentences of a paragraph). */
export function spansOf(text: string, separator: RegExp): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(separator)) {
    spans.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  spans.push({ start, end: text.length });
  return spans.filter((s) => s.end > s.start);
}

/** Sentence spans of a text: paragraphs split at sentence ends (good enough for invented text). */
export function sentencesOf(text: string): Sentence[] {
  return spansOf(text, /\n\n/g).flatMap((p) =>
    spansOf(text.slice(p.start, p.end), /(?<=[.!?]"?)\s+(?=["A-Z])/g).map((s) => ({
      start: p.start + s.start,
      end: p.start + s.end,
      provenance: { stage: 'read', rule: 'read/wink' },
    })),
  );
}

/** A citation of the first occurrence of `phrase` in fixture article `i` (throws when absent, to keep it honest). */
export function cite(i: number, phrase: string): Citation {
  const text = TEXTS[i] ?? '';
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`fixture: "${phrase}" not in article ${i}`);
  return { articleId: FIXTURE_IDS[i]!, start, end: start + phrase.length };
}

function embedCite(phrase: string): Citation {
  const start = EMBED_TEXT.indexOf(phrase);
  if (start < 0) throw new Error(`fixture: "${phrase}" not in the embed`);
  return { articleId: FIXTURE_IDS[2], embed: 0, start, end: start + phrase.length };
}

function article(i: number, extra: Partial<ReportArticle>): ReportArticle {
  const text = TEXTS[i] ?? '';
  const fields = { source: `fixture-${i}.txt`, paragraphs: spansOf(text, /\n\n/g), sentences: sentencesOf(text) };
  return { ...toReportArticle(articleFromText(FIXTURE_IDS[i]!, text, fields)), ...extra };
}

const articles: ReportArticle[] = [
  article(0, {
    outlet: 'Riverside Courier',
    title: 'Elm Street bridge closed after cracks found',
    byline: 'By A. Writer',
    url: 'javascript:alert(1)',
    publishedAt: { value: '2024-03-05', inferred: false, basis: 'input metadata' },
    removed: [
      { text: 'Subscribe now for full access', reason: 'subscription-prompt', rule: 'drop-subscription-prompts' },
      {
        text: 'Photo: J. Smith',
        reason: 'photo-credit',
        rule: 'drop-photo-credits',
        detail: 'credit line under an image',
      },
    ],
  }),
  article(1, {
    outlet: 'Lakeview Times',
    url: 'https://lakeview.example/elm-bridge',
    publishedAt: { value: '2024-03-05T14:30:00Z', inferred: false, basis: 'input metadata' },
  }),
  article(2, {
    outlet: 'Metro Wire',
    publishedAt: { value: '2024-03-05', inferred: true, basis: 'latest embedded post date' },
    embeds: [
      {
        kind: 'social-post',
        text: EMBED_TEXT,
        author: 'City of Riverside',
        handle: '@riversidecity',
        date: '2024-03-05',
        url: 'https://social.example/riversidecity/1',
        provenance: { stage: 'read', rule: 'read/post-signature' },
      },
    ],
  }),
];

/** The cited slice the first summary chip points at (the browser test compares the highlight with it). */
export const FIRST_SUMMARY_CITATION = cite(0, 'Officials closed the Elm Street bridge on Tuesday');

/** The fixture report. */
export function fixtureReport(): Report {
  return {
    schemaVersion: 1,
    generator: { name: 'parallax', version: 'fixture' },
    story: { id: 'fixture', title: 'Elm Street bridge closure', articleCount: 3, referenceDate: '2024-03-05' },
    articles,
    failures: [
      { source: 'https://unreachable.example/a', code: 'fetch-failed', message: 'The host could not be reached.' },
    ],
    entities: [
      {
        id: 'e1',
        name: 'Dana Ortiz',
        type: 'person',
        aliases: ['Ortiz'],
        roles: ['Mayor'],
        mentions: [],
        provenance: entityProvenance('entities/type-votes', ['entities/title-in-name']),
      },
      {
        id: 'e2',
        name: 'state highway agency',
        type: 'organization',
        aliases: [],
        roles: [],
        mentions: [],
        provenance: entityProvenance('entities/type-votes', []),
      },
    ],
    quotes: [
      quote('q1', 0, 'at least three weeks', 'direct'),
      quote('q2', 2, 'at least three weeks', 'direct'),
      quote('q3', 1, 'Safety comes first', 'direct'),
      {
        id: 'q4',
        ...cite(1, 'Roughly 15,000 drivers use the span daily'),
        text: 'Roughly 15,000 drivers use the span daily',
        kind: 'indirect',
        cue: 'said',
        speaker: { entityId: 'e2', name: 'the state highway agency', mention: null, inferred: false },
        provenance: { stage: 'quotes', rule: 'quotes/reported-speech' },
      },
    ],
    facts: [
      {
        id: 'f1',
        statement: 'Inspectors found cracks in the bridge and officials closed it on Tuesday.',
        citations: [
          cite(0, TEXTS[0].split('\n')[0]!),
          cite(1, 'The Elm Street bridge was shut on Tuesday'),
          cite(2, 'Inspectors found cracks in the Elm Street bridge'),
        ],
        articleIds: [...FIXTURE_IDS],
        independentSources: 3,
        kind: 'shared',
        provenance: { stage: 'compose', rule: 'compose/shared-fact' },
      },
      {
        id: 'f2',
        statement: 'Mayor Dana Ortiz said the closure would last at least three weeks.',
        citations: [
          cite(0, 'Mayor Dana Ortiz said the closure would last'),
          cite(2, 'Mayor Dana Ortiz said the closure would last'),
        ],
        articleIds: [FIXTURE_IDS[0], FIXTURE_IDS[2]],
        independentSources: 2,
        kind: 'shared',
        provenance: { stage: 'compose', rule: 'compose/shared-fact' },
      },
      single('f3', 0, 'Detours were posted along Mill Road.'),
      single('f4', 2, 'Repairs are expected to begin on March 18.'),
    ],
    differences: [
      {
        id: 'd1',
        about: 'vehicles crossing the bridge each day',
        kind: 'number',
        claims: [
          claim(0, 'About 12,000 vehicles cross the bridge each day', 12000, 'the city transport office'),
          claim(1, 'Roughly 15,000 drivers use the span daily', 15000, 'the state highway agency'),
        ],
        relation: 'conflict',
        provenance: { stage: 'compose', rule: 'compose/number-difference' },
      },
      {
        id: 'd2',
        about: 'how long the bridge stays closed',
        kind: 'claim',
        claims: [
          {
            text: 'at least three weeks',
            value: null,
            articleIds: [FIXTURE_IDS[0], FIXTURE_IDS[2]],
            citations: [cite(0, 'at least three weeks'), cite(2, 'at least three weeks')],
            attribution: 'Mayor Dana Ortiz',
            asOf: {
              value: '2024-03-04/2024-03-06',
              inferred: true,
              basis: 'the day of the same event in another article',
              earliest: '2024-03-04',
              latest: '2024-03-06',
            },
            provenance: { stage: 'compose', rule: 'compose/number-difference' },
          },
          {
            text: 'until further notice',
            value: null,
            articleIds: [FIXTURE_IDS[2]],
            citations: [embedCite('closed until further notice')],
            attribution: 'City of Riverside (embedded post)',
            asOf: { value: '2024-03-05', inferred: false, basis: 'post date' },
            provenance: { stage: 'compose', rule: 'compose/number-difference' },
          },
        ],
        relation: 'unknown-timing',
        provenance: { stage: 'compose', rule: 'compose/number-difference' },
      },
    ],
    omissions: [{ articleId: FIXTURE_IDS[1], factIds: ['f2'] }],
    dates: [
      {
        ...cite(1, 'next month'),
        text: 'next month',
        // A relative date the dates stage could not place: shown as written, never on the axis.
        date: null,
        precision: 'month',
        inferred: false,
        provenance: { stage: 'dates', rule: 'dates/relative' },
      },
    ],
    timeline: [
      {
        date: '2024-03-18',
        precision: 'day',
        text: 'Repairs are expected to begin',
        citations: [cite(2, 'Repairs are expected to begin on March 18')],
        inferred: false,
        provenance: { stage: 'timeline', rule: 'timeline/dated-clause' },
      },
      {
        date: '2024-03-05',
        precision: 'day',
        text: 'Officials close the Elm Street bridge after inspectors find cracks',
        citations: [
          cite(0, 'Officials closed the Elm Street bridge on Tuesday'),
          cite(1, 'The Elm Street bridge was shut on Tuesday'),
        ],
        inferred: true,
        provenance: { stage: 'timeline', rule: 'timeline/same-event' },
      },
    ],
    framing: [
      {
        articleId: FIXTURE_IDS[1],
        descriptors: [{ entityId: 'e1', terms: ['Mayor'], citations: [cite(1, 'Mayor Dana Ortiz')] }],
        chargedTerms: [
          { term: 'disaster', score: -2, citations: [cite(1, 'disaster')] },
          { term: 'hastily', score: -1, citations: [cite(1, 'hastily')] },
        ],
        chargedScore: -18.5,
        distinctiveTerms: [{ term: 'shop owners', zScore: 2.4 }],
        quoted: [
          { entityId: 'e1', name: 'Dana Ortiz', count: 1 },
          { entityId: 'e2', name: 'the state highway agency', count: 1 },
        ],
      },
      {
        articleId: FIXTURE_IDS[0],
        descriptors: [],
        chargedTerms: [],
        chargedScore: 0,
        distinctiveTerms: [],
        quoted: [{ entityId: 'e1', name: 'Dana Ortiz', count: 1 }],
      },
    ],
    summary: {
      text: '',
      headline: 'Officials closed the Elm Street bridge on Tuesday after inspectors found cracks in its supports.',
      sentences: [
        {
          text: 'Officials closed the Elm Street bridge on Tuesday after inspectors found cracks in its supports.',
          citations: [FIRST_SUMMARY_CITATION, cite(1, 'The Elm Street bridge was shut on Tuesday')],
        },
        {
          text: 'Estimates of daily traffic differ: 12,000 vehicles according to the city, 15,000 according to the state.',
          citations: [
            cite(0, 'About 12,000 vehicles cross the bridge each day'),
            cite(1, 'Roughly 15,000 drivers use the span daily'),
          ],
        },
        {
          text: 'The city said in a post that the bridge is closed until further notice.',
          citations: [embedCite('Elm Street bridge closed until further notice.')],
        },
      ],
    },
  };
}

/** A quote of `words` found at `citation`, said (cue "said") by `speaker`: its entity id and name. */
export function quoteOf(
  id: string,
  citation: Citation,
  words: string,
  kind: Quote['kind'],
  speaker: [string, string] = ['e1', 'Dana Ortiz'],
): Quote {
  return {
    id,
    ...citation,
    text: words,
    kind,
    cue: 'said',
    speaker: { entityId: speaker[0], name: speaker[1], mention: null, inferred: false },
    provenance: { stage: 'quotes', rule: 'quotes/quotation' },
  };
}

function quote(id: string, i: number, words: string, kind: Quote['kind']): Quote {
  return quoteOf(id, cite(i, words), words, kind);
}

function single(id: string, i: number, sentence: string) {
  return {
    id,
    statement: sentence,
    citations: [cite(i, sentence)],
    articleIds: [FIXTURE_IDS[i]!],
    independentSources: 1,
    kind: 'single' as const,
    provenance: { stage: 'compose' as const, rule: 'compose/single-fact' },
  };
}

function claim(i: number, phrase: string, value: number, attribution: string) {
  return {
    text: phrase,
    value,
    articleIds: [FIXTURE_IDS[i]!],
    citations: [cite(i, phrase)],
    attribution,
    asOf: { value: '2024-03-05', inferred: true, basis: 'publication date' },
    provenance: { stage: 'compose' as const, rule: 'compose/number-difference' },
  };
}
