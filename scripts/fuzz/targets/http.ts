/**
 * HTTP bodies of `POST /api/stories`, through `app.request` (no port): JSON bodies (story objects of any shape, or
 * mutated text, under several content types) and multipart forms (text fields, URL lists, uploaded files of any
 * name and bytes, unknown fields), and raw multipart text with a mutated body. Checks: never a 5xx; every error a
 * JSON body with a clear message; every created story with a valid report (then deleted, to keep memory flat).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Hono } from 'hono';
import { openSqliteLibrary } from '../../../src/engine/storage/open-sqlite-library.js';
import { validateReport } from '../../../src/engine/validate-report.js';
import { createApp } from '../../../src/server/app.js';
import {
  bytesRecipeArbitrary,
  materializeBytes,
  materializeText,
  PROFILES,
  occasionalMutations,
  textRecipeArbitrary,
  type BytesRecipe,
  type TextMutation,
  type TextRecipe,
} from '../mutations.js';
import {
  articleShapeArbitrary,
  buildField,
  buildObject,
  fieldValueArbitrary,
  jsonContentTypeArbitrary,
  type FieldValue,
  type ObjectShape,
} from '../shapes.js';
import { WARM_STORY, type FuzzTarget, type TargetEnv } from '../target.js';
import { checkMessage, OK, problem, type Verdict } from '../verdict.js';

/** Addresses for the `urls` inputs: none leaves the machine (port 9 refuses at once), most are not web addresses. */
const URLS = [
  'http://127.0.0.1:9/story',
  ' http://[::1]:9/a ',
  'ftp://example.invalid/x',
  'javascript:alert(1)',
  'http://',
  '',
  'news',
];

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'text/plain',
  '',
  'application/x-www-form-urlencoded',
];

/** A JSON request: a content type and a story body (from a recipe) or a mutated text. */
export interface JsonBodyInput {
  contentType: string;
  story: {
    title?: FieldValue;
    articles?: ObjectShape[] | FieldValue;
    urls?: string[] | FieldValue;
    referenceDate?: FieldValue;
    extra?: FieldValue;
  };
  mutations: TextMutation[];
}

/** One multipart field: text or a file. */
export type FormField = { name: string; text: TextRecipe } | { name: string; fileName: string; bytes: BytesRecipe };

/** A multipart request: fields sent as a form, or the form's text mutated and sent with its boundary. */
export interface FormInput {
  fields: FormField[];
  mutations: TextMutation[];
}

let app: Hono | null = null;
let unexpected: unknown[] = [];

/** The app under test: an in-memory library with its stream (so the stream routes answer too). */
export function theApp(): Hono {
  if (!app) {
    const library = openSqliteLibrary({ path: ':memory:' });
    const webRoot = join(mkdtempSync(join(tmpdir(), 'parallax-fuzz-web-')), 'none');
    app = createApp({
      repo: library.stories,
      stream: library.stream,
      webRoot,
      logError: (error) => void unexpected.push(error),
    });
  }
  return app;
}

/**
 * Posts a body to a route of the app and checks the answer: never a 5xx (a crash, with what the app logged), every
 * error a JSON body with a clear message, and a success checked (and undone, to keep memory flat) by `accept`.
 */
export async function postAndCheck(
  path: string,
  init: RequestInit & { headers?: Record<string, string> },
  accept: (json: unknown) => Promise<Verdict>,
): Promise<Verdict> {
  unexpected = [];
  const response = await theApp().request(path, { method: 'POST', ...init });
  const body = await response.text();
  if (response.status >= 500) {
    const error = unexpected[0];
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return problem('crash', `HTTP ${response.status}: ${body.slice(0, 300)}`, detail.slice(0, 2000));
  }
  let json: { error?: { message?: unknown } };
  try {
    json = JSON.parse(body) as typeof json;
  } catch {
    return problem('unclear-error', `HTTP ${response.status} with a body that is not JSON: ${body.slice(0, 200)}`);
  }
  if (response.status >= 400) return checkMessage(json.error?.message);
  return accept(json);
}

/** A created story: its report must pass the schema; it is deleted again. */
async function acceptStory(json: unknown): Promise<Verdict> {
  const created = json as { story?: { id?: string }; report?: unknown };
  const valid = validateReport(created.report);
  if (!valid.valid) return problem('invalid-output', `the created story's report fails its schema: ${valid.errors[0]}`);
  await theApp().request(`/api/stories/${encodeURIComponent(created.story?.id ?? '')}`, { method: 'DELETE' });
  return OK;
}

