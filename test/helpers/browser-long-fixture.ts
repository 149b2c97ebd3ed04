/**
 * A story with one very long invented article (a made-up town council's minutes, numbered so that every paragraph
 * differs) beside a short one, to check that the sources render a part of a long text at a time and that a citation
 * far into it still shows exactly the cited words. The size is a parameter: tests use about 1.5 MB.
 */
import type { Citation, Report } from '../../src/core/model.js';
import { articleFromText } from '../../src/core/article-from-text.js';
import { toReportArticle } from '../../src/core/pipeline.js';
import { sentencesOf, spansOf } from './browser-fixture.js';

/** Id of the long article. */
export const LONG_ID = 'minutes';
/** Id of the short article beside it. */
export const SHORT_ID = 'notice';

/** An invented paragraph of minutes; `n` makes each one different. */
function paragraph(n: number): string {
  return (
    `Item ${n}. The council of Wrenfield heard the clerk read motion ${n} on the repair of lane ${n % 97}. ` +
    `Councillor Amara Vance asked how many of the ${n * 3} lamps on the lane still worked. ` +
    `The clerk answered that ${n % 13} of them were dark and that a crew would visit within ${(n % 5) + 1} days. ` +
    `The motion passed by ${(n % 4) + 5} votes to ${n % 4}.`
  );
}

/** The long text, about `chars` characters (whole paragraphs). */
export function longText(chars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let n = 1; length < chars; n++) {
    const p = paragraph(n);
    parts.push(p);
    length += p.length + 2;
  }
  return parts.join('\n\n');
}

/** A citation of the first occurrence of `phrase` at or after `from` in `text`. */
function citeIn(articleId: string, text: string, phrase: string, from = 0): Citation {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`long fixture: "${phrase}" not found`);
  return { articleId, start, end: start + phrase.length };
}

/** The report, with citations near the start, in the middle and near the end of the long text. */
export function longReport(chars = 1_500_000): {
  report: Report;
  citations: { early: Citation; middle: Citation; late: Citation };
} {
  const long = longText(chars);
  const short = 'The Wrenfield council published its minutes on Monday. Councillor Amara Vance asked about the lamps.';
  const early = citeIn(LONG_ID, long, 'motion 3 on the repair of lane 3');
  const middle = citeIn(LONG_ID, long, 'Councillor Amara Vance asked how many', Math.floor(long.length / 2));
  // A range across a paragraph break near the end: the highlight spans two paragraphs.
  const lateStart = long.lastIndexOf('The motion passed', long.length - 2000);
  const late = { articleId: LONG_ID, start: lateStart, end: long.indexOf('Councillor', lateStart) };
  const article = (id: string, text: string, outlet: string) => ({
    ...toReportArticle(
      articleFromText(id, text, {
        source: `${id}.txt`,
        paragraphs: spansOf(text, /\n\n/g),
        sentences: sentencesOf(text),
      }),
    ),
    outlet,
  });
  const report: Report = {
    schemaVersion: 1,
    generator: { name: 'parallax', version: 'fixture' },
    story: { id: 'long', title: 'Wrenfield council minutes', articleCount: 2, referenceDate: '2025-01-06' },
    articles: [article(LONG_ID, long, 'Wrenfield Record'), article(SHORT_ID, short, 'Valley Notices')],
    failures: [],
    summary: {
      text: '',
      sentences: [
        {
          text: 'The Wrenfield council heard many motions on lane repairs.',
          citations: [early, citeIn(SHORT_ID, short, 'published its minutes')],
        },
        { text: 'Councillor Amara Vance asked about the lamps.', citations: [middle] },
        { text: 'The last motions passed.', citations: [late] },
      ],
    },
  };
  return { report, citations: { early, middle, late } };
}
