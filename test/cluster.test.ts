import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ClusterInputError,
  createClusterer,
  DEFAULT_CLUSTER_OPTIONS,
  InvalidSnapshotError,
  restoreClusterer,
  type Assignment,
  type ClusterDoc,
  type ClusterOptions,
} from '../src/core/cluster/index.js';
import { BRIDGE_OPTIONS, BRIDGED_STORIES } from './helpers/cluster-fixtures.js';
import { REPO_ROOT } from './helpers/shared.js';

// Fictional streams, written for these tests.

/** The text articles of the fictional fixture stream (the HTML item is the CLI's business). */
function fixtureDocs(): ClusterDoc[] {
  return readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'cluster', 'stream.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as ClusterDoc & { html?: string })
    .filter((d) => d.html === undefined);
}

/** A made-up word from syllables: thousands of distinct names without any real ones. */
function madeUpWord(n: number): string {
  const syllables = ['ka', 'lo', 'mi', 'ren', 'tsu', 'vor', 'pel', 'dra', 'nix', 'qua', 'sel', 'bru'];
  let word = '';
  for (let k = n + 13; word.length < 9; k = Math.floor(k / syllables.length) + 7) {
    word += syllables[k % syllables.length];
  }
  return word.charAt(0).toUpperCase() + word.slice(1) + n.toString(36);
}

/** Many stories that all share common words ("council", "voted", "budget") and differ by made-up names. */
function manyStories(count: number, date: string): ClusterDoc[] {
  return Array.from({ length: count }, (_, i) => {
    const town = madeUpWord(i);
    const person = madeUpWord(i + 5000);
    return {
      id: `story-${i}`,
      date,
      title: `${town} council voted on the budget`,
      text: `The ${town} council voted on the budget on Tuesday. Councillor ${person} said the budget for ${town} would pass.`,
    };
  });
}

const addAll = (docs: readonly ClusterDoc[], options: ClusterOptions = {}): Assignment[] => {
  const clusterer = createClusterer(options);
  return docs.map((d) => clusterer.add(d));
};

describe('clusterer on a fictional stream', () => {
  const docs = fixtureDocs();
  const byId = new Map(addAll(docs).map((a) => [a.id, a]));

  it('puts reports of one event together and says what they share', () => {
    const tribune = byId.get('bridge-tribune')!;
    expect(byId.get('bridge-herald')!.decision).toBe('started');
    expect(tribune).toMatchObject({ decision: 'joined', storyId: byId.get('bridge-herald')!.storyId });
    expect(tribune.reason.chosen!.score).toBeGreaterThanOrEqual(tribune.reason.threshold);
    expect(tribune.reason.shared.people).toContain('Dana Whitlock');
    expect(tribune.reason.shared.otherNames.concat(tribune.reason.shared.places)).toEqual(
      expect.arrayContaining(['Harbor Bridge', 'Port Ellery']),
    );
    expect(byId.get('bridge-wire')!.storyId).toBe(tribune.storyId);
    expect(byId.get('wildfire-courier')!.storyId).toBe(byId.get('wildfire-gazette')!.storyId);
  });

  it('starts a story for an unrelated article and names the nearest story it did not reach', () => {
    const chess = byId.get('chess-herald')!;
    expect(chess.decision).toBe('started');
    expect(new Set([...byId.values()].filter((a) => a.storyId === chess.storyId).map((a) => a.id))).toEqual(
      new Set(['chess-herald']),
    );
    if (chess.reason.nearest) expect(chess.reason.nearest.score).toBeLessThan(chess.reason.threshold);
  });

  it('places an undated article by its text alone, with no time gap', () => {
    const note = byId.get('undated-note')!;
    expect(note.storyId).toBe(byId.get('bridge-herald')!.storyId);
    expect(note.reason.chosen!.gapDays).toBeNull();
  });

  it('starts a new story for the same kind of event weeks later (the old story has gone quiet)', () => {
    const april = byId.get('bridge-april')!;
    expect(april.decision).toBe('started');
    expect(april.storyId).not.toBe(byId.get('bridge-herald')!.storyId);
    // The March story may still be listed, but it is quiet as of April: not scored, not joined.
    expect(april.reason.scored).toBe(0);
  });

  it('starts its own story for an article with no names, terms or numbers', () => {
    const symbols = byId.get('symbols-only')!;
    expect(symbols).toMatchObject({ decision: 'started', reason: { features: 0, candidates: 0, chosen: null } });
  });

  it('is deterministic: the same stream twice gives the same assignments', () => {
    expect(addAll(docs)).toEqual(addAll(docs));
  });

  it('marks a story that already has an article of the same outlet, and scores it lower', () => {
    const clusterer = createClusterer();
    clusterer.add(docs[0]!);
    const same = clusterer.add({ ...docs[1]!, id: 'same-outlet', outlet: docs[0]!.outlet ?? null });
    const other = createClusterer();
    other.add(docs[0]!);
    const different = other.add(docs[1]!);
    expect(same.reason.chosen!.sameOutlet).toBe(true);
    expect(same.reason.chosen!.score).toBeCloseTo(
      different.reason.chosen!.score * DEFAULT_CLUSTER_OPTIONS.sameOutletFactor,
      5,
    );
  });
});

