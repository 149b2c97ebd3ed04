// Where the reader's annotations come from: each sentence names the segmenter rule that made it, each removal its
// cleaning rule (a field, never parsed back from the detail text), each embed and metadata value its source.
import { describe, expect, it } from 'vitest';
import type { Article, InputFormat, RawArticle } from '../src/core/model.js';
import { LINE_RULES } from '../src/core/read/clean/run-line-rules.js';
import { readArticle, type ReadOptions } from '../src/core/read/read-article.js';
import { segmentSentences } from '../src/core/read/sentences.js';
import { paragraphSpans } from '../src/core/read/paragraphs.js';
import { prepareStoryContext } from '../src/core/read/story-context.js';
import { createRunContext, type RunContext } from '../src/core/run-context.js';

const BODY = [
  'The harbour board said on Monday that the ferry to Saltmarsh Island would run again from next week.',
  'Its chair, Ines Varga, told reporters that the new pier had passed its last inspection after the storms.',
  'Crews worked through the weekend to finish the ramp, according to a statement from the board.',
].join('\n\n');

function raw(content: string, format: InputFormat = 'text', meta: RawArticle['meta'] = {}): RawArticle {
  return { id: 'x', source: `input.${format}`, format, content, meta };
}

function read(input: RawArticle, options: ReadOptions = {}, ctx?: RunContext): Article {
  const r = readArticle(input, options, ctx);
  if (!r.ok) throw new Error(r.failure.message);
  return r.value;
}

/** The rule of each sentence of a text, with its text. */
function sentenceRules(text: string): [string, string][] {
  return segmentSentences(text, paragraphSpans(text)).map((s) => [text.slice(s.start, s.end), s.provenance.rule]);
}

describe('sentence provenance', () => {
  it('names wink for its own boundaries, and every sentence is stage read', () => {
    const a = read(raw(BODY));
    expect(a.sentences.length).toBe(3);
    for (const s of a.sentences) expect(s.provenance).toEqual({ stage: 'read', rule: 'read/wink' });
  });

  it('names repaired for a split after an abbreviation that was merged back', () => {
    const rules = sentenceRules('Sen. Ann Lee (D-Minn.), said it passed. It did.');
    expect(rules).toEqual([
      ['Sen. Ann Lee (D-Minn.), said it passed.', 'read/repaired'],
      ['It did.', 'read/wink'],
    ]);
  });

  it('names long-split for the pieces of a text without full stops', () => {
    const text = `${'the ferry ran again and the pier held and the crews went home '.repeat(40)}`.trim();
    const rules = sentenceRules(text);
    expect(rules.length).toBeGreaterThan(1);
    expect(new Set(rules.map(([, rule]) => rule))).toEqual(new Set(['read/long-split']));
  });

  it('names no rule besides the segmenter rules (negative: no paragraph cut where wink kept to the paragraph)', () => {
    const rules = new Set(sentenceRules(BODY).map(([, rule]) => rule));
    expect(rules).toEqual(new Set(['read/wink']));
  });
});

describe('removal rules', () => {
  it('names the line rule in `rule`, with the human detail apart', () => {
    const a = read(raw(`Ferry to return next week after storms\n\nBy Jane Doe\n\n${BODY}\n\nSubscribe to read more`));
    const byRule = new Map(a.removed.map((r) => [r.rule, r]));
    expect(byRule.get('detect-title')).toMatchObject({ reason: 'title', detail: 'first line has headline form' });
    expect(byRule.get('drop-bylines')).toMatchObject({ reason: 'byline' });
    for (const r of a.removed) {
      expect(r.rule).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.detail?.startsWith(`${r.rule}:`)).toBe(false);
    }
    const names = new Set([...LINE_RULES.map((rule) => rule.name), 'extract-embeds']);
    for (const r of a.removed) expect(names).toContain(r.rule);
  });

  it('names the HTML rule of a removed block and the Markdown rule of removed markup', () => {
    const page = `<html><head><title>Ferry back</title></head><body><article>
      ${BODY.split('\n\n')
        .map((p) => `<p>${p}</p>`)
        .join('')}
      <figure><img src="a.jpg"><figcaption>The new pier at dawn</figcaption></figure>
      <nav>Home Sports Weather</nav></article></body></html>`;
    const html = read(raw(page, 'html'));
    expect(html.removed.map((r) => r.rule).every((rule) => rule.startsWith('html-'))).toBe(true);
    expect(html.removed.length).toBeGreaterThan(0);
    const md = read(raw(`# Ferry back\n\n![The pier](pier.jpg)\n\n${BODY}`, 'markdown'));
    expect(md.removed.find((r) => r.reason === 'markup')).toMatchObject({ rule: 'markdown-image' });
  });
});

