/**
 * Generated worst-case inputs for the reader and the analysis: deep or malformed nesting, huge lines, thousands of
 * paragraphs, enormous tables, runs of entities or quotation marks, endless sentences, capitalized words, numbers and
 * dates, repeated lines. All text is fiction made up here from a small vocabulary with a seeded generator, so that every
 * run builds the same inputs. The benchmark (`bench/sections/linear.ts`) times them at several sizes; the tests run
 * them through the pipeline for sane output.
 */
import { seededRandom } from './seeded-random.js';

/** A generated input: its format and content. */
export interface WorstInput {
  format: 'text' | 'html' | 'markdown';
  content: string;
}

const FIRST = ['Mara', 'Tobin', 'Ilse', 'Corwin', 'Adaeze', 'Pell', 'Rosalind', 'Emeric', 'Sunniva', 'Halvard'];
const LAST = ['Quenby', 'Ashgrove', 'Pellister', 'Vantongeren', 'Oduya', 'Marchetti', 'Lindqvist', 'Brandvold'];
const PLACES = ['Eastmere', 'Port Calloway', 'the Varden Valley', 'Northfold', 'Lake Ossory', 'Brenmoor'];
const BODIES = [
  'the harbor council',
  'the Eastmere transit board',
  'the regional water authority',
  'the city assembly',
];
const NOUNS = ['budget', 'ferry service', 'bridge repair', 'school plan', 'flood barrier', 'rail line', 'tax measure'];
const VERBS = ['approved', 'delayed', 'rejected', 'expanded', 'reviewed', 'funded', 'postponed', 'announced'];
const CUES = ['said', 'told reporters', 'added', 'argued', 'warned', 'wrote in a statement'];
const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];

/** Prose sentences about a fictional town council: names, quotes, numbers and dates in ordinary proportions. */
function sentenceMaker(seed: number): () => string {
  const r = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const name = (): string => `${pick(FIRST)} ${pick(LAST)}`;
  const forms: (() => string)[] = [
    () => `${cap(pick(BODIES))} ${pick(VERBS)} the ${pick(NOUNS)} on ${pick(MONTHS)} ${1 + Math.floor(r() * 28)}.`,
    () => `"The ${pick(NOUNS)} will cost ${10 + Math.floor(r() * 900)} million crowns," ${name()} ${pick(CUES)}.`,
    () => `${name()}, a spokesperson for ${pick(BODIES)}, ${pick(CUES)} that the ${pick(NOUNS)} was ${pick(VERBS)}.`,
    () => `About ${100 + Math.floor(r() * 9000)} residents of ${pick(PLACES)} signed a petition against the plan.`,
    () => `The vote followed ${2 + Math.floor(r() * 12)} weeks of hearings in ${pick(PLACES)}, officials said.`,
    () =>
      `According to ${pick(BODIES)}, the ${pick(NOUNS)} had been ${pick(VERBS)} twice since ${1990 + Math.floor(r() * 35)}.`,
  ];
  return () => pick(forms)();
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Fictional prose of at least `chars` characters: sentences joined by `joiner`, every `perParagraph` sentences. */
export function prose(chars: number, options: { seed?: number; perParagraph?: number } = {}): string {
  const next = sentenceMaker(options.seed ?? 1);
  const per = options.perParagraph ?? Infinity;
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const s = next();
    const sep = i === 0 ? '' : i % per === 0 ? '\n\n' : ' ';
    parts.push(sep, s);
    length += sep.length + s.length;
  }
  return parts.join('');
}

/** Repeats `unit` until the result has about `chars` characters (at least one copy). */
function fill(unit: string, chars: number): string {
  return unit.repeat(Math.max(1, Math.ceil(chars / unit.length)));
}

/** An HTML page around a body. */
export function page(body: string, title = 'Harbor council approves ferry budget'): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

/** Paragraph elements of fictional prose, about `chars` characters of markup in all. */
function paragraphsHtml(chars: number, seed = 2): string {
  return prose(chars, { seed, perParagraph: 4 })
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('\n');
}

/**
 * A short article (five paragraphs) for the inside of deep structures, without commas: Readability skips its costliest
 * check on a container with ten commas or more, and the worst case is the one where it runs.
 */
