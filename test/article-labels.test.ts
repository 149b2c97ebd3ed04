import { describe, expect, it } from 'vitest';
import { articleFromText } from '../src/core/article-from-text.js';
import { splitArticle } from '../src/core/light-report.js';
import { readArticles } from '../src/core/pipeline.js';
import { outletFromByline, outletFromUrl } from '../src/core/read/metadata/find-outlet.js';
import { articleLabels } from '../src/core/render/article-labels.js';
import { renderMarkdown } from '../src/core/render/render-markdown.js';
import { labelArticles } from '../web/src/story-context.js';
import type { RawArticle } from '../src/core/model.js';
import { describeShared, seedRaws } from './helpers/shared.js';

// Issue 12: an article with no outlet was labelled by its file name with a hash ("001_fd4e380777e72e7a.txt") on chips,
// columns and framing cards. One rule labels articles everywhere: the outlet, else the site, else "Article N: first
// words of its headline". Outlets are found where the text states them.

const raw = (id: string, content: string, meta: RawArticle['meta'] = {}): RawArticle => ({
  id,
  source: `${id}.txt`,
  format: 'text',
  content,
  meta,
});

describe('the outlet where the text states it', () => {
  it('a dateline with a wire agency: "(AP) —"', () => {
    const { articles } = readArticles([
      raw('a1', 'HARBOR CITY (AP) — The harbor bridge reopened on Monday after three weeks of repairs to its deck.'),
    ]);
    expect(articles[0]?.outlet).toBe('Associated Press');
  });

  it('a byline naming an agency, and not a byline naming a role', () => {
    expect(outletFromByline('By Jane Doe, Reuters')).toBe('Reuters');
    expect(outletFromByline('Jane Doe | The Associated Press')).toBe('Associated Press');
    expect(outletFromByline('By Jane Doe, staff writer')).toBeNull();
  });

  it('a URL’s site, by the outlet registry or by its domain', () => {
    expect(outletFromUrl('https://www.nytimes.com/2021/05/17/world/harbor.html')).toBe('The New York Times');
    expect(outletFromUrl('https://harbor-gazette.example.com/story/1')).toBe('Example');
    expect(outletFromUrl('not a url')).toBeNull();
  });

  it('the caller’s outlet wins over what the text states', () => {
    const { articles } = readArticles([
      raw('a1', 'HARBOR CITY (AP) — The harbor bridge reopened on Monday after three weeks of repairs.', {
        outlet: 'Harbor Gazette',
      }),
    ]);
    expect(articles[0]?.outlet).toBe('Harbor Gazette');
  });
});

describe('articleLabels', () => {
  const a = (id: string, fields: Parameters<typeof articleFromText>[2], text = 'The bridge reopened today.') =>
    articleFromText(id, text, fields);

  it('uses the outlet, else the site, else "Article N: first words of its headline"', () => {
    const labels = articleLabels([
      a('001_fd4e380777e72e7a', { outlet: 'Harbor Gazette' }),
      a('002_ea2461e2e1cff537', { url: 'https://www.example.org/news/1' }),
      a('003_987b99459388331d', { title: 'Harbor Bridge Reopens After Three Weeks of Repairs' }),
      a('004_54e095bef68fefdb', {}, 'Rain fell on the harbor all night and the roads were closed.'),
    ]);
    expect([...labels.values()]).toEqual([
      'Harbor Gazette',
      'example.org',
      'Article 3: Harbor Bridge…',
      'Article 4: Rain fell on…',
    ]);
  });

  it('keeps an initialism’s period where it cuts a headline, and drops a sentence’s', () => {
    const labels = articleLabels([
      a('a', { title: 'Senior U.S. Officials Speak With Harbor Counterparts' }),
      a('b', { title: 'Heavy rainfall. Harbor closed for the night' }),
    ]);
    expect([...labels.values()]).toEqual(['Article 1: Senior U.S.…', 'Article 2: Heavy rainfall…']);
  });

  it('never shows an id or a file name, even with nothing else to go on', () => {
    const labels = articleLabels([a('001_fd4e380777e72e7a', { source: '001_fd4e380777e72e7a.txt' }, '   ')]);
    expect(labels.get('001_fd4e380777e72e7a')).toBe('Article 1');
  });

  it('numbers labels that would repeat, and leaves a qualifier in parentheses to the full name', () => {
    expect(articleLabels([a('q', { outlet: 'Fox News (Online News)' })]).get('q')).toBe('Fox News');
    const labels = articleLabels([a('x', { outlet: 'Reuters' }), a('y', { outlet: 'Reuters' })]);
    expect([...labels.values()]).toEqual(['Reuters 1', 'Reuters 2']);
  });

  it('is the rule of the web page too', () => {
    const articles = [
      a('x', { outlet: 'Reuters' }),
      a('y', { title: 'Harbor Bridge Reopens' }),
      a('z', {}, 'The ferry crossing reopened on a grey morning after weeks of repairs.\nMore text.'),
    ].map(({ original: _o, format: _f, ...rest }) => rest);
    // The page has the light report: no text, but its first line.
    const light = articles.map((article) => splitArticle(article).light);
    expect(labelArticles(light).map((r) => r.label)).toEqual([...articleLabels(articles).values()]);
    expect(labelArticles(light)[2]?.label).toBe('Article 3: The ferry…');
  });
});

describeShared('labels of the seed story', () => {
  it('no chip, column or card of the Markdown report shows a hashed id (ids and sources stay in code spans)', () => {
    const { articles } = readArticles(seedRaws());
    const report = {
      schemaVersion: 1 as const,
      generator: { name: 'parallax' as const, version: 'test' },
      story: { id: 's', title: null, articleCount: articles.length, referenceDate: null },
      articles: articles.map(({ original: _o, format: _f, ...rest }) => rest),
      failures: [],
      framing: articles.map((x) => ({
        articleId: x.id,
        descriptors: [],
        chargedTerms: [],
        chargedScore: 0,
        distinctiveTerms: [],
        quoted: [],
      })),
    };
    const md = renderMarkdown(report);
    const withoutIds = md.replace(/`[^`\n]*`/g, '');
    expect(withoutIds).not.toMatch(/\d{3}_[0-9a-f]{16}/);
    expect(md).toContain('### Article 2: Following a…');
  });
});