function send(init: RequestInit & { headers?: Record<string, string> }): Promise<Verdict> {
  return postAndCheck('/api/stories', init, acceptStory);
}

/** Creates a small story through the app: its worker pool starts and loads the language models before any input. */
async function warmApp(): Promise<void> {
  const { id: _id, ...story } = WARM_STORY;
  await send({ body: JSON.stringify(story), headers: { 'Content-Type': 'application/json' } });
}

function size({ mode }: TargetEnv) {
  return { ...PROFILES[mode], maxChars: mode === 'ci' ? 1500 : 50_000 };
}

/** The JSON body target. */
export const httpJsonTarget: FuzzTarget<JsonBodyInput> = {
  name: 'http-json',
  weight: 1,
  arbitrary: (env) => {
    const refs = env.corpus.texts;
    const short = fieldValueArbitrary('short', refs, size(env));
    return fc.record({
      contentType: jsonContentTypeArbitrary(CONTENT_TYPES),
      story: fc.record(
        {
          title: short,
          articles: fc.oneof(
            { weight: 5, arbitrary: fc.array(articleShapeArbitrary(refs, size(env)), { maxLength: 3 }) },
            { weight: 1, arbitrary: short },
          ),
          urls: fc.oneof(fc.array(fc.constantFrom(...URLS), { maxLength: 2 }), short),
          referenceDate: fieldValueArbitrary('date', refs, size(env)),
          extra: short,
        },
        { requiredKeys: [] },
      ),
      mutations: occasionalMutations(refs, size(env)),
    });
  },
  async run(input) {
    const { articles, urls, ...rest } = input.story;
    const story: Record<string, unknown> = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, buildField(v)]));
    if (articles !== undefined)
      story.articles = Array.isArray(articles) ? articles.map(buildObject) : buildField(articles);
    if (urls !== undefined) story.urls = Array.isArray(urls) ? urls : buildField(urls);
    const body = materializeText({
      base: { literal: JSON.stringify(story) },
      mutations: input.mutations,
      maxChars: Infinity,
    });
    return send({ body, headers: input.contentType ? { 'Content-Type': input.contentType } : {} });
  },
  warm: warmApp,
};

const FIELD_NAMES = ['title', 'text', 'text', 'urls', 'files', 'files', 'referenceDate', 'other'];
const FILE_NAMES = [
  'a.txt',
  'b.html',
  'c.md',
  'd.json',
  'e.jsonl',
  '../../etc/passwd.txt',
  'x.pdf',
  '',
  'noext',
  'C:\\t\\f.htm',
];

/** The multipart target. */
export const httpFormTarget: FuzzTarget<FormInput> = {
  name: 'http-form',
  weight: 1,
  arbitrary: (env) => {
    const refs = env.corpus.texts;
    const field: fc.Arbitrary<FormField> = fc.oneof(
      fc.record({ name: fc.constantFrom(...FIELD_NAMES), text: textRecipeArbitrary(refs, size(env)) }),
      fc.record({
        name: fc.constantFrom(...FIELD_NAMES),
        fileName: fc.constantFrom(...FILE_NAMES),
        bytes: bytesRecipeArbitrary([...refs, ...env.corpus.pages], size(env)),
      }),
    );
    return fc.record({
      fields: fc.array(field, { minLength: 1, maxLength: 3 }),
      mutations: occasionalMutations(refs, size(env)),
    });
  },
  async run(input) {
    const form = new FormData();
    for (const field of input.fields) {
      if ('text' in field) form.append(field.name, materializeText(field.text));
      else form.append(field.name, new Blob([Buffer.from(materializeBytes(field.bytes))]), field.fileName);
    }
    if (input.mutations.length === 0) return send({ body: form });
    // The form as the bytes a client sends, with its text mutated: a broken multipart body.
    const request = new Request('http://fuzz/', { method: 'POST', body: form });
    const text = Buffer.from(await request.arrayBuffer()).toString('latin1');
    const body = materializeText({ base: { literal: text }, mutations: input.mutations, maxChars: Infinity });
    const contentType = request.headers.get('content-type') ?? 'multipart/form-data';
    return send({ body: Buffer.from(body, 'latin1'), headers: { 'Content-Type': contentType } });
  },
  warm: warmApp,
};