describe('metadata provenance', () => {
  it('names the page source of each value: JSON-LD, meta tags, the title element, html lang', () => {
    const page = `<html lang="en"><head><title>Ferry back | Island Times</title>
      <meta property="og:site_name" content="Island Times">
      <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry to return next week",
        "datePublished": "2024-03-04T09:00:00Z", "author": {"@type": "Person", "name": "Jane Doe"}}</script>
      </head><body><article>${BODY.split('\n\n')
        .map((p) => `<p>${p}</p>`)
        .join('')}</article></body></html>`;
    const a = read(raw(page, 'html'));
    expect(a.provenance).toEqual({
      title: { stage: 'read', rule: 'read/json-ld' },
      byline: { stage: 'read', rule: 'read/json-ld' },
      outlet: { stage: 'read', rule: 'read/meta-tag' },
      publishedAt: { stage: 'read', rule: 'read/json-ld' },
      language: { stage: 'read', rule: 'read/html-lang' },
    });
  });

  it('names the input metadata, the dateline, the text rules and the URL', () => {
    const a = read(
      raw(`Ferry to return next week after storms\n\nBy Jane Doe\n\nSALTMARSH (AP) — ${BODY}`, 'text', {
        url: 'https://www.example-news.com/2024/03/04/ferry',
      }),
    );
    expect(a.provenance).toEqual({
      url: { stage: 'read', rule: 'read/input-metadata' },
      title: { stage: 'read', rule: 'read/detect-title' },
      byline: { stage: 'read', rule: 'read/drop-bylines' },
      outlet: { stage: 'read', rule: 'read/dateline-agency' },
      dateline: { stage: 'read', rule: 'read/dateline' },
      publishedAt: { stage: 'read', rule: 'read/url-path' },
      language: { stage: 'read', rule: 'read/function-words' },
    });
    expect(a.outlet).toBe('Associated Press');
    const given = read(raw(BODY, 'text', { title: 'Ferry back', outlet: 'Island Times', publishedAt: '2024-03-04' }));
    expect(given.provenance).toMatchObject({
      title: { rule: 'read/input-metadata' },
      outlet: { rule: 'read/input-metadata' },
      publishedAt: { rule: 'read/input-metadata' },
    });
  });

  it('has no provenance for a value it did not find (negative)', () => {
    const a = read(raw(BODY));
    expect(a.title).toBeNull();
    expect(a.outlet).toBeNull();
    expect(a.provenance).toEqual({ language: { stage: 'read', rule: 'read/function-words' } });
  });
});

describe('the run context', () => {
  it('prepares a story given as plain texts once per run, with the result of a prepared context', () => {
    const texts = [BODY, BODY.replace('Monday', 'Tuesday'), `Ferry news\n\n${BODY.replace('board', 'council')}`];
    const ctx = createRunContext();
    const plain = texts.map((t) => read(raw(t), { storyContext: texts }, ctx));
    const prepared = prepareStoryContext(texts);
    expect(plain).toEqual(texts.map((t) => read(raw(t), { storyContext: prepared })));
    expect(ctx.memo('read.story-context', 4).size).toBe(1);
  });
});