describe('merging stories an article bridges', () => {
  const docs = BRIDGED_STORIES;
  const options = BRIDGE_OPTIONS;
  it('merges the two stories, keeps the older id and resolves the merged one to it', () => {
    const clusterer = createClusterer(options);
    const [strike, blockade, bridge] = docs.map((d) => clusterer.add(d)) as [Assignment, Assignment, Assignment];
    expect(strike.storyId).not.toBe(blockade.storyId);
    expect(bridge.decision).toBe('merged');
    expect(bridge.storyId).toBe(strike.storyId);
    expect(bridge.mergedStoryIds).toEqual([blockade.storyId]);
    expect(clusterer.resolve(blockade.storyId)).toBe(strike.storyId);
    expect(clusterer.resolve(strike.storyId)).toBe(strike.storyId);
    expect(clusterer.stats().liveStories).toBe(1);
  });

  it('does not merge with the default options when the stories are unlike each other', () => {
    const assignments = addAll(docs);
    expect(assignments.map((a) => a.decision)).not.toContain('merged');
  });
});

describe('index bounds', () => {
  it('scores a bounded number of candidates however many stories share the common words', () => {
    const options = { postingsLimit: 8, queryFeatures: 6, maxScored: 4 };
    const clusterer = createClusterer(options);
    const assignments = manyStories(400, '2024-05-01T10:00:00Z').map((d) => clusterer.add(d));
    expect(clusterer.stats().liveStories).toBeGreaterThan(300);
    for (const a of assignments) {
      expect(a.reason.candidates).toBeLessThanOrEqual(options.queryFeatures * options.postingsLimit);
      expect(a.reason.scored).toBeLessThanOrEqual(options.maxScored);
    }
    // The common words do offer candidates: the bound is what keeps them few.
    expect(Math.max(...assignments.map((a) => a.reason.candidates))).toBeGreaterThan(options.maxScored);
  });

  it('takes quiet stories out of the index', () => {
    const clusterer = createClusterer();
    for (const d of manyStories(50, '2024-05-01T10:00:00Z')) clusterer.add(d);
    // The clock follows the median of the latest dates: the third later article moves it and closes the old stories.
    const later = manyStories(3, '2024-05-20T10:00:00Z').map((d) => clusterer.add({ ...d, id: `later-${d.id}` }));
    expect(later[0]!.reason.scored).toBe(0);
    expect(later[2]!.reason.candidates).toBe(2); // only the two later stories are left
    expect(clusterer.stats().liveStories).toBe(3);
  });
});

describe('snapshot and restore', () => {
  const stream = [
    ...manyStories(60, '2024-05-01T10:00:00Z'),
    ...fixtureDocs(),
    ...manyStories(40, '2024-05-02T10:00:00Z'),
  ].map((d, i) => ({ ...d, id: `${d.id}#${i}` }));

  it('continues after a JSON round trip with exactly the decisions of an uninterrupted run', () => {
    const whole = addAll(stream);
    for (const cut of [1, 37, 70, stream.length - 1]) {
      const first = createClusterer();
      const before = stream.slice(0, cut).map((d) => first.add(d));
      const restored = restoreClusterer(JSON.parse(JSON.stringify(first.snapshot())) as unknown);
      const after = stream.slice(cut).map((d) => restored.add(d));
      expect([...before, ...after]).toEqual(whole);
      expect(restored.snapshot()).toEqual(
        (() => {
          const c = createClusterer();
          for (const d of stream) c.add(d);
          return c.snapshot();
        })(),
      );
    }
  });

  it('keeps the options of the snapshot, and lets the caller override them', () => {
    const clusterer = createClusterer({ quietDays: 9 });
    expect(restoreClusterer(clusterer.snapshot()).options.quietDays).toBe(9);
    expect(restoreClusterer(clusterer.snapshot(), { quietDays: 2 }).options.quietDays).toBe(2);
  });

  it('rejects damaged snapshots with a clear error', () => {
    const clusterer = createClusterer();
    for (const d of fixtureDocs()) clusterer.add(d);
    const good = clusterer.snapshot();
    const damaged: unknown[] = [
      null,
      'snapshot',
      { ...good, format: 'other' },
      { ...good, version: 2 },
      { ...good, stories: 'none' },
      { ...good, postings: [['t:bridg', [999]]] },
      { ...good, documents: [Number.NaN, null] },
      { ...good, stats: { ...good.stats, liveStories: 99 } },
    ];
    for (const snapshot of damaged) expect(() => restoreClusterer(snapshot)).toThrow(InvalidSnapshotError);
    expect(() => restoreClusterer({ ...good, format: 'other' })).toThrow(/not a valid clusterer snapshot: the format/);
  });
});

