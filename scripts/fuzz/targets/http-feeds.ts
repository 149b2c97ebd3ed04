/**
 * HTTP bodies of `POST /api/feeds` (the stream's feed list), through `app.request`: JSON bodies with `url`, `urls` and
 * `title` absent, null, of a wrong type or hostile (non-web schemes, credentials, private addresses, very long), under
 * several content types, sometimes with the JSON text mutated. Checks: never a 5xx; every error a JSON body with a
 * clear message; every feed added an http(s) address without credentials (each removed again, to keep memory flat).
 */
import fc from 'fast-check';
import { materializeText, occasionalMutations, PROFILES, stringArbitrary, type TextMutation } from '../mutations.js';
import { buildField, fieldValueArbitrary, jsonContentTypeArbitrary, type FieldValue } from '../shapes.js';
import type { FuzzTarget } from '../target.js';
import { OK, problem, type Verdict } from '../verdict.js';
import { postAndCheck, theApp } from './http.js';

/** Addresses of every kind a client may send: web addresses, private ones, other schemes, credentials, junk. */
const ADDRESSES = [
  'https://news.example/feed.xml',
  'http://news.example/rss?x=1#top',
  'http://127.0.0.1:9/feed',
  'http://[::1]/feed',
  'http://2130706433/',
  'http://169.254.169.254/latest/meta-data/',
  'https://user:pass@news.example/feed',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'ftp://news.example/feed',
  ' https://news.example/a ',
  'https://',
  '//news.example/feed',
  'news.example/feed',
  '',
];

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'text/plain', '', 'multipart/form-data'];

/** A feeds request: a content type, the body's fields as recipes, and mutations of its JSON text. */
export interface FeedsBodyInput {
  contentType: string;
  body: { url?: FieldValue; urls?: FieldValue[] | FieldValue; title?: FieldValue; extra?: FieldValue };
  mutations: TextMutation[];
}

/** The `POST /api/feeds` target. */
export const httpFeedsTarget: FuzzTarget<FeedsBodyInput> = {
  name: 'http-feeds',
  weight: 1,
  arbitrary: ({ corpus, mode }) => {
    const size = { ...PROFILES[mode], maxChars: mode === 'ci' ? 300 : 10_000 };
    const address = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...ADDRESSES).map((value): FieldValue => ({ value })) },
      { weight: 1, arbitrary: fieldValueArbitrary('short', corpus.texts, size) },
      { weight: 1, arbitrary: fieldValueArbitrary('text', corpus.texts, size) },
      { weight: 1, arbitrary: stringArbitrary(200).map((s): FieldValue => ({ value: `https://news.example/${s}` })) },
    );
    return fc.record({
      contentType: jsonContentTypeArbitrary(CONTENT_TYPES),
      body: fc.record(
        {
          url: address,
          urls: fc.oneof(fc.array(address, { maxLength: 4 }), fieldValueArbitrary('short', corpus.texts, size)),
          title: fieldValueArbitrary('short', corpus.texts, size),
          extra: fieldValueArbitrary('short', corpus.texts, size),
        },
        { requiredKeys: [] },
      ),
      mutations: occasionalMutations(corpus.texts, size),
    });
  },
  async run(input) {
    const { urls, ...rest } = input.body;
    const fields: Record<string, unknown> = Object.fromEntries(
      Object.entries(rest).map(([k, v]) => [k, buildField(v)]),
    );
    if (urls !== undefined) fields.urls = Array.isArray(urls) ? urls.map(buildField) : buildField(urls);
    const body = materializeText({
      base: { literal: JSON.stringify(fields) },
      mutations: input.mutations,
      maxChars: Infinity,
    });
    return postAndCheck(
      '/api/feeds',
      { body, headers: input.contentType ? { 'Content-Type': input.contentType } : {} },
      acceptFeeds,
    );
  },
  async warm() {
    await postAndCheck('/api/feeds', { body: '{}', headers: { 'Content-Type': 'application/json' } }, acceptFeeds);
  },
};

/** Feeds added (or found): each an http(s) address without credentials; the added ones are removed again. */
async function acceptFeeds(json: unknown): Promise<Verdict> {
  const { added = [], existing = [] } = json as { added?: { id: string; url: string }[]; existing?: { url: string }[] };
  const bad = [...added, ...existing].find((feed) => !isFeedAddress(feed.url));
  for (const feed of added) await theApp().request(`/api/feeds/${encodeURIComponent(feed.id)}`, { method: 'DELETE' });
  return bad ? problem('invalid-output', `a feed added with the address ${JSON.stringify(bad.url.slice(0, 200))}`) : OK;
}

function isFeedAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
  } catch {
    return false;
  }
}