const ARTICLE = paragraphsHtml(1500, 3).replace(/,/g, '');

/** The generators by name; each takes a target size (in characters, or nesting depth for the `nested-*` kinds). */
export const WORST_INPUTS = {
  /** `depth` nested `<div>`s around a short article. */
  'nested-divs': (depth: number): WorstInput => ({
    format: 'html',
    content: page(`${'<div>'.repeat(depth)}${ARTICLE}${'</div>'.repeat(depth)}`),
  }),
  /** `depth` nested `<div>`s, each with a sentence of its own before the next level. */
  'nested-text': (depth: number): WorstInput => {
    const next = sentenceMaker(4);
    const open: string[] = [];
    for (let i = 0; i < depth; i++) open.push(`<div class="level">${next()}`);
    return { format: 'html', content: page(`${open.join('')}${'</div>'.repeat(depth)}`) };
  },
  /** `depth` nested inline elements (`<span><b><i>...`) inside one paragraph. */
  'nested-inline': (depth: number): WorstInput => {
    const tags = ['span', 'b', 'i', 'em', 'strong', 'a'];
    const open = Array.from({ length: depth }, (_, i) => `<${tags[i % tags.length]}>`).join('');
    const close = Array.from({ length: depth }, (_, i) => `</${tags[(depth - 1 - i) % tags.length]}>`).join('');
    return { format: 'html', content: page(`<p>${open}${prose(600, { seed: 5 })}${close}</p>${ARTICLE}`) };
  },
  /** `depth` `<div>`s that are never closed, before an article. */
  'unclosed-divs': (depth: number): WorstInput => ({
    format: 'html',
    content: page(`${'<div>'.repeat(depth)}${ARTICLE}`),
  }),
  /** `depth` `<div>`s, each followed by a closing tag that matches nothing (`<div></b>`). */
  'mismatched-closes': (depth: number): WorstInput => ({
    format: 'html',
    content: page(`${'<div></b>'.repeat(depth)}${ARTICLE}`),
  }),
  /** Lists nested `depth` deep (`<ul><li>` with a sentence at each level). */
  'nested-lists': (depth: number): WorstInput => {
    const next = sentenceMaker(6);
    const open: string[] = [];
    for (let i = 0; i < depth; i++) open.push(`<ul><li>${next()}`);
    return { format: 'html', content: page(`${ARTICLE}${open.join('')}${'</li></ul>'.repeat(depth)}`) };
  },
  /** Many short chains of nested `<div>`s (16 deep) with a few words each: wide and deep at once. */
  'div-chains': (chars: number): WorstInput => {
    const one = `${'<div>'.repeat(16)}Ferry budget news${'</div>'.repeat(16)}`;
    return { format: 'html', content: page(`${ARTICLE}${fill(one, chars)}`) };
  },
  /** A page of many paragraphs of prose. */
  'html-paragraphs': (chars: number): WorstInput => ({ format: 'html', content: page(paragraphsHtml(chars)) }),
  /** One enormous table (rows of five cells) after a short article. */
  'html-table': (chars: number): WorstInput => {
    const row = '<tr><td>Eastmere</td><td>1,204</td><td>3.5%</td><td>March 4</td><td>approved</td></tr>';
    return { format: 'html', content: page(`${ARTICLE}<table>${fill(row, chars)}</table>`) };
  },
  /** A paragraph made of one long run of character references, after a short article. */
  'html-entities': (chars: number): WorstInput => ({
    format: 'html',
    content: page(`${ARTICLE}<p>${fill('&amp;&#x41;&quot;&nbsp;&lt;', chars)}</p>`),
  }),
  /** The whole article in one paragraph element with no line breaks. */
  'html-one-line': (chars: number): WorstInput => ({ format: 'html', content: page(`<p>${prose(chars)}</p>`) }),
  /** Prose on one line: no paragraph breaks at all. */
  'text-one-line': (chars: number): WorstInput => ({ format: 'text', content: prose(chars) }),
  /** Prose in paragraphs of four sentences. */
  'text-paragraphs': (chars: number): WorstInput => ({ format: 'text', content: prose(chars, { perParagraph: 4 }) }),
  /** Prose with every sentence on its own line. */
  'text-lines': (chars: number): WorstInput => ({ format: 'text', content: prose(chars, { perParagraph: 1 }) }),
  /** One endless sentence: prose with its sentence ends taken out. */
  'text-no-stops': (chars: number): WorstInput => ({ format: 'text', content: prose(chars).replace(/[.!?]/g, '') }),
  /** Prose whose quotations never close (every closing mark taken out). */
  'text-unbalanced-quotes': (chars: number): WorstInput => ({
    format: 'text',
    content: prose(chars, { perParagraph: 4 }).replace(/," /g, ', '),
  }),
  /** Runs of quotation marks between words. */
  'text-quote-runs': (chars: number): WorstInput => ({
    format: 'text',
    content: fill('The council said """" the budget "“”„ passed ", she said. ', chars),
  }),
  /** Quotations signed with a dash and a name ('"..." — Mara Quenby'), all on one line. */
  'text-signed-quotes': (chars: number): WorstInput => ({
    format: 'text',
    content: fill('"The ferry budget passed," — Mara Quenby and "it will cost more," — Tobin Ashgrove. ', chars),
  }),
  /** Single quotation marks that open and never close ('like this), all in one paragraph. */
  'text-single-quotes': (chars: number): WorstInput => ({
    format: 'text',
    content: fill("The council called it 'the plan and 'a start, officials said. ", chars),
  }),
  /** Prose with every word capitalized: every word is an entity candidate. */
  'text-capitalized': (chars: number): WorstInput => ({
    format: 'text',
    content: prose(chars, { perParagraph: 4 }).replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()),
  }),
  /** Sentences packed with numbers, amounts, percentages and dates. */
  'text-numbers-dates': (chars: number): WorstInput => {
    const r = seededRandom(7);
    const parts: string[] = [];
    let length = 0;
    while (length < chars) {
      const n = Math.floor(r() * 10000);
      const s = `On ${MONTHS[n % MONTHS.length]} ${1 + (n % 28)}, ${1990 + (n % 35)}, ${n} people paid $${n % 97}.5 million, up ${n % 60} percent from ${n % 12} weeks earlier. `;
      parts.push(s);
      length += s.length;
    }
    return { format: 'text', content: parts.join('') };
  },
  /** Prose around one enormous word (a run of characters with no white space). */
  'text-long-word': (chars: number): WorstInput => ({
    format: 'text',
    content: `${prose(3000)} ${fill('word-', chars)} ${prose(3000, { seed: 9 })}`,
  }),
  /** Words that all begin with an apostrophe, on one line: no run of words anywhere. */
  'text-apostrophes': (chars: number): WorstInput => ({ format: 'text', content: fill("'tis o'er ", chars) }),
  /** Markdown prose with links, emphasis and headings. */
  'markdown-prose': (chars: number): WorstInput => ({
    format: 'markdown',
    content: prose(chars, { perParagraph: 4 })
      .replace(/council/g, '**council**')
      .replace(/budget/g, '[budget](https://example.org/budget)')
      .replace(/\n\n/g, '\n\n## Update\n\n'),
  }),
  /** Markdown with a long line of openings that never close (`[`, `![a](`, `~~a `, `**a `). */
  'markdown-openings': (chars: number): WorstInput => ({
    format: 'markdown',
    content: `${prose(3000)}\n\n${fill('[![a](~~a **a <a ', chars)}`,
  }),
  /** One line repeated on every line. */
  'text-repeated-lines': (chars: number): WorstInput => ({
    format: 'text',
    content: fill('The harbor council approved the ferry budget on Tuesday, officials said.\n', chars),
  }),
} satisfies Record<string, (size: number) => WorstInput>;

/** The name of a generator. */
export type WorstInputKind = keyof typeof WORST_INPUTS;

/** True for the generators whose size is a nesting depth rather than a length. */
export function sizeIsDepth(kind: WorstInputKind): boolean {
  return kind.startsWith('nested-') || kind === 'unclosed-divs' || kind === 'mismatched-closes';
}
