/**
 * The stream's pure pieces: what changed between two versions of an article, the date an article is clustered with,
 * the canonical link of a page, the lead entities of a report, entry keys and signatures, and the wire-copy window's
 * generations.
 */
import { describe, expect, it } from 'vitest';
import type { Entity } from '../src/core/model.js';
import { clusterDate } from '../src/core/stream/cluster-date.js';
import { findCanonicalLink } from '../src/core/stream/find-canonical-link.js';
import { leadEntities } from '../src/core/stream/lead-entities.js';
import { diffVersions } from '../src/core/stream/version-diff.js';
import { entryKey, entrySignature } from '../src/engine/stream/entry-keys.js';
import { identityWindow } from '../src/engine/stream/identity-window.js';
import { entityProvenance } from '../src/core/analyze/entities/entity-rules.js';

const V1 = [
  'The ferry to Gull Island resumed service on Monday after a storm closed the harbor for three days.',
  'Harbor master Ines Varga said 1,200 passengers were waiting. "We are back on schedule," she said.',
  'The council will meet on Friday.',
].join('\n\n');

describe('diffVersions', () => {
  it('finds the sentences added and removed, the reworded ones with their figures and quotes, and the headline', () => {
    const v2 = [
      'The ferry to Gull Island resumed service on Monday after a storm closed the harbor for three days.',
      'Harbor master Ines Varga said 1,450 passengers were waiting. "We are almost back on schedule," she said.',
      'Repairs to the pier will cost $2.5 million, the council said.',
    ].join('\n\n');
    const diff = diffVersions({ title: 'Ferry resumes', text: V1 }, { title: 'Ferry resumes after storm', text: v2 });
    expect(diff.headline).toEqual({ before: 'Ferry resumes', after: 'Ferry resumes after storm' });
    expect(diff.unchanged).toBe(1);
    expect(diff.added.map((s) => s.text)).toEqual(['Repairs to the pier will cost $2.5 million, the council said.']);
    expect(diff.removed.map((s) => s.text)).toEqual(['The council will meet on Friday.']);
    expect(diff.changed.map((c) => [c.figures, c.quotes])).toEqual([
      [
        { before: ['1,200'], after: ['1,450'] },
        { before: [], after: [] },
      ],
      [
        { before: [], after: [] },
        { before: ['We are back on schedule'], after: ['We are almost back on schedule'] },
      ],
    ]);
    expect(diff.figures).toEqual({ before: ['1,200'], after: ['1,450', '$2.5 million'] });
    // Offsets point into each version's own text.
    for (const s of diff.added) expect(v2.slice(s.start, s.end)).toBe(s.text);
    for (const s of diff.removed) expect(V1.slice(s.start, s.end)).toBe(s.text);
    for (const c of diff.changed) {
      expect(V1.slice(c.before.start, c.before.end)).toBe(c.before.text);
      expect(v2.slice(c.after.start, c.after.end)).toBe(c.after.text);
    }
  });

  it('reports nothing for the same text with other white space, and counts a figure stated twice then once', () => {
    const same = diffVersions(
      { title: ' Ferry  resumes', text: V1 },
      { title: 'Ferry resumes', text: V1.replace(/ /g, '  ') },
    );
    expect(same).toMatchObject({ headline: null, added: [], removed: [], changed: [], unchanged: 4, rewritten: false });
    const twice = diffVersions(
      { title: null, text: 'It cost 5 million. Then 5 million more.' },
      { title: null, text: 'It cost 5 million. Then more.' },
    );
    expect(twice.figures).toEqual({ before: ['5 million'], after: [] });
  });

  it('stops aligning texts too different to compare sentence by sentence', () => {
    const many = (tag: string) =>
      Array.from({ length: 60 }, (_, i) => `Sentence ${tag} number ${i} says something new.`).join(' ');
    const diff = diffVersions({ title: null, text: many('a') }, { title: null, text: many('b') }, { maxEdits: 10 });
    expect(diff.rewritten).toBe(true);
    expect(diff.removed.length + diff.added.length).toBeGreaterThan(100);
  });
});

describe('clusterDate', () => {
  const fetched = Date.UTC(2024, 4, 1, 12);
  it('keeps a stated date within reason, and uses the fetch time for a missing, future or absurd one', () => {
    expect(clusterDate('2024-04-30T08:00:00Z', fetched)).toEqual({ date: '2024-04-30T08:00:00.000Z', basis: 'stated' });
    expect(clusterDate('2024-05-02T06:00:00Z', fetched).basis).toBe('stated'); // within a day ahead: time zones
    expect(clusterDate('2024-05-09T00:00:00Z', fetched)).toEqual({
      date: '2024-05-01T12:00:00.000Z',
      basis: 'clamped-future',
    });
    expect(clusterDate('1970-01-01T00:00:00Z', fetched).basis).toBe('clamped-absurd');
    expect(clusterDate('not a date', fetched).basis).toBe('clamped-absurd');
    expect(clusterDate(null, fetched)).toEqual({ date: '2024-05-01T12:00:00.000Z', basis: 'fetch-time' });
    expect(clusterDate('2016-03-01', fetched).basis).toBe('stated'); // an old article is not an error
  });
});

