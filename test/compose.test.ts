import { beforeAll, describe, expect, it } from 'vitest';
import { composeStory } from '../src/core/compose/compose.js';
import { findCharged } from '../src/core/compose/charged-wording.js';
import { copyGroups, shareRun } from '../src/core/compose/near-duplicates.js';
import { buildStatements } from '../src/core/compose/statements.js';
import { candidatePairs, buildTermIndex } from '../src/core/compose/similarity.js';
import { analyzeStory } from '../src/core/pipeline.js';
import type { Article, RawArticle, Report } from '../src/core/model.js';
import type { AnalyzedStory } from '../src/core/stage-types.js';
import { findNumbers } from '../src/core/analyze/numbers.js';
import { analyzeText } from '../src/core/nlp/wink.js';
import { createRunContext } from '../src/core/run-context.js';
import { article, story } from './helpers/compose-fixtures.js';
import { seedRaws } from './helpers/shared.js';
import { describeShared } from './helpers/shared.js';

const OPTIONS = { summaryWords: 60 };

/** A hand-built story with the figures of the real numbers stage (compose reads figures only from there). */
function withNumbers(articles: Article[]): AnalyzedStory {
  return { ...story(articles), numbers: findNumbers(articles, []) };
}

describe('facts', () => {
  it('groups paraphrases of one event across articles', () => {
    const out = composeStory(
      story([
        article('a', 'The mayor spoke with the governor about the flood on Tuesday. Schools stayed closed.'),
        article('b', 'Mayor Ruiz talked with the governor about the flooding. Bridges were inspected by engineers.'),
        article('c', 'The governor had a phone conversation with the mayor about the flood. A curfew was announced.'),
      ]),
      OPTIONS,
    );
    const top = out.facts[0]!;
    expect(top.kind).toBe('shared');
    expect(top.articleIds).toEqual(['a', 'b', 'c']);
    expect(top.citations).toHaveLength(3);
  });

  it('finds no shared fact among unrelated articles', () => {
    const out = composeStory(
      story([
        article('a', 'The central bank raised interest rates by half a point on Wednesday.'),
        article('b', 'A rare orchid bloomed in the botanical garden after twelve years.'),
      ]),
      OPTIONS,
    );
    expect(out.facts.filter((f) => f.kind === 'shared')).toEqual([]);
    expect(out.differences).toEqual([]);
    expect(out.omissions.every((o) => o.factIds.length === 0)).toBe(true);
  });

  it('counts near-verbatim copies as one independent source', () => {
    const wire =
      'Flood waters rose above the old stone bridge in the northern town late on Monday night, officials said.';
    const out = composeStory(
      story([
        article('a', wire),
        article('b', wire),
        article('c', 'Officials said flood waters rose above the bridge in the town.'),
      ]),
      OPTIONS,
    );
    const fact = out.facts[0]!;
    expect(fact.articleIds).toHaveLength(3);
    expect(fact.independentSources).toBe(2);
  });

  it('finds candidate pairs through the index without comparing every pair', () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      article(`x${i}`, `Topic${i} word${i} alpha${i} beta${i} went up.`),
    );
    const statements = buildStatements(story(many), createRunContext());
    expect(candidatePairs(buildTermIndex(statements))).toEqual([]);
  });
});

describe('near-duplicates', () => {
  it('detects a shared 8-word run and only then', () => {
    const a = 'one two three four five six seven eight nine'.split(' ');
    expect(shareRun(a, ['zero', ...a.slice(0, 8)])).toBe(true);
    expect(shareRun(a, a.slice(0, 7))).toBe(false);
  });

  it('puts copied articles into one copy group', () => {
    const text = 'The storm cut power to thousands of homes across the valley and closed the main highway for hours.';
    const groups = copyGroups(
      buildStatements(story([article('a', text), article('b', text), article('c', 'Rain fell.')]), createRunContext()),
    );
    expect(groups.get('a')).toBe(groups.get('b'));
    expect(groups.get('c')).toBe('c');
  });
});