describe('wrong dates', () => {
  const docs = fixtureDocs();
  const storyOf = (assignments: readonly Assignment[], id: string): string =>
    assignments.find((a) => a.id === id)!.storyId;

  it.each([
    ['in the middle of the stream', 2],
    ['first in the stream', 0],
  ])('one article dated decades ahead, %s, does not close the live stories', (_, at) => {
    const bogus: ClusterDoc = {
      id: 'bogus',
      date: '2099-01-01T00:00:00Z',
      text: 'Shares of Tallin Mining rose sharply.',
    };
    const stream = [...docs.slice(0, at), bogus, ...docs.slice(at)];
    const assignments = addAll(stream);
    const normal = addAll(docs);
    for (const id of ['bridge-tribune', 'bridge-wire', 'wildfire-courier', 'undated-note']) {
      expect(storyOf(assignments, id)).toBe(
        storyOf(assignments, id === 'wildfire-courier' ? 'wildfire-gazette' : 'bridge-herald'),
      );
      expect(assignments.find((a) => a.id === id)!.decision).toBe(normal.find((a) => a.id === id)!.decision);
    }
  });
});

describe('bad articles', () => {
  it('rejects an empty text, a missing id and an unreadable date with clear errors', () => {
    const clusterer = createClusterer();
    expect(() => clusterer.add({ id: 'empty', text: '  \n ' })).toThrow(
      new ClusterInputError('article empty: the text is empty'),
    );
    expect(() => clusterer.add({ id: '', text: 'Some text.' })).toThrow(ClusterInputError);
    expect(() => clusterer.add({ id: 'when', text: 'Some text.', date: 'last Tuesday' })).toThrow(
      /article when: the date "last Tuesday" is not an ISO 8601 date/,
    );
    // Rejected articles change nothing: the clusterer goes on as if they had not come.
    expect(clusterer.snapshot()).toEqual(createClusterer().snapshot());
    expect(clusterer.add({ id: 'fine', text: 'The ferry resumed service on Sunday.' }).decision).toBe('started');
  });

  it('rejects options of the wrong kind', () => {
    expect(() => createClusterer({ joinThreshold: -1 })).toThrow(RangeError);
    expect(() => createClusterer({ postingsLimit: 2.5 })).toThrow(/postingsLimit must be a positive whole number/);
  });
});

describe('pruning in a stream that never ends', () => {
  /** Three stories a day of made-up towns and people, new every day, one day apart. */
  const days = (count: number, start = Date.UTC(2024, 0, 1)): ClusterDoc[] =>
    Array.from({ length: count }, (_, d) => {
      const date = new Date(start + d * 86_400_000).toISOString();
      return [0, 1, 2].map((k): ClusterDoc => {
        const town = madeUpWord(d * 3 + k);
        const person = madeUpWord(9000 + d * 3 + k);
        return {
          id: `d${d}-${k}`,
          date,
          title: `${town} council voted on the budget`,
          text: `The ${town} council voted on the budget. Councillor ${person} said the ${town} budget would pass.`,
        };
      });
    }).flat();

  it('keeps the document frequencies bounded', () => {
    const stream = days(40);
    const pruned = createClusterer({ pruneEvery: 10 });
    const kept = createClusterer();
    for (const doc of stream) {
      pruned.add(doc);
      kept.add(doc);
    }
    const size = (c: ReturnType<typeof createClusterer>) => c.snapshot().documentFrequency.length;
    expect(size(pruned)).toBeLessThan(size(kept) / 2);
    // What a pruned clusterer still knows: the features of the last few days and those seen more than once.
    expect(
      pruned.snapshot().documentFrequency.every(([, count, time]) => count > 1 || time! >= Date.UTC(2024, 0, 36)),
    ).toBe(true);
  });

  it('forgets the merge aliases once the surviving story has gone quiet', () => {
    const clusterer = createClusterer({ ...BRIDGE_OPTIONS, pruneEvery: 1 });
    const placed = BRIDGED_STORIES.map((d) => clusterer.add(d));
    const merge = placed.find((a) => a.decision === 'merged')!;
    const absorbed = merge.mergedStoryIds![0]!;
    expect(clusterer.resolve(absorbed)).toBe(merge.storyId);
    for (const doc of days(2, Date.UTC(2024, 6, 1))) clusterer.add(doc);
    expect(clusterer.resolve(absorbed)).toBe(absorbed);
    expect(clusterer.snapshot().aliases).toEqual([]);
  });

  it('prunes at the same article counts after a restore, so decisions stay identical', () => {
    const stream = days(12);
    const whole = addAll(stream, { pruneEvery: 7 });
    const first = createClusterer({ pruneEvery: 7 });
    const before = stream.slice(0, 20).map((d) => first.add(d));
    const restored = restoreClusterer(JSON.parse(JSON.stringify(first.snapshot())) as unknown);
    expect(restored.options.pruneEvery).toBe(7);
    expect([...before, ...stream.slice(20).map((d) => restored.add(d))]).toEqual(whole);
  });

  it('refuses a pruning interval that is not a whole number', () => {
    expect(() => createClusterer({ pruneEvery: 2.5 })).toThrow(/pruneEvery must be a non-negative whole number/);
    expect(createClusterer({ pruneEvery: 0 }).options.pruneEvery).toBe(0);
  });
});
