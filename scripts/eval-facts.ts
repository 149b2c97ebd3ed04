// Measures how the compose phase groups statements into facts, on real stories from ../shared: how many facts, how
// many shared ones, how many sources a shared fact has, and how many shared facts join statements that cannot report
// the same event: days that differ, weekdays that differ, or the same count given two different values.
//
// Usage: npm run eval:facts [-- --neus N] [--show]
//
// Stories: the seeds; the first N NeuS val stories (default 100; undated, three outlets each); the AllSides clustering
// stream's stories (dated, two or three articles each, the same day); and "running" stories: each stream story read
// together with the next story on the same topic 1 to 21 days later (the same kind of event at another time: the
// jobless claims of two weeks, two votes of one bill), where statements of different days must stay apart.
//
// The check of a shared fact (scripts/lib/fact-clashes.ts) is a second reading of the rules, written apart from the
// grouping code on purpose. `--show` prints every clashing fact with short snippets.
import { parseArgs } from 'node:util';
import { prepareComparison } from '../src/core/compose/compose.js';
import { analyzeArticles, readArticles } from '../src/core/pipeline.js';
import type { AnalyzedStory } from '../src/core/stage-types.js';
import { seedRaws } from '../test/helpers/shared.js';
import { dated, factClash, streamArticles, type StreamArticle } from './lib/fact-clashes.js';
import { prepareStory, readNeus } from './lib/neus.js';

const { values } = parseArgs({
  options: { neus: { type: 'string', default: '100' }, show: { type: 'boolean', default: false } },
});

/** Totals over a set of stories. */
interface Totals {
  stories: number;
  statements: number;
  facts: number;
  shared: number;
  inShared: number;
  sources: number;
  bySources: Map<number, number>;
  clashTime: number;
  clashFigures: number;
}

const newTotals = (): Totals => ({
  stories: 0,
  statements: 0,
  facts: 0,
  shared: 0,
  inShared: 0,
  sources: 0,
  bySources: new Map(),
  clashTime: 0,
  clashFigures: 0,
});

const snip = (text: string): string => (text.length > 90 ? `${text.slice(0, 90)}…` : text);

function measure(totals: Totals, name: string, story: AnalyzedStory): void {
  const { statements, factGroups } = prepareComparison(story);
  totals.stories++;
  totals.statements += statements.filter((s) => !s.junk).length;
  for (const group of factGroups) {
    totals.facts++;
    if (group.fact.kind !== 'shared') continue;
    totals.shared++;
    totals.inShared += group.members.length;
    const n = group.fact.independentSources;
    totals.sources += n;
    totals.bySources.set(Math.min(n, 5), (totals.bySources.get(Math.min(n, 5)) ?? 0) + 1);
    const found = factClash(group.members, story);
    if (found?.why === 'time') totals.clashTime++;
    if (found?.why === 'figures') totals.clashFigures++;
    if (found && values.show) {
      console.log(`  [${found.why}] ${name} ${group.fact.id} (${group.members.length} members)`);
      for (const k of found.pair) {
        const r = found.readings[k]!;
        const m = group.members[k]!;
        const counts = [...r.counts].map(([w, v]) => `${w}=${[...v].join('/')}`);
        const detail = `${[...r.days].join(',')} ${[...r.weekdays].join(',')} ${counts.join(',')}`;
        console.log(`      ${m.articleId.slice(0, 14)} [${detail.trim()}]: ${snip(m.text)}`);
      }
    }
  }
}

function print(label: string, t: Totals): void {
  const per = (x: number, n: number): string => (n === 0 ? '-' : (x / n).toFixed(2));
  const dist = [2, 3, 4, 5].map((k) => `${k === 5 ? '5+' : k}:${t.bySources.get(k) ?? 0}`).join(' ');
  console.log(
    `${label.padEnd(22)} ${String(t.stories).padStart(5)} ${String(t.facts).padStart(6)} ${String(t.shared).padStart(6)}` +
      ` ${per(t.inShared, t.shared).padStart(8)} ${per(t.sources, t.shared).padStart(8)}  ${dist.padEnd(24)}` +
      ` ${String(t.clashTime).padStart(5)} ${String(t.clashFigures).padStart(7)}`,
  );
}

const daysApart = (a: string, b: string): number => (Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / 864e5;

console.log(
  'stories                 count  facts shared members/ sources/  shared facts by sources   clashes: time figures',
);
console.log('                                            shared   shared');

const seeds = newTotals();
measure(seeds, 'seeds', analyzeArticles(readArticles(seedRaws()).articles, null));
print('seeds', seeds);

const neus = newTotals();
for (const story of readNeus('val').slice(0, Number(values.neus))) {
  const prepared = prepareStory(story);
  if (prepared) measure(neus, story.id, analyzeArticles(prepared.articles, null));
}
print(`NeuS val (first ${values.neus})`, neus);

const stream = streamArticles();
const events = new Map<string, StreamArticle[]>();
for (const s of stream) events.set(s.event_id, [...(events.get(s.event_id) ?? []), s]);
const single = newTotals();
for (const [id, list] of events) measure(single, id, analyzeArticles(list.map(dated), null));
print('stream stories', single);

const running = newTotals();
const ordered = [...events.entries()].sort(([, a], [, b]) => a[0]!.date.localeCompare(b[0]!.date));
for (const [k, [id, list]] of ordered.entries()) {
  const next = ordered.slice(k + 1).find(([, other]) => {
    const gap = daysApart(list[0]!.date, other[0]!.date);
    return other[0]!.topic === list[0]!.topic && gap >= 1 && gap <= 21;
  });
  if (next) measure(running, `${id}+${next[0]}`, analyzeArticles([...list, ...next[1]].map(dated), null));
}
print('running stories', running);