describe('differences', () => {
  it('reports disagreeing figures about the same count with their attribution', () => {
    const out = composeStory(
      withNumbers([
        article('a', 'At least 12 people were killed in the blast, according to the police.'),
        article('b', 'The blast killed 30 civilians, hospital officials said.'),
      ]),
      OPTIONS,
    );
    const number = out.differences.find((d) => d.kind === 'number')!;
    expect(number.claims.map((c) => c.value).sort()).toEqual([12, 30]);
    expect(number.claims.find((c) => c.value === 12)!.attribution).toBe('the police');
  });

  it('reports no difference when the figures agree', () => {
    const out = composeStory(
      withNumbers([
        article('a', 'Twelve hours later, 12 people were killed in the blast.'),
        article('b', 'The blast killed 12 people, hospital officials said.'),
      ]),
      OPTIONS,
    );
    expect(out.differences.filter((d) => d.kind === 'number')).toEqual([]);
  });

  it('compares like with like: people evacuated and people treated are two counts, each cited by its sentence', () => {
    const articles = [
      article('a', 'The fire forced the evacuation of about 1,200 people. Fourteen people were treated for smoke.'),
      article('b', 'More than 2,000 residents were ordered out of their homes. Nine people were hospitalized.'),
    ];
    const out = composeStory(withNumbers(articles), OPTIONS);
    const numbers = out.differences.filter((d) => d.kind === 'number');
    const values = numbers.map((d) => d.claims.map((c) => c.value).sort((x, y) => x! - y!));
    expect(values).toEqual(
      expect.arrayContaining([
        [1200, 2000],
        [9, 14],
      ]),
    );
    expect(numbers).toHaveLength(2);
    for (const d of numbers) {
      for (const c of d.claims) {
        const cited = c.citations.map((x) => articles.find((a) => a.id === x.articleId)!.text.slice(x.start, x.end));
        // The whole sentence, not the bare figure.
        expect(cited.every((t) => /[.!?]$/.test(t) && t.length > c.text.length)).toBe(true);
      }
    }
  });

  it('reports no difference between figures that can both hold, a change and a level, or a forecast and a result', () => {
    const out = composeStory(
      withNumbers([
        article(
          'a',
          'The agency will send roughly 4 million doses to the islands. Claims rose 37,000 to 412,000 last week.',
        ),
        article('b', 'The agency will send 4 million doses to the islands. Employers added 850,000 jobs in June.'),
        article('c', 'Claims rose to 412,000 last week. Economists had expected employers would add 700,000 jobs.'),
      ]),
      OPTIONS,
    );
    expect(out.differences.filter((d) => d.kind === 'number')).toEqual([]);
  });

  it('compares no count of people for which the sentence states no event', () => {
    const out = composeStory(
      withNumbers([
        article('a', 'About 300 people, many of them elderly.'),
        article('b', 'The town hall held 40 people, the mayor said.'),
      ]),
      OPTIONS,
    );
    expect(out.differences.filter((d) => d.kind === 'number')).toEqual([]);
  });

  it('keeps counts of different sides apart and sub-counts out', () => {
    const out = composeStory(
      withNumbers([
        article(
          'a',
          'The death toll rose to 65 Palestinians, including 16 children, according to the health ministry. On the Israeli side, seven people have been killed.',
        ),
        article('b', 'More than 200 people have been killed in the strikes, officials said.'),
      ]),
      OPTIONS,
    );
    const numbers = out.differences.filter((d) => d.kind === 'number');
    expect(numbers).toHaveLength(1);
    expect(numbers[0]!.claims.map((c) => c.value).sort((x, y) => x! - y!)).toEqual([65, 200]);
    expect(numbers[0]!.claims.find((c) => c.value === 200)!.articleIds).toEqual(['b']);
  });

  it('finds no number difference without the numbers stage (one figure finder)', () => {
    const out = composeStory(
      story([
        article('a', 'At least 12 people were killed in the blast, according to the police.'),
        article('b', 'The blast killed 30 civilians, hospital officials said.'),
      ]),
      OPTIONS,
    );
    expect(out.differences.filter((d) => d.kind === 'number')).toEqual([]);
  });

  it('reports contradicting stances on one topic', () => {
    const out = composeStory(
      story([
        article('a', 'The minister has refrained from calling for a ceasefire in the region.'),
        article('b', 'The minister called for a ceasefire on Friday in a televised speech.'),
      ]),
      OPTIONS,
    );
    const claim = out.differences.find((d) => d.kind === 'claim')!;
    expect(claim.about).toBe('support for a ceasefire');
    expect(claim.claims.map((c) => c.articleIds)).toEqual([['a'], ['b']]);
  });

  it('reads no stance from a question', () => {
    const out = composeStory(
      story([
        article('a', 'A reporter asked the minister if he would support a ceasefire soon.'),
        article('b', 'The minister did not call for a ceasefire on Friday.'),
      ]),
      OPTIONS,
    );
    expect(out.differences.filter((d) => d.kind === 'claim')).toEqual([]);
  });
});

