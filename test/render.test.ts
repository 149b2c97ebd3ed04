import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReportArticle } from '../src/core/model.js';
import { articleFromText } from '../src/core/article-from-text.js';
import { analyzeStory, toReportArticle } from '../src/core/pipeline.js';
import { escapeMarkdown } from '../src/core/render/escape-markdown.js';
import { renderHtml } from '../src/core/render/html.js';
import { renderMarkdown } from '../src/core/render/render-markdown.js';
import { REPORT_SECTIONS } from '../src/core/render/report-view.js';
import { describeShared, seedRaws } from './helpers/shared.js';
import { entityProvenance } from '../src/core/analyze/entities/entity-rules.js';

const EVIL =
  'Officials said <script>alert("x")</script> and <img src=x onerror=alert(1)> **bold** [link](javascript:alert(1)).';
const SAFE = 'The mayor opened the bridge on Tuesday. About 40,000 vehicles cross it daily.';

function article(id: string, text: string, extra: Partial<ReportArticle> = {}): ReportArticle {
  const sentences = [...text.matchAll(/[^.!?]+[.!?]+/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    provenance: { stage: 'read' as const, rule: 'read/wink' },
  }));
  return { ...toReportArticle(articleFromText(id, text, { source: `${id}.txt`, sentences })), ...extra };
}

