// The one-pass Markdown inline matchers (markdown-inline.ts) give exactly what the regular expressions they replace
// give, on any line; and lines made of openings that never close are read without retrying each opening to the end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dropImages,
  dropTags,
  findImages,
  replaceAutolinks,
  replaceLinks,
  replaceStrikethrough,
  replaceStrongEmphasis,
} from '../src/core/read/markdown-inline.js';
import { stripMarkdown } from '../src/core/read/strip-markdown.js';

/** The patterns the matchers replace, as the Markdown reader used them. */
const IMAGE = /!\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/g;
const BEFORE: [string, (line: string) => string, (line: string) => string][] = [
  ['links', (l) => l.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1'), (l) => replaceLinks(l)],
  ['reference links', (l) => l.replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1'), (l) => replaceLinks(l, true)],
  ['autolinks', (l) => l.replace(/<((?:https?:\/\/|www\.)[^>]+)>/g, '$1'), replaceAutolinks],
  ['tags', (l) => l.replace(/<\/?[a-z][^>]*>/gi, ''), dropTags],
  ['strong emphasis', (l) => l.replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2'), replaceStrongEmphasis],
  ['strikethrough', (l) => l.replace(/~~(?=\S)(.+?)(?<=\S)~~/g, '$1'), replaceStrikethrough],
  ['images', (l) => l.replace(IMAGE, ''), (l) => dropImages(l, findImages(l))],
];

/** Lines made of the characters the patterns care about. */
const line = fc
  .array(
    fc.constantFrom(
      ...['[', ']', '(', ')', '![', '<', '>', '/', 'http://', 'https://', 'www.', '"', ' ', '\t', 'a', 'B', '1', '.'],
      ...['*', '**', '_', '__', '~', '~~', '`', '\u2028', 'é'],
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('Markdown inline matchers', () => {
  for (const [name, before, now] of BEFORE) {
    it(`match ${name} as the regular expression did`, () => {
      fc.assert(
        fc.property(line, (l) => {
          expect(now(l)).toBe(before(l));
        }),
        { numRuns: 20000, seed: 17 },
      );
    });
  }

  it('find the same images, with their alt text', () => {
    fc.assert(
      fc.property(line, (l) => {
        const found = findImages(l).map((m) => [l.slice(m.start, m.end), m.alt]);
        expect(found).toEqual([...l.matchAll(IMAGE)].map((m) => [m[0], m[1]]));
      }),
      { numRuns: 20000, seed: 18 },
    );
  });

  it('keep ordinary markup working', () => {
    const md = stripMarkdown(
      '# The **harbor** vote\n\nThe [council](https://example.org/c) met ~~twice~~ once, ' +
        'said <b>Mara</b> Quenby ![photo](p.jpg "Quenby").',
    );
    expect(md.heading).toBe('The harbor vote');
    expect(md.text).toBe('The harbor vote\n\nThe council met twice once, said Mara Quenby .');
    expect(md.removed.map((r) => r.text)).toEqual(['![photo](p.jpg "Quenby")']);
  });

  it('read lines of openings that never close (a superlinear reading would not finish)', () => {
    for (const unit of ['[', '![a](', '~~a ', '**a ', '<a', '<http://', '[a](', '![a](b "']) {
      const l = unit.repeat(200_000 / unit.length);
      for (const [, , now] of BEFORE) expect(typeof now(l)).toBe('string');
    }
  });
});
