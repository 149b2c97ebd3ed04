import type { Context } from 'hono';
import { Ajv, type ErrorObject } from 'ajv';
import { isIsoDate, isUrl } from '../engine/inputs/index.js';
import { quoteValue } from '../engine/inputs/quote-value.js';
import type { StoryInput } from '../engine/stories.js';
import { ApiError, badRequest } from './api-error.js';
import { storyInputSchema } from './schemas.js';

const ajv = new Ajv({ allErrors: true, strict: false });
const validateJsonInput = ajv.compile(storyInputSchema);

/** The multipart fields a story request may carry. */
const FORM_FIELDS = new Set(['title', 'text', 'urls', 'files', 'referenceDate']);

/** Reads the body of a create/add request (JSON or multipart form) into the engine's story input, or throws a 4xx. */
export async function readStoryInput(c: Context): Promise<StoryInput> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') return checkCommon(await readJsonInput(c));
  if (type === 'multipart/form-data') return checkCommon(await readFormInput(c));
  throw new ApiError(415, 'unsupported-media-type', 'send application/json or multipart/form-data');
}

async function readJsonInput(c: Context): Promise<StoryInput> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw badRequest('the body is not valid JSON');
  }
  if (!validateJsonInput(body)) throw badRequest(describeErrors(validateJsonInput.errors ?? []));
  // A null field means absent, as in article objects.
  const input = body as { title?: string | null; articles?: unknown[] | null; urls?: string[] | null } & {
    referenceDate?: string | null;
  };
  return {
    ...(input.title == null ? {} : { title: input.title }),
    ...(input.articles == null ? {} : { articles: input.articles }),
    ...(input.urls == null ? {} : { urls: input.urls.map((u) => u.trim()).filter((u) => u !== '') }),
    ...(input.referenceDate == null ? {} : { referenceDate: input.referenceDate }),
  };
}

async function readFormInput(c: Context): Promise<StoryInput> {
  let form: Record<string, string | File | (string | File)[]>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch {
    throw badRequest('the multipart body could not be parsed');
  }
  const unknown = Object.keys(form).filter((key) => !FORM_FIELDS.has(key));
  if (unknown.length > 0) {
    throw badRequest(
      `unknown form fields: ${unknown.map((k) => quoteValue(k, 40)).join(', ')} (expected ${[...FORM_FIELDS]})`,
    );
  }
  const field = (key: string): (string | File)[] => [form[key] ?? []].flat();
  const strings = (key: string): string[] =>
    field(key).map((v) => {
      if (typeof v !== 'string') throw badRequest(`the form field "${key}" must be text, not a file`);
      return v;
    });
  const single = (key: string): string | undefined => {
    const values = strings(key);
    if (values.length > 1) throw badRequest(`the form field "${key}" is given more than once`);
    return values[0]?.trim() || undefined;
  };
  const files = field('files').map((v) => {
    if (typeof v === 'string') throw badRequest('the form field "files" must hold files');
    return v;
  });
  const title = single('title');
  const referenceDate = single('referenceDate');
  return {
    ...(title === undefined ? {} : { title }),
    ...(referenceDate === undefined ? {} : { referenceDate }),
    // Browsers send empty text areas and empty file pickers: those are no input, not bad input.
    texts: strings('text').filter((t) => t.trim() !== ''),
    urls: strings('urls').flatMap((v) =>
      v
        .split(/\r?\n/)
        .map((u) => u.trim())
        .filter((u) => u !== ''),
    ),
    files: await Promise.all(
      files
        .filter((f) => f.size > 0 || f.name !== '')
        .map(async (f) => ({ name: baseName(f.name), bytes: new Uint8Array(await f.arrayBuffer()) })),
    ),
  };
}

/** Checks what both body forms share: a valid reference date, web addresses only, and at least one input. */
function checkCommon(input: StoryInput): StoryInput {
  if (input.referenceDate !== undefined && !isIsoDate(input.referenceDate)) {
    throw badRequest(`"referenceDate" is not an ISO 8601 date: ${quoteValue(input.referenceDate)}`);
  }
  const notWeb = (input.urls ?? []).find((u) => !isUrl(u));
  if (notWeb !== undefined) throw badRequest(`only http(s) addresses are accepted in "urls": ${quoteValue(notWeb)}`);
  const count =
    (input.articles?.length ?? 0) + (input.texts?.length ?? 0) + (input.urls?.length ?? 0) + (input.files?.length ?? 0);
  if (count === 0) throw badRequest('give at least one article (articles, text, urls or files)');
  return input;
}

/** An uploaded file's name without any folder part a client may send (it names the input; it is never opened). */
function baseName(name: string): string {
  return name.split(/[\\/]/).pop() || 'upload';
}

function describeErrors(errors: readonly ErrorObject[]): string {
  const parts = errors.slice(0, 5).map((e) => {
    const where = e.instancePath ? `"${e.instancePath.slice(1).replace(/\//g, '.')}"` : 'the body';
    // The name of an unknown field comes from the client: quoted and cut short.
    const extra =
      e.keyword === 'additionalProperties' ? ` (${quoteValue(String(e.params.additionalProperty), 40)})` : '';
    return `${where} ${e.message ?? 'is invalid'}${extra}`;
  });
  return `invalid request body: ${parts.join('; ')}`;
}