/** A report that fills every section, with hostile text in every place article text can reach. */
function fullReport(): Report {
  const evilStart = EVIL.indexOf('<script>');
  return {
    schemaVersion: 1,
    generator: { name: 'parallax', version: '9.9.9' },
    story: { id: 'story<1>', title: 'Bridge <b>reopens</b>', articleCount: 2, referenceDate: '2024-05-01' },
    articles: [
      article('evil"id', EVIL, {
        outlet: 'Evil <Outlet> "Daily"',
        url: 'javascript:alert(1)',
        title: '<script>alert(2)</script>',
        byline: '<i>By</i> someone',
        publishedAt: { value: '2024-04-30', inferred: true, basis: 'url <path>' },
        removed: [{ text: '<iframe src=x>', reason: 'promo', rule: 'rule<y>', detail: 'rule <x>' }],
        embeds: [
          {
            kind: 'social-post',
            text: '<svg onload=alert(3)>',
            author: '<a>',
            handle: '@x',
            date: '2024-04-29',
            url: 'javascript:x',
            provenance: { stage: 'read', rule: 'read/post-signature' },
          },
        ],
        diagnostics: [{ level: 'info', code: 'not-utf8', message: 'decoded <as> windows-1252' }],
      }),
      article('safe', SAFE, { outlet: 'Good Paper', url: 'https://example.org/bridge' }),
    ],
    failures: [{ source: '<bad>.txt', code: 'empty-input', message: '<bad>.txt: the input is empty' }],
    entities: [
      {
        id: 'e1',
        name: 'Mara <Lind>',
        type: 'person',
        aliases: ['<alias>'],
        roles: ['mayor'],
        mentions: [
          {
            articleId: 'safe',
            start: 4,
            end: 9,
            text: 'mayor',
            provenance: { stage: 'entities', rule: 'entities/name-run' },
          },
        ],
        provenance: entityProvenance('entities/type-votes', ['entities/title-in-name']),
      },
    ],
    quotes: [
      {
        id: 'q1',
        articleId: 'evil"id',
        start: evilStart,
        end: evilStart + 26,
        text: '<script>alert("x")</script>',
        kind: 'direct',
        cue: 'said',
        speaker: { entityId: 'e1', name: 'Mara <Lind>', mention: null, inferred: true },
        provenance: { stage: 'quotes', rule: 'quotes/quotation' },
      },
      {
        id: 'q2',
        articleId: 'evil"id',
        start: 0,
        end: 3,
        text: 'embedded <post>',
        kind: 'partial',
        cue: null,
        speaker: null,
        embed: 0,
        provenance: { stage: 'quotes', rule: 'quotes/embed-post' },
      },
    ],
    numbers: [
      {
        articleId: 'safe',
        start: 40,
        end: 52,
        text: 'About 40,000',
        value: 40000,
        approximate: true,
        qualifier: 'about',
        counts: 'vehicles <daily>',
        attribution: null,
        asOf: null,
        provenance: { stage: 'numbers', rule: 'numbers/digits' },
      },
    ],
    dates: [
      {
        articleId: 'safe',
        start: 31,
        end: 38,
        text: 'Tuesday',
        date: '2024-04-30',
        precision: 'day',
        inferred: true,
        provenance: { stage: 'dates', rule: 'dates/bare-weekday' },
      },
    ],
    timeline: [
      {
        date: '2024-04-30',
        precision: 'day',
        text: 'Bridge <opened>',
        citations: [{ articleId: 'safe', start: 0, end: 39 }],
        inferred: false,
        provenance: { stage: 'timeline', rule: 'timeline/dated-clause' },
      },
    ],
    facts: [
      {
        id: 'f1',
        statement: 'The bridge <reopened>.',
        citations: [
          { articleId: 'safe', start: 0, end: 39 },
          { articleId: 'evil"id', start: 0, end: 13 },
        ],
        articleIds: ['safe', 'evil"id'],
        independentSources: 2,
        kind: 'shared',
        provenance: { stage: 'compose', rule: 'compose/shared-fact' },
      },
      {
        id: 'f2',
        statement: 'Single <fact>.',
        citations: [{ articleId: 'safe', start: 40, end: 77 }],
        articleIds: ['safe'],
        independentSources: 1,
        kind: 'single',
        provenance: { stage: 'compose', rule: 'compose/single-fact' },
      },
    ],
    differences: [
      {
        id: 'd1',
        about: 'vehicles <per day>',
        kind: 'number',
        provenance: { stage: 'compose', rule: 'compose/number-difference' },
        claims: [
          {
            text: '40,000 <cars>',
            value: 40000,
            articleIds: ['safe'],
            citations: [{ articleId: 'safe', start: 40, end: 52 }],
            attribution: 'the <city>',
            asOf: { value: '2024-04-30', inferred: false, basis: 'text' },
            provenance: { stage: 'compose', rule: 'compose/number-difference' },
          },
        ],
      },
    ],
    omissions: [{ articleId: 'evil"id', factIds: ['f2'] }],
    framing: [
      {
        articleId: 'evil"id',
        descriptors: [{ entityId: 'e1', terms: ['<hero>'], citations: [{ articleId: 'evil"id', start: 0, end: 9 }] }],
        chargedTerms: [
          { term: '<slam>', score: -2, citations: [{ articleId: 'evil"id', start: 0, end: EVIL.length }] },
        ],
        chargedScore: -1.5,
        distinctiveTerms: [{ term: '<word>', zScore: 2.25 }],
        quoted: [{ entityId: 'e1', name: '<Mara>', count: 1 }],
      },
    ],
    summary: {
      text: 'The bridge reopened <b>Tuesday</b>.',
      sentences: [
        {
          text: 'The bridge reopened <b>Tuesday</b>.',
          citations: [
            { articleId: 'safe', start: 0, end: 39 },
            { articleId: 'evil"id', start: evilStart, end: evilStart + 26 },
          ],
        },
      ],
    },
  };
}

/** Every `href="#x"` has an element with `id="x"`. */
function danglingAnchors(html: string): string[] {
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  return [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!).filter((id) => !ids.has(id));
}