describe('findCanonicalLink', () => {
  it('finds the canonical link in the head, in any attribute order and quoting', () => {
    expect(findCanonicalLink('<head><link rel="canonical" href="https://a.example/x?a=1&amp;b=2"></head>')).toBe(
      'https://a.example/x?a=1&b=2',
    );
    expect(findCanonicalLink("<link href='/story/1' rel='canonical'>")).toBe('/story/1');
    expect(findCanonicalLink('<LINK REL=canonical HREF=/s/2>')).toBe('/s/2');
    expect(findCanonicalLink('<link rel="alternate" href="/feed"><link rel="canonical" href="">')).toBeNull();
  });

  it('ignores links in the body and past the scanned head, and stays linear on hostile pages', () => {
    expect(findCanonicalLink('<head></head><body><link rel="canonical" href="/late"></body>')).toBeNull();
    expect(findCanonicalLink(`${' '.repeat(300_000)}<link rel="canonical" href="/far">`)).toBeNull();
    // A tag that never closes, and one too long to be a tag: neither is read as a link.
    expect(findCanonicalLink(`<link ${'rel=x '.repeat(100_000)}`)).toBeNull();
    expect(findCanonicalLink(`<link rel="canonical" ${'x'.repeat(5_000)} href="/long">`)).toBeNull();
  });
});

describe('leadEntities', () => {
  const entity = (name: string, type: Entity['type'], mentions: [string, boolean][]): Entity => ({
    id: name,
    name,
    type,
    aliases: [],
    roles: [],
    mentions: mentions.map(([articleId, inferred]) => ({
      articleId,
      start: 0,
      end: 1,
      text: name,
      inferred,
      provenance: { stage: 'entities', rule: inferred ? 'entities/title-stand-in' : 'entities/name-run' },
    })),
    provenance: entityProvenance('entities/type-votes', []),
  });

  it('ranks by the articles naming an entity, then by mentions, counting stated mentions only', () => {
    const entities = [
      entity('Mara Velt', 'person', [
        ['a', false],
        ['b', false],
        ['b', false],
      ]),
      entity('Harbor Line', 'organization', [
        ['a', false],
        ['b', false],
        ['c', false],
      ]),
      entity('The Captain', 'person', [
        ['a', true],
        ['b', true],
        ['c', true],
        ['d', true],
      ]),
      entity('Gull Island', 'place', [
        ['a', false],
        ['c', false],
      ]),
    ];
    expect(leadEntities(entities, { limit: 3 })).toEqual([
      { name: 'Harbor Line', type: 'organization', articles: 3 },
      { name: 'Mara Velt', type: 'person', articles: 2 },
      { name: 'Gull Island', type: 'place', articles: 2 },
    ]);
    expect(leadEntities(undefined)).toEqual([]);
  });
});

describe('entry keys and signatures', () => {
  const entry = {
    url: null as string | null,
    guid: null as string | null,
    title: 'T',
    published: null,
    updated: null,
    content: null,
  };
  it('keys an entry by its canonical address, else by its id', () => {
    expect(entryKey({ ...entry, url: 'https://www.a.example/x/?utm_source=rss#top' })).toBe(
      entryKey({ ...entry, url: 'http://a.example/x' }),
    );
    expect(entryKey({ ...entry, guid: ' line-7 ' })).toBe('id:line-7');
    expect(entryKey(entry)).toBeNull();
  });

  it('changes the signature when the title, a date or the carried content changes, not otherwise', () => {
    const base = entrySignature(entry);
    expect(entrySignature({ ...entry })).toBe(base);
    expect(entrySignature({ ...entry, title: 'T2' })).not.toBe(base);
    expect(entrySignature({ ...entry, updated: '2024-05-01T00:00:00Z' })).not.toBe(base);
    expect(entrySignature({ ...entry, content: { format: 'text', value: 'x' } })).not.toBe(base);
  });
});

describe('the wire-copy window', () => {
  it('holds the previous generation and the current one, fixed by stream position', () => {
    expect(identityWindow(0, 100)).toEqual({ after: 0, upTo: 0 });
    expect(identityWindow(100, 100)).toEqual({ after: 0, upTo: 100 });
    expect(identityWindow(101, 100)).toEqual({ after: 0, upTo: 101 });
    expect(identityWindow(200, 100)).toEqual({ after: 0, upTo: 200 });
    expect(identityWindow(201, 100)).toEqual({ after: 100, upTo: 201 });
    expect(identityWindow(350, 100)).toEqual({ after: 200, upTo: 350 });
  });
});