describe('framing', () => {
  it('scores charged wording outside quotes only', () => {
    const text = 'Officials condemned the brutal raid. "It was a massacre," he said.';
    const hits = findCharged(text, analyzeText(text, createRunContext()).tokens, { ownVoiceOnly: true });
    expect(hits.map((h) => h.term)).toEqual(['brutal']);
    const neutral = 'The council approved the budget on Tuesday.';
    expect(findCharged(neutral, analyzeText(neutral, createRunContext()).tokens)).toEqual([]);
  });

  it('finds appositions and pre-modifiers of a key entity', () => {
    const out = composeStory(
      story([
        article('a', 'Police arrested members of Acme, the shadowy network that sells fake tickets. Acme denied it.'),
        article('b', 'The notorious network Acme was raided again. Acme said nothing.'),
      ]),
      OPTIONS,
    );
    const terms = (id: string): string[] =>
      out.framing.find((f) => f.articleId === id)!.descriptors.flatMap((d) => d.terms);
    expect(terms('a')).toContain('the shadowy network that sells fake tickets');
    expect(terms('b')).toContain('notorious network');
  });
});

describe('facts of one event', () => {
  const raw = (id: string, content: string, publishedAt?: string): RawArticle => ({
    id,
    source: `${id}.txt`,
    format: 'text',
    content,
    meta: publishedAt ? { publishedAt } : {},
  });
  const shared = (report: Report): string[][] =>
    report.facts!.filter((f) => f.kind === 'shared').map((f) => [...f.articleIds].sort());

  it('keeps the same kind of event on different days apart', () => {
    const report = analyzeStory(
      [
        raw('a', 'On Monday, the mayor met the governor at the flooded bridge in Alder Falls.', '2030-04-03'),
        raw('b', 'On Friday, the mayor met the governor at the flooded bridge in Alder Falls.', '2030-04-07'),
      ],
      { referenceDate: '2030-04-08' },
    );
    expect(shared(report)).toEqual([]);
  });

  it('joins one event told with a weekday by one article and with its date by another', () => {
    const report = analyzeStory(
      [
        raw('a', 'On Wednesday, the mayor met the governor at the flooded bridge in Alder Falls.', '2030-04-04'),
        raw('b', 'On April 3, the mayor met the governor at the flooded bridge in Alder Falls.', '2030-04-05'),
      ],
      { referenceDate: '2030-04-08' },
    );
    expect(shared(report)).toEqual([['a', 'b']]);
  });

  it('keeps apart statements that give one count two values that cannot both hold', () => {
    const report = analyzeStory(
      [
        raw('a', 'The storm in Alder Falls killed 4 people and flooded the old mill, officials said.'),
        raw('b', 'The storm in Alder Falls killed 31 people and flooded the old mill, officials said.'),
      ],
      { referenceDate: '2030-04-08' },
    );
    expect(shared(report)).toEqual([]);
  });

  it('joins figures that agree as ranges ("more than 20" and 23)', () => {
    const report = analyzeStory(
      [
        raw('a', 'The storm in Alder Falls killed more than 20 people and flooded the old mill, officials said.'),
        raw('b', 'The storm in Alder Falls killed 23 people and flooded the old mill, officials said.'),
      ],
      { referenceDate: '2030-04-08' },
    );
    expect(shared(report)).toEqual([['a', 'b']]);
  });
});

