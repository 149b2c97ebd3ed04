import { describe, expect, it } from 'vitest';
import type { Article, RawArticle } from '../src/core/model.js';
import { readArticle, type ReadOptions } from '../src/core/read/read-article.js';
import { isThreadContinuation } from '../src/core/read/embeds.js';
import { detectLanguage } from '../src/core/read/language.js';
import { findDateline } from '../src/core/read/metadata/find-dateline.js';
import { outletFromLine } from '../src/core/read/metadata/find-outlet.js';

/** Reads a hand-written text; throws when it fails so that tests see the article. */
function read(content: string, extra: Partial<RawArticle> = {}, options: ReadOptions = {}): Article {
  const r = readArticle({ id: 't', source: 'test.txt', format: 'text', content, meta: {}, ...extra }, options);
  if (!r.ok) throw new Error(r.failure.message);
  return r.value;
}

const BODY = [
  'Officials in the capital said on Tuesday that talks on the water agreement would resume next week after a pause.',
  'The minister told reporters that both delegations had agreed on a schedule for the remaining water talks.',
  'Negotiators from the two countries are expected to meet in Geneva, according to a statement from the ministry.',
].join('\n\n');

describe('title (negative: a body sentence is never a title)', () => {
  it('does not take a first sentence with a period as the title', () => {
    const a = read(BODY);
    expect(a.title).toBeNull();
    expect(a.removed).toEqual([]);
  });

  it('takes a short headline line as the title and removes it from the text', () => {
    const a = read(`Water talks to resume next week\n\n${BODY}`);
    expect(a.title).toBe('Water talks to resume next week');
    expect(a.text.startsWith('Officials in the capital')).toBe(true);
  });

  it("prefers the caller's title and still removes the line that repeats it", () => {
    const a = read(`Water Talks To Resume\n\n${BODY}`, { meta: { title: 'Water talks to resume' } });
    expect(a.title).toBe('Water talks to resume');
    expect(a.removed.map((r) => r.reason)).toEqual(['title']);
  });
});

