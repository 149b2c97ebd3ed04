// One view of the report (src/core/render/report-view.ts): the Markdown report, the HTML report and the web page show
// the same sections in the same order, the same quote groups, the differences in the same ranked order, and cited
// text cut the same way.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Difference, Quote, Report, ReportArticle } from '../src/core/model.js';
import { articleFromText } from '../src/core/article-from-text.js';
import { entityProvenance, entityRule } from '../src/core/analyze/entities/entity-rules.js';
import { toReportArticle } from '../src/core/pipeline.js';
import { renderHtml } from '../src/core/render/html.js';
import { renderMarkdown } from '../src/core/render/render-markdown.js';
import { rankDifferences } from '../src/core/render/rank-differences.js';
import { CITED_TEXT_MAX, REPORT_SECTIONS, SECTION_TITLES, reportView } from '../src/core/render/report-view.js';
import { STORY_SECTIONS } from '../web/src/page-story.js';

// A fictional story: three outlets report a ferry strike; two carry the same words of the union's leader.
const LONG =
  'The ferry union said on Monday that its members would stay off the boats until the operator agreed to a new ' +
  'schedule, a pay rise of six percent, two more crew on every night crossing, and a review of the safety drills ' +
  'that the harbour board had asked for after the collision in the spring of last year.';
const TEXTS = {
  a: `${LONG} "We will not sail," Ines Varga said.`,
  b: 'Ines Varga, the union leader, said: "We will not sail." About 300 workers joined.',
  c: 'The operator said 250 workers joined the strike. Varga said talks could resume.',
};

function article(id: keyof typeof TEXTS, outlet: string): ReportArticle {
  const text = TEXTS[id];
  const sentences = [...text.matchAll(/[^.!?]+[.!?"]+/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    provenance: { stage: 'read' as const, rule: 'read/wink' },
  }));
  return { ...toReportArticle(articleFromText(id, text, { source: `${id}.txt`, sentences })), outlet };
}

function quote(id: string, articleId: keyof typeof TEXTS, words: string, name: string, kind: Quote['kind']): Quote {
  const start = TEXTS[articleId].indexOf(words);
  return {
    id,
    articleId,
    start,
    end: start + words.length,
    text: words,
    kind,
    cue: 'said',
    speaker: { entityId: 'e-varga', name, mention: null, inferred: false },
  } as Quote;
}

function difference(id: string, about: string, relation: Difference['relation'], ids: string[][]): Difference {
  return {
    id,
    about,
    kind: 'number',
    relation,
    claims: ids.map((articleIds, i) => ({
      text: `${about} ${i}`,
      value: i,
      articleIds,
      citations: articleIds.map((articleId) => ({ articleId, start: 0, end: 5 })),
      attribution: null,
      asOf: null,
    })),
  } as Difference;
}

function story(): Report {
  return {
    schemaVersion: 1,
    generator: { name: 'parallax', version: '0.0.0' },
    story: { id: 'ferry', title: 'Ferry strike', articleCount: 3, referenceDate: '2026-03-02' },
    articles: [article('a', 'Harbour Times'), article('b', 'Coast Wire'), article('c', 'Island Post')],
    failures: [],
    entities: [
      {
        id: 'e-varga',
        name: 'Ines Varga',
        type: 'person',
        aliases: ['Varga'],
        roles: ['union leader'],
        mentions: [{ articleId: 'a', start: 0, end: 4, text: 'Ines', provenance: entityRule('entities/name-run') }],
        provenance: entityProvenance('entities/full-person-name', ['entities/role-apposition']),
      },
    ],
    quotes: [
      quote('q1', 'a', 'We will not sail,', 'Ines Varga', 'direct'),
      quote('q2', 'b', 'We will not sail.', 'Ines Varga', 'direct'),
      quote('q3', 'c', 'talks could resume', 'Varga', 'indirect'),
    ],
    // In report order the update comes first; ranked, the conflict does.
    differences: [
      difference('d-update', 'ferries running', 'update', [['a'], ['b']]),
      difference('d-conflict', 'workers on strike', 'conflict', [['c'], ['a', 'b']]),
    ],
    summary: {
      text: 'The ferry union struck.',
      sentences: [{ text: 'The ferry union struck.', citations: [{ articleId: 'a', start: 0, end: LONG.length }] }],
    },
  } as Report;
}