describeShared('compose on the seed story', () => {
  let report: Report;
  beforeAll(() => {
    report = analyzeStory(seedRaws(), { referenceDate: '2021-05-17' });
  });

  it('keeps the three Biden–Netanyahu calls (weekend, Wednesday, Monday) in different facts', () => {
    const text = (c: { articleId: string; start: number; end: number }): string =>
      report.articles.find((x) => x.id === c.articleId)!.text.slice(c.start, c.end);
    // One sentence per call, by the article that dates it.
    const calls: [string, RegExp][] = [
      ['weekend', /^Over the weekend, Biden held phone calls/],
      ['wednesday', /^On Wednesday, President Biden called Benjamin Netanyahu/],
      ['monday', /The President spoke today with Israeli Prime Minister Netanyahu/],
    ];
    const found = new Set<string>();
    for (const fact of report.facts!) {
      const labels = new Set(
        fact.citations.flatMap((c) => calls.filter(([, re]) => re.test(text(c))).map(([label]) => label)),
      );
      labels.forEach((l) => found.add(l));
      expect(labels.size, [...labels].join(', ')).toBeLessThanOrEqual(1);
    }
    expect(found.size).toBeGreaterThan(0);
  });

  it('still joins the Wednesday call of Blinken told by 001 and 004 (same event, same day)', () => {
    const fact = report.facts!.find((f) => /Blinken/.test(f.statement) && f.articleIds.length >= 2);
    expect(fact).toBeDefined();
    expect(fact!.articleIds.some((id) => id.startsWith('001'))).toBe(true);
    expect(fact!.articleIds.some((id) => id.startsWith('004'))).toBe(true);
  });

  it('shows the two Gaza death tolls as one difference with their sources', () => {
    const toll = report.differences!.find(
      (d) => d.kind === 'number' && d.claims.some((c) => c.value === 65) && d.claims.some((c) => c.value === 200),
    );
    expect(toll).toBeDefined();
    expect(toll!.claims.find((c) => c.value === 65)!.articleIds[0]).toMatch(/^001/);
    expect(toll!.claims.find((c) => c.value === 200)!.articleIds[0]).toMatch(/^003/);
  });

  it('shows the ceasefire claims of 000 and 003 as contested', () => {
    const claim = report.differences!.find((d) => d.kind === 'claim' && /ceasefire/.test(d.about))!;
    expect(claim).toBeDefined();
    const [against, supporting] = claim.claims;
    expect(against!.articleIds.some((id) => id.startsWith('000'))).toBe(true);
    expect(supporting!.articleIds.some((id) => id.startsWith('003'))).toBe(true);
  });

  it('finds descriptors of Hamas in the articles that describe it', () => {
    const hamas = (prefix: string): string[] =>
      report
        .framing!.find((f) => f.articleId.startsWith(prefix))!
        .descriptors.flatMap((d) =>
          report.entities!.find((e) => e.id === d.entityId)?.name.includes('Hamas') || d.entityId.includes('hamas')
            ? d.terms
            : [],
        );
    expect(hamas('001').join('|')).toMatch(/militant organization/);
    expect(hamas('003').join('|')).toMatch(/terrorist group/);
    expect(hamas('004').join('|')).toMatch(/militant Islamic group/);
  });
});