describe('teasers and junk (negatives keep real text)', () => {
  it('keeps a normal sentence full of acronyms', () => {
    const line = 'NATO and the EU told the UN that the U.S. would back the IAEA inspection plan.';
    const a = read(
      `${BODY}\n\n${line}\n\nThe talks will continue in Geneva on Monday, officials said after the meeting ended.`,
    );
    expect(a.text).toContain(line);
    expect(a.removed).toEqual([]);
  });

  it('removes an all-caps headline dropped between paragraphs', () => {
    const a = read(
      `${BODY}\n\nMARKETS RALLY AS CENTRAL BANK HOLDS RATES STEADY\n\n${BODY.split('\n\n')[0]!.replace('Tuesday', 'Wednesday')}`,
    );
    expect(a.removed.map((r) => r.reason)).toEqual(['teaser-headline']);
  });

  it('keeps an all-caps section heading that introduces the paragraph after it', () => {
    const heading = 'HOW THE WATER TALKS SCHEDULE WAS AGREED';
    const next = 'The schedule for the water talks was agreed by both delegations late on Tuesday, officials said.';
    const a = read(`${BODY}\n\n${heading}\n\n${next}`);
    expect(a.text).toContain(heading);
    expect(a.removed).toEqual([]);
  });

  it('keeps lines the piece repeats as its template (three or more times), drops a pull quote given twice', () => {
    const q = 'What inspired you to start?';
    const answers = [
      'I always loved cooking for my family at home.',
      'My grandmother taught me to bake bread.',
      'A trip to Italy changed how I cook.',
    ];
    const a = read(answers.map((x) => `${q}\n\n${x}`).join('\n\n'));
    expect(a.text.split(q)).toHaveLength(4);
    const b = read(`${BODY}\n\n${BODY.split('\n\n')[1]!}`);
    expect(b.removed.map((r) => r.reason)).toEqual(['duplicate']);
  });

  it('does not take foreign-language prose for captions (the verb tagger is English-only)', () => {
    const ru = [
      'Заголовок статьи о переговорах',
      'Министр сообщил журналистам, что делегации согласовали график.',
      'Переговоры продолжатся на следующей неделе в Женеве, сообщили в министерстве.',
    ];
    const a = read(ru.join('\n\n'));
    expect(a.text).toContain(ru[1]);
    expect(a.text).toContain(ru[2]);
  });

  it('keeps a short first paragraph after the title', () => {
    const a = read(`Water talks to resume next week\n\nThe minister resigned on Monday.\n\n${BODY}`);
    expect(a.text.startsWith('The minister resigned on Monday.')).toBe(true);
    expect(a.removed.map((r) => r.reason)).toEqual(['title']);
  });

  it('keeps a short quote line and a short closing paragraph', () => {
    const a = read(`${BODY}\n\n“We will not give up,” she said.\n\nHe declined to comment.`);
    expect(a.text).toContain('“We will not give up,” she said.');
    expect(a.text).toContain('He declined to comment.');
    expect(a.removed).toEqual([]);
  });

  it('keeps an on-topic subheading inside the body', () => {
    const a = read(
      `${BODY}\n\nGeneva talks schedule agreed\n\n${BODY}`.replace(
        /\n\n(Officials in the capital[^\n]*)$/,
        '\n\nThe schedule for the Geneva talks was agreed by both delegations on Tuesday evening, officials said.',
      ),
    );
    expect(a.text).toContain('Geneva talks schedule agreed');
  });

  it('removes an unrelated headline inside the body, using the story context', () => {
    const context = [
      'The water agreement talks between the two countries resume in Geneva next week, the ministry said.',
    ];
    const a = read(
      `${BODY}\n\nCelebrity chef opens pizzeria in Milan\n\nThe ministry said the Geneva talks on water would last three days and end with a statement.`,
      {},
      { storyContext: context },
    );
    expect(a.removed.map((r) => r.reason)).toEqual(['teaser-headline']);
    expect(a.removed[0]?.detail).toMatch(/\b\d+% shared words/);
    expect(a.text).toContain('Negotiators from the two countries');
  });

  it('removes subscription prompts, read-more calls, labels, stamps and bare links, but not news about subscriptions', () => {
    const junk = [
      'Subscribe now for full access',
      'Sign up for our newsletter',
      'Read more: Water talks stall again',
      'Advertisement',
      'Updated at 9:41 a.m.',
      'https://example.com/story/123',
    ];
    const news = 'The newspaper said on Tuesday that it had gained 40,000 new subscribers in the past year.';
    const a = read(`${BODY}\n\n${junk.join('\n\n')}\n\n${news}\n\n${BODY}`);
    expect(a.removed.map((r) => r.reason)).toEqual([
      'subscription-prompt',
      'subscription-prompt',
      'read-more-link',
      'promo',
      'timestamp',
      'bare-link',
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
    expect(a.text).toContain(news);
  });

  it('names the outlet from a read-more line or a copyright line', () => {
    expect(outletFromLine('CLICK HERE TO READ MORE FROM THE DAILY BUGLE')).toBe('Daily Bugle');
    expect(outletFromLine('Copyright 2021 Acme News. All rights reserved.')).toBe('Acme News');
    expect(outletFromLine('The ministry said more talks would follow.')).toBeNull();
  });
});

describe('header: byline, standfirst, caption, dateline', () => {
  it('removes a byline and a "By" line, and reads a dateline without removing it', () => {
    const a = read(`Water talks to resume next week\n\nBy Jane Doe\n\nGENEVA (AP) — ${BODY}`);
    expect(a.byline).toBe('Jane Doe');
    expect(a.dateline).toBe('GENEVA');
    expect(a.text.startsWith('GENEVA (AP) — Officials')).toBe(true);
  });

  it('does not read a dateline in an ordinary first sentence', () => {
    expect(findDateline('The White House said on Monday — in a statement — that talks go on.')).toBeNull();
    expect(findDateline('WASHINGTON – Senior officials spoke.')?.place).toBe('WASHINGTON');
    expect(findDateline('GAZA CITY, Gaza Strip (AP) — Rockets flew.')?.place).toBe('GAZA CITY');
  });
});

describe('embedded posts', () => {
  const post = 'Talks resume Monday in #Geneva, the ministry confirms.';
  const sig = '— Jane Reporter (@janereporter) March 3, 2022';

  it('takes a post, its signature and its link out of the body', () => {
    const a = read(
      `${BODY}\n\n${post}\n\n${sig}\n\nhttps://t.co/abc123XYZ\n\n${BODY.split('\n\n')[1]!.replace('minister', 'deputy')}`,
    );
    expect(a.embeds).toEqual([
      {
        kind: 'social-post',
        text: post,
        author: 'Jane Reporter',
        handle: 'janereporter',
        date: '2022-03-03',
        url: 'https://t.co/abc123XYZ',
        provenance: { stage: 'read', rule: 'read/post-signature' },
      },
    ]);
    expect(a.text).not.toContain('@janereporter');
    expect(a.publishedAt).toMatchObject({ value: '2022-03-03', inferred: true });
    expect(a.provenance.publishedAt).toEqual({ stage: 'read', rule: 'read/embedded-posts' });
    expect(new Set(a.removed.filter((r) => r.reason === 'embed').map((r) => r.rule))).toEqual(
      new Set(['extract-embeds']),
    );
  });

  it('tells thread lines from article prose by form', () => {
    expect(isThreadContinuation('“The directive is to keep going.”')).toBe(true);
    expect(isThreadContinuation('Ministry making clear it wants a deal now.')).toBe(true);
    expect(isThreadContinuation('The ministry said it wants a deal now.')).toBe(false);
    expect(isThreadContinuation('“The directive is to keep going,” the minister said.')).toBe(false);
  });
});

describe('language', () => {
  it('detects the supported languages and says null when unsure', () => {
    expect(
      detectLanguage(
        'El gobierno dijo que las conversaciones con los países vecinos continuarán por la tarde en la capital.',
      ),
    ).toBe('es');
    expect(
      detectLanguage(
        'Le gouvernement a dit que les discussions avec les pays voisins sont prévues pour la semaine prochaine.',
      ),
    ).toBe('fr');
    expect(
      detectLanguage(
        'Die Regierung sagte, dass die Gespräche mit den Nachbarländern in der nächsten Woche fortgesetzt werden.',
      ),
    ).toBe('de');
    expect(detectLanguage(BODY)).toBe('en');
    expect(detectLanguage('1234 5678 xyzzy qwerty')).toBeNull();
  });
});