describe('the report view', () => {
  const report = story();
  const view = reportView(report);
  const md = renderMarkdown(report);
  const html = renderHtml(report);
  const { document } = parseHTML(html);

  it('gives the sections that have something to show, in the one order', () => {
    expect(view.sections).toEqual(['summary', 'articles', 'differences', 'quotes', 'entities', 'sources']);
    expect(view.sections).toEqual(REPORT_SECTIONS.filter((id) => view.sections.includes(id)));
  });

  it('Markdown and HTML show those sections in that order, with the same titles', () => {
    const mdTitles = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(mdTitles).toEqual([...view.sections.map((id) => SECTION_TITLES[id]), 'Citations']);
    const htmlSections = [...document.querySelectorAll('main > section')];
    expect(htmlSections.map((s) => s.id)).toEqual(view.sections);
    expect(htmlSections.map((s) => s.querySelector('h2')?.textContent)).toEqual(
      view.sections.map((id) => SECTION_TITLES[id]),
    );
  });

  it('the web page keeps the same order for the sections it has', () => {
    const shown = STORY_SECTIONS.map(([, , , viewId]) => viewId).filter((id) => id !== null);
    expect(shown).toEqual(REPORT_SECTIONS.filter((id) => shown.includes(id)));
  });

  it('ranks the differences one way: the conflict before the update, in both renders', () => {
    expect(view.differences.map((d) => d.id)).toEqual(rankDifferences(report.differences ?? []).map((d) => d.id));
    expect(view.differences.map((d) => d.id)).toEqual(['d-conflict', 'd-update']);
    expect(md.indexOf('### workers on strike')).toBeLessThan(md.indexOf('### ferries running'));
    const headings = [...document.querySelectorAll('#differences h3')].map((h) => h.textContent);
    expect(headings).toEqual(['workers on strike (number)', 'ferries running (number)']);
    // The version two articles report comes first.
    expect(view.differences[0]!.claims.map((c) => c.articleIds.length)).toEqual([2, 1]);
  });

  it('groups quotes one way: by the speaker entity’s name, the same words from two outlets once', () => {
    expect(view.quoteGroups.map((g) => [g.name, g.quotes.length])).toEqual([['Ines Varga', 2]]);
    expect(view.quoteGroups[0]!.quotes[0]!.citations.map((c) => c.articleId)).toEqual(['a', 'b']);
    expect(md).toContain('### Ines Varga (2)');
    expect(md).toMatch(
      /^- “We will not sail,” — Harbour Times, Coast Wire \(direct quote, cue “said”\) \[\d+\]\[\d+\]$/m,
    );
    expect(md).toMatch(/^- “talks could resume” — Island Post \(paraphrased, cue “said”\)/m);
    const speakers = [...document.querySelectorAll('#quotes .speaker h3')].map((h) => h.textContent);
    expect(speakers).toEqual(['Ines Varga (2)']);
    expect(document.querySelectorAll('#quotes li.quote')).toHaveLength(2);
  });

  it('cuts cited text one way: at a word, to CITED_TEXT_MAX, in the Markdown citations and the HTML titles', () => {
    const mdCited = /^\d+\. Harbour Times, characters 0–\d+: “(.+)”$/m.exec(md)?.[1] ?? '';
    expect(LONG.length).toBeGreaterThan(CITED_TEXT_MAX);
    expect(mdCited.length).toBeLessThanOrEqual(CITED_TEXT_MAX);
    expect(mdCited.endsWith('…')).toBe(true);
    expect(LONG.startsWith(mdCited.slice(0, -1))).toBe(true);
    const title = document.querySelector('#summary a.cite')?.getAttribute('title') ?? '';
    expect(title).toBe(`Harbour Times: ${mdCited}`);
  });
});