describe('renderHtml', () => {
  const html = renderHtml(fullReport());

  it('escapes every piece of article text: no markup from the input survives', () => {
    const elements = [...parseHTML(html).document.querySelectorAll('*')];
    const tags = new Set(elements.map((e) => e.tagName.toLowerCase()));
    for (const tag of ['script', 'img', 'svg', 'iframe', 'b', 'i', 'outlet']) expect(tags.has(tag)).toBe(false);
    const attributes = elements.flatMap((e) => [...e.attributes].map((a) => a.name.toLowerCase()));
    expect(attributes.filter((a) => a.startsWith('on') || a === 'src')).toEqual([]);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
  });

  it('is self-contained: no scripts, no outside resources, a restrictive policy', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
    expect(html).toContain("default-src 'none'");
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.every((h) => h.startsWith('#') || h.startsWith('https://'))).toBe(true);
    expect(hrefs).toContain('https://example.org/bridge');
  });

  it('links each citation to the anchor of the cited sentence in the sources section', () => {
    expect(danglingAnchors(html)).toEqual([]);
    // The summary cites the first sentence of the second article and the evil article's only sentence.
    const summary = /<section id="summary">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(summary).toContain('href="#a2-s1"');
    expect(summary).toContain('href="#a1-s1"');
    expect(html).toMatch(/<span id="a2-s1" class="s cited">The mayor opened the bridge on Tuesday\.<\/span>/);
    // The embedded-post quote links to the embed block.
    expect(html).toContain('href="#a1-e1"');
    expect(html).toContain('id="a1-e1"');
  });

  it('renders every section of the contract', () => {
    // The full report fills every section of the report view, and the HTML report shows them in the view's order.
    const ids = [...html.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]);
    expect(ids).toEqual([...REPORT_SECTIONS]);
    expect(html).toContain('speaker inferred');
    expect(html).toContain('(inferred from url &#60;path&#62;)');
  });

  it('leaves out sections a report does not have', () => {
    const { summary: _s, facts: _f, quotes: _q, ...bare } = fullReport();
    const out = renderHtml({ ...bare, failures: [] });
    expect(out).not.toContain('<section id="summary">');
    expect(out).not.toContain('<section id="facts">');
    expect(out).not.toContain('<section id="failures">');
    expect(out).toContain('<section id="sources">');
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(fullReport());

  it('numbers citations and lists the exact cited source text', () => {
    expect(md).toMatch(/^## Summary\n\nThe bridge reopened \\<b>Tuesday\\<\/b>\. \[1\]\[2\]$/m);
    expect(md).toMatch(/^1\. Good Paper, characters 0–39: “The mayor opened the bridge on Tuesday\.”$/m);
    const citations = md.slice(md.indexOf('## Citations'));
    expect(citations.match(/^\d+\. /gm)).toHaveLength(new Set(md.match(/\[\d+\]/g)).size);
  });

  it('escapes article text so it cannot become Markdown or HTML', () => {
    expect(md).not.toMatch(/(^|[^\\])<script/);
    expect(md).not.toMatch(/(^|[^\\])<img/);
    expect(md).not.toMatch(/(^|[^\\])\[link\]\(javascript/);
    expect(md).not.toMatch(/<javascript:/);
    expect(md).toContain('\\*\\*bold\\*\\*');
  });

  it('renders every section that has content', () => {
    for (const heading of [
      'Summary',
      'Sources',
      'What the sources agree on',
      'Reported by one source',
      'Where the sources differ',
      'Omissions',
      'Who said what',
      'Numbers',
      'Timeline',
      'People, organizations and places',
      'Framing',
      'Dates mentioned',
      'Articles',
      'Inputs that could not be read',
      'Citations',
    ]) {
      expect(md).toContain(`## ${heading}\n`);
    }
  });

  it('escapes Markdown line starts and entity-like text', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdown('- not a bullet')).toBe('\\- not a bullet');
    expect(escapeMarkdown('AT&T &amp; co')).toBe('AT&T &amp;amp; co');
    expect(escapeMarkdown('plain words stay plain')).toBe('plain words stay plain');
  });
});

describeShared('rendering the seed story', () => {
  let report: Report;
  beforeAll(() => {
    report = analyzeStory(seedRaws(), { referenceDate: '2021-05-17' });
  });

  it('HTML: every citation link resolves and the sentences the summary cites are highlighted', () => {
    const html = renderHtml(report);
    expect(danglingAnchors(html)).toEqual([]);
    const summary = /<section id="summary">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    const cites = [...summary.matchAll(/class="cite" href="#(a\d+-[se]\d+)"/g)].map((m) => m[1]);
    const citationCount = (report.summary?.sentences ?? []).reduce((n, s) => n + s.citations.length, 0);
    expect(cites).toHaveLength(citationCount);
    for (const id of new Set(cites)) expect(html).toMatch(new RegExp(`id="${id}" class="(s cited|embed)"`));
  });

  it('Markdown: every cited span is quoted exactly in the citations list', () => {
    const md = renderMarkdown(report);
    expect(md).not.toContain('citation points outside the text');
    for (const article of report.articles) expect(md).toContain(`\`${article.id}\``);
  });
});
